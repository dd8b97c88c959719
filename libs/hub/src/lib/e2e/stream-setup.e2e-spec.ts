// When the stream cannot be created at first (here: another stream already
// holds org.>), the relay says so, keeps events in the outbox, and creates the
// stream and publishes as soon as it can — without a restart.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually, readStream, startNatsServer, type NatsServer } from '@state-hub/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('stream set-up retries (own nats-server, real Postgres)', () => {
  let nats: NatsServer;
  let t: TestApp;
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
  });

  it('publishes the backlog once the stream can be created', async () => {
    nats = await startNatsServer();
    const nc = await connect({ servers: nats.url });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({ name: 'SQUATTER', subjects: ['org.>'] });

    t = await startTestApp({ env: { NATS_URL: nats.url, OUTBOX_POLL_MS: '100' } });
    await t.http().post('/domains').send({ slug: 'd', name: 'D' }).expect(201);
    await t.http().post('/repos').send({ slug: 'r', name: 'R', domain: 'd', local_path: '/r' }).expect(201);
    const waiting = await t.http().get('/state/health').expect(200);
    expect(waiting.body).toMatchObject({ status: 'ok', nats: 'connecting', outbox_pending: 1 });

    await jsm.streams.delete('SQUATTER');
    await nc.close();
    const url = nats.url;
    const events = await eventually(
      async () => {
        const all = await readStream(url);
        expect(all).toHaveLength(1);
        return all;
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );
    expect(events[0].subject).toBe('org.statehub.repo.registered');
    await eventually(async () =>
      expect((await t.http().get('/state/health')).body).toMatchObject({ nats: 'up', outbox_pending: 0 }),
    );
  });
});
