// The maintenance loop end to end, with the three BUILT apps (state-hub-api,
// event-consumer on the repo's own activity-definitions/ folder, stale-cleanup)
// on real Postgres and an own nats-server: a commit in a registered git repo
// runs the installed hook, org.repo.commit.pushed reaches the engine, the
// per-commit definition syncs the repo, the DB shows the new task and the file
// gets its ids written back; a workplan marked completed publishes
// workstream.completed (via the sweep); the stale cleanup then cancels the
// leftover tasks and their task.stale events are on the stream.
import {
  createTestDatabase,
  eventually,
  type NatsServer,
  readStream,
  type StoredEvent,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  type BuiltApp,
  CLI_MAIN,
  requireBuilt,
  runsOf,
  STALE_CLEANUP_MAIN,
  startBuiltEngine,
  startBuiltHub,
  WORKSPACE_ROOT,
} from '../testing/built-apps';

const run = promisify(execFile);
const TOKEN = 'loop-test-token-0123456789';
const SWEEP = 'the-custodian.state-hub-consistency-sweep';
const CLEANUP = 'the-custodian.state-hub-stale-task-cleanup';
const PER_COMMIT = 'the-custodian.state-hub-per-commit-sync';
const PLAN = 'workplans/LOOP-WP-0001-loop.md';

const task = (n: number, status: string) =>
  ['', `## T${n} — Step ${n}`, '', '```yaml', `id: LOOP-WP-0001-T0${n}`, `status: ${status}`, '```', ''].join('\n');

const plan = (status: string, tasks: string[]) =>
  [
    '---',
    'id: LOOP-WP-0001',
    'type: workplan',
    'title: The maintenance loop',
    'domain: loop',
    'repo: loop',
    `status: ${status}`,
    'owner: tester',
    '# a comment the writeback must keep',
    '---',
    '',
    '# LOOP-WP-0001 — The maintenance loop',
    ...tasks,
  ].join('\n');

/** The text without the lines the writeback may add (to check it changed nothing else). */
const withoutIdLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\s*(?:- )?state_hub_(?:workstream|task)_id:/.test(line))
    .join('\n');

const attributes = (e: StoredEvent) => e.envelope['attributes'] as Record<string, unknown>;

interface StaleReport {
  cancelled: number;
  flagged: number;
}

describe('maintenance loop: hook → commit event → per-commit sync → completed → stale cleanup (three built apps)', () => {
  let nats: NatsServer;
  let hubDb: TestDatabase;
  let engineDb: TestDatabase;
  let hub: BuiltApp;
  let engine: BuiltApp;
  let repoDir: string;
  let workstreamId: string;
  const planPath = () => join(repoDir, PLAN);

  const git = async (...args: string[]) =>
    (
      await run('git', args, {
        cwd: repoDir,
        env: {
          PATH: process.env['PATH'] ?? '/usr/bin:/bin',
          HOME: repoDir,
          GIT_AUTHOR_NAME: 'Loop Tester',
          GIT_AUTHOR_EMAIL: 'loop@example.test',
          GIT_COMMITTER_NAME: 'Loop Tester',
          GIT_COMMITTER_EMAIL: 'loop@example.test',
          // what the hook reads at commit time
          STATE_HUB_API_TOKEN: TOKEN,
        },
      })
    ).stdout.trim();

  const node = (script: string, args: string[], env: Record<string, string>) =>
    run(process.execPath, [script, ...args], {
      cwd: WORKSPACE_ROOT,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', LOG_LEVEL: 'warn', ...env },
      timeout: 60_000,
    });

  const stream = async (subject: string): Promise<StoredEvent[]> =>
    (await readStream(nats.url)).filter((e) => e.subject === subject);

  beforeAll(async () => {
    requireBuilt(STALE_CLEANUP_MAIN, 'stale-cleanup');
    requireBuilt(CLI_MAIN, 'state-hub-cli');
    [nats, hubDb, engineDb] = await Promise.all([
      startNatsServer(),
      createTestDatabase('statehub_loop_hub'),
      createTestDatabase('statehub_loop_engine'),
    ]);
    hub = await startBuiltHub({ databaseUrl: hubDb.url, natsUrl: nats.url, env: { STATE_HUB_API_TOKEN: TOKEN } });
    engine = await startBuiltEngine({
      databaseUrl: engineDb.url,
      natsUrl: nats.url,
      definitionsDir: join(WORKSPACE_ROOT, 'activity-definitions'),
      env: { STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TOKEN },
    });
    repoDir = mkdtempSync(join(tmpdir(), 'statehub-loop-'));
    await git('init', '-q', '-b', 'main');
    await run('mkdir', ['-p', join(repoDir, 'workplans')]);
    writeFileSync(planPath(), plan('active', [task(1, 'todo'), task(2, 'progress')]));
    await git('add', '.');
    await git('commit', '-q', '-m', 'plan LOOP-WP-0001');
  }, 120_000);

  afterAll(async () => {
    await engine?.stop();
    await hub?.stop();
    await Promise.all([nats?.destroy(), hubDb?.drop(), engineDb?.drop()]);
    if (repoDir) rmSync(repoDir, { recursive: true, force: true });
  });

  it('loads all five definitions of the folder, none invalid', async () => {
    const defs = await engine.json<{ id: string; state: string }[]>('GET', '/definitions');
    expect(defs.filter((d) => d.state !== 'loaded')).toEqual([]);
    expect(defs.map((d) => d.id)).toEqual(expect.arrayContaining([SWEEP, CLEANUP, PER_COMMIT]));
    expect(defs).toHaveLength(5);
  });

  it('registers the repo and installs the commit hook with the CLI', async () => {
    await hub.json('POST', '/domains', { slug: 'loop', name: 'Loop' });
    await hub.json('POST', '/repos', { slug: 'loop', name: 'Loop', domain: 'loop', local_path: repoDir });
    const installed = await node(CLI_MAIN, ['hooks', 'install', '--repo', 'loop', '--hub-url', hub.url], {});
    expect(installed.stdout).toContain('post-commit');
    expect(readFileSync(join(repoDir, '.git/hooks/post-commit'), 'utf8')).toContain('# statehub-sync-hook');
  });

  it('a commit runs the hook; the engine syncs the repo; the DB has the new task; ids are written back', async () => {
    writeFileSync(planPath(), plan('active', [task(1, 'todo'), task(2, 'progress'), task(3, 'todo')]));
    const committed = readFileSync(planPath(), 'utf8');
    await git('commit', '-q', '-am', 'plan T3');
    const sha = await git('rev-parse', 'HEAD');

    const pushed = await eventually(
      async () => {
        const events = await stream('org.repo.commit.pushed');
        expect(events.map(attributes)).toContainEqual(
          expect.objectContaining({ repo_slug: 'loop', sha, ref: 'refs/heads/main' }),
        );
        return events;
      },
      { timeoutMs: 20_000 },
    );
    expect(pushed).toHaveLength(1);

    const ws = await eventually(
      async () => {
        const list = await hub.json<{ items: { id: string; workplan_id: string }[] }>('GET', '/workstreams?repo=loop');
        expect(list.items.map((w) => w.workplan_id)).toEqual(['LOOP-WP-0001']);
        const detail = await hub.json<{ id: string; status: string; tasks: { id: string; task_key: string }[] }>(
          'GET',
          `/workstreams/${list.items[0].id}`,
        );
        expect(detail.tasks.map((t) => t.task_key)).toEqual([
          'LOOP-WP-0001-T01',
          'LOOP-WP-0001-T02',
          'LOOP-WP-0001-T03',
        ]);
        return detail;
      },
      { timeoutMs: 30_000 },
    );
    workstreamId = ws.id;
    expect(ws.status).toBe('active');

    const runs = await eventually(
      async () => {
        const list = await runsOf(engine, PER_COMMIT);
        expect(list.map((r) => r.status)).toEqual(['succeeded']);
        return list;
      },
      { timeoutMs: 20_000 },
    );
    expect(runs[0]).toMatchObject({ trigger_kind: 'event' });

    const written = await eventually(
      async () => {
        const text = readFileSync(planPath(), 'utf8');
        expect(text).toContain(`state_hub_workstream_id: ${ws.id}`);
        return text;
      },
      { timeoutMs: 10_000 },
    );
    for (const t of ws.tasks) expect(written).toContain(t.id);
    // C-15: only id lines were added; every other byte is as committed.
    expect(withoutIdLines(written)).toBe(withoutIdLines(committed));
    expect(written).toContain('# a comment the writeback must keep');
  });

  it('a workplan marked completed publishes workstream.completed via the sweep', async () => {
    const text = readFileSync(planPath(), 'utf8');
    writeFileSync(planPath(), text.replace('status: active', 'status: completed'));
    await git('commit', '-q', '-am', 'LOOP-WP-0001 done');

    const completed = await eventually(
      async () => {
        const events = await stream('org.statehub.workstream.completed');
        expect(events).toHaveLength(1);
        return events[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(attributes(completed)).toMatchObject({
      workstream_id: workstreamId,
      workplan_id: 'LOOP-WP-0001',
      repo_slug: 'loop',
      previous_status: 'active',
      via: 'sweep',
    });
    expect(completed.msgId).toBe(completed.envelope['id']);
    const ws = await hub.json<{ status: string }>('GET', `/workstreams/${workstreamId}`);
    expect(ws.status).toBe('completed');
  });

  it('the stale cleanup (dry run, run, run again) cancels the leftover tasks once, each with its event', async () => {
    const env = { DATABASE_URL: hubDb.url, NATS_URL: nats.url };
    const dry = await node(STALE_CLEANUP_MAIN, ['--dry-run', '--json'], env);
    expect(JSON.parse(dry.stdout) as StaleReport).toMatchObject({ cancelled: 3, flagged: 0 });
    expect(await stream('org.statehub.task.stale')).toEqual([]);

    const first = await node(STALE_CLEANUP_MAIN, ['--json'], env);
    expect(JSON.parse(first.stdout) as StaleReport).toMatchObject({ cancelled: 3, flagged: 0 });
    // drained before the job exited
    const stale = await stream('org.statehub.task.stale');
    expect(stale.map((e) => attributes(e)['task_key']).sort()).toEqual([
      'LOOP-WP-0001-T01',
      'LOOP-WP-0001-T02',
      'LOOP-WP-0001-T03',
    ]);
    for (const e of stale) {
      expect(attributes(e)).toMatchObject({
        workstream_id: workstreamId,
        repo_slug: 'loop',
        reason: 'workstream_closed',
        action: 'cancelled',
      });
    }

    const again = await node(STALE_CLEANUP_MAIN, [], env);
    expect(again.stdout).toMatch(/cancelled 0, flagged 0/);
    expect(await stream('org.statehub.task.stale')).toHaveLength(3);
  });

  it('the cleanup and sweep definitions run through the engine against the hub', async () => {
    await engine.json('POST', `/definitions/${CLEANUP}/run`, undefined, 202);
    await engine.json('POST', `/definitions/${SWEEP}/run`, undefined, 202);
    for (const id of [CLEANUP, SWEEP]) {
      await eventually(async () => expect((await runsOf(engine, id)).map((r) => r.status)).toEqual(['succeeded']), {
        timeoutMs: 30_000,
      });
    }
    const sweeps = await hub.json<{ items: { source: string; counts: { synced: number; failed: number } }[] }>(
      'GET',
      '/consistency/sweeps?source=activity-core',
    );
    expect(sweeps.items).toEqual([expect.objectContaining({ source: 'activity-core' })]);
    expect(sweeps.items[0].counts).toMatchObject({ synced: 1, failed: 0 });
    // the sweep of an unchanged file does not reopen what the cleanup cancelled
    const ws = await hub.json<{ tasks: { status: string }[] }>('GET', `/workstreams/${workstreamId}`);
    expect(ws.tasks.map((t) => t.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await stream('org.statehub.task.stale')).toHaveLength(3);
  });

  it('in the end, every event of the loop is on the stream exactly once', async () => {
    const pending = await eventually(
      async () => {
        const outbox = await hub.json<{ pending: number }>('GET', '/events/outbox');
        expect(outbox.pending).toBe(0);
        return outbox.pending;
      },
      { timeoutMs: 10_000 },
    );
    expect(pending).toBe(0);
    const all = await readStream(nats.url);
    const count = (subject: string) => all.filter((e) => e.subject === subject).length;
    expect(count('org.repo.commit.pushed')).toBe(2); // the two commits made after the hook was installed
    expect(count('org.statehub.workstream.completed')).toBe(1);
    expect(count('org.statehub.task.stale')).toBe(3);
    expect(new Set(all.map((e) => e.msgId)).size).toBe(all.length);
  });
});
