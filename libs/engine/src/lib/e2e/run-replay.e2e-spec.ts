// POST /runs/:id/replay: a failed run replayed after its target is fixed succeeds
// on the same event under a new trigger key, linked both ways; cron runs replay
// their slot; a definition since disabled is a 409, one since removed a 404.
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { DefinitionFiles } from '@state-hub/testing';
import { eventually } from '@state-hub/testing';
import { type EngineFixture, eventDefinition, type RunBody, startEngineFixture } from '../testing/engine-fixture';

const SUBJECT = 'org.test.replay.happened';
const ON_EVENT = 'test.replay-on-event';
const ON_CRON = 'test.replay-on-cron';
const LATER = 'test.replay-later';

const cronDefinition = (id: string, url: string, enabled = true) =>
  `id: ${id}\nenabled: ${enabled}\ntrigger: { trigger_type: cron, cron_expression: '0 0 1 1 *' }\n` +
  `instruction: { kind: http, method: POST, url: '${url}' }\n`;

type ReplayedRun = RunBody & {
  replay_of: string | null;
  trigger_event: { id: string } | null;
  trigger_kind: string;
  replays: { id: string; status: string; started_at: string }[];
};

describe('event-consumer: run replay (Postgres + own nats-server)', () => {
  let f: EngineFixture;
  let files: DefinitionFiles;
  const http = () => f.engine.http();
  const run = async (id: string) => (await http().get(`/runs/${id}`).expect(200)).body as ReplayedRun;
  const finished = (id: string, status: string) =>
    eventually(async () => {
      const r = await run(id);
      expect(r.status).toBe(status);
      return r;
    });

  beforeAll(async () => {
    f = await startEngineFixture((defs, sink) => {
      files = defs;
      const instruction = `instruction: { kind: http, method: POST, url: '${sink.url}/r/{{ event.attributes.n }}' }\n`;
      defs.write('on-event.yaml', eventDefinition(ON_EVENT, SUBJECT, instruction));
      defs.write('on-cron.yaml', cronDefinition(ON_CRON, `${sink.url}/cron`));
      defs.write('later.yaml', cronDefinition(LATER, `${sink.url}/later`));
    });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('replays a failed run on the same event once the sink is fixed, and links the two', async () => {
    f.sink.respond('/r/1', 500, { error: 'down' });
    const event = f.source.envelope(SUBJECT, { n: 1 });
    await f.source.publish(event);
    const failed = await f.oneRun(ON_EVENT, 'failed');

    f.sink.respond('/r/1', 200, {});
    const accepted = await http().post(`/runs/${failed.id}/replay`).expect(202);
    expect(accepted.body).toMatchObject({
      definition_id: ON_EVENT,
      trigger_kind: 'event',
      trigger_key: expect.stringMatching(/^replay:[0-9a-f-]{36}$/),
      replay_of: failed.id,
      event_type: SUBJECT,
      status: 'running',
    });
    const replay = await finished(accepted.body.id, 'succeeded');
    expect(replay.trigger_event?.id).toBe(event.id);
    expect((await run(failed.id)).replays).toEqual([
      { id: replay.id, status: 'succeeded', started_at: expect.any(String) },
    ]);
    expect(f.sink.requests.filter((r) => r.url === '/r/1')).toHaveLength(2);

    // A replay of the replay runs the same event again, linked to the replay.
    const second = await http().post(`/runs/${replay.id}/replay`).expect(202);
    expect((await finished(second.body.id, 'succeeded')).replay_of).toBe(replay.id);
    expect((await run(failed.id)).replays.map((r: { id: string }) => r.id)).toEqual([replay.id]);
  });

  it('replays a cron run for its slot', async () => {
    const definition = f.engine.definitions.find(ON_CRON);
    await f.engine.cron.tick(definition as NonNullable<typeof definition>, new Date('2026-01-01T00:00:00Z'));
    const original = await f.oneRun(ON_CRON, 'succeeded');
    const accepted = await http().post(`/runs/${original.id}/replay`).expect(202);
    expect(accepted.body).toMatchObject({ trigger_kind: 'cron', replay_of: original.id, trigger_event: null });
    await finished(accepted.body.id, 'succeeded');
    expect(f.sink.requests.filter((r) => r.url === '/cron')).toHaveLength(2);
  });

  it('refuses a definition since disabled (409) or removed (404), and bad or unknown run ids', async () => {
    const manual = await http().post(`/definitions/${LATER}/run`).expect(202);
    await finished(manual.body.id, 'succeeded');

    files.write('later.yaml', cronDefinition(LATER, `${f.sink.url}/later`, false));
    await eventually(() => expect(f.engine.definitions.find(LATER)).toBeUndefined());
    const disabled = await http().post(`/runs/${manual.body.id}/replay`).expect(409);
    expect(disabled.body).toMatchObject({
      field: 'id',
      message: `definition ${LATER} is disabled; enable it to replay its runs`,
    });

    unlinkSync(join(files.dir, 'later.yaml'));
    await eventually(() => expect(f.engine.definitions.list().some((s) => s.id === LATER)).toBe(false));
    const removed = await http().post(`/runs/${manual.body.id}/replay`).expect(404);
    expect(removed.body.message).toBe(`definition ${LATER} no longer exists; its runs cannot be replayed`);

    await http().post('/runs/not-a-uuid/replay').expect(400);
    await http().post('/runs/00000000-0000-4000-8000-000000000000/replay').expect(404);
  });
});
