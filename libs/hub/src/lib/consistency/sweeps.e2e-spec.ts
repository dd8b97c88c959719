// POST /consistency/sweep/remote-all, the sweep history and the parallel-run
// comparison, over two real git repos (real Postgres).
import { createWorkplanRepo, type WorkplanRepo, workplanText } from '@state-hub/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Row = { source: string; runs: number; completion_rate: number; hard_failures: number };

describe('consistency sweeps (real Postgres, real git)', () => {
  let t: TestApp;
  const repos: WorkplanRepo[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    for (const [slug, id] of [
      ['alpha', 'ALPHA-WP-0001'],
      ['beta', 'BETA-WP-0001'],
    ]) {
      const repo = createWorkplanRepo({
        [`workplans/${id}.md`]: workplanText({ id, title: `${slug} plan`, tasks: [[`${id}-T01`, 'Do it', 'todo']] }),
      });
      repos.push(repo);
      await t.http().post('/repos').send({ slug, name: slug, domain: 'custodian', local_path: repo.path }).expect(201);
    }
  });
  afterAll(async () => {
    await t?.close();
    for (const repo of repos) repo.remove();
  });

  it('sweeps every repo and answers with the report, recorded as a progress event', async () => {
    const res = await t
      .http()
      .post('/consistency/sweep/remote-all')
      .send({ source: 'activity-core', remote: false, max_seconds: 60 })
      .expect(200);
    const report = res.body;
    expect(report).toMatchObject({
      source: 'activity-core',
      remote: false,
      max_seconds: 60,
      outcome: 'completed',
      counts: { repos: 2, synced: 2, skipped_lock: 0, skipped_budget: 0, failed: 0 },
      files: { synced: 2, errors: 0 },
      changes: { workstreams_created: 2, tasks_created: 2 },
    });
    expect(report.progress_event_id).toMatch(UUID);
    expect(new Date(report.finished_at).getTime()).toBeGreaterThanOrEqual(new Date(report.started_at).getTime());
    expect(report.repos.map((r: { repo: string; outcome: string }) => [r.repo, r.outcome]).sort()).toEqual([
      ['alpha', 'synced'],
      ['beta', 'synced'],
    ]);

    const event = await t.http().get(`/progress-events/${report.progress_event_id}`).expect(200);
    expect(event.body).toMatchObject({
      event_type: 'consistency_sweep_remote_all',
      detail: { source: 'activity-core' },
    });
    const listed = await t.http().get('/progress-events?event_type=consistency_sweep_remote_all').expect(200);
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([report.progress_event_id]);
    const workstreams = await t.http().get('/workstreams').expect(200);
    expect(workstreams.body.total).toBe(2);
    expect(repos[0].read('workplans/ALPHA-WP-0001.md')).toMatch(/state_hub_workstream_id: [0-9a-f-]{36}/);
  });

  it('uses the defaults (source api, remote, 300 s) and warns, not fails, for repos without a remote', async () => {
    const res = await t.http().post('/consistency/sweep/remote-all').send({}).expect(200);
    expect(res.body).toMatchObject({ source: 'api', remote: true, max_seconds: 300, outcome: 'completed' });
    expect(res.body.counts.failed).toBe(0);
    for (const r of res.body.repos) expect(r.pull).toBe('no_remote');
    // nothing changed on disk since the first sweep
    expect(res.body.files.unchanged).toBe(2);
  });

  it('sweeps one repo when asked', async () => {
    const res = await t
      .http()
      .post('/consistency/sweep/remote-all')
      .send({ source: 'local-timer', remote: false, repo: 'beta' })
      .expect(200);
    expect(res.body.repos.map((r: { repo: string }) => r.repo)).toEqual(['beta']);
  });

  it('422 naming repo for an unknown repo in the body, and nothing recorded', async () => {
    const res = await t.http().post('/consistency/sweep/remote-all').send({ repo: 'ghost' }).expect(422);
    expect(res.body).toMatchObject({ field: 'repo' });
    expect(res.body.message).toMatch(/ghost/);
  });

  it('lists the recorded sweeps, newest first, filtered by source and time', async () => {
    const all = await t.http().get('/consistency/sweeps').expect(200);
    expect(all.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.body.items.map((s: { source: string }) => s.source)).toEqual(['local-timer', 'api', 'activity-core']);
    expect(all.body.items[2]).toMatchObject({ outcome: 'completed', remote: false, counts: { repos: 2 } });
    expect(all.body.items[2].id).toMatch(UUID);

    const oneSource = await t.http().get('/consistency/sweeps?source=activity-core').expect(200);
    expect(oneSource.body.total).toBe(1);
    const paged = await t.http().get('/consistency/sweeps?limit=1&offset=1').expect(200);
    expect(paged.body.items.map((s: { source: string }) => s.source)).toEqual(['api']);
    const future = new Date(Date.now() + 3600_000).toISOString();
    const none = await t
      .http()
      .get(`/consistency/sweeps?since=${encodeURIComponent(future)}`)
      .expect(200);
    expect(none.body.total).toBe(0);
  });

  it('compares the sources over the last 7 days by default', async () => {
    const res = await t.http().get('/consistency/sweeps/compare').expect(200);
    const span = new Date(res.body.until).getTime() - new Date(res.body.since).getTime();
    expect(span).toBe(7 * 24 * 3600 * 1000);
    const rows: Row[] = res.body.sources;
    expect(rows.map((r) => r.source).sort()).toEqual(['activity-core', 'api', 'local-timer']);
    for (const row of rows) expect(row).toMatchObject({ runs: 1, completion_rate: 1, hard_failures: 0 });

    const past = await t
      .http()
      .get('/consistency/sweeps/compare?since=2020-01-01T00:00:00Z&until=2020-01-08T00:00:00Z')
      .expect(200);
    expect(past.body.sources).toEqual([]);
  });

  it.each([
    ['/consistency/sweeps/compare?since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z', 'since'],
    ['/consistency/sweeps/compare?since=yesterday', 'since'],
    ['/consistency/sweeps/compare?until=2026-13-01', 'until'],
    ['/consistency/sweeps?until=soon', 'until'],
    ['/consistency/sweeps?source=cron', 'source'],
    ['/consistency/sweeps?limit=0', 'limit'],
  ])('GET %s → 400 naming %s', async (path, field) => {
    const res = await t.http().get(path).expect(400);
    expect(res.body.field).toBe(field);
  });

  it.each([
    [{ max_seconds: 0 }, 'max_seconds'],
    [{ max_seconds: 3601 }, 'max_seconds'],
    [{ max_seconds: '60' }, 'max_seconds'],
    [{ source: 'commit-hook' }, 'source'],
    [{ remote: 'false' }, 'remote'],
    [{ repo: 'Bad Slug' }, 'repo'],
    [{ everything: true }, 'everything'],
  ])('POST sweep with %j → 400 naming %s, and records nothing', async (body, field) => {
    const res = await t.http().post('/consistency/sweep/remote-all').send(body).expect(400);
    expect(res.body.field).toBe(field);
    const all = await t.http().get('/consistency/sweeps').expect(200);
    expect(all.body.total).toBe(3);
  });

  it('lists the new routes in the OpenAPI document', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    for (const path of [
      '/consistency/sweep/remote-all',
      '/consistency/sweeps',
      '/consistency/sweeps/compare',
      '/repos/{slug}/sync',
      '/repos/{slug}/files',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths['/consistency/sweep/remote-all'].post.description).toMatch(/skipped_lock/);
    expect(doc.components.schemas.SweepReportView.properties.outcome.enum).toEqual([
      'completed',
      'partial',
      'failed',
      'skipped_lock',
    ]);
  });
});
