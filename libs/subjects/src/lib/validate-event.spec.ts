import fc from 'fast-check';
import { createEnvelope } from '@state-hub/envelope';
import { buildEvent } from './build-event';
import { CATALOG } from './catalog';
import { SUBJECTS } from './subject-names';
import { validateEvent } from './validate-event';

const subjects = Object.values(SUBJECTS);

describe('validateEvent', () => {
  it.each(subjects)('accepts a built %s event', (subject) => {
    const envelope = buildEvent(subject, CATALOG[subject].example);
    expect(validateEvent(envelope)).toEqual({ ok: true, envelope });
  });

  it('accepts an event decoded from JSON', () => {
    const envelope = buildEvent(SUBJECTS.repoRegistered, CATALOG[SUBJECTS.repoRegistered].example);
    expect(validateEvent(JSON.parse(JSON.stringify(envelope)))).toEqual({ ok: true, envelope });
  });

  it('checks the attributes of catalog subjects', () => {
    const envelope = createEnvelope({
      type: SUBJECTS.commitPushed,
      publisher: 'state-hub',
      attributes: { repo_slug: 'state-hub', sha: 'xyz', branch: 'main' },
    });
    expect(validateEvent(envelope)).toEqual({
      ok: false,
      errors: [
        'attributes.ref: required',
        'attributes.sha: must be a full commit sha: 40 or 64 lowercase hex characters',
        'attributes.branch: unknown field',
      ],
    });
  });

  it('reports envelope errors before looking at attributes', () => {
    const envelope = buildEvent(SUBJECTS.taskStale, CATALOG[SUBJECTS.taskStale].example);
    expect(validateEvent({ ...envelope, timestamp: 'now', attributes: {} })).toEqual({
      ok: false,
      errors: ["timestamp: must be an RFC 3339 UTC timestamp ending in Z, got 'now'"],
    });
  });

  it('passes subjects outside the catalog on the envelope rules alone', () => {
    const envelope = createEnvelope({
      type: 'org.activityengine.run.completed',
      publisher: 'activity-engine',
      attributes: { anything: ['goes'] },
    });
    expect(validateEvent(envelope)).toEqual({ ok: true, envelope });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (value) => {
        const result = validateEvent(value);
        return result.ok || result.errors.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when a catalog event has arbitrary attributes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...subjects), fc.anything(), (subject, attributes) => {
        const envelope = { ...buildEvent(subject, CATALOG[subject].example), attributes };
        const result = validateEvent(envelope);
        return !result.ok && result.errors.every((error) => error.startsWith('attributes'));
      }),
    );
  });
});
