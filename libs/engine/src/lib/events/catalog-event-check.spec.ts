// The engine as a tolerant reader of catalog events (checkConsumedEvent, eventWarnings)
// and as a strict publisher of them (checkCatalogEvent).
import { createEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { buildEvent, CATALOG, SUBJECTS, type Subject } from '@state-hub/subjects';
import fc from 'fast-check';
import { checkCatalogEvent, checkConsumedEvent, eventWarnings } from './catalog-event-check';

const subjects = Object.values(SUBJECTS);
const event = (subject: Subject, change: Partial<EventEnvelope> = {}): EventEnvelope => ({
  ...buildEvent(subject, CATALOG[subject].example),
  ...change,
});

describe('checkConsumedEvent', () => {
  it('reads any attributes of any 1.x version of a catalog subject', () => {
    const attributes = { repo_slug: 'seeds', source_system: 'python-hub' };
    for (const version of ['1.0', '1.7', '1', '01.0', '1.0.3']) {
      expect(checkConsumedEvent(SUBJECTS.repoRegistered, event(SUBJECTS.repoRegistered, { version, attributes }))).toBe(
        undefined,
      );
    }
  });

  it.each(['2.0', '0.9', 'v1', '', '10.0', '1a.0'])('refuses version %j of a catalog subject', (version) => {
    expect(checkConsumedEvent(SUBJECTS.repoRegistered, event(SUBJECTS.repoRegistered, { version }))).toBe(
      `unsupported version ${JSON.stringify(version)} of org.statehub.repo.registered: this engine reads 1.x`,
    );
  });

  it('reads any version of a subject outside the catalog', () => {
    const envelope = { ...event(SUBJECTS.repoRegistered), type: 'org.ci.build.finished', version: 'v7' };
    expect(checkConsumedEvent(envelope.type, envelope)).toBeUndefined();
  });
});

describe('eventWarnings', () => {
  it('names each attribute that differs from the v1 schema, and nothing for a fitting or non-catalog event', () => {
    const { default_branch: _branch, ...attributes } = CATALOG[SUBJECTS.repoRegistered].example;
    const foreign = event(SUBJECTS.repoRegistered, { attributes: { ...attributes, build_url: 'x' } });
    expect(eventWarnings(foreign)).toEqual([
      'attributes.default_branch: required',
      'attributes.build_url: unknown field',
    ]);
    expect(eventWarnings(event(SUBJECTS.taskStale))).toEqual([]);
    expect(eventWarnings({ ...foreign, type: 'org.ci.build.finished' })).toEqual([]);
  });
});

describe('checkCatalogEvent (the engine as publisher)', () => {
  it.each(subjects)('passes a valid %s event, also of a later 1.x minor version', (subject) => {
    expect(checkCatalogEvent(subject, event(subject))).toBeUndefined();
    expect(checkCatalogEvent(subject, event(subject, { version: '1.7' }))).toBeUndefined();
  });

  it('names the subject and every attribute that breaks its schema', () => {
    const attributes = { ...CATALOG[SUBJECTS.taskStale].example, action: 'deleted', extra: 1 } as Record<
      string,
      unknown
    >;
    delete attributes['task_key'];
    expect(checkCatalogEvent(SUBJECTS.taskStale, event(SUBJECTS.taskStale, { version: '1.2', attributes }))).toBe(
      'attributes do not match the v1 schema of org.statehub.task.stale: ' +
        "attributes.task_key: required; attributes.action: must be one of 'cancelled', 'flagged', got 'deleted'; " +
        'attributes.extra: unknown field',
    );
  });

  it('refuses another major version of a catalog subject, whatever its attributes', () => {
    const subject = SUBJECTS.repoRegistered;
    expect(checkCatalogEvent(subject, event(subject, { version: '2.0' }))).toBe(
      'unsupported version "2.0" of org.statehub.repo.registered: this engine reads 1.x',
    );
    expect(checkCatalogEvent(subject, event(subject, { version: '0.9', attributes: {} }))).toMatch(
      /^unsupported version "0\.9" /,
    );
    expect(checkCatalogEvent(subject, event(subject, { version: '01.0' }))).toBeUndefined();
  });

  it('passes any attributes and version on a subject outside the catalog', () => {
    const envelope = createEnvelope({
      type: 'org.test.repo.pushed',
      version: '7.0',
      publisher: 'test',
      attributes: { anything: [1, { nested: true }] },
    });
    expect(checkCatalogEvent(envelope.type, envelope)).toBeUndefined();
  });

  it('gives a non-empty reason exactly when a v1 event of a catalog subject has attributes its schema refuses', () => {
    const attribute = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null));
    fc.assert(
      fc.property(
        fc.constantFrom(...subjects),
        fc.dictionary(fc.stringMatching(/^[a-z][a-z_]{0,12}$/), attribute, { maxKeys: 8 }),
        fc.boolean(),
        (subject, noise, keepExample) => {
          const attributes = keepExample ? { ...CATALOG[subject].example, ...noise } : noise;
          const schemaOk = CATALOG[subject].schema.safeParse(attributes).success;
          const reason = checkCatalogEvent(subject, event(subject, { attributes }));
          return schemaOk ? reason === undefined : typeof reason === 'string' && reason.includes(`of ${subject}: `);
        },
      ),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
