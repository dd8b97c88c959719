// OpenAPI shapes of the sweep's results. Each class `implements` the contract
// type of @state-hub/consistency-sweep, so the document cannot drift from it.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type ChangeCounts,
  type FileCounts,
  type PullOutcome,
  type RepoOutcome,
  type RepoSyncResult,
  type SweepCounts,
  type SweepReport,
  SWEEP_SOURCES,
  type SweepSource,
} from '@state-hub/consistency-sweep';

const REPO_OUTCOMES: RepoOutcome[] = ['synced', 'skipped_lock', 'skipped_budget', 'failed'];
const PULL_OUTCOMES: PullOutcome[] = [
  'local',
  'pulled',
  'up_to_date',
  'skipped_dirty',
  'skipped_diverged',
  'no_remote',
  'failed',
];
const SWEEP_OUTCOMES: SweepReport['outcome'][] = ['completed', 'partial', 'failed', 'skipped_lock'];

export class FileCountsView implements FileCounts {
  @ApiProperty({ description: 'workplan files looked at' }) scanned: number;
  @ApiProperty({ description: 'same content hash as last time: skipped' }) unchanged: number;
  @ApiProperty() synced: number;
  @ApiProperty({ description: 'files that did not parse (see GET /repos/{slug}/files)' }) errors: number;
  @ApiProperty({ description: 'files that vanished (their workstream is archived)' }) orphaned: number;
  @ApiProperty({ description: 'markdown files without workplan front matter' }) not_workplan: number;
}

export class ChangeCountsView implements ChangeCounts {
  @ApiProperty() workstreams_created: number;
  @ApiProperty() workstreams_updated: number;
  @ApiProperty() workstreams_archived: number;
  @ApiProperty() workstreams_completed: number;
  @ApiProperty() tasks_created: number;
  @ApiProperty() tasks_updated: number;
  @ApiProperty({ description: 'ids written back into files' }) ids_written: number;
  @ApiProperty() files_written: number;
  @ApiProperty() writeback_commits: number;
}

export class SweepCountsView implements SweepCounts {
  @ApiProperty() repos: number;
  @ApiProperty() synced: number;
  @ApiProperty() skipped_lock: number;
  @ApiProperty() skipped_budget: number;
  @ApiProperty() failed: number;
  @ApiProperty() warnings: number;
}

export class RepoSyncResultView implements RepoSyncResult {
  @ApiProperty({ description: 'repo slug' }) repo: string;
  @ApiProperty({ enum: REPO_OUTCOMES }) outcome: RepoOutcome;
  @ApiProperty({ enum: PULL_OUTCOMES, description: 'what the pull gate did (local: no pull asked)' })
  pull: PullOutcome;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'HEAD after the pull' })
  commit_sha: string | null;
  @ApiProperty({ type: FileCountsView }) files: FileCountsView;
  @ApiProperty({ type: ChangeCountsView }) changes: ChangeCountsView;
  @ApiProperty({ type: [String], description: 'warn-only problems, each naming the file or git step' })
  warnings: string[];
  @ApiPropertyOptional({ description: 'why the repo failed (outcome failed)' }) error?: string;
  @ApiProperty() duration_ms: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the consistency_sync_repo progress event (one-repo syncs)' })
  progress_event_id?: string;
}

export class SweepReportView implements SweepReport {
  @ApiProperty({ format: 'uuid', description: 'the consistency_sweep_remote_all progress event recording it' })
  progress_event_id: string;
  @ApiProperty({ enum: SWEEP_SOURCES }) source: SweepSource;
  @ApiProperty() remote: boolean;
  @ApiProperty() max_seconds: number;
  @ApiProperty({
    enum: SWEEP_OUTCOMES,
    description:
      'skipped_lock: another sweep held the lock (a normal result); partial: the budget ran out; failed: a repo failed hard',
  })
  outcome: SweepReport['outcome'];
  @ApiProperty({ format: 'date-time' }) started_at: string;
  @ApiProperty({ format: 'date-time' }) finished_at: string;
  @ApiProperty() duration_ms: number;
  @ApiProperty({ type: SweepCountsView }) counts: SweepCountsView;
  @ApiProperty({ type: FileCountsView }) files: FileCountsView;
  @ApiProperty({ type: ChangeCountsView }) changes: ChangeCountsView;
  @ApiProperty({ type: [String] }) warnings: string[];
  @ApiProperty({ type: [RepoSyncResultView] }) repos: RepoSyncResultView[];
}
