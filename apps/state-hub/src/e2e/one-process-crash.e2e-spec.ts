// kill -9 of the one process right after commits, then a restart on the same
// embedded data directory: every committed event has exactly one run (a run that
// was mid-flight at the kill is recorded once, and abandoned after its deadline, never run twice).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltApp,
  type DefinitionFiles,
  eventually,
  type HttpSink,
  startBuiltSystem,
  startHttpSink,
} from '@state-hub/testing';
import { definitionsDir, runsOf, sinkOnEvent } from '../testing/system-fixture';

const COMMITS = 60;
const ON_COMMIT = 'test.on-commit';

describe('one process killed with -9 right after commits, then restarted (built app, embedded database)', () => {
  let sink: HttpSink;
  let defs: DefinitionFiles;
  let dataDir: string;
  let app: BuiltApp;

  const start = () =>
    startBuiltSystem({
      dataDir,
      definitionsDir: defs.dir,
      env: { SINK_URL: sink.url },
    });

  beforeAll(async () => {
    sink = await startHttpSink();
    sink.delay('/commit', 20); // instructions take a little time, so the kill finds some mid-flight
    defs = definitionsDir([], {
      'on-commit.yaml': sinkOnEvent(ON_COMMIT, 'org.repo.commit.pushed', '/commit').replace(
        "body: { event_id: '{{ event.id }}' }",
        "body: { event_id: '{{ event.id }}' }, timeout_seconds: 2",
      ),
    });
    dataDir = mkdtempSync(join(tmpdir(), 'state-hub-crash-'));
    app = await start();
    await app.json('POST', '/domains', { slug: 'crash', name: 'Crash' });
    await app.json('POST', '/repos', { slug: 'crash', name: 'Crash', domain: 'crash', local_path: '/srv/crash' });
  });
  afterAll(async () => {
    await app?.stop();
    await sink?.close();
    defs?.remove();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every committed event exactly once after the restart', async () => {
    const committed: string[] = [];
    for (let i = 0; i < COMMITS; i += 4) {
      const answers = await Promise.all(
        [0, 1, 2, 3].map((k) =>
          app.json<{ event_id: string }>('POST', '/repos/crash/commits', {
            ref: 'refs/heads/main',
            sha: (i + k).toString(16).padStart(40, '0'),
          }),
        ),
      );
      committed.push(...answers.map((a) => a.event_id));
    }
    await app.kill(); // right after the last commit answered: events still in the outbox, runs mid-flight
    const ranBeforeKill = new Set(sink.requests.map((r) => JSON.parse(r.body).event_id)).size;

    app = await start();
    const restartedAt = Date.now();
    // Every committed event has its run, and nothing is left in the outbox. A run the killed process had claimed
    // stays `running` until its deadline passes (then `abandoned`): it is recorded once and never run again.
    const runs = await eventually(
      async () => {
        const all = await runsOf(app, ON_COMMIT);
        const keys = new Set(all.map((r) => r.trigger_key));
        expect(committed.filter((id) => !keys.has(id))).toEqual([]);
        expect(all.filter((r) => r.status === 'running' && Date.parse(r.started_at) >= restartedAt)).toEqual([]);
        expect(await app.json('GET', '/state/health')).toMatchObject({ outbox_pending: 0 });
        return all;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const keys = runs.map((r) => r.trigger_key);
    const duplicates = keys.length - new Set(keys).size;
    const lost = committed.filter((id) => !keys.includes(id)).length;
    const interrupted = runs.filter((r) => ['running', 'abandoned'].includes(r.status)).length;
    console.log(
      `one-process kill -9: committed=${COMMITS} runs=${runs.length} duplicates=${duplicates} lost=${lost} ran_before_kill=${ranBeforeKill} interrupted_by_kill=${interrupted} outbox_pending=0`,
    );
    expect({ runs: runs.length, duplicates, lost }).toEqual({ runs: COMMITS, duplicates: 0, lost: 0 });
    const finishedAfterRestart = runs.filter((r) => !['running', 'abandoned'].includes(r.status));
    expect(finishedAfterRestart.every((r) => r.status === 'succeeded')).toBe(true);
    expect(
      runs.filter((r) => ['running', 'abandoned'].includes(r.status) && Date.parse(r.started_at) >= restartedAt),
    ).toEqual([]);
    expect(ranBeforeKill).toBeLessThan(COMMITS); // the kill did leave work for the restart
  });
});
