// Dead letters with JetStream delivery: the records JetStreamServer writes to the
// dead-letter stream (ACTIVITY_DEADLETTER, subjects `deadletter.<original subject>`),
// read by sequence from the newest back. A redrive publishes the original bytes to
// their subject again under a new Nats-Msg-Id (`redrive:<letter>:<n>`, so the
// duplicate window lets it through once), logs it, then deletes the letter.
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { BadRequestError, ServiceUnavailableError } from '@state-hub/nest-http';
import { type JetStreamHandle, TransportRegistry } from '../nats/transport-registry';
import {
  type DeadLetterFilter,
  type DeadLetterList,
  type DeadLetterRecord,
  DeadLetterBox,
  type RedriveReceipt,
  RedriveRefusedError,
} from './dead-letter-box';
import { RedriveLog } from './redrive-log';
import { redriveHeaders, streamDeadLetterRecord } from './stream-dead-letter-record';
import { subjectRegex } from './subject-pattern';

const API_TIMEOUT_MS = 5000;
/**
 * A list looks at this many sequences of the dead-letter stream at most, from the newest back (a filter may match
 * few of them; a redriven letter leaves its sequence empty), unless DEAD_LETTER_SCAN_LIMIT says otherwise; the answer
 * counts the older letters it left out.
 */
export const MAX_SCANNED_LETTERS = 10_000;
const SEQUENCE = /^[1-9][0-9]{0,15}$/;
/**
 * Sequences a list asks for at once. One by one, a filter that matches few letters took a request's round trip
 * per sequence (10,000 of them at most); a window reads at most this many past the last letter it needs.
 */
const LIST_WINDOW = 64;

interface Clients {
  js: JetStreamClient;
  jsm: JetStreamManager;
  handle: JetStreamHandle;
}

@Injectable()
export class JetStreamDeadLetterBox extends DeadLetterBox {
  readonly delivery = 'jetstream' as const;

  private readonly scanLimit: number;

  constructor(
    private readonly registry: TransportRegistry,
    private readonly log: RedriveLog,
    config: ConfigService,
  ) {
    super();
    this.scanLimit = config.get<number>('DEAD_LETTER_SCAN_LIMIT') ?? MAX_SCANNED_LETTERS;
  }

  checkId(id: string, field: string): string {
    if (!SEQUENCE.test(id)) {
      const got = JSON.stringify(id.slice(0, 64));
      throw new BadRequestError(
        `${field} must be a dead-letter stream sequence (a positive integer), got ${got}`,
        field,
      );
    }
    return id;
  }

  async list(filter: DeadLetterFilter): Promise<DeadLetterList> {
    const { jsm, handle } = await this.clients();
    const info = await nats(() => jsm.streams.info(handle.deadLetterStream)).catch(absentAs(undefined));
    if (!info) return { letters: [], unsearched: 0 };
    const subject = filter.subject ? new RegExp(subjectRegex(filter.subject)) : undefined;
    const reason = filter.reason?.toLowerCase();
    const found: DeadLetterRecord[] = [];
    const complete = { letters: found, unsearched: 0 }; // stopped by the limit or by `since`: nothing left out
    if (filter.limit < 1) return complete;
    const lowest = Math.max(info.state.first_seq, info.state.last_seq - this.scanLimit + 1, 1);
    let looked = 0; // letters still in the stream among the sequences read
    // Sequences are read a window at a time, the requests of a window at once, and looked at newest first.
    for (let high = info.state.last_seq; high >= lowest; high -= LIST_WINDOW) {
      const msgs = await this.window(jsm, handle, high, lowest);
      for (const msg of msgs) {
        if (!msg) continue; // deleted (redriven)
        looked += 1;
        if (filter.since && msg.time < filter.since) return complete; // the stream is in time order
        const letter = streamDeadLetterRecord(msg, handle);
        if (subject && !subject.test(letter.original_subject)) continue;
        if (reason && !letter.reason.toLowerCase().includes(reason)) continue;
        found.push(letter);
        if (found.length >= filter.limit) return complete;
      }
    }
    // Every sequence down to `lowest` was read; the letters below it were not (as of the stream info above).
    if (lowest <= info.state.first_seq) return complete;
    if (filter.since) {
      // The newest letter below the window older than `since` means none of them could have matched.
      const below = (await this.window(jsm, handle, lowest - 1, info.state.first_seq)).find((msg) => msg !== null);
      if (below && below.time < filter.since) return complete;
    }
    return { letters: found, unsearched: Math.max(0, info.state.messages - looked) };
  }

  /** The messages at `high` and below it, down to `floor` (LIST_WINDOW at most), newest first; null where deleted. */
  private async window(jsm: JetStreamManager, handle: JetStreamHandle, high: number, floor: number) {
    const seqs = Array.from({ length: Math.min(LIST_WINDOW, high - floor + 1) }, (_, i) => high - i);
    return Promise.all(seqs.map((seq) => nats(() => jsm.streams.getMessage(handle.deadLetterStream, { seq }))));
  }

  async get(id: string): Promise<DeadLetterRecord | undefined> {
    const { jsm, handle } = await this.clients();
    const msg = await nats(() => jsm.streams.getMessage(handle.deadLetterStream, { seq: Number(id) })).catch(
      absentAs(null),
    );
    return msg ? streamDeadLetterRecord(msg, handle) : undefined;
  }

  async redrive(letter: DeadLetterRecord, redrivenBy: string): Promise<RedriveReceipt> {
    if (letter.unredrivable) throw new RedriveRefusedError(letter.unredrivable);
    const { js, jsm, handle } = await this.clients();
    const data = await this.originalBytes(jsm, handle, letter);
    const count = letter.redrive_count + 1;
    const of = `${handle.deadLetterStream}:${letter.id}`;
    const ack = await nats(() =>
      js.publish(letter.original_subject, data, {
        msgID: `redrive:${of}:${count}`,
        headers: redriveHeaders(letter.headers, { count, by: redrivenBy, at: new Date().toISOString(), of }),
        expect: { streamName: handle.stream },
        timeout: API_TIMEOUT_MS,
      }),
    );
    const republished = `${ack.stream}:${ack.seq}`;
    await this.log.record({
      delivery: 'jetstream',
      letter_id: letter.id,
      source_key: letter.source_key,
      original_subject: letter.original_subject,
      redrive_number: count,
      redriven_by: redrivenBy,
      republished_as: republished,
    });
    await nats(() => jsm.streams.deleteMessage(handle.deadLetterStream, Number(letter.id), false))
      .catch(absentAs(true))
      .catch((error: unknown) => {
        throw new Error(`republished as ${republished}, but the letter could not be removed: ${String(error)}`);
      });
    return { republished_as: republished, redrive_number: count };
  }

  /** The whole original payload: the letter's copy, or for a cut one the message still in its stream. */
  private async originalBytes(jsm: JetStreamManager, handle: JetStreamHandle, letter: DeadLetterRecord) {
    if (!letter.payload_truncated) return letter.payload;
    const seq = letter.stream_sequence;
    const original = seq
      ? await nats(() => jsm.streams.getMessage(handle.stream, { seq })).catch(absentAs(null))
      : null;
    if (!original || original.subject !== letter.original_subject) {
      throw new RedriveRefusedError(
        `the letter holds only the first ${letter.payload.length} of ${letter.payload_bytes} bytes, ` +
          `and the original (sequence ${seq ?? 'unknown'}) is no longer in ${handle.stream}`,
      );
    }
    return original.data;
  }

  private async clients(): Promise<Clients> {
    const handle = this.registry.jetstream();
    if (!handle) throw new ServiceUnavailableError('the engine is not connected to NATS; dead letters cannot be read');
    const jsm = await nats(() => jetstreamManager(handle.connection, { timeout: API_TIMEOUT_MS, checkAPI: false }));
    return { js: jetstream(handle.connection, { timeout: API_TIMEOUT_MS }), jsm, handle };
  }
}

/** Runs a NATS request; a failure to get an answer (timeout, connection) is a 503, an API error stays as it is. */
async function nats<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof JetStreamApiError) throw error;
    throw new ServiceUnavailableError(`NATS did not answer: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** For `.catch`: "no such stream / message" answers `value`; any other error goes on. */
function absentAs<T>(value: T): (error: unknown) => T {
  return (error) => {
    const code = error instanceof JetStreamApiError ? error.code : undefined;
    if (code === JetStreamApiCodes.StreamNotFound || code === JetStreamApiCodes.NoMessageFound) return value;
    throw error;
  };
}
