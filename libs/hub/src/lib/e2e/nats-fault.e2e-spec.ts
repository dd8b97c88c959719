// Kill -9 NATS in the middle of a stream of API writes, keep writing, bring it
// back: every event reaches the stream exactly once and no request fails.
import { startTestApp, type TestApp } from '../testing/test-app';
import { eventually, type NatsServer, readStreamOnceItHolds, startNatsServer } from '@state-hub/testing';

const WRITES_PER_PHASE = 40;

describe('NATS killed mid-stream (own nats-server, real Postgres)', () => {
  let nats: NatsServer;
  let t: TestApp;
  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTestApp({ env: { NATS_URL: nats.url, OUTBOX_POLL_MS: '100', NATS_PUBLISH_TIMEOUT_MS: '1000' } });
    await t.http().post('/domains').send({ slug: 'd', name: 'D' }).expect(201);
    await t.http().post('/repos').send({ slug: 'r', name: 'R', domain: 'd', local_path: '/r' }).expect(201);
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
  });

  it('loses nothing, duplicates nothing, fails no request', async () => {
    const statuses: number[] = [];
    const slowest: number[] = [];
    let n = 0;
    const write = async () => {
      const sha = (n++).toString(16).padStart(40, '0');
      const started = Date.now();
      const res = await t.http().post('/repos/r/commits').send({ ref: 'refs/heads/main', sha });
      slowest.push(Date.now() - started);
      statuses.push(res.status);
    };
    const phase = async () => {
      for (let i = 0; i < WRITES_PER_PHASE; i++) await write();
    };

    await phase(); // NATS up
    await nats.stop('SIGKILL');
    await phase(); // NATS gone: requests must not notice
    await eventually(async () => expect((await t.http().get('/state/health')).body.nats).toBe('down'));
    const duringOutage = slowest.slice(WRITES_PER_PHASE);
    expect((await t.http().get('/state/health').expect(200)).body.status).toBe('ok');
    await nats.start();
    await phase(); // NATS back

    const expected = 1 + 3 * WRITES_PER_PHASE; // repo registered + every commit
    const events = await readStreamOnceItHolds(nats.url, expected);
    const ids = new Set(events.map((e) => e.msgId));
    const failed = statuses.filter((s) => s !== 202).length;
    console.log(
      `nats-fault: sent=${expected} in_stream=${events.length} unique=${ids.size} duplicates=${events.length - ids.size} ` +
        `lost=${expected - ids.size} failed_requests=${failed} slowest_request_during_outage_ms=${Math.max(...duringOutage)}`,
    );
    expect(failed).toBe(0);
    expect(events).toHaveLength(expected);
    expect(ids.size).toBe(expected);
    // A publish in the request path would show up as the 1 s publish timeout here.
    expect(Math.max(...duringOutage)).toBeLessThan(1000);
    await eventually(async () => expect((await t.http().get('/state/health')).body.outbox_pending).toBe(0));
  });
});
