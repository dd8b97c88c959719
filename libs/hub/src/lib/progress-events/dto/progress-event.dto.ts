import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProgressEventEntity } from '@state-hub/db';
import { IsRFC3339, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import {
  IsJsonObjectField,
  IsSlugField,
  IsTextField,
  IsUuidField,
  OptionalNotNull,
} from '../../common/validation/field-decorators';

const EVENT_TYPE = /^[a-z][a-z0-9_.-]*$/;

export class CreateProgressEventDto {
  @ApiProperty({ example: 'consistency_sweep_remote_all', maxLength: 100, pattern: EVENT_TYPE.source })
  @IsString()
  @MaxLength(100)
  @Matches(EVENT_TYPE, { message: 'event_type must be lowercase snake_case, e.g. task_completed' })
  event_type: string;

  @IsTextField(4000, { example: 'Swept 12 repos, 0 failures' })
  summary: string;

  @IsSlugField({ optional: true, description: 'repo slug' })
  repo?: string;

  @IsUuidField({ optional: true })
  workstream_id?: string;

  @IsUuidField({ optional: true })
  task_id?: string;

  @IsJsonObjectField({ optional: true, description: 'structured detail, stored as jsonb' })
  detail?: Record<string, unknown>;

  @IsTextField(200, { optional: true, description: 'who or what recorded it', example: 'codex' })
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when it happened (default: now)' })
  @OptionalNotNull()
  @IsRFC3339({ message: 'occurred_at must be an RFC 3339 timestamp' })
  occurred_at?: string;
}

export class ListProgressEventsQueryDto extends PageQueryDto {
  @IsSlugField({ optional: true, description: 'repo slug' })
  repo?: string;

  @IsUuidField({ optional: true })
  workstream_id?: string;

  @ApiPropertyOptional({ example: 'consistency_sweep_remote_all' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  @Matches(EVENT_TYPE, { message: 'event_type must be lowercase snake_case' })
  event_type?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurred at or after' })
  @OptionalNotNull()
  @IsRFC3339({ message: 'since must be an RFC 3339 timestamp' })
  since?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'occurred before' })
  @OptionalNotNull()
  @IsRFC3339({ message: 'until must be an RFC 3339 timestamp' })
  until?: string;
}

export class ProgressEventView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() event_type: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail: Record<string, unknown>;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) repo_id: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) workstream_id: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) task_id: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) actor: string | null;
  @ApiProperty() occurred_at: Date;
  @ApiProperty() created_at: Date;

  static from(e: ProgressEventEntity): ProgressEventView {
    return {
      id: e.id,
      event_type: e.event_type,
      summary: e.summary,
      detail: e.detail,
      repo_id: e.repo_id,
      workstream_id: e.workstream_id,
      task_id: e.task_id,
      actor: e.actor,
      occurred_at: e.occurred_at,
      created_at: e.created_at,
    };
  }
}
