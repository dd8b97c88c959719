import { version as uuidVersion } from 'uuid';
import { createEnvelope } from './create-envelope';
import { EnvelopeError } from './envelope-error';
import { validateEnvelope } from './validate-envelope';

const base = { type: 'org.statehub.task.stale', publisher: 'state-hub', attributes: { task_key: 'T-1' } };

function thrown(fn: () => unknown): EnvelopeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EnvelopeError) return error;
    throw error;
  }
  throw new Error('expected an EnvelopeError');
}

describe('createEnvelope', () => {
  it('fills id, timestamp and version and returns a valid envelope', () => {
    const envelope = createEnvelope(base);
    expect(validateEnvelope(envelope)).toEqual({ ok: true, envelope });
    expect(envelope).toMatchObject({ ...base, version: '1.0' });
    expect(Object.keys(envelope)).toEqual(['id', 'type', 'version', 'timestamp', 'publisher', 'attributes']);
  });

  it('gives a UUID v7 id whose time is now', () => {
    const before = Date.now();
    const { id } = createEnvelope(base);
    const after = Date.now();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidVersion(id)).toBe(7);
    const millis = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(millis).toBeGreaterThanOrEqual(before);
    expect(millis).toBeLessThanOrEqual(after);
  });

  it('gives time-ordered ids across successive calls', () => {
    const ids = Array.from({ length: 2000 }, () => createEnvelope(base).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('stamps now as a UTC timestamp ending in Z', () => {
    const before = Date.now();
    const { timestamp } = createEnvelope(base);
    expect(timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(timestamp)).toBeLessThanOrEqual(Date.now());
  });

  it('keeps a given id, version, timestamp and trace ids', () => {
    const envelope = createEnvelope({
      ...base,
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      version: '2.1',
      timestamp: new Date(Date.UTC(2026, 10, 23, 21, 4, 57, 438)),
      correlation_id: 'run-1',
      causation_id: 'evt-0',
    });
    expect(envelope).toEqual({
      ...base,
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      version: '2.1',
      timestamp: '2026-11-23T21:04:57.438Z',
      correlation_id: 'run-1',
      causation_id: 'evt-0',
    });
    expect(createEnvelope({ ...base, timestamp: '2026-11-23T21:04:57Z' }).timestamp).toBe('2026-11-23T21:04:57Z');
  });

  it('returns the attributes object it was given', () => {
    const attributes = { task_key: 'T-1', nested: { a: [1] } };
    expect(createEnvelope({ ...base, attributes }).attributes).toBe(attributes);
  });

  it('throws EnvelopeError listing every broken rule', () => {
    const error = thrown(() =>
      createEnvelope({ type: 'Foo', publisher: 'State Hub', attributes: { BadKey: 1 }, timestamp: 'now' }),
    );
    expect(error.errors).toEqual([
      "type: must look like org.<publisher>.<noun>.<verb>, got 'Foo'",
      "timestamp: must be an RFC 3339 UTC timestamp ending in Z, got 'now'",
      "publisher: must be lowercase kebab-case (e.g. state-hub), got 'State Hub'",
      'attributes.BadKey: key must be snake_case (^[a-z][a-z0-9_]*$)',
    ]);
    expect(error.message).toBe(`invalid event envelope: ${error.errors.join('; ')}`);
    expect(error.name).toBe('EnvelopeError');
    expect(error).toBeInstanceOf(Error);
  });

  it('reports an invalid Date against the timestamp field', () => {
    expect(thrown(() => createEnvelope({ ...base, timestamp: new Date(NaN) })).errors).toEqual([
      "timestamp: must be an RFC 3339 UTC timestamp ending in Z, got 'Invalid Date'",
    ]);
  });

  it('refuses a non-UTC timestamp string', () => {
    expect(() => createEnvelope({ ...base, timestamp: '2026-11-23T22:04:57.438+01:00' })).toThrow(
      /timestamp: must be an RFC 3339 UTC timestamp ending in Z/,
    );
  });
});
