// Request and response of POST /maintenance/stale-cleanup. The response mirrors
// the StaleCleanupReport contract of @state-hub/stale-tasks.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKSTREAM_STATUSES } from '@state-hub/db';
import {
  DEFAULT_STALE_AFTER_DAYS,
  MAX_STALE_AFTER_DAYS,
  MIN_STALE_AFTER_DAYS,
  OPEN_TASK_STATUSES,
} from '@state-hub/stale-tasks';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/validation/field-decorators';

const DAYS_MESSAGE = `$property must be an integer between ${MIN_STALE_AFTER_DAYS} and ${MAX_STALE_AFTER_DAYS}`;
const IsStaleAge = () =>
  applyDecorators(
    IsInt({ message: DAYS_MESSAGE }),
    Min(MIN_STALE_AFTER_DAYS, { message: DAYS_MESSAGE }),
    Max(MAX_STALE_AFTER_DAYS, { message: DAYS_MESSAGE }),
  );

export class StaleCleanupRequestDto {
  @ApiPropertyOptional({ type: Boolean, default: false, description: 'report what would change; change nothing' })
  @OptionalNotNull()
  @IsBoolean({ message: '$property must be true or false' })
  dry_run?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_STALE_AFTER_DAYS,
    maximum: MAX_STALE_AFTER_DAYS,
    default: DEFAULT_STALE_AFTER_DAYS,
    description: 'tasks of active workstreams not updated for this many days are flagged',
  })
  @OptionalNotNull()
  @IsStaleAge()
  stale_after_days?: number;
}

export class StaleTaskActionView {
  @ApiProperty({ format: 'uuid' }) task_id: string;
  @ApiProperty({ example: 'STATE-WP-0007-T03' }) task_key: string;
  @ApiProperty({ format: 'uuid' }) workstream_id: string;
  @ApiProperty({ example: 'STATE-WP-0007' }) workplan_id: string;
  @ApiProperty() repo_slug: string;
  @ApiProperty({ enum: ['cancelled', 'flagged'] }) action: string;
  @ApiProperty({ enum: ['workstream_closed', 'inactive'] }) reason: string;
  @ApiProperty({ enum: OPEN_TASK_STATUSES }) previous_status: string;
  @ApiProperty({ enum: WORKSTREAM_STATUSES }) workstream_status: string;
  @ApiProperty({ description: 'when the task was last updated before the cleanup' }) last_updated_at: string;
  @ApiProperty({ description: 'whole days since that update' }) inactive_days: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'the org.statehub.task.stale event (absent on a dry run)' })
  event_id?: string;
}

export class StaleTaskFailureView {
  @ApiProperty({ format: 'uuid' }) task_id: string;
  @ApiProperty() task_key: string;
  @ApiProperty() repo_slug: string;
  @ApiProperty({ enum: ['cancelled', 'flagged'] }) action: string;
  @ApiProperty() message: string;
}

export class StaleCleanupReportView {
  @ApiProperty() dry_run: boolean;
  @ApiProperty() stale_after_days: number;
  @ApiProperty({ description: 'tasks cancelled (or that would be, on a dry run)' }) cancelled: number;
  @ApiProperty({ description: 'tasks flagged (or that would be, on a dry run)' }) flagged: number;
  @ApiProperty({ type: [StaleTaskActionView] }) actions: StaleTaskActionView[];
  @ApiProperty({ type: [StaleTaskFailureView], description: 'always empty in a 200 answer' })
  failures: StaleTaskFailureView[];
  @ApiProperty() duration_ms: number;
}
