// An event on the stream runs every matching definition once, and each run is
// in the history with its context, rule outcome and result; the HTTP side shows it.
import { eventually, readStream } from '@state-hub/testing';
import {
  type EngineFixture,
  eventDefinition as event,
  type RunBody,
  startEngineFixture,
} from '../testing/engine-fixture';

describe('event-consumer: events to runs (Postgres + own nats-server)', () => {
  let f: EngineFixture;

  beforeAll(async () => {
    f = await startEngineFixture((files, sink) => {
      sink.respond('/health-bad', 200, { status: 'down' });
      sink.respond('/health-ok', 200, { status: 'ok' });
      sink.respond('/boom', 500, { error: 'boom' });
      files.write(
        'http.yaml',
        event(
          'test.http',
          'org.test.repo.pushed',
          `  filters: { repo_slug: 'state-*' }\ncontext:\n  - { kind: http_get, url: '${sink.url}/health-ok', bind: hub }\nrule:\n  when: ["hub.status == 'ok'"]\ninstruction:\n  kind: http\n  method: POST\n  url: '${sink.url}/sync/{{ event.attributes.repo_slug }}'\n  body: { run: '{{ run.id }}', status: '{{ hub.status }}' }\n`,
        ),
      );
      files.write(
        'declined.yaml',
        event(
          'test.declined',
          'org.test.*.pushed',
          `context:\n  - { kind: http_get, url: '${sink.url}/health-bad', bind: hub }\nrule:\n  when: ["hub.status == 'ok'"]\ninstruction: { kind: http, method: POST, url: '${sink.url}/never' }\n`,
        ),
      );
      files.write(
        'unreachable.yaml',
        event(
          'test.unreachable',
          'org.test.>',
          `context:\n  - { kind: http_get, url: 'http://127.0.0.1:1/x', bind: hub, timeout_seconds: 2 }\nrule:\n  when: ['!has(hub.error)']\ninstruction: { kind: http, method: POST, url: '${sink.url}/never' }\n`,
        ),
      );
      files.write(
        'fail.yaml',
        event(
          'test.fail',
          'org.test.fail.requested',
          `instruction: { kind: http, method: GET, url: '${sink.url}/boom', on_failure: fail }\n`,
        ),
      );
      files.write(
        'broken.yaml',
        'id: test.broken\ntrigger: { trigger_type: event, event_type: org.test.repo.pushed }\ninstruction: { kind: nope }\n',
      );
    });
  });

  afterAll(async () => {
    await f?.close();
  });

  it('runs a matching definition once, with context, rule outcome and Idempotency-Key; a broken file does not stop it', async () => {
    const event = f.source.envelope('org.test.repo.pushed', { repo_slug: 'state-hub' });
    await f.source.publish(event);
    const run = await f.oneRun('test.http', 'succeeded');
    expect(run.trigger_key).toBe(event.id);
    expect(run.context).toEqual({ hub: { status: 'ok' } });
    expect(run.rule?.passed).toBe(true);
    expect(run.result).toMatchObject({ http_status: 200, attempts: 1 });
    const sent = f.sink.requests.find((r) => r.url === '/sync/state-hub');
    expect(sent?.headers['idempotency-key']).toBe(run.id);
    expect(JSON.parse(sent?.body ?? '{}')).toEqual({ run: run.id, status: 'ok' });
    expect((await f.engine.http().get(`/runs/${run.id}`).expect(200)).body.id).toBe(run.id);

    const health = (await f.engine.http().get('/health').expect(200)).body;
    expect(health).toMatchObject({ status: 'ok', nats: 'up', db: 'up', definitions: { invalid: 1 } });
    const defs = (await f.engine.http().get('/definitions').expect(200)).body as {
      id: string;
      state: string;
      errors: string[];
    }[];
    expect(defs.find((d) => d.id === 'test.broken')?.errors[0]).toMatch(/broken\.yaml:\d+:\d+: /);
  });

  it('a filter that does not match starts no run; a declining rule and a failed context source are skipped with the reason', async () => {
    await f.source.publish(f.source.envelope('org.test.repo.pushed', { repo_slug: 'other' }));
    const declined = await eventually(async () => {
      const runs = await f.runsOf('test.declined');
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.filter((r) => r.status === 'running')).toEqual([]);
      return runs;
    });
    expect(declined[0]).toMatchObject({ status: 'skipped', skip_reason: `"hub.status == 'ok'" is false` });
    const unreachable = await eventually(async () => {
      const runs = await f.runsOf('test.unreachable');
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.filter((r) => r.status === 'running')).toEqual([]);
      return runs;
    });
    expect(unreachable[0].status).toBe('skipped');
    expect(unreachable[0].skip_reason).toContain('!has(hub.error)');
    expect(unreachable[0].context['hub']).toHaveProperty('error');
    expect(await f.runsOf('test.http')).toHaveLength(1); // repo_slug 'other' does not match 'state-*'
  });

  it('a redelivered event (same envelope, new Nats-Msg-Id) does not run a definition twice', async () => {
    const event = f.source.envelope('org.test.repo.pushed', { repo_slug: 'state-again' });
    await f.source.publish(event, `${event.id}-1`);
    await eventually(async () => expect((await f.runsOf('test.http')).map((r) => r.trigger_key)).toContain(event.id));
    await f.source.publish(event, `${event.id}-2`);
    await eventually(async () => expect(await f.source.pending('ACTIVITY_EVENTS', 'activity-engine')).toBe(0));
    expect((await f.runsOf('test.http')).filter((r) => r.trigger_key === event.id)).toHaveLength(1);
    expect(f.sink.requests.filter((r) => r.url === '/sync/state-again')).toHaveLength(1);
  });

  it('a malformed message is dead-lettered, counted, and does not block the consumer', async () => {
    await f.source.publishRaw('org.test.repo.pushed', 'not json');
    const event = f.source.envelope('org.test.repo.pushed', { repo_slug: 'state-after' });
    await f.source.publish(event);
    await eventually(async () => expect((await f.runsOf('test.http')).map((r) => r.trigger_key)).toContain(event.id));
    await eventually(async () => {
      const dead = (await readStream(f.nats.url, 'ACTIVITY_DEADLETTER')).map((e) => e.subject);
      expect(dead).toEqual(['deadletter.org.test.repo.pushed']);
    });
    expect((await f.engine.http().get('/metrics').expect(200)).text).toMatch(/activity_dead_letters_total 1/);
  });

  it('answers bad queries with 400 naming the field and unknown ids with 404', async () => {
    const bad = await f.engine.http().get('/runs').query({ status: 'nope' }).expect(400);
    expect(bad.body).toMatchObject({ status_code: 400, error: 'bad_request', field: 'status' });
    await f.engine.http().get('/runs/00000000-0000-4000-8000-000000000000').expect(404);
    expect((await f.engine.http().get('/runs/zzz').expect(400)).body.field).toBe('id');
    expect((await f.engine.http().post('/definitions/test.missing/run').expect(404)).body.error).toBe('not_found');
  });

  it('runs a definition by hand and shows the run; metrics count it', async () => {
    const started = (await f.engine.http().post('/definitions/test.fail/run').expect(202)).body as RunBody;
    expect(started.trigger_key).toMatch(/^manual:/);
    await eventually(async () => expect((await f.engine.http().get(`/runs/${started.id}`)).body.status).toBe('failed'));
    const metrics = (await f.engine.http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/activity_events_consumed_total \d+/);
    expect(metrics).toMatch(/activity_runs_total\{status="failed"\} \d+/);
    // everything published so far has been handled: no lag
    expect(metrics).toMatch(/activity_consumer_lag\{kind="pending"\} 0/);
    expect(metrics).toMatch(/activity_consumer_lag\{kind="ack_pending"\} 0/);
  });
});
