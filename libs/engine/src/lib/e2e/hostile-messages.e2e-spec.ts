// Garbage and truncated messages published straight onto every v1 catalog subject
// all land in the dead-letter stream, once each, with a reason that says why; none
// of them runs a definition, and the valid events behind them still run. Readable
// envelopes whose attributes break the schema are no garbage: they run, with warnings.
import { type DeadLetter, DEAD_LETTER_LIMITS } from '@state-hub/jetstream-transport';
import { SUBJECTS } from '@state-hub/subjects';
import { eventually, readStream } from '@state-hub/testing';
import { type EngineFixture, eventDefinition, type RunBody, startEngineFixture } from '../testing/engine-fixture';
import { type Hostile, hostilePayloads, toleratedPayloads, validEvent } from '../testing/hostile-payloads';

const SEED = 20261123;
const STREAM = 'ACTIVITY_EVENTS';
const DURABLE = 'activity-engine';
const DEFINITION = 'hostile.any-event';
const subjects = Object.values(SUBJECTS);

describe('event-consumer: hostile messages on catalog subjects (Postgres + own nats-server)', () => {
  let f: EngineFixture;

  beforeAll(async () => {
    f = await startEngineFixture((files, sink) => {
      files.write(
        'any.yaml',
        eventDefinition(DEFINITION, "'org.>'", `instruction: { kind: http, method: POST, url: '${sink.url}/ran' }\n`),
      );
    });
  });

  afterAll(async () => {
    await f?.close();
  });

  it('dead-letters each one once with its reason, runs none of them, runs readable ones with warnings', async () => {
    const started = Date.now();
    const hugeBytes = await f.source.maxMessageBytes(STREAM);
    const hostile = subjects.flatMap((subject, i) => hostilePayloads(subject, SEED + i, hugeBytes));
    const tolerated = subjects.flatMap((subject, i) => toleratedPayloads(subject, SEED + i, hugeBytes));
    const sent = new Map<number, Hostile>();
    for (const h of hostile) sent.set(await f.source.publishBytes(h.subject, h.data), h);
    for (const t of tolerated) await f.source.publishBytes(t.subject, t.data);
    const valid = subjects.map((subject) => validEvent(subject));
    for (const event of valid) await f.source.publish(event);

    const expectedIds = [...valid.map((e) => e.id), ...tolerated.map((t) => t.id)].sort();
    const ran = await eventually(async () => {
      const runs = await f.runsOf(DEFINITION);
      expect(runs.map((r) => [r.trigger_key, r.status]).sort()).toEqual(expectedIds.map((id) => [id, 'succeeded']));
      return new Map(runs.map((r) => [r.trigger_key, r]));
    });
    for (const event of valid) expect(ran.get(event.id)?.warnings).toEqual([]);
    const unwarned = tolerated.filter((t) => !ran.get(t.id)?.warnings.some((w) => t.warning.test(w)));
    expect(unwarned.map((t) => `${t.kind} on ${t.subject}: ${JSON.stringify(ran.get(t.id)?.warnings)}`)).toEqual([]);
    const letters = await eventually(async () => {
      const found = (await readStream(f.nats.url, 'ACTIVITY_DEADLETTER')).map(
        (e) => e.envelope as unknown as DeadLetter,
      );
      expect(found.length).toBeGreaterThanOrEqual(sent.size);
      return found;
    });

    expect(letters.map((l) => l.stream_sequence).sort(bySeq)).toEqual([...sent.keys()].sort(bySeq));
    expect(letters.flatMap((letter) => mismatch(letter, sent))).toEqual([]);
    await eventually(async () => expect(await f.source.pending(STREAM, DURABLE)).toBe(0));
    const runs: RunBody[] = (await f.engine.http().get('/runs').query({ limit: 500 }).expect(200)).body.items;
    expect(runs.map((r) => r.trigger_key).sort()).toEqual(expectedIds);
    const metrics = (await f.engine.http().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(new RegExp(`^activity_dead_letters_total ${sent.size}$`, 'm'));

    const kinds = new Set(hostile.map((h) => h.kind.split(' ')[0]));
    console.log(
      `hostile-messages: sent=${sent.size} dead_lettered=${letters.length} tolerated=${tolerated.length} ` +
        `valid_runs=${valid.length} subjects=${subjects.length} kinds=${kinds.size} huge_bytes=${hugeBytes} ` +
        `seed=${SEED} ms=${Date.now() - started}`,
    );
  });
});

const bySeq = (a: number | undefined, b: number | undefined) => (a ?? 0) - (b ?? 0);

/** What is wrong with a dead letter, compared with the hostile message it stands for (nothing: []). */
function mismatch(letter: DeadLetter, sent: Map<number, Hostile>): string[] {
  const hostile = sent.get(letter.stream_sequence ?? -1);
  if (!hostile) return [`seq ${letter.stream_sequence}: not a message this test sent`];
  const where = `seq ${letter.stream_sequence} (${hostile.kind} on ${hostile.subject})`;
  const problems: string[] = [];
  if (letter.original_subject !== hostile.subject) problems.push(`${where}: subject ${letter.original_subject}`);
  if (!hostile.why.test(letter.reason)) problems.push(`${where}: reason ${JSON.stringify(letter.reason)}`);
  const stored = Buffer.from(letter.payload_base64, 'base64');
  const whole = Buffer.from(hostile.data);
  // A payload too big to copy whole (the huge ones) is cut to its first DEAD_LETTER_LIMITS.payloadBytes.
  const copied = letter.payload_truncated
    ? letter.payload_bytes === whole.length && whole.subarray(0, DEAD_LETTER_LIMITS.payloadBytes).equals(stored)
    : stored.equals(whole);
  if (!copied) problems.push(`${where}: payload of ${stored.length} bytes does not match the ${whole.length} sent`);
  return problems;
}
