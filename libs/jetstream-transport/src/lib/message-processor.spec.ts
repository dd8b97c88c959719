// The `validate` option without a server: a reason dead-letters and terminates the
// message before any handler sees it, no reason hands it on, and a check that
// throws leaves the message to be retried rather than dropped.
import type { JsMsg } from '@nats-io/jetstream';
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import type { DeadLetter } from './dead-letter';
import type { DeadLetterPublisher } from './dead-letter-publisher';
import { type EnvelopeCheck, resolveTransportOptions } from './jetstream-transport-options';
import { MessageProcessor } from './message-processor';
import { createCounters } from './transport-stats';
import { testEnvelope } from '../testing/test-nats-client';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

function fakeMsg(subject: string, data: Uint8Array) {
  const settled: string[] = [];
  const msg = {
    subject,
    data,
    seq: 7,
    info: { deliveryCount: 1 },
    headers: undefined,
    term: () => settled.push('term'),
    nak: () => settled.push('nak'),
    ackAck: async () => settled.push('ack') > 0,
    working: () => undefined,
  };
  return { msg: msg as unknown as JsMsg, settled };
}

function processorWith(validate?: EnvelopeCheck) {
  const letters: DeadLetter[] = [];
  const handled: EventEnvelope[] = [];
  const counters = createCounters();
  const processor = new MessageProcessor({
    options: resolveTransportOptions({ servers: 'nats://x', stream: 'S', durable: 'd', validate }, quiet),
    deadLetters: { publish: async (letter: DeadLetter) => void letters.push(letter) } as unknown as DeadLetterPublisher,
    dispatch: async (_subject, envelope) => handled.push(envelope) > 0,
    counters,
    maxDeliver: () => 5,
  });
  return { processor, letters, handled, counters };
}

describe('MessageProcessor: the validate option', () => {
  const envelope = testEnvelope('org.test.thing.happened', { n: 1 });
  const data = encodeEnvelope(envelope);

  it('dead-letters and terminates with the check’s reason; the handler never sees the message', async () => {
    const checked: Array<[string, EventEnvelope]> = [];
    const t = processorWith((subject, env) => {
      checked.push([subject, env]);
      return 'attributes.n: expected string, got number';
    });
    const { msg, settled } = fakeMsg(envelope.type, data);
    await t.processor.process(msg);
    expect(checked).toEqual([[envelope.type, envelope]]);
    expect(t.letters.map((l) => [l.original_subject, l.reason, l.stream_sequence])).toEqual([
      [envelope.type, 'attributes.n: expected string, got number', 7],
    ]);
    expect(settled).toEqual(['term']);
    expect(t.handled).toEqual([]);
  });

  it('hands the envelope to the handler and acks it when the check returns no reason', async () => {
    const t = processorWith(() => undefined);
    const { msg, settled } = fakeMsg(envelope.type, data);
    await t.processor.process(msg);
    expect(t.handled).toEqual([envelope]);
    expect(settled).toEqual(['ack']);
    expect(t.letters).toEqual([]);
  });

  it('does not leave an empty reason in the dead letter', async () => {
    const t = processorWith(() => '');
    await t.processor.process(fakeMsg(envelope.type, data).msg);
    expect(t.letters.map((l) => l.reason)).toEqual(['rejected by the validate option']);
  });

  it('runs only on envelopes that decoded and match their subject', async () => {
    const check = jest.fn(() => 'never asked');
    const t = processorWith(check);
    await t.processor.process(fakeMsg(envelope.type, new TextEncoder().encode('{')).msg);
    await t.processor.process(fakeMsg('org.test.other.thing', data).msg);
    expect(check).not.toHaveBeenCalled();
    expect(t.letters.map((l) => l.reason)).toEqual([
      expect.stringContaining('not valid JSON'),
      `envelope type ${envelope.type} does not match subject org.test.other.thing`,
    ]);
  });

  it('a check that throws rejects the processing (the consume loop then naks it), and nothing is dead-lettered', async () => {
    const t = processorWith(() => {
      throw new Error('schema registry bug');
    });
    const { msg, settled } = fakeMsg(envelope.type, data);
    await expect(t.processor.process(msg)).rejects.toThrow('schema registry bug');
    expect(settled).toEqual([]);
    expect(t.letters).toEqual([]);
    expect(t.handled).toEqual([]);
  });
});
