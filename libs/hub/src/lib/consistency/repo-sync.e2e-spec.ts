// POST /repos/:slug/sync and GET /repos/:slug/files against a real git repo
// holding workplans (real Postgres).
import { createWorkplanRepo, type WorkplanRepo, workplanText } from '@state-hub/testing';
import { REPO_LOCK_NAMESPACE } from '@state-hub/consistency-sweep';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../testing/test-app';

const ALPHA = 'workplans/DEMO-WP-0001-alpha.md';
const BETA = 'workplans/DEMO-WP-0002-beta.md';
const BROKEN = 'workplans/DEMO-WP-0003-broken.md';
/** A commit no checkout here holds (as a git host's webhook reports a push made elsewhere). */
const ELSEWHERE = 'e83c5163316f89bfbde7d9ab23ca2e25604af290';

describe('per-repo sync and workplan files (real Postgres, real git)', () => {
  let t: TestApp;
  let repo: WorkplanRepo;
  beforeAll(async () => {
    // a short lock wait, so the locked-repo case answers within the test's patience
    t = await startTestApp({ env: { SWEEP_REPO_LOCK_WAIT_SECONDS: '1' } });
    repo = createWorkplanRepo({
      [ALPHA]: workplanText({
        id: 'DEMO-WP-0001',
        title: 'Alpha plan',
        tasks: [
          ['DEMO-WP-0001-T01', 'Write the parser', 'done'],
          ['DEMO-WP-0001-T02', 'Wire the sweep', 'todo'],
        ],
      }),
      [BETA]: workplanText({ id: 'DEMO-WP-0002', title: 'Beta plan', tasks: [['DEMO-WP-0002-T01', 'Ship', 'todo']] }),
      [BROKEN]: workplanText({ id: 'DEMO-WP-0003', title: 'Broken plan', status: 'finished' }),
    });
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'demo', name: 'Demo', domain: 'custodian', local_path: repo.path })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    repo?.remove();
  });

  it('creates the workstreams and tasks of the files and writes their ids back', async () => {
    // what the post-commit hook reports: the checkout's own HEAD, so nothing is fetched
    const head = repo.git('rev-parse', 'HEAD');
    const res = await t.http().post('/repos/demo/sync').send({ ref: 'refs/heads/main', sha: head }).expect(200);
    expect(res.body).toMatchObject({
      repo: 'demo',
      outcome: 'synced',
      pull: 'local',
      files: { synced: 2, errors: 1 },
      changes: { workstreams_created: 2, tasks_created: 3 },
    });
    expect(res.body.commit_sha).toMatch(/^[0-9a-f]{40}$/);

    const list = await t.http().get('/workstreams?repo=demo').expect(200);
    expect(list.body.items.map((w: { title: string }) => w.title).sort()).toEqual(['Alpha plan', 'Beta plan']);
    const alpha = list.body.items.find((w: { workplan_id: string }) => w.workplan_id === 'DEMO-WP-0001');
    const tasks = await t.http().get(`/tasks?workstream_id=${alpha.id}`).expect(200);
    expect(tasks.body.items.map((x: { task_key: string; status: string }) => [x.task_key, x.status]).sort()).toEqual([
      ['DEMO-WP-0001-T01', 'done'],
      ['DEMO-WP-0001-T02', 'todo'],
    ]);

    const text = repo.read(ALPHA);
    expect(text).toContain(`state_hub_workstream_id: ${alpha.id}`);
    for (const task of tasks.body.items) expect(text).toContain(task.id);
  });

  it('records the sync as a progress event on the repo', async () => {
    const events = await t.http().get('/progress-events?repo=demo&event_type=consistency_sync_repo').expect(200);
    expect(events.body.total).toBeGreaterThanOrEqual(1);
    expect(events.body.items[0].detail).toMatchObject({ source: 'commit-hook' });
  });

  it('shows each file with its status, and the broken one with its reason', async () => {
    const all = await t.http().get('/repos/demo/files').expect(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((f: { path: string; status: string }) => [f.path, f.status])).toEqual([
      [ALPHA, 'synced'],
      [BETA, 'synced'],
      [BROKEN, 'error'],
    ]);
    const alpha = all.body.items[0];
    expect(alpha.workstream_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(alpha.content_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(alpha.error).toBeNull();

    const errors = await t.http().get('/repos/demo/files?status=error').expect(200);
    expect(errors.body.items).toHaveLength(1);
    expect(errors.body.items[0]).toMatchObject({ path: BROKEN, status: 'error', workstream_id: null });
    expect(errors.body.items[0].error).toMatch(/status/);
  });

  it('syncs in remote mode when the checkout lacks the reported commit (here: no git remote to pull from)', async () => {
    const res = await t.http().post('/repos/demo/sync').send({ ref: 'refs/heads/main', sha: ELSEWHERE }).expect(200);
    expect(res.body).toMatchObject({ repo: 'demo', outcome: 'synced', pull: 'no_remote' });
  });

  it('a fixed file syncs on the next call and its row turns synced', async () => {
    repo.write(BROKEN, workplanText({ id: 'DEMO-WP-0003', title: 'Broken plan', status: 'draft' }));
    const res = await t.http().post('/repos/demo/sync').send({}).expect(200);
    expect(res.body.files).toMatchObject({ synced: 1, errors: 0 });
    const errors = await t.http().get('/repos/demo/files?status=error').expect(200);
    expect(errors.body.total).toBe(0);
  });

  it('409 naming the repo while a running sweep holds its lock (the caller retries), 200 once it is free', async () => {
    const { id } = (await t.http().get('/repos/demo').expect(200)).body;
    // the sweep's session-level repo lock, held from another connection as a running sweep would
    const sweep = new Client({ connectionString: t.db?.url });
    await sweep.connect();
    try {
      await sweep.query('SELECT pg_advisory_lock($1::int, hashtext($2::text))', [REPO_LOCK_NAMESPACE, id]);
      const started = Date.now();
      const locked = await t.http().post('/repos/demo/sync').send({}).expect(409);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(locked.body).toMatchObject({
        status_code: 409,
        error: 'conflict',
        field: 'slug',
        message: "repo 'demo' is locked by a running sweep (waited 1 s); try again",
      });
      const events = await t.http().get('/progress-events?repo=demo&event_type=consistency_sync_repo').expect(200);
      expect(events.body.items[0].detail).toMatchObject({ source: 'commit-hook', outcome: 'skipped_lock' });
    } finally {
      await sweep.end(); // ends the session, which releases its lock
    }
    const free = await t.http().post('/repos/demo/sync').send({}).expect(200);
    expect(free.body.outcome).toBe('synced');
  });

  it('documents the 409 of a locked repo in the OpenAPI document', async () => {
    const sync = (await t.http().get('/docs-json').expect(200)).body.paths['/repos/{slug}/sync'].post;
    expect(Object.keys(sync.responses)).toEqual(['200', '400', '401', '404', '409', '413', '415', '503']);
    expect(sync.responses['409'].description).toMatch(/running sweep holds its lock/);
    expect(sync.description).toMatch(/409 when a running sweep held the repo longer than SWEEP_REPO_LOCK_WAIT_SECONDS/);
  });

  it('404 for an unknown repo, 409 for an archived one', async () => {
    const missing = await t.http().post('/repos/nope/sync').send({}).expect(404);
    expect(missing.body).toMatchObject({ field: 'slug' });
    expect(missing.body.message).toMatch(/nope/);
    await t.http().get('/repos/nope/files').expect(404);

    await t
      .http()
      .post('/repos')
      .send({ slug: 'old', name: 'Old', domain: 'custodian', local_path: repo.path })
      .expect(201);
    await t.http().patch('/repos/old').send({ status: 'archived' }).expect(200);
    const archived = await t.http().post('/repos/old/sync').send({}).expect(409);
    expect(archived.body.message).toMatch(/archived/);
  });

  it.each([
    [{ remote: 'yes' }, 'remote'],
    [{ writeback: null }, 'writeback'],
    [{ sha: 'abc' }, 'sha'],
    [{ ref: 'main' }, 'ref'],
    [{ branch: 'main' }, 'branch'],
  ])('400 for the body %j, naming %s', async (body, field) => {
    const before = await t.http().get('/progress-events?event_type=consistency_sync_repo').expect(200);
    const res = await t.http().post('/repos/demo/sync').send(body).expect(400);
    expect(res.body.field).toBe(field);
    const after = await t.http().get('/progress-events?event_type=consistency_sync_repo').expect(200);
    expect(after.body.total).toBe(before.body.total);
  });

  it('400 for a bad slug or file status filter', async () => {
    await t.http().post('/repos/Not%20A%20Slug/sync').send({}).expect(400);
    const res = await t.http().get('/repos/demo/files?status=broken').expect(400);
    expect(res.body.field).toBe('status');
  });
});
