// Runs the stale-task cleanup on the API's own database, waking the API's
// outbox relay after each committed change so the events go out at once.
import { OutboxSignal } from '@state-hub/outbox';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { runStaleCleanup, StaleCleanupIncompleteError, type StaleCleanupReport } from '@state-hub/stale-tasks';
import { DataSource } from 'typeorm';
import type { StaleCleanupRequestDto } from './dto/stale-cleanup.dto';
import { StaleCleanupIncompleteException } from './stale-cleanup-incomplete.exception';

@Injectable()
export class StaleCleanupService {
  private readonly logger = new Logger('StaleCleanup');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  async run(dto: StaleCleanupRequestDto): Promise<StaleCleanupReport> {
    try {
      const report = await runStaleCleanup(
        this.dataSource,
        { dryRun: dto.dry_run, staleAfterDays: dto.stale_after_days },
        this.outbox,
      );
      this.logger.log(
        `stale cleanup${report.dry_run ? ' (dry run)' : ''}: cancelled ${report.cancelled}, flagged ${report.flagged} in ${report.duration_ms} ms`,
      );
      return report;
    } catch (err) {
      if (!(err instanceof StaleCleanupIncompleteError)) throw err;
      for (const f of err.report.failures) {
        this.logger.error(
          `stale cleanup could not change ${f.task_key} (${f.task_id}) in ${f.repo_slug}: ${f.message}`,
        );
      }
      throw new StaleCleanupIncompleteException(err);
    }
  }
}
