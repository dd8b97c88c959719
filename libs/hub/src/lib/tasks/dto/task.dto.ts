import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  TASK_KEY_PATTERN,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskEntity,
  type TaskPriority,
  type TaskStatus,
} from '@state-hub/db';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import {
  IsJsonObjectField,
  IsOneOfField,
  IsSlugField,
  IsTextField,
  IsUuidField,
  OptionalNotNull,
} from '../../common/validation/field-decorators';

export class CreateTaskDto {
  @IsUuidField({ description: 'the workstream the task belongs to' })
  workstream_id: string;

  @ApiProperty({ example: 'STATE-WP-0064-T01', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(TASK_KEY_PATTERN, { message: 'task_key may hold letters, digits, dot, dash and underscore only' })
  task_key: string;

  @IsTextField(500, { example: 'ActivityDefinition and cluster wiring' })
  title: string;

  @IsOneOfField(TASK_STATUSES, { optional: true, description: 'default todo' })
  status?: TaskStatus;

  @IsOneOfField(TASK_PRIORITIES, { optional: true, description: 'default medium' })
  priority?: TaskPriority;

  @ApiPropertyOptional({ minimum: 0, maximum: 100000, description: 'order inside the workplan' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  position?: number;

  @IsJsonObjectField({ optional: true, description: 'task keys the hub does not model' })
  extra?: Record<string, unknown>;
}

/** Moving a task: a status change must be a legal transition. */
export class UpdateTaskDto {
  @IsOneOfField(TASK_STATUSES, { optional: true })
  status?: TaskStatus;

  @IsOneOfField(TASK_PRIORITIES, { optional: true })
  priority?: TaskPriority;

  @IsTextField(500, { optional: true })
  title?: string;
}

export class ListTasksQueryDto extends PageQueryDto {
  @IsUuidField({ optional: true })
  workstream_id?: string;

  @IsSlugField({ optional: true, description: 'repo slug' })
  repo?: string;

  @IsOneOfField(TASK_STATUSES, { optional: true })
  status?: TaskStatus;

  @IsOneOfField(TASK_PRIORITIES, { optional: true })
  priority?: TaskPriority;
}

/** A task row (as `t`) with TaskView's columns, and a workstream's tasks' order: for plain SQL reads. */
export const TASK_COLUMNS = `t.id, t.task_key, t.title, t.status, t.priority, t.position, t.workstream_id, t.extra,
  t.started_at, t.completed_at, t.created_at, t.updated_at`;
export const TASK_ORDER = 'ORDER BY t.position ASC, t.task_key ASC';

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() task_key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({ enum: TASK_PRIORITIES }) priority: TaskPriority;
  @ApiProperty() position: number;
  @ApiProperty({ format: 'uuid' }) workstream_id: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) extra: Record<string, unknown>;
  @ApiPropertyOptional({ type: Date, nullable: true }) started_at: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) completed_at: Date | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;

  static from(t: TaskEntity): TaskView {
    return {
      id: t.id,
      task_key: t.task_key,
      title: t.title,
      status: t.status,
      priority: t.priority,
      position: t.position,
      workstream_id: t.workstream_id,
      extra: t.extra,
      started_at: t.started_at,
      completed_at: t.completed_at,
      created_at: t.created_at,
      updated_at: t.updated_at,
    };
  }
}
