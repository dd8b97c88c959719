// Writes dead letters to their stream, de-duplicated by source stream sequence.
import type { JetStreamClient } from '@nats-io/jetstream';
import { type DeadLetter, deadLetterMsgId, deadLetterSubject, fitDeadLetter } from './dead-letter';

/** Room left in a message for its headers (Nats-Msg-Id …) and the protocol line. */
const HEADER_ROOM_BYTES = 1024;

export interface DeadLetterPublisherOptions {
  /** The stream the dead-lettered messages came from (part of the de-duplication id). */
  sourceStream: string;
  timeoutMs: number;
  /** The server's max_payload; a letter is cut to fit it. Default 1 MiB (the server default). */
  maxPayloadBytes?: number;
  /** Called once per dead letter the stream stored (not for a duplicate). */
  onStored(letter: DeadLetter): void;
}

export class DeadLetterPublisher {
  constructor(
    private readonly js: JetStreamClient,
    private readonly options: DeadLetterPublisherOptions,
  ) {}

  /** Resolves once the dead-letter stream has the record; `duplicate` when it already had it. */
  async publish(letter: DeadLetter): Promise<{ duplicate: boolean; seq: number }> {
    const subject = deadLetterSubject(letter.original_subject);
    const msgID =
      letter.stream_sequence === undefined
        ? undefined
        : deadLetterMsgId(this.options.sourceStream, letter.stream_sequence);
    const limit = (this.options.maxPayloadBytes ?? 1024 * 1024) - HEADER_ROOM_BYTES;
    const fitted = fitDeadLetter(letter, limit);
    const ack = await this.js.publish(subject, JSON.stringify(fitted), {
      timeout: this.options.timeoutMs,
      ...(msgID ? { msgID } : {}),
    });
    if (!ack.duplicate) this.options.onStored(fitted);
    return { duplicate: ack.duplicate, seq: ack.seq };
  }
}
