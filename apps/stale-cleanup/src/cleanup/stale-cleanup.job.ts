// The job's one piece of work: open the database, run the cleanup, publish the
// events it wrote when NATS is configured, close everything again.
import { Injectable, Logger } from '@nestjs/common';
import { closeDataSource, type DatabaseConfig, describeDatabase, openDataSource } from '@state-hub/db';
import { runStaleCleanup, StaleCleanupIncompleteError, type StaleCleanupReport } from '@state-hub/stale-tasks';
import type { DataSource } from 'typeorm';
import { EmbeddedDatabaseRefusedError, JobConfig } from '../config/job-config';
import { drainOutbox } from './outbox-drain';

export interface JobRequest {
  dryRun: boolean;
  staleAfterDays: number;
}

export interface JobOutcome {
  report: StaleCleanupReport;
  /** Set when some tasks could not be changed (the others were). */
  incomplete?: StaleCleanupIncompleteError;
  /** Events of this run not yet on NATS when the job ends (the API's relay publishes them later). */
  unpublished: number;
}

/** The database could not be opened: nothing was done. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

@Injectable()
export class StaleCleanupJob {
  private readonly logger = new Logger('StaleCleanup');

  constructor(private readonly config: JobConfig) {}

  async run(request: JobRequest): Promise<JobOutcome> {
    const url = this.config.DATABASE_URL;
    if (!url) throw new EmbeddedDatabaseRefusedError(); // never the embedded database the hub holds
    const database: DatabaseConfig = { url, dataDir: '', poolSize: 2 };
    this.logger.debug(`opening ${describeDatabase(database)}`);
    const ds = await openDataSource(database).catch((err: Error) => {
      throw new DatabaseUnavailableError(`cannot open ${describeDatabase(database)}: ${err.message}`);
    });
    try {
      const { report, incomplete } = await this.cleanup(ds, request);
      const unpublished = await this.publish(ds, report);
      return { report, incomplete, unpublished };
    } finally {
      await closeDataSource(ds);
    }
  }

  private async cleanup(
    ds: DataSource,
    request: JobRequest,
  ): Promise<{ report: StaleCleanupReport; incomplete?: StaleCleanupIncompleteError }> {
    try {
      return { report: await runStaleCleanup(ds, request) };
    } catch (err) {
      if (err instanceof StaleCleanupIncompleteError) return { report: err.report, incomplete: err };
      throw err;
    }
  }

  /** Returns how many of this run's events are still waiting in the outbox. */
  private async publish(ds: DataSource, report: StaleCleanupReport): Promise<number> {
    const eventIds = report.actions.flatMap((a) => (a.event_id ? [a.event_id] : []));
    const natsUrl = this.config.NATS_URL;
    if (eventIds.length === 0 || !natsUrl) return eventIds.length;
    try {
      const { pending } = await drainOutbox(ds, {
        natsUrl,
        stream: this.config.NATS_STREAM,
        replicas: this.config.NATS_STREAM_REPLICAS,
        eventIds,
        timeoutMs: this.config.DRAIN_TIMEOUT_SECONDS * 1000,
        logger: this.logger,
      });
      if (pending > 0) {
        this.logger.warn(
          `${pending === 1 ? '1 event of this run remains' : `${pending} events of this run remain`} in the outbox ` +
            `for the API's relay (not published within DRAIN_TIMEOUT_SECONDS=${this.config.DRAIN_TIMEOUT_SECONDS})`,
        );
      }
      return pending;
    } catch (err) {
      // The changes are committed; publishing is the relay's job, so this does not fail the run.
      this.logger.warn(`could not publish this run's events (${(err as Error).message}); they stay in the outbox`);
      return eventIds.length;
    }
  }
}
