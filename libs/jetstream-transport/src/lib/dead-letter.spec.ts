import { headers } from '@nats-io/transport-node';
import { buildDeadLetter, DEAD_LETTER_LIMITS, deadLetterMsgId, deadLetterSubject, fitDeadLetter } from './dead-letter';

const NATS_DEFAULT_MAX_PAYLOAD = 1024 * 1024;

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

  it('fits under the default max_payload even for a message that used all of it (regression: it was never stored)', () => {
    const data = new Uint8Array(NATS_DEFAULT_MAX_PAYLOAD).fill(0xff);
    const h = headers();
    h.set('X-Big', 'h'.repeat(100 * 1024));
    const letter = buildDeadLetter({
      subject: 'org.a.b.c',
      reason: 'r'.repeat(50_000),
      data,
      streamSequence: 3,
      headers: h,
    });
    expect(Buffer.byteLength(JSON.stringify(letter))).toBeLessThan(NATS_DEFAULT_MAX_PAYLOAD - 64 * 1024);
    expect(letter).toMatchObject({ payload_truncated: true, payload_bytes: data.length, headers_omitted: true });
    expect(Buffer.from(letter.payload_base64, 'base64')).toEqual(
      Buffer.from(data.subarray(0, DEAD_LETTER_LIMITS.payloadBytes)),
    );
    expect(letter.reason).toBe(`${'r'.repeat(DEAD_LETTER_LIMITS.reasonChars)}…`);
    expect(letter.headers).toBeUndefined();
  });

  it('copies a payload of exactly the limit whole', () => {
    const data = new Uint8Array(DEAD_LETTER_LIMITS.payloadBytes).fill(0x41);
    const letter = buildDeadLetter({ subject: 'org.a.b.c', reason: 'r', data });
    expect(letter.payload_truncated).toBeUndefined();
    expect(letter.payload_bytes).toBeUndefined();
    expect(Buffer.from(letter.payload_base64, 'base64')).toEqual(Buffer.from(data));
  });

  it('is cut to fit a server whose max_payload is lower: headers first, then the payload copy', () => {
    const hdrs = headers();
    hdrs.set('Nats-Msg-Id', 'x'.repeat(2000));
    const data = new Uint8Array(300 * 1024).map((_, i) => i % 251);
    const letter = buildDeadLetter({ subject: 'org.a.b.done', reason: 'bad', data, headers: hdrs, streamSequence: 9 });
    const small = buildDeadLetter({ subject: 'org.a.b.done', reason: 'bad', data: data.subarray(0, 10) });
    expect(fitDeadLetter(small, 64 * 1024)).toBe(small); // fits: unchanged

    const fitted = fitDeadLetter(letter, 128 * 1024);
    expect(Buffer.byteLength(JSON.stringify(fitted))).toBeLessThanOrEqual(128 * 1024);
    expect(fitted).toMatchObject({ headers_omitted: true, payload_truncated: true, payload_bytes: 300 * 1024 });
    expect(fitted.headers).toBeUndefined();
    const kept = Buffer.from(fitted.payload_base64, 'base64');
    expect(kept.length).toBeGreaterThan(90 * 1024); // the room is used, not thrown away
    expect(Buffer.compare(kept, Buffer.from(data.subarray(0, kept.length)))).toBe(0); // a true prefix

    const headersOnly = fitDeadLetter(
      buildDeadLetter({ subject: 'org.a.b.done', reason: 'bad', data: data.subarray(0, 1000), headers: hdrs }),
      2000,
    );
    expect(headersOnly).toMatchObject({ headers_omitted: true });
    expect(headersOnly.payload_truncated).toBeUndefined(); // dropping the headers was enough
  });

  it('lives outside org.> and is de-duplicated by source stream and sequence', () => {
    expect(deadLetterSubject('org.repo.commit.pushed')).toBe('deadletter.org.repo.commit.pushed');
    expect(deadLetterSubject('')).toBe('deadletter.unknown');
    expect(deadLetterMsgId('ACTIVITY_EVENTS', 7)).toBe('ACTIVITY_EVENTS:7');
  });
});
