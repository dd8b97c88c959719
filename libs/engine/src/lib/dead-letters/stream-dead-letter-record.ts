// What a record of the dead-letter stream means to the API, and the headers a
// redriven message carries: the original's own (less NATS's) plus who redrove
// it, when, and how often, so a letter it becomes again keeps the count.
import type { StoredMsg } from '@nats-io/jetstream';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/transport-node';
import type { DeadLetter } from '@state-hub/jetstream-transport';
import type { DeadLetterRecord } from './dead-letter-box';

export const REDRIVE_HEADERS = {
  count: 'Statehub-Redrive-Count',
  by: 'Statehub-Redriven-By',
  at: 'Statehub-Redriven-At',
  of: 'Statehub-Redrive-Of',
} as const;

export interface StreamNames {
  stream: string;
  deadLetterStream: string;
}

function isDeadLetter(value: unknown): value is DeadLetter {
  const v = value as Partial<DeadLetter> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.original_subject === 'string' &&
    typeof v.reason === 'string' &&
    typeof v.payload_base64 === 'string'
  );
}

function parse(msg: StoredMsg): unknown {
  try {
    return msg.json<unknown>();
  } catch {
    return undefined;
  }
}

/** The value of a header, whatever the case of its name. */
function headerValue(headers: Record<string, string[]> | null | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? headers?.[key]?.at(-1) : undefined;
}

export function redriveCountOf(headers: Record<string, string[]> | null | undefined): number {
  const count = Number(headerValue(headers, REDRIVE_HEADERS.count));
  return Number.isInteger(count) && count > 0 ? count : 0;
}

/** The letter stored at `msg.seq` of the dead-letter stream. */
export function streamDeadLetterRecord(msg: StoredMsg, names: StreamNames): DeadLetterRecord {
  const letter = parse(msg);
  const own = `${names.deadLetterStream}:${msg.seq}`;
  if (!isDeadLetter(letter)) {
    return {
      id: String(msg.seq),
      delivery: 'jetstream',
      original_subject: msg.subject.replace(/^deadletter\./, ''),
      reason: 'unreadable dead-letter record',
      delivery_count: null,
      redrive_count: 0,
      dead_lettered_at: msg.time,
      payload: Buffer.from(msg.data),
      payload_truncated: false,
      payload_bytes: msg.data.length,
      headers: null,
      source_key: own,
      unredrivable: 'the dead-letter record is not a JSON dead letter; it holds no message to put back',
    };
  }
  const payload = Buffer.from(letter.payload_base64, 'base64');
  const writtenAt = new Date(letter.dead_lettered_at);
  const record: DeadLetterRecord = {
    id: String(msg.seq),
    delivery: 'jetstream',
    original_subject: letter.original_subject,
    reason: letter.reason,
    delivery_count: letter.delivery_count ?? null,
    redrive_count: redriveCountOf(letter.headers),
    dead_lettered_at: Number.isNaN(writtenAt.getTime()) ? msg.time : writtenAt,
    payload,
    payload_truncated: letter.payload_truncated === true,
    payload_bytes: letter.payload_bytes ?? payload.length,
    headers: letter.headers ?? null,
    source_key: letter.stream_sequence ? `${names.stream}:${letter.stream_sequence}` : own,
  };
  if (letter.stream_sequence) record.stream_sequence = letter.stream_sequence;
  if (!letter.original_subject) {
    record.unredrivable = `the message was no longer in ${names.stream} when it was dead-lettered: nothing to put back`;
  }
  return record;
}

export interface RedriveStamp {
  count: number;
  by: string;
  at: string;
  /** `<dead-letter stream>:<sequence>` of the letter. */
  of: string;
}

/** The original headers, less NATS's own (Nats-Msg-Id, expectations) and earlier redrive stamps, plus this stamp. */
export function redriveHeaders(original: Record<string, string[]> | null, stamp: RedriveStamp): MsgHdrs {
  const h = natsHeaders();
  for (const [key, values] of Object.entries(original ?? {})) {
    if (/^nats-/i.test(key) || /^statehub-redriv/i.test(key)) continue;
    for (const value of values) h.append(key, value);
  }
  h.set(REDRIVE_HEADERS.count, String(stamp.count));
  h.set(REDRIVE_HEADERS.by, stamp.by);
  h.set(REDRIVE_HEADERS.at, stamp.at);
  h.set(REDRIVE_HEADERS.of, stamp.of);
  return h;
}
