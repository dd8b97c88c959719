import { headers } from '@nats-io/transport-node';
import { buildDeadLetter, deadLetterMsgId, deadLetterSubject } from './dead-letter';

describe('dead letters', () => {
  it('carries the original bytes, headers and where the message came from', () => {
    const h = headers();
    h.set('Nats-Msg-Id', 'evt-1');
    const letter = buildDeadLetter({
      subject: 'org.statehub.repo.registered',
      reason: 'not valid JSON',
      data: new Uint8Array([0xff, 0x00, 0x7b]),
      streamSequence: 42,
      deliveryCount: 1,
      headers: h,
      now: new Date('2026-11-23T10:00:00Z'),
    });
    expect(letter).toEqual({
      original_subject: 'org.statehub.repo.registered',
      reason: 'not valid JSON',
      stream_sequence: 42,
      delivery_count: 1,
      payload_base64: Buffer.from([0xff, 0x00, 0x7b]).toString('base64'),
      headers: { 'Nats-Msg-Id': ['evt-1'] },
      dead_lettered_at: '2026-11-23T10:00:00.000Z',
    });
  });

  it('leaves out what it does not know', () => {
    const letter = buildDeadLetter({ subject: 'org.a.b.c', reason: 'r', data: new Uint8Array() });
    expect(Object.keys(letter).sort()).toEqual(['dead_lettered_at', 'original_subject', 'payload_base64', 'reason']);
  });

  it('lives outside org.> and is de-duplicated by source stream and sequence', () => {
    expect(deadLetterSubject('org.repo.commit.pushed')).toBe('deadletter.org.repo.commit.pushed');
    expect(deadLetterSubject('')).toBe('deadletter.unknown');
    expect(deadLetterMsgId('ACTIVITY_EVENTS', 7)).toBe('ACTIVITY_EVENTS:7');
  });
});
