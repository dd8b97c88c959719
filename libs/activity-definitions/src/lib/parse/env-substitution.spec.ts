import { substituteVariables, UNSET_PLACEHOLDER } from './env-substitution';
import { parseDefinition } from './parse-definition';

describe('substituteVariables', () => {
  const env = { HUB: 'http://hub:3000', TOKEN: 's3cret', EMPTY: '' };

  it('replaces ${VAR} in string values at any depth, not in keys', () => {
    const out = substituteVariables({ url: '${HUB}/x', list: ['a ${TOKEN} b'], '${HUB}': 1, n: 5 }, env, 'error');
    expect(out.value).toEqual({ url: 'http://hub:3000/x', list: ['a s3cret b'], '${HUB}': 1, n: 5 });
    expect(out.problems).toEqual([]);
  });

  it('writes a literal ${ for $${', () => {
    const out = substituteVariables({ cmd: 'echo $${HOME} $${ and ${TOKEN}' }, env, 'error');
    expect(out.value).toEqual({ cmd: 'echo ${HOME} ${ and s3cret' });
  });

  it('substitutes an empty value when the variable is set but empty', () => {
    expect(substituteVariables('a${EMPTY}b', env, 'error').value).toBe('ab');
  });

  it('uses the default of ${VAR:-default} when the variable is unset or empty, and the value otherwise', () => {
    const out = substituteVariables(
      { a: 'Bearer ${NOPE:-}', b: '${EMPTY:-fallback}', c: '${TOKEN:-fallback}', d: '${NOPE:-http://x:1}/y' },
      env,
      'error',
    );
    expect(out.value).toEqual({ a: 'Bearer ', b: 'fallback', c: 's3cret', d: 'http://x:1/y' });
    expect(out.problems).toEqual([]);
    expect(out.warnings).toEqual([]);
  });

  it('does not substitute twice', () => {
    expect(substituteVariables('${X}', { X: '${TOKEN}' }, 'error').value).toBe('${TOKEN}');
  });

  it('reports an unset variable with its field', () => {
    const out = substituteVariables({ context: [{ url: '${NOPE}/health' }] }, env, 'error');
    expect(out.problems).toEqual([
      { path: ['context', 0, 'url'], message: 'context[0].url: environment variable NOPE is not set' },
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('uses a placeholder and only warns in placeholder mode', () => {
    const out = substituteVariables({ url: '${NOPE}/health' }, env, 'placeholder');
    expect(out.value).toEqual({ url: `${UNSET_PLACEHOLDER}/health` });
    expect(out.problems).toEqual([]);
    expect(out.warnings).toEqual([
      { path: ['url'], message: 'url: environment variable NOPE is not set; checked with a placeholder' },
    ]);
  });

  it('reports malformed references', () => {
    for (const text of ['${lower-case}', '${', '${ SPACED }', '${1ABC}']) {
      const out = substituteVariables({ url: text }, env, 'error');
      expect(out.problems).toEqual([
        { path: ['url'], message: expect.stringMatching(/^url: malformed variable reference/) },
      ]);
    }
  });

  it('ignores a lone $ and $NAME', () => {
    expect(substituteVariables('cost $5, $HOME', env, 'error')).toEqual({
      value: 'cost $5, $HOME',
      problems: [],
      warnings: [],
    });
  });

  it('does not read inherited properties of the env object', () => {
    expect(substituteVariables('${toString}', {}, 'error').problems).toHaveLength(1);
  });
});

describe('parseDefinition with variables', () => {
  const text = `id: env.test
trigger: { trigger_type: manual }
instruction:
  kind: shell
  cmd: echo "$\${HOME}"
  cwd: \${WORKDIR}
  timeout_seconds: 10
`;

  it('substitutes before validating, and keeps escapes literal', () => {
    const result = parseDefinition(text, { path: 'e.yaml', env: { WORKDIR: '/srv/hub' } });
    expect(result.ok && result.definition.definition.instruction).toMatchObject({
      cmd: 'echo "${HOME}"',
      cwd: '/srv/hub',
    });
  });

  it('fails on an unset variable by default, loads with a warning in placeholder mode', () => {
    const strict = parseDefinition(text, { path: 'e.yaml', env: {} });
    expect(strict.ok ? [] : strict.problems).toEqual([
      { path: 'e.yaml', line: 6, column: 8, message: 'instruction.cwd: environment variable WORKDIR is not set' },
    ]);
    const lenient = parseDefinition(text, { path: 'e.yaml', env: {}, unsetVariables: 'placeholder' });
    expect(lenient.ok).toBe(true);
    expect(lenient.warnings.map((w) => w.line)).toEqual([6]);
  });
});
