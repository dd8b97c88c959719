// Query and answer shapes of the sweep history and the parallel-run comparison.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SWEEP_SOURCES,
  type SweepComparison,
  type SweepComparisonRow,
  type SweepHistoryEntry,
  type SweepSource,
} from '@state-hub/consistency-sweep';
import { IsRFC3339 } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsOneOfField, OptionalNotNull } from '../../common/validation/field-decorators';
import { SweepCountsView } from './sweep-report.view';

/** An optional RFC 3339 query parameter; the message names it. */
const TimestampQuery = (name: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description }),
    OptionalNotNull(),
    IsRFC3339({ message: `${name} must be an RFC 3339 timestamp such as 2026-06-21T00:00:00Z` }),
  );

export class ListSweepsQueryDto extends PageQueryDto {
  @TimestampQuery('since', 'recorded at or after')
  since?: string;

  @TimestampQuery('until', 'recorded before')
  until?: string;

  @IsOneOfField(SWEEP_SOURCES, { optional: true, description: 'only sweeps started by this source' })
  source?: SweepSource;
}

export class CompareSweepsQueryDto {
  @TimestampQuery('since', 'window start, inclusive (default: until − 7 days)')
  since?: string;

  @TimestampQuery('until', 'window end, exclusive (default: now)')
  until?: string;
}

export class SweepHistoryEntryView implements SweepHistoryEntry {
  @ApiProperty({ format: 'uuid', description: 'id of the consistency_sweep_remote_all progress event' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurred_at: string;
  @ApiProperty({ example: 'activity-core' }) source: string;
  @ApiProperty({ example: 'completed' }) outcome: string;
  @ApiProperty() remote: boolean;
  @ApiProperty() duration_ms: number;
  @ApiProperty({ type: SweepCountsView }) counts: SweepCountsView;
  @ApiProperty({ type: [String] }) warnings: string[];
}

export class SweepComparisonRowView implements SweepComparisonRow {
  @ApiProperty({ example: 'activity-core' }) source: string;
  @ApiProperty() runs: number;
  @ApiProperty({ description: 'runs whose outcome is completed' }) completed: number;
  @ApiProperty({ description: 'completed / runs, 0..1 (0 without runs)' }) completion_rate: number;
  @ApiProperty({ description: 'runs that found another sweep holding the lock' }) runs_skipped_lock: number;
  @ApiProperty() repos_skipped_lock: number;
  @ApiProperty() repos_skipped_budget: number;
  @ApiProperty({ description: 'runs with at least one failed repo' }) hard_failures: number;
  @ApiProperty({ description: 'runs with warnings but no failed repo' }) warn_only: number;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) first_run_at: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) last_run_at: string | null;
}

export class SweepComparisonView implements SweepComparison {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty({ type: [SweepComparisonRowView] }) sources: SweepComparisonRowView[];
}
