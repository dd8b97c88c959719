// Runs the consistency sweep (libs/consistency-sweep) for the API: settings
// from the config, and the relay woken as soon as a sweep commits events.
import { OutboxSignal } from '@state-hub/outbox';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  compareSweeps,
  ConsistencySweep,
  listSweeps,
  type RepoSyncResult,
  type SweepComparison,
  type SweepHistoryEntry,
  type SweepReport,
} from '@state-hub/consistency-sweep';
import { BadRequestError } from '@state-hub/nest-http';
import { DataSource } from 'typeorm';
import { page, type Page } from '../common/pagination/page';
import type { AppConfig } from '../config/app-config';
import type { CompareSweepsQueryDto, ListSweepsQueryDto } from './dto/sweep-history.dto';
import type { SweepRequestDto, SyncRepoRequestDto } from './dto/sweep-request.dto';
import { asHttpError, repoLockedError } from './sweep-errors';
import { sweepSettings } from './sweep-settings';

/** The comparison window when the client names no start. */
const DEFAULT_WINDOW_MS = 7 * 24 * 3600 * 1000;

@Injectable()
export class ConsistencyService {
  private readonly sweeper: ConsistencySweep;
  private readonly repoLockWaitSeconds: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<AppConfig, true>,
    signal: OutboxSignal,
  ) {
    const settings = sweepSettings(config);
    this.repoLockWaitSeconds = settings.repoLockWaitSeconds;
    this.sweeper = new ConsistencySweep(db, settings, signal);
  }

  async sweepAll(dto: SweepRequestDto): Promise<SweepReport> {
    try {
      return await this.sweeper.sweep({
        source: dto.source,
        maxSeconds: dto.max_seconds,
        remote: dto.remote,
        repo: dto.repo,
        writeback: dto.writeback,
        actor: `api (${dto.source})`,
      });
    } catch (err) {
      throw asHttpError(err, 'repo', 'body');
    }
  }

  /**
   * The per-commit sync of one repo (what the commit-pushed definition calls). A repo a sweep
   * held longer than the lock wait is a 409 (recorded as skipped_lock all the same), so the caller retries.
   */
  async syncRepo(slug: string, dto: SyncRepoRequestDto): Promise<RepoSyncResult> {
    let result: RepoSyncResult;
    try {
      result = await this.sweeper.syncRepo(slug, {
        source: 'commit-hook',
        remote: dto.remote,
        reportedSha: dto.sha,
        writeback: dto.writeback,
        actor: dto.sha ? `commit ${dto.sha.slice(0, 12)}${dto.ref ? ` on ${dto.ref}` : ''}` : 'commit-hook',
      });
    } catch (err) {
      throw asHttpError(err, 'slug', 'path');
    }
    if (result.outcome === 'skipped_lock') throw repoLockedError(result.repo, this.repoLockWaitSeconds);
    return result;
  }

  async history(query: ListSweepsQueryDto): Promise<Page<SweepHistoryEntry>> {
    const since = query.since ? new Date(query.since) : undefined;
    const until = query.until ? new Date(query.until) : undefined;
    if (since && until) checkWindow(since, until);
    const { items, total } = await listSweeps(this.db, {
      since,
      until,
      source: query.source,
      limit: query.limit,
      offset: query.offset,
    }).catch((err: unknown) => {
      throw asHttpError(err, 'since', 'path');
    });
    return page(items, total, query);
  }

  compare(query: CompareSweepsQueryDto): Promise<SweepComparison> {
    const until = query.until ? new Date(query.until) : new Date();
    const since = query.since ? new Date(query.since) : new Date(until.getTime() - DEFAULT_WINDOW_MS);
    checkWindow(since, until);
    return compareSweeps(this.db, since, until).catch((err: unknown) => {
      throw asHttpError(err, 'since', 'path');
    });
  }
}

function checkWindow(since: Date, until: Date): void {
  if (since.getTime() >= until.getTime()) {
    throw new BadRequestError(`since (${since.toISOString()}) must be before until (${until.toISOString()})`, 'since');
  }
}
