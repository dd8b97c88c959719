// A workstream the sweep completes is announced on JetStream right after the
// sweep commits: the API passes its relay's wake-up signal to the sweep.
import {
  createWorkplanRepo,
  eventually,
  type NatsServer,
  readStream,
  startNatsServer,
  type WorkplanRepo,
  workplanText,
} from '@state-hub/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const FILE = 'workplans/DEMO-WP-0001.md';

describe('sweep events reach JetStream at once (own nats-server, real Postgres)', () => {
  let nats: NatsServer;
  let t: TestApp;
  let repo: WorkplanRepo;
  beforeAll(async () => {
    nats = await startNatsServer();
    // A poll interval far beyond the test's patience: only the commit signal can publish in time.
    t = await startTestApp({ env: { NATS_URL: nats.url, OUTBOX_POLL_MS: '60000' } });
    await eventually(async () => expect((await t.http().get('/state/health')).body.nats).toBe('up'));
    repo = createWorkplanRepo({ [FILE]: workplanText({ id: 'DEMO-WP-0001', title: 'Demo' }) });
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'demo', name: 'Demo', domain: 'custodian', local_path: repo.path })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
    repo?.remove();
  });

  it('publishes org.statehub.workstream.completed with via=sweep within seconds', async () => {
    await t.http().post('/repos/demo/sync').send({}).expect(200);
    repo.write(FILE, repo.read(FILE).replace('status: active', 'status: completed'));
    const res = await t.http().post('/consistency/sweep/remote-all').send({ remote: false }).expect(200);
    expect(res.body.changes.workstreams_completed).toBe(1);
    const completedEvents = async () =>
      (await readStream(nats.url)).filter((e) => e.subject === 'org.statehub.workstream.completed');
    await eventually(async () => expect(await completedEvents()).toHaveLength(1), {
      timeoutMs: 10_000,
      intervalMs: 200,
    });
    // "exactly one" only holds once nothing is left to publish: a duplicate would still be on its way
    await eventually(async () => expect((await t.http().get('/events/outbox').expect(200)).body.pending).toBe(0), {
      timeoutMs: 10_000,
      intervalMs: 200,
    });
    const found = await completedEvents();
    expect(found).toHaveLength(1);
    const [completed] = found;
    expect(completed.envelope['attributes']).toMatchObject({
      repo_slug: 'demo',
      title: 'Demo',
      previous_status: 'active',
      via: 'sweep',
    });
  });
});
