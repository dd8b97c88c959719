import { EnvelopeError, validateEnvelope } from '@state-hub/envelope';
import { buildEvent } from './build-event';
import { CATALOG, type AttributesOf } from './catalog';
import { SubjectAttributesError } from './subject-attributes-error';
import { SUBJECTS, type Subject } from './subject-names';

const subjects = Object.values(SUBJECTS);

function attributeErrors(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof SubjectAttributesError) return error.errors;
    throw error;
  }
  throw new Error('expected a SubjectAttributesError');
}

/** Calls buildEvent with attributes the type system would refuse, as a JS caller could. */
function buildUnchecked(subject: Subject, attributes: Record<string, unknown>) {
  return buildEvent(subject, attributes as AttributesOf<typeof subject>);
}

describe('buildEvent', () => {
  it.each(subjects)('builds a valid %s envelope from its example', (subject) => {
    const { example } = CATALOG[subject];
    const envelope = buildEvent(subject, example);
    expect(validateEnvelope(envelope)).toEqual({ ok: true, envelope });
    expect(envelope).toMatchObject({ type: subject, publisher: 'state-hub', version: '1.0' });
    expect(envelope.attributes).toEqual(example);
    expect(envelope.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it('is typed by subject', () => {
    const envelope = buildEvent(SUBJECTS.commitPushed, {
      repo_slug: 'state-hub',
      ref: 'refs/heads/main',
      sha: 'a'.repeat(64),
    });
    const sha: string = envelope.attributes.sha;
    expect(sha).toHaveLength(64);
  });

  it('passes id, timestamp and trace ids through', () => {
    const envelope = buildEvent(SUBJECTS.taskStale, CATALOG[SUBJECTS.taskStale].example, {
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
      correlation_id: 'run-7',
      causation_id: 'evt-6',
    });
    expect(envelope).toMatchObject({
      id: '3b241101-e2bb-4255-8caf-4136c566a962',
      timestamp: '2026-01-02T03:04:05.006Z',
      correlation_id: 'run-7',
      causation_id: 'evt-6',
    });
  });

  it.each(subjects.flatMap((subject) => Object.keys(CATALOG[subject].example).map((key) => [subject, key])))(
    '%s without %s throws naming the attribute',
    (subject, key) => {
      const { [key]: _dropped, ...rest } = CATALOG[subject as Subject].example as Record<string, unknown>;
      expect(attributeErrors(() => buildUnchecked(subject as Subject, rest))).toEqual([`attributes.${key}: required`]);
    },
  );

  it.each([
    [SUBJECTS.repoRegistered, 'repo_id', 'not-a-uuid', "attributes.repo_id: must be a UUID, got 'not-a-uuid'"],
    [SUBJECTS.repoRegistered, 'remote_url', 42, 'attributes.remote_url: expected string, got number'],
    [SUBJECTS.repoRegistered, 'repo_slug', '', 'attributes.repo_slug: must not be empty'],
    [SUBJECTS.repoRegistered, 'default_branch', null, 'attributes.default_branch: expected string, got null'],
    [SUBJECTS.workstreamCompleted, 'via', 'cron', "attributes.via: must be one of 'api', 'sweep', got 'cron'"],
    [
      SUBJECTS.workstreamCompleted,
      'previous_status',
      'completed',
      "attributes.previous_status: must be one of 'draft', 'active', 'blocked', 'archived', got 'completed'",
    ],
    [
      SUBJECTS.decisionResolved,
      'resolution',
      'x'.repeat(10_001),
      'attributes.resolution: must be at most 10000 characters',
    ],
    [
      SUBJECTS.domainGoalActivated,
      'previous_status',
      'active',
      "attributes.previous_status: must be one of 'proposed', 'abandoned', got 'active'",
    ],
    [
      SUBJECTS.taskStale,
      'action',
      'deleted',
      "attributes.action: must be one of 'cancelled', 'flagged', got 'deleted'",
    ],
    [SUBJECTS.taskStale, 'workstream_id', 7, 'attributes.workstream_id: expected string, got number'],
    [
      SUBJECTS.commitPushed,
      'sha',
      'ABC123',
      'attributes.sha: must be a full commit sha: 40 or 64 lowercase hex characters',
    ],
    [
      SUBJECTS.commitPushed,
      'sha',
      'A'.repeat(40),
      'attributes.sha: must be a full commit sha: 40 or 64 lowercase hex characters',
    ],
  ])('%s with %s = %j throws naming the attribute', (subject, key, value, message) => {
    const attributes = { ...CATALOG[subject].example, [key]: value };
    expect(attributeErrors(() => buildUnchecked(subject, attributes))).toEqual([message]);
  });

  it.each(subjects)('%s with an extra attribute throws naming it', (subject) => {
    const attributes = { ...CATALOG[subject].example, extra_field: 'x' };
    expect(attributeErrors(() => buildUnchecked(subject, attributes))).toEqual([
      'attributes.extra_field: unknown field',
    ]);
  });

  it('lists every broken attribute in the error message', () => {
    const error = new SubjectAttributesError(['attributes.a: required', 'attributes.b: required']);
    expect(error.message).toBe('invalid event attributes: attributes.a: required; attributes.b: required');
    expect(error.name).toBe('SubjectAttributesError');
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses a subject outside the catalog', () => {
    expect(attributeErrors(() => buildUnchecked('org.other.thing.happened' as Subject, {}))).toEqual([
      "type: 'org.other.thing.happened' is not a catalog subject",
    ]);
  });

  it('leaves invalid options to the envelope rules', () => {
    const { example } = CATALOG[SUBJECTS.commitPushed];
    expect(() => buildEvent(SUBJECTS.commitPushed, example, { id: 'nope' })).toThrow(EnvelopeError);
  });
});
