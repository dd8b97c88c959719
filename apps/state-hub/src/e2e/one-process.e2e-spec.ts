// `npm start` as a new user runs it: the built one-process system on an embedded
// data directory of its own, no Postgres and no NATS. Events go from the outbox
// to the engine in the same process; the organisation's real definitions sweep,
// sync and note against the process's own API.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltApp,
  createWorkplanRepo,
  type DefinitionFiles,
  eventually,
  type HttpSink,
  startBuiltSystem,
  startHttpSink,
  type WorkplanRepo,
  workplanText,
} from '@state-hub/testing';
import { definitionsDir, PER_COMMIT, REGISTERED_NOTE, runsOf, sinkOnEvent, SWEEP } from '../testing/system-fixture';

const PLAN = 'workplans/ONE-WP-0001-one-process.md';
const plan = (tasks: [string, string, string][]) =>
  workplanText({ id: 'ONE-WP-0001', title: 'One process', domain: 'custodian', tasks });

describe('npm start: hub and engine in one process on the embedded database (built app)', () => {
  let sink: HttpSink;
  let defs: DefinitionFiles;
  let dataDir: string;
  let repo: WorkplanRepo;
  let app: BuiltApp;

  const start = () =>
    startBuiltSystem({ dataDir, definitionsDir: defs.dir, env: { SINK_URL: sink.url, RUN_SWEEP_INTERVAL_MS: '500' } });

  beforeAll(async () => {
    sink = await startHttpSink();
    defs = definitionsDir(
      ['state-hub-consistency-sweep.yaml', 'state-hub-per-commit-sync.yaml', 'state-hub-repo-registered-note.yaml'],
      {
        'on-register.yaml': sinkOnEvent('test.on-register', 'org.statehub.repo.registered', '/registered'),
        // The engine's own event goes into the outbox and comes back to the engine like the hub's.
        'publish-on-register.yaml': [
          'id: test.publish-on-register',
          'trigger: { trigger_type: event, event_type: org.statehub.repo.registered }',
          "instruction: { kind: publish, event_type: org.tests.repo.noted, attributes: { repo_slug: '{{ event.attributes.repo_slug }}' } }",
          '',
        ].join('\n'),
        'on-noted.yaml': sinkOnEvent('test.on-noted', 'org.tests.repo.noted', '/noted'),
        'every-second.yaml': `id: test.every-second\ntrigger: { trigger_type: cron, cron_expression: '* * * * * *' }\ninstruction: { kind: http, method: POST, url: '\${SINK_URL}/tick' }\n`,
      },
    );
    dataDir = mkdtempSync(join(tmpdir(), 'state-hub-system-'));
    repo = createWorkplanRepo({ [PLAN]: plan([['ONE-WP-0001-T01', 'Compose the apps', 'todo']]) });
    app = await start();
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
    defs?.remove();
    repo?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports every part it runs in /state/health: database, engine, delivery from the outbox', async () => {
    const health = await app.json<Record<string, unknown>>('GET', '/state/health');
    expect(health).toMatchObject({
      status: 'ok',
      db: 'up',
      nats: 'disabled',
      delivery: 'outbox',
      engine: { status: 'up', delivery: 'outbox', definitions: { loaded: 7, invalid: 0, disabled: 0 } },
    });
    expect(await app.json('GET', '/engine/health')).toMatchObject({ status: 'ok', delivery: 'outbox' });
  });

  it('runs each definition once for a registered repo: the note is in the API, the sink got one call', async () => {
    await app.json('POST', '/domains', { slug: 'custodian', name: 'The Custodian' });
    await app.json('POST', '/repos', { slug: 'one', name: 'One', domain: 'custodian', local_path: repo.path });
    await eventually(async () => expect(sink.requests.filter((r) => r.url === '/registered')).toHaveLength(1));
    const notes = await app.json<{ items: { event_type: string; actor: string }[] }>(
      'GET',
      '/progress-events?repo=one',
    );
    await eventually(async () => {
      const again = await app.json<{ items: { event_type: string }[] }>('GET', '/progress-events?repo=one');
      expect(again.items.filter((n) => n.event_type === 'repo_registered')).toHaveLength(1);
    });
    expect(notes.items.every((n) => n.actor === 'activity-engine')).toBe(true);
    const [note] = await runsOf(app, REGISTERED_NOTE);
    expect(note.status).toBe('succeeded');
    const eventId = JSON.parse(sink.requests.find((r) => r.url === '/registered')?.body ?? '{}').event_id;
    expect(note.trigger_key).toBe(eventId);
    // Nothing more comes: each definition ran once for the one event.
    await new Promise((r) => setTimeout(r, 1500));
    expect(sink.requests.filter((r) => r.url === '/registered')).toHaveLength(1);
    expect(await runsOf(app, REGISTERED_NOTE)).toHaveLength(1);
  });

  it('delivers an event the engine publishes through the same outbox, once', async () => {
    await eventually(async () => expect(sink.requests.filter((r) => r.url === '/noted')).toHaveLength(1));
    const [published] = await runsOf(app, 'test.publish-on-register');
    const [noted] = await runsOf(app, 'test.on-noted');
    expect(published).toMatchObject({ status: 'succeeded' });
    expect(noted).toMatchObject({ status: 'succeeded' });
    const eventId = JSON.parse(sink.requests.find((r) => r.url === '/noted')?.body ?? '{}').event_id;
    expect(noted.trigger_key).toBe(eventId);
    expect(await runsOf(app, 'test.on-noted')).toHaveLength(1);
  });

  it('a manual run of the sweep definition syncs the repo: its tasks in the API, ids written back', async () => {
    const run = await app.json<{ id: string }>('POST', `/engine/definitions/${SWEEP}/run`);
    await eventually(
      async () => expect((await runsOf(app, SWEEP))[0]).toMatchObject({ id: run.id, status: 'succeeded' }),
      {
        timeoutMs: 60_000,
      },
    );
    const page = await app.json<{ items: { id: string; workplan_id: string }[] }>('GET', '/workstreams?repo=one');
    expect(page.items.map((w) => w.workplan_id)).toEqual(['ONE-WP-0001']);
    const detail = await app.json<{ tasks: { task_key: string; id: string }[] }>(
      'GET',
      `/workstreams/${page.items[0].id}`,
    );
    expect(detail.tasks.map((t) => t.task_key)).toEqual(['ONE-WP-0001-T01']);
    expect(repo.read(PLAN)).toMatch(new RegExp(`state_hub_task_id: "?${detail.tasks[0].id}"?\n`));
    expect(repo.read(PLAN)).toMatch(new RegExp(`state_hub_workstream_id: "?${page.items[0].id}"?\n`));
  });

  it('the post-commit report runs the per-commit sync: a task added in a commit is in the API', async () => {
    const text = repo.read(PLAN);
    repo.write(PLAN, `${text}\n## T2 — Sync on commit\n\n\`\`\`yaml\nid: ONE-WP-0001-T02\nstatus: todo\n\`\`\`\n`);
    const sha = repo.commit('a second task');
    await app.json('POST', '/repos/one/commits', { ref: 'refs/heads/main', sha });
    await eventually(async () => expect((await runsOf(app, PER_COMMIT))[0]?.status).toBe('succeeded'), {
      timeoutMs: 30_000,
    });
    const page = await app.json<{ items: { id: string }[] }>('GET', '/workstreams?repo=one');
    const detail = await app.json<{ tasks: { task_key: string }[] }>('GET', `/workstreams/${page.items[0].id}`);
    expect(detail.tasks.map((t) => t.task_key)).toEqual(['ONE-WP-0001-T01', 'ONE-WP-0001-T02']);
  });

  it('fires a per-second cron definition on schedule, once per second', async () => {
    await eventually(async () => expect((await runsOf(app, 'test.every-second')).length).toBeGreaterThanOrEqual(4), {
      timeoutMs: 15_000,
    });
    const slots = (await runsOf(app, 'test.every-second'))
      .map((r) => Date.parse(r.trigger_key.replace(/^cron:/, '')))
      .sort((a, b) => a - b);
    expect(slots.every(Number.isFinite)).toBe(true);
    expect(new Set(slots).size).toBe(slots.length);
    const gaps = slots.slice(1).map((t, i) => t - slots[i]);
    expect(gaps.every((gap) => gap % 1000 === 0)).toBe(true);
    expect(gaps.filter((gap) => gap === 1000).length).toBeGreaterThanOrEqual(2);
  });

  it('stops cleanly on Ctrl-C (no error, no run left running, nothing left in the outbox) and comes back on the same data', async () => {
    const stoppedAt = Date.now();
    // Nest closes everything, then re-raises the signal: the exit a shell shows for Ctrl-C.
    expect(await app.service.interrupt('SIGINT')).toEqual({ code: null, signal: 'SIGINT' });
    expect(app.service.output()).not.toMatch(/"level":(50|60)/); // no error while stopping
    app = await start();
    const running = await app.json<{ items: { started_at: string }[] }>('GET', '/engine/runs?status=running&limit=500');
    const health = await app.json<{ outbox_pending: number }>('GET', '/state/health');
    // Runs of the new process (its cron) may be running now; none of the stopped one's is.
    expect(running.items.filter((r) => Date.parse(r.started_at) < stoppedAt)).toEqual([]);
    expect(health.outbox_pending).toBe(0);
    expect(await runsOf(app, REGISTERED_NOTE)).toHaveLength(1); // not run again after the restart
  });
});
