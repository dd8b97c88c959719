// Moves committed outbox rows to JetStream: claim a batch (lease), publish
// every row with Nats-Msg-Id = envelope id, await the acks, mark the rows.
// Woken by commits (in-process signal or Postgres NOTIFY), with a polling
// fallback. A failed publish is retried with capped exponential backoff.
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import type { ClaimedEvent, OutboxStore } from './outbox-store';

export interface RelayPublisher {
  readonly ready: boolean;
  /**
   * How a row's envelope becomes bytes. Default `encodeEnvelope`, which refuses an invalid envelope
   * (the row then backs off: nothing invalid is published). A publisher that reads the bytes itself
   * and dead-letters what it cannot take (the engine without NATS) encodes as plain JSON instead.
   */
  encode?(envelope: unknown): Uint8Array;
  /**
   * `attempts`: how often this row was tried before; `keepAlive` extends the row's lease. A publisher
   * that runs handlers itself (the engine without NATS) uses both; JetStream needs neither.
   */
  publish(
    subject: string,
    data: Uint8Array,
    msgId: string,
    attempts: number,
    keepAlive: () => void,
  ): Promise<{ duplicate: boolean }>;
}

export interface RelayObserver {
  published?(event: ClaimedEvent, duplicate: boolean): void;
  failed?(event: ClaimedEvent, error: Error): void;
}

export interface RelayLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface OutboxRelayOptions {
  batchSize: number;
  pollIntervalMs: number;
  /** How long a claim keeps other relays off a row; well under the stream's duplicate window. */
  leaseMs: number;
  retentionMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /**
   * After a wake-up, wait this long before claiming, so that commits arriving
   * together are published as one batch (fewer claim/mark writes under load).
   */
  lingerMs: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = {
  batchSize: 1024,
  pollIntervalMs: 1000,
  leaseMs: 30_000,
  retentionMs: 72 * 3600_000,
  backoffBaseMs: 500,
  backoffMaxMs: 60_000,
  lingerMs: 5,
};

const PRUNE_EVERY_MS = 60_000;

/** Capped exponential backoff with ±20 % jitter, from the number of attempts so far. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
  return Math.round(raw * (0.8 + 0.4 * random()));
}

interface FailedPublish {
  row: ClaimedEvent;
  error: Error;
  retryIn: number;
}

export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private lastPrune = 0;
  /**
   * What this relay owes the table after the database went away under it: ids it published but could not mark,
   * failed publishes it could not record, and claims it could not hand back. Settled first on the next pass (and
   * tried once more on stop), so those rows neither wait out their lease nor go out again.
   */
  private unmarked: string[] = [];
  private unrecorded: FailedPublish[] = [];
  private unreleased: ClaimedEvent[] = [];

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: RelayPublisher,
    private readonly logger: RelayLogger,
    private readonly options: OutboxRelayOptions = DEFAULT_RELAY_OPTIONS,
    private readonly observer: RelayObserver = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight is marked. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.settle().catch((err: Error) =>
      this.logger.warn(`outbox rows this relay still owed wait for their lease: ${err.message}`),
    );
  }

  /** Asks for a pass now (after a commit that wrote events). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * One pass: claims and publishes batches until nothing is due. Returns rows published.
   * Behind a full batch more rows may wait: the next batch is claimed while this one is published, so a backlog
   * drains without the claim's time between batches. Batches still go out one after another, in commit order.
   */
  async drain(): Promise<number> {
    const { batchSize, leaseMs } = this.options;
    await this.settle();
    let total = 0;
    let batch = this.publisher.ready ? await this.store.claim(batchSize, leaseMs) : [];
    while (batch.length > 0) {
      const claimedAt = performance.now();
      const next =
        batch.length === batchSize && this.publisher.ready ? this.store.claim(batchSize, leaseMs) : Promise.resolve([]);
      next.catch(() => undefined); // awaited below; a failure must not go unhandled while this batch publishes
      try {
        total += await this.publishBatch(batch);
      } catch (err) {
        await this.release(await next.catch(() => []));
        throw err;
      }
      batch = await next;
      if (batch.length === 0) break;
      if (!this.publisher.ready) {
        // NATS went away meanwhile: hand the rows back now rather than fail each one into backoff.
        await this.release(batch);
        break;
      }
      if (performance.now() - claimedAt > leaseMs / 2) {
        // This batch took long to publish (slow acks, or handlers of the engine in this process): the lease of the
        // one claimed behind it is half gone, or gone and the rows another relay's. Claim afresh instead.
        await this.release(batch);
        batch = await this.store.claim(batchSize, leaseMs);
      }
    }
    return total;
  }

  /** Makes claimed rows due again at once (not after their lease), for this relay or another. */
  private async release(batch: ClaimedEvent[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      await this.store.release(batch);
    } catch (err) {
      this.unreleased.push(...batch); // handed back on the next pass (a row whose lease ran out meanwhile is not)
      this.logger.warn(`releasing ${batch.length} claimed outbox event(s) failed: ${(err as Error).message}`);
    }
  }

  /** Does what a pass could not, once the database answers again; throws while it does not. */
  private async settle(): Promise<void> {
    if (this.unmarked.length > 0) {
      await this.store.markPublished(this.unmarked);
      this.unmarked = [];
    }
    await this.recordFailures(this.unrecorded.splice(0));
    if (this.unreleased.length > 0) {
      await this.store.release(this.unreleased);
      this.unreleased = [];
    }
  }

  /** Records failed publishes (their error and backoff); what is left when the database fails is owed. */
  private async recordFailures(failed: FailedPublish[]): Promise<void> {
    for (const [i, { row, error, retryIn }] of failed.entries()) {
      try {
        await this.store.markFailed(row.id, error.message, retryIn);
      } catch (err) {
        this.unrecorded.push(...failed.slice(i));
        throw err;
      }
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.woken && this.options.lingerMs > 0) await new Promise((r) => setTimeout(r, this.options.lingerMs));
      this.woken = false;
      try {
        await this.drain();
        await this.pruneNow();
      } catch (err) {
        // The database is down or a query failed: log and try again on the next tick.
        this.logger.error(`outbox relay pass failed: ${(err as Error).message}`);
      }
      if (this.running && !this.woken) await this.sleep(this.options.pollIntervalMs);
    }
  }

  private async publishBatch(batch: ClaimedEvent[]): Promise<number> {
    // Encode inside each row's promise: a row that cannot be encoded fails alone (and backs off)
    // instead of aborting the whole batch on every pass.
    const results = await Promise.allSettled(
      batch.map(async (row) =>
        this.publisher.publish(
          row.subject,
          this.publisher.encode
            ? this.publisher.encode(row.envelope)
            : encodeEnvelope(row.envelope as unknown as EventEnvelope),
          row.id,
          row.attempts,
          () => void this.keepLeased(row.id),
        ),
      ),
    );
    const published: string[] = [];
    const failed: FailedPublish[] = [];
    for (const [i, result] of results.entries()) {
      const row = batch[i];
      if (result.status === 'fulfilled') {
        published.push(row.id);
        this.observer.published?.(row, result.value.duplicate);
      } else {
        const error = result.reason instanceof Error ? result.reason : new Error(String(result.reason));
        const retryIn = retryDelayMs(row.attempts, this.options.backoffBaseMs, this.options.backoffMaxMs);
        this.logger.warn(
          `publish of event ${row.id} (${row.subject}) failed: ${error.message}; retry in ${retryIn} ms`,
        );
        this.observer.failed?.(row, error);
        failed.push({ row, error, retryIn });
      }
    }
    // The published rows first: they are in the stream, and a failure below must not leave them to their lease.
    try {
      await this.store.markPublished(published);
    } catch (err) {
      this.unmarked.push(...published); // marked on the next pass, not published again
      this.unrecorded.push(...failed);
      throw err;
    }
    await this.recordFailures(failed);
    return published.length;
  }

  private async keepLeased(id: string): Promise<void> {
    try {
      await this.store.extendLease(id, this.options.leaseMs);
    } catch (err) {
      this.logger.warn(`extending the lease of outbox event ${id} failed: ${(err as Error).message}`);
    }
  }

  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const pruned = await this.store.prunePublished(this.options.retentionMs);
    if (pruned > 0) this.logger.log(`pruned ${pruned} published outbox rows`);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = undefined;
        done();
      };
    });
  }
}
