// Dead letters with JetStream delivery, through the engine's HTTP side: listed
// and shown from the ACTIVITY_DEADLETTER stream, redriven onto their subjects
// (dry run first), each definition run at most once per event however often it
// comes back, and a letter that fails again keeps its redrive count.
import { eventually } from '@state-hub/testing';
import { DataSource } from 'typeorm';
import { type EngineFixture, eventDefinition, startEngineFixture } from '../testing/engine-fixture';

const SUBJECT = 'org.test.redrive.happened';
const OUTAGE = 'handler failed on all 5 deliveries; last error: recording runs failed for 2 definition(s)';

interface Letter {
  id: string;
  original_subject: string;
  reason: string;
  redrive_count: number;
  delivery_count: number | null;
  payload_preview: string;
}

describe('event-consumer: dead letters on JetStream (Postgres + own nats-server)', () => {
  let f: EngineFixture;
  const http = () => f.engine.http();
  const letters = async (query: Record<string, string> = {}) =>
    (await http().get('/dead-letters').query(query).expect(200)).body.items as Letter[];

  beforeAll(async () => {
    f = await startEngineFixture((files, sink) => {
      for (const name of ['a', 'b']) {
        const instruction = `instruction: { kind: http, method: POST, url: '${sink.url}/${name}/{{ event.id }}' }\n`;
        files.write(`${name}.yaml`, eventDefinition(`test.redrive-${name}`, SUBJECT, instruction));
      }
    });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('lists and shows an uninterpretable message; redriven unfixed, it is a new letter with its count', async () => {
    await f.source.publishRaw(SUBJECT, 'not json at all');
    const [letter] = await eventually(async () => {
      const found = await letters({ subject: 'org.test.redrive.*' });
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letter).toMatchObject({ original_subject: SUBJECT, redrive_count: 0, payload_preview: 'not json at all' });
    expect(letter.reason).not.toBe('');
    const shown = await http().get(`/dead-letters/${letter.id}`).expect(200);
    expect(shown.body).toMatchObject({
      id: letter.id,
      delivery: 'jetstream',
      payload_text: 'not json at all',
      payload_base64: Buffer.from('not json at all').toString('base64'),
      source: expect.stringMatching(/^ACTIVITY_EVENTS:\d+$/),
      unredrivable: null,
    });
    expect(await letters({ subject: 'org.other.>' })).toEqual([]);
    expect(await letters({ reason: 'no such reason' })).toEqual([]);
    expect(await letters({ since: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);

    const dry = await http()
      .post('/dead-letters/redrive')
      .send({ ids: [letter.id], dry_run: true })
      .expect(200);
    expect(dry.body).toMatchObject({ dry_run: true, counts: { would_redrive: 1, redriven: 0 } });
    expect(dry.body.items[0]).toMatchObject({ id: letter.id, outcome: 'would_redrive', redrive_count: 1 });
    await http().get(`/dead-letters/${letter.id}`).expect(200);

    const done = await http()
      .post('/dead-letters/redrive')
      .send({ ids: [letter.id], redriven_by: 'tester' })
      .expect(200);
    expect(done.body.items[0]).toMatchObject({
      outcome: 'redriven',
      redrive_count: 1,
      republished_as: expect.stringMatching(/^ACTIVITY_EVENTS:\d+$/),
    });
    await http().get(`/dead-letters/${letter.id}`).expect(404);
    const again = await eventually(async () => {
      const found = await letters({ subject: SUBJECT });
      expect(found).toHaveLength(1);
      expect(found[0].id).not.toBe(letter.id);
      return found[0];
    });
    expect(again.redrive_count).toBe(1);
    const detail = (await http().get(`/dead-letters/${again.id}`).expect(200)).body;
    expect(detail.source).toBe(done.body.items[0].republished_as);
    expect(detail.headers['Statehub-Redriven-By']).toEqual(['tester']);
    const log = await f.engine.app
      .get(DataSource)
      .query('SELECT delivery, letter_id, redriven_by, redrive_number, republished_as FROM dead_letter_redrives');
    expect(log).toEqual([
      {
        delivery: 'jetstream',
        letter_id: letter.id,
        redriven_by: 'tester',
        redrive_number: 1,
        republished_as: detail.source,
      },
    ]);
  });

  it('redrives a letter an outage left into one run per definition, and a second letter of it into none', async () => {
    const event = f.source.envelope(SUBJECT, { n: 1 });
    await f.source.publishDeadLetter(event, OUTAGE);
    const byFilter = await http()
      .post('/dead-letters/redrive')
      .send({ filter: { subject: SUBJECT, reason: 'recording runs failed' } })
      .expect(200);
    expect(byFilter.body.counts).toEqual({ redriven: 1, would_redrive: 0, not_found: 0, failed: 0 });
    const ran = await eventually(async () => {
      const runs = [...(await f.runsOf('test.redrive-a')), ...(await f.runsOf('test.redrive-b'))];
      expect(runs.map((r) => [r.definition_id, r.trigger_key, r.status]).sort()).toEqual([
        ['test.redrive-a', event.id, 'succeeded'],
        ['test.redrive-b', event.id, 'succeeded'],
      ]);
      return runs;
    });

    // The same event dead-lettered once more (say by a replica that gave up on it): redriven, it runs nothing.
    const seq = await f.source.publishDeadLetter(event, OUTAGE);
    const second = await http()
      .post('/dead-letters/redrive')
      .send({ ids: [String(seq)] })
      .expect(200);
    expect(second.body.items[0]).toMatchObject({ outcome: 'redriven' });
    await eventually(async () => expect(await f.source.pending('ACTIVITY_EVENTS', 'activity-engine')).toBe(0));
    const after = [...(await f.runsOf('test.redrive-a')), ...(await f.runsOf('test.redrive-b'))];
    expect(after.map((r) => r.id).sort()).toEqual(ran.map((r) => r.id).sort());
    const calls = f.sink.requests.filter((r) => r.url.endsWith(`/${event.id}`)).map((r) => r.url);
    expect(calls.sort()).toEqual([`/a/${event.id}`, `/b/${event.id}`]);
    expect(await letters({ subject: SUBJECT, reason: 'recording runs failed' })).toEqual([]);
  });

  it('answers 404 for an unknown letter and 400 naming the field for bad input', async () => {
    const notFound = await http()
      .post('/dead-letters/redrive')
      .send({ ids: ['999999'] })
      .expect(200);
    expect(notFound.body.items).toEqual([
      expect.objectContaining({ id: '999999', outcome: 'not_found', error: 'no dead letter has this id' }),
    ]);
    await http().get('/dead-letters/999999').expect(404);
    const cases: [string, object | undefined, string][] = [
      ['/dead-letters/abc', undefined, 'id'],
      ['/dead-letters?limit=0', undefined, 'limit'],
      ['/dead-letters?subject=org..x', undefined, 'subject'],
      ['/dead-letters?since=yesterday', undefined, 'since'],
      ['/dead-letters/redrive', {}, 'ids'],
      ['/dead-letters/redrive', { ids: ['1'], filter: {} }, 'filter'],
      ['/dead-letters/redrive', { ids: ['1', 'x'] }, 'ids[1]'],
      ['/dead-letters/redrive', { ids: [] }, 'ids'],
      ['/dead-letters/redrive', { filter: { limit: 0 } }, 'filter.limit'],
      ['/dead-letters/redrive', { ids: ['1'], dry_run: 'yes' }, 'dry_run'],
      ['/dead-letters/redrive', { ids: ['1'], redriven_by: 'a\nb' }, 'redriven_by'],
      ['/dead-letters/redrive', { ids: ['1'], everything: true }, 'everything'],
    ];
    for (const [path, body, field] of cases) {
      const res = body === undefined ? await http().get(path) : await http().post(path).send(body);
      expect([path, res.status, res.body.field]).toEqual([path, 400, field]);
    }
  });

  it('lists newest first over many letters: a limit, a filter that matches old ones only, a cut by time', async () => {
    const COUNT = 150; // more than two of the windows a list reads at once
    const before = new Date(Date.now() - 1).toISOString();
    for (let i = 0; i < COUNT; i++) {
      await f.source.publishDeadLetter(f.source.envelope(`org.test.many.m${i}`, { i }), `many ${i}`);
    }
    const reasons = (found: Letter[]) => found.map((l) => l.reason);
    const page = await letters({ subject: 'org.test.many.*', limit: '100' });
    expect(reasons(page)).toEqual(Array.from({ length: 100 }, (_, i) => `many ${COUNT - 1 - i}`));
    // the oldest two, behind the newest 148 (the other tests' letters behind them do not match)
    expect(reasons(await letters({ subject: 'org.test.many.m0', limit: '5' }))).toEqual(['many 0']);
    expect(reasons(await letters({ subject: 'org.test.many.m1', reason: 'many 1' }))).toEqual(['many 1']);
    // since: the letters of this test and no older one, newest first
    const since = await letters({ since: before, limit: '500' });
    expect(reasons(since)).toEqual(Array.from({ length: COUNT }, (_, i) => `many ${COUNT - 1 - i}`));
  });
});

describe('event-consumer: a JetStream dead-letter list says what it did not search (DEAD_LETTER_SCAN_LIMIT=100)', () => {
  let f: EngineFixture;
  const COUNT = 150;
  /** A time between the 50 oldest letters (below the window the list reads) and the 100 newest. */
  let between: string;

  beforeAll(async () => {
    f = await startEngineFixture(() => undefined, { env: { DEAD_LETTER_SCAN_LIMIT: '100' } });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < COUNT; i++) {
      if (i === 50) {
        await pause();
        between = new Date().toISOString();
        await pause();
      }
      await f.source.publishDeadLetter(f.source.envelope(`org.test.scan.m${i}`, { i }), `scan ${i}`);
    }
  });
  afterAll(async () => {
    await f?.close();
  });

  const list = async (query: Record<string, string>) =>
    (await f.engine.http().get('/dead-letters').query(query).expect(200)).body as {
      items: Letter[];
      unsearched: number;
    };

  it('counts the older letters a list ran out before, and none when it stopped at its limit', async () => {
    // m0 is among the 50 oldest letters, and the list reads the newest 100 sequences
    expect(await list({ subject: 'org.test.scan.m0' })).toMatchObject({ items: [], unsearched: 50 });
    const some = await list({ subject: 'org.test.scan.m120' });
    expect(some).toMatchObject({ items: [{ reason: 'scan 120' }], unsearched: 50 });
    const all = await list({ limit: '500' });
    expect(all.items).toHaveLength(100);
    expect(all.items[0].reason).toBe(`scan ${COUNT - 1}`);
    expect(all.unsearched).toBe(50);
    // enough matches among the newest: nothing left out that the answer needed
    const newest = await list({ limit: '10' });
    expect(newest.items).toHaveLength(10);
    expect(newest.unsearched).toBe(0);
  });

  it('leaves none out when every letter below the window is older than since', async () => {
    // no letter matches: the list reads the whole window (all newer than `between`) and runs out
    expect(await list({ subject: 'org.nothing', since: between })).toMatchObject({ items: [], unsearched: 0 });
    const before = new Date(Date.now() - 3_600_000).toISOString();
    expect(await list({ subject: 'org.nothing', since: before })).toMatchObject({ items: [], unsearched: 50 });
  });

  it('says the same for a redrive by filter, which then leaves the older letters where they are', async () => {
    const dry = await f.engine
      .http()
      .post('/dead-letters/redrive')
      .send({ filter: { subject: 'org.test.scan.m0' }, dry_run: true })
      .expect(200);
    expect(dry.body).toMatchObject({ items: [], unsearched: 50, counts: { would_redrive: 0 } });
    const byId = await f.engine
      .http()
      .post('/dead-letters/redrive')
      .send({ ids: ['1'], dry_run: true })
      .expect(200);
    expect(byId.body).toMatchObject({ unsearched: 0 });
  });
});
