import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@state-hub/db';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsSlugField, OptionalNotNull } from '../../common/validation/field-decorators';

export class NextStepsQueryDto {
  @IsSlugField({ optional: true, description: 'domain slug' })
  domain?: string;

  @IsSlugField({ optional: true, description: 'repo slug' })
  repo?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 10;
}

export class NextStepView {
  @ApiProperty({ format: 'uuid' }) task_id: string;
  @ApiProperty() task_key: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: TaskStatus;
  @ApiProperty({ enum: TASK_PRIORITIES }) priority: TaskPriority;
  @ApiProperty({ format: 'uuid' }) workstream_id: string;
  @ApiProperty() workplan_id: string;
  @ApiProperty() workstream_title: string;
  @ApiProperty() repo: string;
  @ApiProperty() domain: string;
  @ApiProperty() created_at: Date;
}

export class NextStepsView {
  @ApiProperty({ type: [NextStepView] }) items: NextStepView[];
}
