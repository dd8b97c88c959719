import type { StoredMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { REDRIVE_HEADERS, redriveCountOf, redriveHeaders, streamDeadLetterRecord } from './stream-dead-letter-record';

const names = { stream: 'ACTIVITY_EVENTS', deadLetterStream: 'ACTIVITY_DEADLETTER' };
const time = new Date('2026-12-05T10:00:00Z');

function stored(seq: number, subject: string, body: string): StoredMsg {
  const data = new TextEncoder().encode(body);
  return {
    subject,
    seq,
    data,
    time,
    header: headers(),
    timestamp: time.toISOString(),
    lastSequence: seq,
    pending: 0,
    json: <T>() => JSON.parse(body) as T,
    string: () => body,
  };
}

describe('streamDeadLetterRecord', () => {
  it('reads a letter: subject, reason, the payload copy, the source message and its redrive count', () => {
    const letter = {
      original_subject: 'org.x.y.z',
      reason: 'handler failed on all 5 deliveries',
      stream_sequence: 42,
      delivery_count: 5,
      payload_base64: Buffer.from('{"id":"e1"}').toString('base64'),
      headers: { 'statehub-redrive-count': ['2'], 'Nats-Msg-Id': ['redrive:ACTIVITY_DEADLETTER:7:2'] },
      dead_lettered_at: '2026-12-05T09:59:59.000Z',
    };
    const record = streamDeadLetterRecord(stored(9, 'deadletter.org.x.y.z', JSON.stringify(letter)), names);
    expect(record).toEqual({
      id: '9',
      delivery: 'jetstream',
      original_subject: 'org.x.y.z',
      reason: 'handler failed on all 5 deliveries',
      delivery_count: 5,
      redrive_count: 2,
      dead_lettered_at: new Date('2026-12-05T09:59:59.000Z'),
      payload: Buffer.from('{"id":"e1"}'),
      payload_truncated: false,
      payload_bytes: 11,
      headers: letter.headers,
      source_key: 'ACTIVITY_EVENTS:42',
      stream_sequence: 42,
    });
  });

  it('marks what cannot be redriven: a record that is no dead letter, a message gone before it was kept', () => {
    const junk = streamDeadLetterRecord(stored(3, 'deadletter.org.a.b', 'not json'), names);
    expect(junk).toMatchObject({ id: '3', original_subject: 'org.a.b', reason: 'unreadable dead-letter record' });
    expect(junk.unredrivable).toMatch(/not a JSON dead letter/);
    const gone = streamDeadLetterRecord(
      stored(4, 'deadletter.unknown', JSON.stringify({ original_subject: '', reason: 'max', payload_base64: '' })),
      names,
    );
    expect(gone.unredrivable).toMatch(/no longer in ACTIVITY_EVENTS/);
    expect(gone.source_key).toBe('ACTIVITY_DEADLETTER:4');
  });
});

describe('redrive headers', () => {
  it("keep the original's own headers, drop NATS's and earlier stamps, and stamp this redrive", () => {
    const h = redriveHeaders(
      { traceparent: ['00-abc-01'], 'Nats-Msg-Id': ['e1'], [REDRIVE_HEADERS.by]: ['someone else'] },
      { count: 3, by: 'alice', at: '2026-12-05T10:00:00.000Z', of: 'ACTIVITY_DEADLETTER:9' },
    );
    expect(h.get('traceparent')).toBe('00-abc-01');
    expect(h.has('Nats-Msg-Id')).toBe(false);
    expect(h.values(REDRIVE_HEADERS.by)).toEqual(['alice']);
    expect(h.get(REDRIVE_HEADERS.count)).toBe('3');
    expect(h.get(REDRIVE_HEADERS.of)).toBe('ACTIVITY_DEADLETTER:9');
  });

  it('count 0 without a usable count header', () => {
    expect(redriveCountOf(null)).toBe(0);
    expect(redriveCountOf({ [REDRIVE_HEADERS.count]: ['x'] })).toBe(0);
    expect(redriveCountOf({ [REDRIVE_HEADERS.count]: ['1', '4'] })).toBe(4);
  });
});
