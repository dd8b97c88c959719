// With DATABASE_URL unset the API runs on an embedded PGlite data directory:
// same entities, same migrations, data survives a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('embedded database (PGlite)', () => {
  let dir: string;
  let t: TestApp | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'statehub-embedded-'));
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API, rolls back failed changes, and keeps data across restarts', async () => {
    t = await startTestApp({ embedded: true, env: { STATE_HUB_DATA_DIR: dir } });
    expect((await t.http().get('/state/health').expect(200)).body).toMatchObject({ status: 'ok', db: 'up' });
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'hub', name: 'Hub', domain: 'custodian', local_path: '/srv/hub' })
      .expect(201);
    const ws = await t
      .http()
      .post('/workstreams')
      .send({ repo: 'hub', workplan_id: 'HUB-WP-1', title: 'W', status: 'active' });
    expect(ws.status).toBe(201);
    await t
      .http()
      .post('/tasks')
      .send({ workstream_id: ws.body.id, task_key: 'T01', title: 'first', priority: 'high' })
      .expect(201);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'hub', name: 'Again', domain: 'custodian', local_path: '/x' })
      .expect(409);
    await t.close();
    t = undefined;

    t = await startTestApp({ embedded: true, env: { STATE_HUB_DATA_DIR: dir } });
    const repos = await t.http().get('/repos').expect(200);
    expect(repos.body.items.map((r: { name: string }) => r.name)).toEqual(['Hub']);
    const next = await t.http().get('/next-steps').expect(200);
    expect(next.body.items).toEqual([expect.objectContaining({ task_key: 'T01', repo: 'hub', domain: 'custodian' })]);
  });
});
