// The engine as a tolerant reader (DESIGN §3): envelopes as the seeds' Python hub
// and CI publish them onto `org.>` (missing, extra and renamed attributes, other id
// and timestamp forms, subjects outside the catalog) run the matching definitions,
// and each run records how its event differs from the catalog; garbage is still
// dead-lettered with its reason.
import type { DeadLetter } from '@state-hub/jetstream-transport';
import { CATALOG, SUBJECTS } from '@state-hub/subjects';
import { eventually, readStream } from '@state-hub/testing';
import { type EngineFixture, eventDefinition, type RunBody, startEngineFixture } from '../testing/engine-fixture';

const REGISTERED = SUBJECTS.repoRegistered;
const CI = 'org.ci.build.finished';
const { local_path: _path, default_branch: _branch, ...designAttributes } = CATALOG[REGISTERED].example;
const envelope = <T extends { id: string; type: string }>(fields: T) => ({
  version: '1.0',
  publisher: 'state-hub',
  ...fields,
});

/** As the Python hub publishes it: only the attributes DESIGN §4 lists, a test id, Python's isoformat(). */
const python = envelope({
  id: '00000000-0000-0000-0000-000000000001',
  type: REGISTERED,
  timestamp: '2026-06-21T19:46:43.123456+00:00',
  attributes: designAttributes,
});
/** A later minor version with an attribute this engine does not know, a non-UUID id, another offset. */
const extra = envelope({
  id: 'evt-42',
  type: REGISTERED,
  version: '1.3',
  timestamp: '2026-06-21T21:46:43+02:00',
  attributes: { ...CATALOG[REGISTERED].example, source_system: 'python-hub' },
});
/** A renamed attribute, and a test id where the catalog wants a UUID. */
const renamed = envelope({
  id: 'urn:seeds:event:3',
  type: REGISTERED,
  timestamp: '2026-06-21T19:46:43Z',
  attributes: (({ repo_slug, ...rest }) => ({
    ...rest,
    repo_id: '00000000-0000-0000-0000-000000000001',
    repoSlug: repo_slug,
  }))(CATALOG[REGISTERED].example),
});
/** CI's own subject, outside the catalog: no schema, so no warnings. */
const ci = envelope({
  id: 'build-7781',
  type: CI,
  version: '0.1',
  publisher: 'gitlab-ci',
  timestamp: '2026-06-21T14:46:43.5-05:00',
  attributes: { status: 'passed', pipelineUrl: 'https://ci.example/p/7781' },
});

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('event-consumer: envelopes from foreign publishers (Postgres + own nats-server)', () => {
  let f: EngineFixture;

  beforeAll(async () => {
    f = await startEngineFixture((files, sink) => {
      const post = (path: string, body = '{}') =>
        `instruction: { kind: http, method: POST, url: '${sink.url}${path}', body: ${body} }\n`;
      const on = (id: string, subject: string, rest: string) =>
        files.write(`${id}.yaml`, eventDefinition(id, subject, rest));
      on('foreign.any', REGISTERED, post('/registered', "{ event: '{{ event.id }}' }"));
      on(
        'foreign.branch-rule',
        REGISTERED,
        `rule:\n  when: ["event.attributes.default_branch == 'main'"]\n${post('/branch')}`,
      );
      on('foreign.branch-filter', REGISTERED, `  filters: { default_branch: main }\n${post('/filtered')}`);
      on(
        'foreign.extra',
        REGISTERED,
        `rule:\n  when: ['has(event.attributes.source_system)']\n${post('/extra', "{ source: '{{ event.attributes.source_system }}' }")}`,
      );
      on(
        'foreign.ci',
        CI,
        `  filters: { status: passed }\n${post('/ci', "{ url: '{{ event.attributes.pipelineUrl }}' }")}`,
      );
    });
  });

  afterAll(async () => {
    await f?.close();
  });

  const byKey = async (definition: string, count: number) =>
    eventually(async () => {
      const runs = await f.runsOf(definition);
      expect(runs.filter((r) => r.status !== 'running')).toHaveLength(count);
      return Object.fromEntries(runs.map((r) => [r.trigger_key, r])) as Record<string, RunBody>;
    });

  it('runs what it can read, with its warnings on the run, and dead-letters only what it cannot', async () => {
    for (const event of [python, extra, renamed, ci]) await f.source.publishBytes(event.type, json(event));
    const garbage = [
      [REGISTERED, new TextEncoder().encode('{"id": "evt-1", "type": '), /^not valid JSON/],
      [
        CI,
        json({ ...python, id: 'evt-wrong-subject' }),
        /^envelope type org\.statehub\.repo\.registered does not match subject org\.ci\.build\.finished$/,
      ],
      [
        REGISTERED,
        json({ ...extra, id: 'evt-v2', version: '2.0' }),
        /^unsupported version "2\.0" of org\.statehub\.repo\.registered: this engine reads 1\.x$/,
      ],
      [
        REGISTERED,
        json({ ...python, id: 'evt-naive', timestamp: '2026-06-21T19:46:43.123456' }),
        /^invalid envelope: timestamp: must be an RFC 3339 timestamp/,
      ],
    ] as const;
    const garbageSeqs: number[] = [];
    for (const [subject, data] of garbage) garbageSeqs.push(await f.source.publishBytes(subject, data));

    const any = await byKey('foreign.any', 3);
    expect(Object.keys(any).sort()).toEqual([python.id, extra.id, renamed.id].sort());
    expect(Object.values(any).map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(any[python.id].warnings).toEqual(['attributes.local_path: required', 'attributes.default_branch: required']);
    expect(any[extra.id].warnings).toEqual(['attributes.source_system: unknown field']);
    expect(any[renamed.id].warnings).toEqual([
      "attributes.repo_id: must be a UUID, got '00000000-0000-0000-0000-000000000001'",
      'attributes.repo_slug: required',
      'attributes.repoSlug: unknown field',
    ]);
    const shown = (await f.engine.http().get(`/runs/${any[python.id].id}`).expect(200)).body as RunBody;
    expect(shown.warnings).toEqual(any[python.id].warnings);

    // A rule that reads the missing attribute declines, naming it; a filter on it does not match.
    const rule = await byKey('foreign.branch-rule', 3);
    expect(rule[python.id]).toMatchObject({
      status: 'skipped',
      skip_reason:
        `"event.attributes.default_branch == 'main'" declined: the event has no attribute default_branch ` +
        '(test for it with has(event.attributes.default_branch))',
    });
    expect([rule[extra.id].status, rule[renamed.id].status]).toEqual(['succeeded', 'succeeded']);
    expect(Object.keys(await byKey('foreign.branch-filter', 2)).sort()).toEqual([extra.id, renamed.id].sort());

    // Unknown attributes reach the definitions as sent.
    const extraRuns = await byKey('foreign.extra', 3);
    expect(extraRuns[extra.id].status).toBe('succeeded');
    expect(JSON.parse(f.sink.requests.find((r) => r.url === '/extra')?.body ?? '{}')).toEqual({ source: 'python-hub' });
    const ciRuns = await byKey('foreign.ci', 1);
    expect(ciRuns[ci.id]).toMatchObject({ status: 'succeeded', warnings: [] });
    expect(JSON.parse(f.sink.requests.find((r) => r.url === '/ci')?.body ?? '{}')).toEqual({
      url: 'https://ci.example/p/7781',
    });

    const letters = await eventually(async () => {
      const found = (await readStream(f.nats.url, 'ACTIVITY_DEADLETTER')).map(
        (e) => e.envelope as unknown as DeadLetter,
      );
      expect(found).toHaveLength(garbage.length);
      return found;
    });
    for (const [i, [subject, , why]] of garbage.entries()) {
      const letter = letters.find((l) => l.stream_sequence === garbageSeqs[i]);
      expect({ subject: letter?.original_subject, reason: letter?.reason }).toEqual({
        subject,
        reason: expect.stringMatching(why),
      });
    }
    await eventually(async () => expect(await f.source.pending('ACTIVITY_EVENTS', 'activity-engine')).toBe(0));
    const all = (await f.engine.http().get('/runs').query({ limit: 500 }).expect(200)).body.items as RunBody[];
    expect(new Set(all.map((r) => r.trigger_key))).toEqual(new Set([python.id, extra.id, renamed.id, ci.id]));
  });
});
