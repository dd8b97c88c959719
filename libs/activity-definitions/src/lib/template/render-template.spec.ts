import { renderTemplate } from './render-template';
import { TemplateError } from './template-error';

const data = {
  event: { id: 'e-1', attributes: { repo_slug: 'state-hub', count: 3, tags: ['a', 'b'], gone: null } },
  run: { id: 'r-9' },
};

describe('renderTemplate', () => {
  it('replaces placeholders inside strings', () => {
    expect(renderTemplate('http://hub/repos/{{ event.attributes.repo_slug }}/sync?run={{run.id}}', data)).toBe(
      'http://hub/repos/state-hub/sync?run=r-9',
    );
  });

  it('keeps the JSON type of a string that is exactly one placeholder', () => {
    expect(renderTemplate('{{ event.attributes.count }}', data)).toBe(3);
    expect(renderTemplate('{{ event.attributes.tags }}', data)).toEqual(['a', 'b']);
    expect(renderTemplate('{{ event.attributes.gone }}', data)).toBeNull();
  });

  it('splices non-strings into longer strings as text', () => {
    expect(
      renderTemplate(
        'n={{ event.attributes.count }} t={{ event.attributes.tags }} g={{ event.attributes.gone }}',
        data,
      ),
    ).toBe('n=3 t=["a","b"] g=');
  });

  it('walks objects and lists, leaving other values and keys alone', () => {
    const body = {
      source: 'activity-core',
      repo: '{{ event.attributes.repo_slug }}',
      n: 1,
      list: ['{{ run.id }}', true],
    };
    expect(renderTemplate(body, data)).toEqual({
      source: 'activity-core',
      repo: 'state-hub',
      n: 1,
      list: ['r-9', true],
    });
  });

  it('reads list items by index', () => {
    expect(renderTemplate('{{ event.attributes.tags.1 }}', data)).toBe('b');
  });

  it('throws a clear error for a missing path', () => {
    expect(() => renderTemplate('{{ event.attributes.nope }}', data)).toThrow(
      new TemplateError('{{ event.attributes.nope }}: event.attributes has no "nope"'),
    );
    expect(() => renderTemplate('{{ nothing }}', data)).toThrow('the template data has no "nothing"');
  });

  it.each(['__proto__', 'constructor', 'event.__proto__.polluted', 'event.constructor', 'run.id.prototype'])(
    'refuses %s',
    (path) => {
      expect(() => renderTemplate(`{{ ${path} }}`, data)).toThrow(/is not allowed in a path/);
    },
  );

  it('does not reach inherited properties', () => {
    expect(() => renderTemplate('{{ run.toString }}', data)).toThrow(TemplateError);
    expect(() => renderTemplate('{{ event.id.length }}', data)).toThrow(TemplateError);
  });

  it('refuses anything but a dotted path', () => {
    for (const text of ['{{ 1 + 2 }}', '{{ run["id"] }}', '{{ process.exit() }}', '{{ }}']) {
      expect(() => renderTemplate(text, data)).toThrow(/a placeholder is a dotted path/);
    }
  });

  it('keeps a __proto__ key in the template as plain data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": "{{ run.id }}"}}') as unknown;
    const rendered = renderTemplate(value, data) as Record<string, unknown>;
    expect(Object.keys(rendered)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(rendered)).toBe(Object.prototype);
  });

  it('leaves text without placeholders untouched', () => {
    expect(renderTemplate('plain { braces } and {single}', data)).toBe('plain { braces } and {single}');
  });
});
