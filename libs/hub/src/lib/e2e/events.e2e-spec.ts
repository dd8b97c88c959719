// Each API action that changes lifecycle state puts exactly one correct
// envelope on ACTIVITY_EVENTS (own nats-server, real Postgres).
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { OutboxEventEntity } from '@state-hub/db';
import { appendToOutbox, OUTBOX_CHANNEL } from '@state-hub/outbox';
import { buildEvent, SUBJECTS } from '@state-hub/subjects';
import { DataSource } from 'typeorm';
import { StateChangeRunner } from '../database/state-change.runner';
import { startTestApp, type TestApp } from '../testing/test-app';
import { eventually, listenForNotifications, type NatsServer, readStream, startNatsServer } from '@state-hub/testing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const SHA = 'e83c5163316f89bfbde7d9ab23ca2e25604af290';

describe('lifecycle events (own nats-server, real Postgres)', () => {
  let nats: NatsServer;
  let t: TestApp;
  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTestApp({ env: { NATS_URL: nats.url, OUTBOX_POLL_MS: '100' } });
    await eventually(async () => expect((await t.http().get('/state/health')).body.nats).toBe('up'));
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
  });

  it('creates the stream with org.> on file storage and a ≥ 2 minute duplicate window', async () => {
    const nc = await connect({ servers: nats.url });
    const info = await (await jetstreamManager(nc)).streams.info('ACTIVITY_EVENTS');
    await nc.close();
    expect(info.config.subjects).toEqual(['org.>']);
    expect(info.config.storage).toBe('file');
    expect(info.config.duplicate_window).toBeGreaterThanOrEqual(120 * 1e9);
  });

  it('publishes one exact envelope per lifecycle action', async () => {
    const http = t.http;
    await http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    const repo = await http()
      .post('/repos')
      .send({ slug: 'state-hub', name: 'State Hub', domain: 'custodian', remote_url: 'https://example.org/hub.git' })
      .expect(201);
    const ws = await http()
      .post('/workstreams')
      .send({ repo: 'state-hub', workplan_id: 'STATE-WP-0064', title: 'Sweep' });
    await http().patch(`/workstreams/${ws.body.id}`).send({ status: 'active' }).expect(200);
    await http().patch(`/workstreams/${ws.body.id}`).send({ status: 'completed' }).expect(200);
    await http().patch(`/workstreams/${ws.body.id}`).send({ title: 'Sweep (done)' }).expect(200); // no new event
    const d = await http().post('/decisions').send({ domain: 'custodian', title: 'Where?' }).expect(201);
    await http().post(`/decisions/${d.body.id}/resolve`).send({ resolution: 'Cluster', resolved_by: 'tegwick' });
    const g = await http().post('/domain-goals').send({ domain: 'custodian', title: 'YAML all the way' }).expect(201);
    await http().post(`/domain-goals/${g.body.id}/activate`).expect(200);
    const before = (await http().get('/repos/state-hub').expect(200)).body;
    const commit = await http().post('/repos/state-hub/commits').send({ ref: 'refs/heads/main', sha: SHA }).expect(202);
    // refused changes emit nothing
    await http().post(`/decisions/${d.body.id}/resolve`).send({ resolution: 'x', resolved_by: 'y' }).expect(409);
    await http().post(`/domain-goals/${g.body.id}/activate`).expect(409);
    await http()
      .post('/repos')
      .send({ slug: 'state-hub', name: 'x', domain: 'custodian', local_path: '/x' })
      .expect(409);

    const events = await eventually(async () => {
      const all = await readStream(nats.url);
      expect(all).toHaveLength(5);
      return all;
    });
    for (const e of events) {
      expect(e.msgId).toBe(e.envelope['id']);
      expect(e.subject).toBe(e.envelope['type']);
      expect(e.envelope['id']).toMatch(UUID);
      expect(e.envelope['timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(e.envelope).toMatchObject({ version: '1.0', publisher: 'state-hub' });
    }
    expect(events.map((e) => [e.subject, e.envelope['attributes']])).toEqual([
      [
        'org.statehub.repo.registered',
        {
          repo_id: repo.body.id,
          repo_slug: 'state-hub',
          name: 'State Hub',
          domain: 'custodian',
          remote_url: 'https://example.org/hub.git',
          local_path: null,
          default_branch: 'main',
        },
      ],
      [
        'org.statehub.workstream.completed',
        {
          workstream_id: ws.body.id,
          workplan_id: 'STATE-WP-0064',
          repo_slug: 'state-hub',
          title: 'Sweep',
          previous_status: 'active',
          via: 'api',
        },
      ],
      [
        'org.statehub.decision.resolved',
        { decision_id: d.body.id, title: 'Where?', domain: 'custodian', resolution: 'Cluster', resolved_by: 'tegwick' },
      ],
      [
        'org.statehub.domain.goal.activated',
        { goal_id: g.body.id, domain: 'custodian', title: 'YAML all the way', previous_status: 'proposed' },
      ],
      ['org.repo.commit.pushed', { repo_slug: 'state-hub', ref: 'refs/heads/main', sha: SHA }],
    ]);
    expect(commit.body.event_id).toBe(events[4].envelope['id']);
    const after = (await http().get('/repos/state-hub').expect(200)).body;
    expect(after).toMatchObject({ last_commit_sha: SHA, last_commit_ref: 'refs/heads/main', name: 'State Hub' });
    expect(before.last_commit_at).toBeNull();
    expect(Date.parse(after.last_commit_at)).toBeGreaterThan(Date.parse(before.updated_at));
    expect(Date.parse(after.updated_at)).toBeGreaterThan(Date.parse(before.updated_at));

    await eventually(async () => expect((await http().get('/state/health')).body.outbox_pending).toBe(0));
    const outbox = await http().get('/events/outbox').expect(200);
    expect(outbox.body).toMatchObject({ pending: 0, published_last_hour: 5, last_error: null, nats: 'up' });
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/statehub_outbox_pending 0/);
    expect(metrics.text).toMatch(
      /statehub_outbox_published_total\{subject="org\.statehub\.repo\.registered",duplicate="false"\} 1/,
    );
    expect(metrics.text).toMatch(/statehub_outbox_relay_latency_seconds_count 5/);
  });

  it('leaves no event behind when a change rolls back', async () => {
    const ds = t.app.get(DataSource);
    const before = await ds.manager.count(OutboxEventEntity);
    await expect(
      t.app.get(StateChangeRunner).run(async ({ emit }) => {
        await emit('org.repo.commit.pushed', { repo_slug: 'state-hub', ref: 'refs/heads/x', sha: SHA });
        throw new Error('rolled back after emitting');
      }),
    ).rejects.toThrow('rolled back after emitting');
    expect(await ds.manager.count(OutboxEventEntity)).toBe(before);
    await new Promise((r) => setTimeout(r, 300));
    expect(await readStream(nats.url)).toHaveLength(5);
  });

  it('refuses a bad commit report without an event', async () => {
    const res = await t.http().post('/repos/state-hub/commits').send({ ref: 'main', sha: 'abc' }).expect(400);
    expect(res.body.message).toMatch(/ref must be a full git ref/);
    expect(res.body.message).toMatch(/sha must be a full commit id/);
    const rows = () => t.app.get(DataSource).manager.count(OutboxEventEntity);
    const before = await rows();
    const missing = await t.http().post('/repos/nope/commits').send({ ref: 'refs/heads/main', sha: SHA }).expect(404);
    expect(missing.body.message).toBe("repo 'nope' not found");
    expect(await rows()).toBe(before);
  });
});

describe('waking the relay (own nats-server, real Postgres, a relay that polls once a minute)', () => {
  let nats: NatsServer;
  let t: TestApp;
  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTestApp({ env: { NATS_URL: nats.url, OUTBOX_POLL_MS: '60000' } });
    await eventually(async () => expect((await t.http().get('/state/health')).body.nats).toBe('up'));
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'state-hub', name: 'State Hub', domain: 'custodian', local_path: '/srv/hub' })
      .expect(201);
    await eventually(async () => expect(await readStream(nats.url)).toHaveLength(1)); // repo.registered
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
  });

  it("publishes the hub's own events without a NOTIFY, and still wakes on another process's", async () => {
    const listener = await listenForNotifications(t.db?.url, OUTBOX_CHANNEL);
    try {
      const published = async (n: number) => eventually(async () => expect(await readStream(nats.url)).toHaveLength(n));
      // Published within eventually()'s few seconds, so woken in-process: this relay polls once a minute.
      await t.http().post('/repos/state-hub/commits').send({ ref: 'refs/heads/main', sha: SHA }).expect(202);
      await published(2);

      // Another process (a sweep from the CLI, say) writes an event: that write NOTIFYs, and this app's relay,
      // which would not poll for another minute, hears it and publishes the event.
      const ds = t.app.get(DataSource);
      const envelope = buildEvent(SUBJECTS.commitPushed, { repo_slug: 'state-hub', ref: 'refs/heads/x', sha: SHA });
      await ds.transaction((m) => appendToOutbox(m, envelope));
      await published(3);
      expect(await listener.heard()).toEqual(['']); // the other process's write only, not the commit report
    } finally {
      await listener.close();
    }
  });
});
