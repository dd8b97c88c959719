import fc from 'fast-check';
import { envelopeArb } from '../testing/envelope-arbitraries';
import type { EventEnvelope } from './event-envelope';
import { validateEnvelope } from './validate-envelope';

const valid: EventEnvelope = {
  id: '019ab2a6-3c4e-7a10-8b2c-5d6e7f809a1b',
  type: 'org.statehub.repo.registered',
  version: '1.0',
  timestamp: '2026-11-23T21:04:57.438Z',
  publisher: 'state-hub',
  attributes: { repo_slug: 'state-hub', nested: { AnyCase: [1, 'two', null] } },
};

function errorsFor(value: unknown): string[] {
  const result = validateEnvelope(value);
  if (result.ok) throw new Error('expected the envelope to be invalid');
  return result.errors;
}

describe('validateEnvelope', () => {
  it('accepts a valid envelope and returns it unchanged', () => {
    expect(validateEnvelope(valid)).toEqual({ ok: true, envelope: valid });
    expect(validateEnvelope({ ...valid, correlation_id: 'run-1', causation_id: 'evt-0' }).ok).toBe(true);
  });

  it.each([
    ['Foo', "type: must look like org.<publisher>.<noun>.<verb>, got 'Foo'"],
    ['org.statehub.registered', "type: must look like org.<publisher>.<noun>.<verb>, got 'org.statehub.registered'"],
    ['org.StateHub.repo.registered', 'type: must look like'],
    ['com.statehub.repo.registered', 'type: must look like'],
    ['org.statehub..registered', 'type: must look like'],
  ])('refuses type %j', (type, message) => {
    expect(errorsFor({ ...valid, type }).join('\n')).toContain(message);
  });

  it('refuses an over-long type', () => {
    const type = `org.statehub.repo.${'x'.repeat(300)}`;
    expect(errorsFor({ ...valid, type })).toContain('type: must be at most 255 characters');
  });

  it.each(['2026-11-23T21:04:57.438+01:00', '2026-11-23T21:04:57', '2026-11-23', 'yesterday', '2026-02-30T00:00:00Z'])(
    'refuses non-UTC or malformed timestamp %j',
    (timestamp) => {
      expect(errorsFor({ ...valid, timestamp })).toEqual([
        `timestamp: must be an RFC 3339 UTC timestamp ending in Z, got '${timestamp}'`,
      ]);
    },
  );

  it.each(['not-a-uuid', '019ab2a6-3c4e-7a10-8b2c', '019ab2a63c4e7a108b2c5d6e7f809a1b', ''])('refuses id %j', (id) => {
    expect(errorsFor({ ...valid, id })).toEqual([`id: must be a UUID, got '${id}'`]);
  });

  it('accepts any RFC 4122 UUID, not only v7', () => {
    expect(validateEnvelope({ ...valid, id: '3b241101-e2bb-4255-8caf-4136c566a962' }).ok).toBe(true);
  });

  it.each([
    [null, 'attributes: expected a JSON object, got null'],
    [[1, 2], 'attributes: expected a JSON object, got array'],
    ['text', 'attributes: expected a JSON object, got string'],
    [undefined, 'attributes: expected a JSON object, got undefined'],
  ])('refuses attributes %j', (attributes, message) => {
    expect(errorsFor({ ...valid, attributes })).toEqual([message]);
  });

  it('refuses attribute keys that are not snake_case', () => {
    const errors = errorsFor({ ...valid, attributes: { repoSlug: 'x', 'repo-slug': 'y', _x: 1, ok_key: 2 } });
    expect(errors).toEqual([
      'attributes.repoSlug: key must be snake_case (^[a-z][a-z0-9_]*$)',
      'attributes.repo-slug: key must be snake_case (^[a-z][a-z0-9_]*$)',
      'attributes._x: key must be snake_case (^[a-z][a-z0-9_]*$)',
    ]);
  });

  it('refuses unknown top-level fields, naming each', () => {
    expect(errorsFor({ ...valid, subject: 'x', Extra: 1 })).toEqual(['subject: unknown field', 'Extra: unknown field']);
  });

  it('reports missing fields as required', () => {
    const { type: _type, version: _version, ...rest } = valid;
    expect(errorsFor(rest)).toEqual(['type: required', 'version: required']);
  });

  it.each([
    ['version', '1', "version: must look like <major>.<minor> (e.g. 1.0), got '1'"],
    ['publisher', 'State Hub', "publisher: must be lowercase kebab-case (e.g. state-hub), got 'State Hub'"],
    ['publisher', 42, 'publisher: expected string, got number'],
    ['correlation_id', '', 'correlation_id: must not be empty'],
    ['causation_id', 'x'.repeat(201), 'causation_id: must be at most 200 characters'],
  ])('refuses %s = %j', (field, value, message) => {
    expect(errorsFor({ ...valid, [field]: value })).toEqual([message]);
  });

  it('refuses a non-object envelope', () => {
    expect(errorsFor([valid])).toEqual(['envelope: expected a JSON object, got array']);
    expect(errorsFor('{}')).toEqual(['envelope: expected a JSON object, got string']);
  });

  it('caps the number of reported errors', () => {
    const hostile = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`field_${i}`, i]));
    const errors = errorsFor({ ...valid, ...hostile });
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('... and 4980 more errors');
  });

  it('truncates long values in messages', () => {
    const [message] = errorsFor({ ...valid, type: 'X'.repeat(200) });
    expect(message.length).toBeLessThan(150);
  });

  it('never throws on exotic objects', () => {
    const throwing = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('boom');
        },
      },
    );
    expect(validateEnvelope(throwing).ok).toBe(false);
    const getter = { ...valid };
    Object.defineProperty(getter, 'type', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(errorsFor(getter).join()).toContain('could not be validated');
  });

  it('accepts every generated valid envelope', () => {
    fc.assert(fc.property(envelopeArb, (envelope) => validateEnvelope(envelope).ok));
  });

  it('never throws on arbitrary values, and explains every refusal', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        const result = validateEnvelope(value);
        return result.ok || (result.errors.length > 0 && result.errors.every((e) => /^\S.*: \S/.test(e)));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when one field of a valid envelope is replaced by anything', () => {
    const field = fc.constantFrom('id', 'type', 'version', 'timestamp', 'publisher', 'attributes', 'correlation_id');
    fc.assert(
      fc.property(envelopeArb, field, fc.anything(), (envelope, key, value) => {
        const result = validateEnvelope({ ...envelope, [key]: value });
        return result.ok || result.errors.some((e) => e.startsWith(key));
      }),
    );
  });
});
