import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKSTREAM_STATUSES, type WorkstreamEntity, type WorkstreamStatus } from '@state-hub/db';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import {
  IsJsonObjectField,
  IsOneOfField,
  IsSlugField,
  IsTextField,
  IsWorkplanIdField,
} from '../../common/validation/field-decorators';
import { TaskView } from '../../tasks/dto/task.dto';

export class CreateWorkstreamDto {
  @IsSlugField({ description: 'slug of the registered repo holding the workplan', example: 'state-hub' })
  repo: string;

  @IsWorkplanIdField()
  workplan_id: string;

  @IsTextField(500, { example: 'Move State Hub consistency sync to activity-core' })
  title: string;

  @IsOneOfField(WORKSTREAM_STATUSES, { optional: true, description: 'default draft' })
  status?: WorkstreamStatus;

  @IsSlugField({ optional: true, description: "domain slug, when it differs from the repo's" })
  domain?: string;

  @IsTextField(200, { optional: true })
  owner?: string;

  @IsTextField(1000, {
    optional: true,
    description: 'path of the workplan file inside the repo',
    example: 'workplans/STATE-WP-0064.md',
  })
  source_path?: string;

  @IsJsonObjectField({ optional: true, description: 'front-matter keys the hub does not model' })
  extra?: Record<string, unknown>;
}

/** Fields a client may change; a status change must be a legal transition. */
export class UpdateWorkstreamDto {
  @IsOneOfField(WORKSTREAM_STATUSES, { optional: true })
  status?: WorkstreamStatus;

  @IsTextField(500, { optional: true })
  title?: string;

  @IsTextField(200, { optional: true })
  owner?: string;
}

export class ListWorkstreamsQueryDto extends PageQueryDto {
  @IsSlugField({ optional: true, description: 'repo slug' })
  repo?: string;

  @IsOneOfField(WORKSTREAM_STATUSES, { optional: true })
  status?: WorkstreamStatus;

  @IsSlugField({ optional: true, description: 'domain slug (the workplan’s own, else its repo’s)' })
  domain?: string;

  @IsWorkplanIdField({ optional: true })
  workplan_id?: string;
}

export class WorkstreamView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() workplan_id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: WORKSTREAM_STATUSES }) status: WorkstreamStatus;
  @ApiProperty({ format: 'uuid' }) repo_id: string;
  @ApiProperty() repo: string;
  @ApiProperty({ description: 'domain slug (the workplan’s own, else its repo’s)' }) domain: string;
  @ApiPropertyOptional({ type: String, nullable: true }) owner: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) source_path: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) extra: Record<string, unknown>;
  @ApiPropertyOptional({ type: Date, nullable: true }) completed_at: Date | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;

  static from(w: WorkstreamEntity): WorkstreamView {
    return {
      id: w.id,
      workplan_id: w.workplan_id,
      title: w.title,
      status: w.status,
      repo_id: w.repo_id,
      repo: w.repo?.slug ?? '',
      domain: w.domain?.slug ?? w.repo?.domain?.slug ?? '',
      owner: w.owner,
      source_path: w.source_path,
      extra: w.extra,
      completed_at: w.completed_at,
      created_at: w.created_at,
      updated_at: w.updated_at,
    };
  }
}

export class WorkstreamDetailView extends WorkstreamView {
  @ApiProperty({ type: [TaskView] }) tasks: TaskView[];
}
