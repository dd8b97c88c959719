import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DECISION_STATUSES, type DecisionEntity, type DecisionStatus } from '@state-hub/db';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsOneOfField, IsSlugField, IsTextField, IsUuidField } from '../../common/validation/field-decorators';

export class CreateDecisionDto {
  @IsSlugField({ description: 'domain slug', example: 'custodian' })
  domain: string;

  @IsTextField(500, { example: 'Which cluster runs the consistency sweep?' })
  title: string;

  @IsTextField(20000, { optional: true, description: 'background, options considered' })
  context?: string;

  @IsSlugField({ optional: true, description: 'repo slug the decision concerns' })
  repo?: string;

  @IsUuidField({ optional: true, description: 'workstream the decision concerns' })
  workstream_id?: string;
}

export class ResolveDecisionDto {
  // bounded like the decision.resolved event's attribute, so a resolution that is accepted can be announced
  @IsTextField(10000, { example: 'Railiance01 runs it; the local timer is retired.' })
  resolution: string;

  @IsTextField(200, { example: 'tegwick' })
  resolved_by: string;
}

export class ListDecisionsQueryDto extends PageQueryDto {
  @IsSlugField({ optional: true, description: 'domain slug' })
  domain?: string;

  @IsOneOfField(DECISION_STATUSES, { optional: true })
  status?: DecisionStatus;

  @IsSlugField({ optional: true, description: 'repo slug' })
  repo?: string;

  @IsUuidField({ optional: true, description: 'only the decisions this workstream concerns' })
  workstream_id?: string;
}

export class DecisionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) context: string | null;
  @ApiProperty({ enum: DECISION_STATUSES }) status: DecisionStatus;
  @ApiProperty({ description: 'domain slug' }) domain: string;
  @ApiProperty({ format: 'uuid' }) domain_id: string;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) repo_id: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) workstream_id: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resolution: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) resolved_by: string | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) resolved_at: Date | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;

  static from(d: DecisionEntity): DecisionView {
    return {
      id: d.id,
      title: d.title,
      context: d.context,
      status: d.status,
      domain: d.domain?.slug ?? '',
      domain_id: d.domain_id,
      repo_id: d.repo_id,
      workstream_id: d.workstream_id,
      resolution: d.resolution,
      resolved_by: d.resolved_by,
      resolved_at: d.resolved_at,
      created_at: d.created_at,
      updated_at: d.updated_at,
    };
  }
}
