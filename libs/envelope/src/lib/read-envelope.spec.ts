import fc from 'fast-check';
import { envelopeArb } from '../testing/envelope-arbitraries';
import type { EventEnvelope } from './event-envelope';
import { readEnvelope } from './read-envelope';
import { validateEnvelope } from './validate-envelope';

/** As the seeds' Python hub writes it: a test id, Python's isoformat(), no local_path. */
const python: EventEnvelope = {
  id: '00000000-0000-0000-0000-000000000001',
  type: 'org.statehub.repo.registered',
  version: '1.0',
  timestamp: '2026-06-21T19:46:43.123456+00:00',
  publisher: 'state-hub',
  attributes: { repo_id: '00000000-0000-0000-0000-000000000002', repo_slug: 'seeds', name: 'Seeds' },
};

function errorsFor(value: unknown): string[] {
  const result = readEnvelope(value);
  if (result.ok) throw new Error('expected the envelope to be unreadable');
  return result.errors;
}

describe('readEnvelope', () => {
  it('reads an envelope the strict rules refuse, unchanged', () => {
    expect(validateEnvelope(python).ok).toBe(false);
    expect(readEnvelope(python)).toEqual({ ok: true, envelope: python });
  });

  it('reads every envelope the strict rules accept, unchanged', () => {
    fc.assert(fc.property(envelopeArb, (envelope) => expect(readEnvelope(envelope)).toEqual({ ok: true, envelope })));
  });

  it.each(['evt-42', 'a', 'ÄÖÜ ✓ with spaces', 'x'.repeat(128), 'urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962'])(
    'reads id %j',
    (id) => expect(readEnvelope({ ...python, id }).ok).toBe(true),
  );

  it.each([
    ['', 'id: must not be empty'],
    ['x'.repeat(129), 'id: must be at most 128 characters'],
    ['evt\n42', "id: must be printable characters only, got 'evt\\n42'"],
    ['evt\u200b42', 'id: must be printable characters only'],
  ])('refuses id %j', (id, message) => {
    expect(errorsFor({ ...python, id })[0]).toContain(message);
  });

  it.each([
    '2026-06-21T19:46:43Z',
    '2026-06-21T19:46:43+00:00',
    '2026-06-21T21:46:43.1+02:00',
    '2026-06-21T14:46:43.123456789-05:00',
  ])('reads timestamp %j', (timestamp) => {
    expect(readEnvelope({ ...python, timestamp }).ok).toBe(true);
  });

  it.each(['2026-06-21T19:46:43.123456', '2026-06-21', 'yesterday', '2026-02-30T00:00:00Z', '2026-06-21 19:46:43Z'])(
    'refuses timestamp %j, which is not RFC 3339',
    (timestamp) => {
      expect(errorsFor({ ...python, timestamp })).toEqual([
        `timestamp: must be an RFC 3339 timestamp with an offset (Z or ±hh:mm), got '${timestamp}'`,
      ]);
    },
  );

  it('reads any type, version and publisher text, and attribute keys of any form', () => {
    const foreign = {
      ...python,
      type: 'org.ci.Build.finished',
      version: '2024-01',
      publisher: 'GitLab CI',
      attributes: { buildUrl: 'https://ci.example/1', 'exit-code': 0, nested: { Deep: [1] } },
    };
    expect(readEnvelope(foreign)).toEqual({ ok: true, envelope: foreign });
  });

  it('drops unknown top-level fields and null trace ids, keeps string trace ids', () => {
    const result = readEnvelope({ ...python, specversion: '1.0', correlation_id: null, causation_id: 'evt-1' });
    expect(result).toEqual({ ok: true, envelope: { ...python, causation_id: 'evt-1' } });
    expect(result.ok && 'correlation_id' in result.envelope).toBe(false);
  });

  it.each(['id', 'type', 'version', 'timestamp', 'publisher'])('refuses a missing or mistyped %s', (field) => {
    const missing: Record<string, unknown> = { ...python };
    delete missing[field];
    expect(errorsFor(missing)).toEqual([`${field}: required`]);
    expect(errorsFor({ ...python, [field]: 42 })).toEqual([`${field}: expected string, got number`]);
    expect(errorsFor({ ...python, [field]: null })).toEqual([`${field}: expected string, got null`]);
  });

  it.each([
    [undefined, 'attributes: expected a JSON object, got undefined'],
    [[1], 'attributes: expected a JSON object, got array'],
    ['x', 'attributes: expected a JSON object, got string'],
  ])('refuses attributes %j', (attributes, message) => {
    expect(errorsFor({ ...python, attributes })).toEqual([message]);
  });

  it('refuses a mistyped trace id and attributes nested too deep', () => {
    expect(errorsFor({ ...python, correlation_id: 7 })).toEqual(['correlation_id: expected string, got number']);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 40; i += 1) deep = [deep];
    expect(errorsFor({ ...python, attributes: { deep } })[0]).toMatch(/nests deeper than 32 levels$/);
  });

  it('refuses what is not an object', () => {
    expect(errorsFor([python])).toEqual(['envelope: expected a JSON object, got array']);
    expect(errorsFor(null)).toEqual(['envelope: expected a JSON object, got null']);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        const result = readEnvelope(value);
        return result.ok || result.errors.length > 0;
      }),
      { numRuns: 500 },
    );
  });
});
