// The definitions this organisation runs (the repo's activity-definitions/
// folder, as is) against a real state hub: the repo-registered note fires on
// the hub's own event, and the health watch's cron slot checks the hub.
import {
  createTestDatabase,
  eventually,
  type NatsServer,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { join } from 'node:path';
import request from 'supertest';
import { type BuiltApp, startBuiltHub, WORKSPACE_ROOT } from '../testing/built-apps';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

const NOTE = 'the-custodian.state-hub-repo-registered-note';
const WATCH = 'the-custodian.state-hub-health-watch';

describe("event-consumer: the organisation's definitions against a real hub (built hub, own NATS)", () => {
  let nats: NatsServer;
  let hubDb: TestDatabase;
  let engineDb: TestDatabase;
  let hub: BuiltApp;
  let engine: TestEngine;

  beforeAll(async () => {
    [nats, hubDb, engineDb] = await Promise.all([startNatsServer(), createTestDatabase(), createTestDatabase()]);
    hub = await startBuiltHub({ databaseUrl: hubDb.url, natsUrl: nats.url });
    engine = await startTestEngine({
      databaseUrl: engineDb.url,
      natsUrl: nats.url,
      definitionsDir: join(WORKSPACE_ROOT, 'activity-definitions'),
      // what a deployment sets for the folder's definitions
      env: { STATE_HUB_URL: hub.url },
    });
  });
  afterAll(async () => {
    await engine?.close();
    await hub?.stop();
    await Promise.all([nats?.destroy(), hubDb?.drop(), engineDb?.drop()]);
  });

  it('loads every file of the folder', async () => {
    const res = await engine.http().get('/definitions').expect(200);
    const states = (res.body.items ?? res.body) as { id?: string; state: string }[];
    expect(states.filter((d) => d.state === 'invalid')).toEqual([]);
    expect(states.map((d) => d.id)).toEqual(expect.arrayContaining([NOTE, WATCH]));
  });

  it('notes a repo registered through the hub on the repo itself', async () => {
    const hubHttp = () => request(hub.url);
    await hubHttp().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await hubHttp()
      .post('/repos')
      .send({ slug: 'state-hub', name: 'State Hub', domain: 'custodian', local_path: '/srv/hub' })
      .expect(201);
    const notes = await eventually(
      async () => {
        const res = await hubHttp().get('/progress-events').query({ event_type: 'repo_registered' }).expect(200);
        expect(res.body.total).toBe(1);
        return res.body.items;
      },
      { timeoutMs: 20_000 },
    );
    expect(notes[0]).toMatchObject({
      summary: 'Repo state-hub registered in domain custodian',
      actor: 'activity-engine',
    });
    const runs = await engine.http().get('/runs').query({ definition: NOTE }).expect(200);
    expect(runs.body.items).toEqual([expect.objectContaining({ status: 'succeeded', trigger_kind: 'event' })]);
  });

  it("the health watch's cron slot checks the hub and skips while it is healthy", async () => {
    const watch = engine.definitions.find(WATCH);
    if (!watch) throw new Error(`${WATCH} is not active`);
    await engine.cron.tick(watch, new Date('2026-01-05T10:05:00Z'));
    const runs = await engine.http().get('/runs').query({ definition: WATCH }).expect(200);
    expect(runs.body.items).toEqual([
      expect.objectContaining({
        status: 'skipped',
        trigger_kind: 'cron',
        trigger_key: 'cron:2026-01-05T10:05:00.000Z',
      }),
    ]);
    expect(runs.body.items[0].context.hub_health).toMatchObject({ status: 'ok', db: 'up' });
  });
});
