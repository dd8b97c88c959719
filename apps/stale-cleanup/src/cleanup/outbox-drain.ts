// After a run, publishes the events it wrote (and anything else due) from the
// outbox to JetStream with the same relay the API uses, until this run's events
// are out or the time is up. Publishing stays the relay's job: what is left
// behind is published by the API's relay later, and the job still succeeds.
import type { Logger } from '@nestjs/common';
import {
  ACTIVITY_EVENTS_STREAM,
  DEFAULT_RELAY_OPTIONS,
  JetStreamPublisher,
  OutboxRelay,
  outboxDbFromDataSource,
  OutboxStore,
} from '@state-hub/outbox';
import type { DataSource } from 'typeorm';

export interface DrainOptions {
  natsUrl: string;
  stream: string;
  /** Replicas of the stream if it has to be created. */
  replicas: number;
  /** The ids of the events this run wrote. */
  eventIds: string[];
  timeoutMs: number;
  logger: Logger;
}

export interface DrainResult {
  /** This run's events still unpublished when the drain ended. */
  pending: number;
}

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pendingOf(ds: DataSource, ids: string[]): Promise<number> {
  const [row] = (await ds.query(
    `SELECT count(*)::int AS n FROM event_outbox WHERE id = ANY($1::uuid[]) AND published_at IS NULL`,
    [ids],
  )) as { n: number }[];
  return row.n;
}

/** A failed pass (e.g. a query) is retried until the deadline, like the API's relay does. */
function failedPass(logger: Logger, err: Error): number {
  logger.warn(`outbox relay pass failed: ${err.message}`);
  return 0;
}

export async function drainOutbox(ds: DataSource, options: DrainOptions): Promise<DrainResult> {
  const { logger } = options;
  let pending = await pendingOf(ds, options.eventIds);
  if (pending === 0 || options.timeoutMs <= 0) return { pending };
  // The relay's progress lines are details for a one-shot job; its warnings stay warnings.
  const relayLogger = {
    log: (m: string) => logger.debug(m),
    warn: (m: string) => logger.warn(m),
    error: (m: string) => logger.error(m),
  };
  const publisher = new JetStreamPublisher({
    servers: options.natsUrl,
    stream: { ...ACTIVITY_EVENTS_STREAM, name: options.stream, replicas: options.replicas },
    publishTimeoutMs: 5000,
    logger: relayLogger,
    name: 'stale-cleanup',
  });
  const relay = new OutboxRelay(new OutboxStore(outboxDbFromDataSource(ds)), publisher, relayLogger, {
    ...DEFAULT_RELAY_OPTIONS,
    batchSize: 256,
  });
  const deadline = Date.now() + options.timeoutMs;
  try {
    void publisher.start();
    while (pending > 0 && Date.now() < deadline) {
      // Rows leased by the API's relay, or backing off after a failed publish, are not claimable: wait for them.
      const published = publisher.ready ? await relay.drain().catch((err: Error) => failedPass(logger, err)) : 0;
      if (published === 0) await sleep(POLL_MS);
      pending = await pendingOf(ds, options.eventIds);
    }
  } finally {
    await publisher.close();
  }
  return { pending };
}
