// A new user's first session, through the documented API on real Postgres:
// register, plan, move work, decide, activate a goal, ask what is next.
import { startTestApp, type TestApp } from '../testing/test-app';

describe('state hub walkthrough (real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('registers, plans, moves work and answers /next-steps', async () => {
    const health = await t.http().get('/state/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', db: 'up', nats: 'disabled' });

    await t.http().post('/domains').send({ slug: 'custodian', name: 'The Custodian' }).expect(201);
    await t.http().post('/domains').send({ slug: 'platform', name: 'Platform' }).expect(201);

    const repo = await t
      .http()
      .post('/repos')
      .send({
        slug: 'state-hub',
        name: 'State Hub',
        domain: 'custodian',
        remote_url: 'git@example.org:org/state-hub.git',
      })
      .expect(201);
    expect(repo.body).toMatchObject({
      slug: 'state-hub',
      domain: 'custodian',
      default_branch: 'main',
      status: 'active',
    });
    await t
      .http()
      .post('/repos')
      .send({ slug: 'infra', name: 'Infra', domain: 'platform', local_path: '/srv/infra', default_branch: 'trunk' })
      .expect(201);

    const repos = await t.http().get('/repos?status=active').expect(200);
    expect(repos.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    expect(repos.body.items.map((r: { slug: string }) => r.slug)).toEqual(['infra', 'state-hub']);
    expect((await t.http().get('/repos?domain=platform').expect(200)).body.items).toHaveLength(1);

    const ws = await t
      .http()
      .post('/workstreams')
      .send({
        repo: 'state-hub',
        workplan_id: 'STATE-WP-0064',
        title: 'Move the sweep',
        extra: { topic_slug: 'custodian' },
      })
      .expect(201);
    expect(ws.body).toMatchObject({
      status: 'draft',
      repo: 'state-hub',
      domain: 'custodian',
      extra: { topic_slug: 'custodian' },
    });
    const other = await t
      .http()
      .post('/workstreams')
      .send({ repo: 'infra', workplan_id: 'INFRA-WP-0001', title: 'Cluster', status: 'active' })
      .expect(201);

    const mk = (workstream_id: string, task_key: string, priority: string, extra: object = {}) =>
      t
        .http()
        .post('/tasks')
        .send({ workstream_id, task_key, title: `do ${task_key}`, priority, ...extra })
        .expect(201);
    const t1 = await mk(ws.body.id, 'STATE-WP-0064-T01', 'low');
    const t2 = await mk(ws.body.id, 'STATE-WP-0064-T02', 'critical');
    await mk(ws.body.id, 'STATE-WP-0064-T03', 'critical', { status: 'blocked' });
    await mk(ws.body.id, 'STATE-WP-0064-T04', 'high', { status: 'done' });
    const i1 = await mk(other.body.id, 'INFRA-WP-0001-T01', 'high');
    expect(t2.body).toMatchObject({ status: 'todo', position: 1, completed_at: null });

    // Not active yet: the draft workstream contributes nothing.
    let next = await t.http().get('/next-steps').expect(200);
    expect(next.body.items.map((s: { task_key: string }) => s.task_key)).toEqual(['INFRA-WP-0001-T01']);

    await t.http().patch(`/workstreams/${ws.body.id}`).send({ status: 'active' }).expect(200);
    const moved = await t.http().patch(`/tasks/${t1.body.id}`).send({ status: 'in_progress' }).expect(200);
    expect(moved.body.status).toBe('in_progress');
    expect(moved.body.started_at).not.toBeNull();

    next = await t.http().get('/next-steps').expect(200);
    expect(next.body.items.map((s: { task_key: string }) => s.task_key)).toEqual([
      'STATE-WP-0064-T02', // critical
      'INFRA-WP-0001-T01', // high
      'STATE-WP-0064-T01', // low (blocked T03 and done T04 are left out)
    ]);
    expect(next.body.items[0]).toMatchObject({
      workplan_id: 'STATE-WP-0064',
      repo: 'state-hub',
      domain: 'custodian',
      priority: 'critical',
      status: 'todo',
    });
    const inDomain = await t.http().get('/next-steps?domain=platform&limit=5').expect(200);
    expect(inDomain.body.items.map((s: { task_id: string }) => s.task_id)).toEqual([i1.body.id]);
    expect((await t.http().get('/next-steps?repo=state-hub&limit=1').expect(200)).body.items).toHaveLength(1);

    const detail = await t.http().get(`/workstreams/${ws.body.id}`).expect(200);
    expect(detail.body.tasks.map((x: { task_key: string }) => x.task_key)).toEqual([
      'STATE-WP-0064-T01',
      'STATE-WP-0064-T02',
      'STATE-WP-0064-T03',
      'STATE-WP-0064-T04',
    ]);

    const completed = await t.http().patch(`/workstreams/${ws.body.id}`).send({ status: 'completed' }).expect(200);
    expect(completed.body.completed_at).not.toBeNull();
    expect((await t.http().get('/workstreams?status=completed').expect(200)).body.total).toBe(1);
    expect((await t.http().get('/workstreams?workplan_id=INFRA-WP-0001').expect(200)).body.items[0].id).toBe(
      other.body.id,
    );
  });

  it('resolves a decision once and activates a goal once', async () => {
    const d = await t
      .http()
      .post('/decisions')
      .send({ domain: 'custodian', title: 'Where does the sweep run?', repo: 'state-hub' })
      .expect(201);
    expect(d.body).toMatchObject({ status: 'open', resolution: null });
    const resolved = await t
      .http()
      .post(`/decisions/${d.body.id}/resolve`)
      .send({ resolution: 'On the cluster', resolved_by: 'tegwick' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'On the cluster', resolved_by: 'tegwick' });
    const again = await t
      .http()
      .post(`/decisions/${d.body.id}/resolve`)
      .send({ resolution: 'Elsewhere', resolved_by: 'someone' })
      .expect(409);
    expect(again.body.message).toMatch(/already resolved by tegwick/);
    expect((await t.http().get(`/decisions/${d.body.id}`).expect(200)).body.resolution).toBe('On the cluster');
    expect((await t.http().get('/decisions?status=resolved&domain=custodian').expect(200)).body.total).toBe(1);
    const ws = await t
      .http()
      .post('/workstreams')
      .send({ repo: 'state-hub', workplan_id: 'STATE-WP-0070', title: 'Decide things' })
      .expect(201);
    const ofWs = await t
      .http()
      .post('/decisions')
      .send({ domain: 'custodian', title: 'Who owns the timer?', workstream_id: ws.body.id })
      .expect(201);
    const filtered = await t.http().get(`/decisions?workstream_id=${ws.body.id}`).expect(200);
    expect(filtered.body).toMatchObject({ total: 1, items: [{ id: ofWs.body.id, workstream_id: ws.body.id }] });
    const bad = await t.http().get('/decisions?workstream_id=nope').expect(400);
    expect(bad.body.field).toBe('workstream_id');
    const unknown = await t.http().get(`/decisions?workstream_id=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ field: 'workstream_id', message: expect.stringMatching(/not found/) });

    const g = await t
      .http()
      .post('/domain-goals')
      .send({ domain: 'custodian', title: 'Maintenance as YAML' })
      .expect(201);
    expect(g.body.status).toBe('proposed');
    const active = await t.http().post(`/domain-goals/${g.body.id}/activate`).expect(200);
    expect(active.body).toMatchObject({ status: 'active', domain: 'custodian' });
    expect(active.body.activated_at).not.toBeNull();
    const twice = await t.http().post(`/domain-goals/${g.body.id}/activate`).expect(409);
    expect(twice.body.message).toMatch(/already active/);
  });

  it('records and filters progress events', async () => {
    const ws = (await t.http().get('/workstreams?workplan_id=STATE-WP-0064').expect(200)).body.items[0];
    const e = await t
      .http()
      .post('/progress-events')
      .send({
        event_type: 'consistency_sweep_remote_all',
        summary: 'swept 2 repos',
        repo: 'state-hub',
        workstream_id: ws.id,
        detail: { source: 'manual', repos_synced: 2, warnings: [] },
        occurred_at: '2026-06-21T10:00:00Z',
      })
      .expect(201);
    expect(e.body).toMatchObject({ repo_id: ws.repo_id, detail: { source: 'manual', repos_synced: 2 } });
    // an event of a task alone is also its workstream's and its repo's
    const task = (await t.http().get(`/tasks?workstream_id=${ws.id}`).expect(200)).body.items[0];
    const ofTask = await t
      .http()
      .post('/progress-events')
      .send({ event_type: 'task_note', summary: 'looked at it', task_id: task.id, occurred_at: '2026-06-21T11:00:00Z' })
      .expect(201);
    expect(ofTask.body).toMatchObject({ task_id: task.id, workstream_id: ws.id, repo_id: ws.repo_id, detail: {} });
    await t.http().post('/progress-events').send({ event_type: 'note', summary: 'later', actor: 'codex' }).expect(201);

    const all = await t.http().get('/progress-events').expect(200);
    expect(all.body.items.map((x: { summary: string }) => x.summary)).toEqual([
      'later',
      'looked at it',
      'swept 2 repos',
    ]);
    const filtered = await t
      .http()
      .get(
        '/progress-events?event_type=consistency_sweep_remote_all&since=2026-06-01T00:00:00Z&until=2026-07-01T00:00:00Z',
      )
      .expect(200);
    expect(filtered.body.total).toBe(1);
    expect((await t.http().get('/progress-events?repo=state-hub').expect(200)).body.total).toBe(2);
    expect((await t.http().get(`/progress-events/${e.body.id}`).expect(200)).body.summary).toBe('swept 2 repos');
  });

  it('pages lists with a bounded limit', async () => {
    for (let i = 0; i < 5; i++) {
      await t
        .http()
        .post('/domains')
        .send({ slug: `d-${i}`, name: `D ${i}` })
        .expect(201);
    }
    const first = await t.http().get('/domains?limit=3&offset=0').expect(200);
    const second = await t.http().get('/domains?limit=3&offset=3').expect(200);
    expect(first.body.total).toBe(7);
    expect(first.body.items).toHaveLength(3);
    expect(second.body.items).toHaveLength(3);
    const seen = new Set([...first.body.items, ...second.body.items].map((d: { slug: string }) => d.slug));
    expect(seen.size).toBe(6);
    const tooMany = await t.http().get('/domains?limit=1000').expect(400);
    expect(tooMany.body.field).toBe('limit');
  });
});
