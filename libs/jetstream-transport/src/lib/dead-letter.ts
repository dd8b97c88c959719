// The record written to the dead-letter stream for a message the consumer gave
// up on: enough to read, replay or discard it without the original stream
// (except a payload too big to copy whole, which is cut and marked so).
import type { MsgHdrs } from '@nats-io/transport-node';
import { DEAD_LETTER_SUBJECT_PREFIX } from './jetstream-transport-options';

export interface DeadLetter {
  original_subject: string;
  reason: string;
  stream_sequence?: number;
  delivery_count?: number;
  /** The original bytes, or their first DEAD_LETTER_LIMITS.payloadBytes when `payload_truncated`. */
  payload_base64: string;
  /** Set when the payload was too big to copy whole; the original stays in its stream at `stream_sequence`. */
  payload_truncated?: true;
  /** Size of the original payload, given when it was truncated. */
  payload_bytes?: number;
  headers?: Record<string, string[]>;
  /** Set when the original headers were too big to copy. */
  headers_omitted?: true;
  /** RFC 3339 UTC. */
  dead_lettered_at: string;
}

/**
 * A dead letter is published like any message, so it must fit under the server's
 * max_payload (1 MiB by default) although the message it describes may use all of
 * it and base64 adds a third: the copy of the payload, the headers and the reason
 * are capped so that the letter stays well under 1 MiB.
 */
export const DEAD_LETTER_LIMITS = {
  payloadBytes: 512 * 1024,
  headerChars: 64 * 1024,
  reasonChars: 4000,
} as const;

export interface DeadLetterInput {
  subject: string;
  reason: string;
  data: Uint8Array;
  streamSequence?: number;
  deliveryCount?: number;
  headers?: MsgHdrs;
  now?: Date;
}

export function buildDeadLetter(input: DeadLetterInput): DeadLetter {
  const { payloadBytes, reasonChars } = DEAD_LETTER_LIMITS;
  const truncated = input.data.length > payloadBytes;
  const letter: DeadLetter = {
    original_subject: input.subject,
    reason: input.reason.length > reasonChars ? `${input.reason.slice(0, reasonChars)}…` : input.reason,
    payload_base64: Buffer.from(truncated ? input.data.subarray(0, payloadBytes) : input.data).toString('base64'),
    dead_lettered_at: (input.now ?? new Date()).toISOString(),
  };
  if (truncated) {
    letter.payload_truncated = true;
    letter.payload_bytes = input.data.length;
  }
  if (input.streamSequence !== undefined) letter.stream_sequence = input.streamSequence;
  if (input.deliveryCount !== undefined) letter.delivery_count = input.deliveryCount;
  const headers = headersToRecord(input.headers);
  if (headers && JSON.stringify(headers).length > DEAD_LETTER_LIMITS.headerChars) letter.headers_omitted = true;
  else if (headers) letter.headers = headers;
  return letter;
}

/**
 * The letter, cut down until its JSON takes at most `maxBytes`: the headers are
 * left out first, then the payload copy is shortened (and marked truncated).
 * For a server whose max_payload is below what DEAD_LETTER_LIMITS assume.
 */
export function fitDeadLetter(letter: DeadLetter, maxBytes: number): DeadLetter {
  const size = (l: DeadLetter) => Buffer.byteLength(JSON.stringify(l));
  if (size(letter) <= maxBytes) return letter;
  const fitted: DeadLetter = { ...letter };
  if (fitted.headers) {
    delete fitted.headers;
    fitted.headers_omitted = true;
  }
  if (size(fitted) <= maxBytes) return fitted;
  const original = Buffer.from(letter.payload_base64, 'base64');
  fitted.payload_truncated = true;
  fitted.payload_bytes = letter.payload_bytes ?? original.length;
  const overhead = size({ ...fitted, payload_base64: '' });
  const room = Math.max(0, Math.floor(((maxBytes - overhead) * 3) / 4));
  fitted.payload_base64 = original.subarray(0, Math.min(room, original.length)).toString('base64');
  return fitted;
}

/** `deadletter.<original subject>`: outside `org.>`, so a dead letter is never consumed as an event. */
export function deadLetterSubject(originalSubject: string): string {
  return `${DEAD_LETTER_SUBJECT_PREFIX}.${originalSubject || 'unknown'}`;
}

/**
 * Nats-Msg-Id of a dead letter: the source stream and sequence, so the handler path,
 * a retry and every replica's max-deliveries advisory write it once.
 */
export function deadLetterMsgId(stream: string, streamSequence: number): string {
  return `${stream}:${streamSequence}`;
}

function headersToRecord(headers: MsgHdrs | undefined): Record<string, string[]> | undefined {
  if (!headers) return undefined;
  const record: Record<string, string[]> = {};
  for (const key of headers.keys()) record[key] = headers.values(key);
  return Object.keys(record).length > 0 ? record : undefined;
}
