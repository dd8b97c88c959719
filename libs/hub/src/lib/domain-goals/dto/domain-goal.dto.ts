import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GOAL_STATUSES, type DomainGoalEntity, type GoalStatus } from '@state-hub/db';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsOneOfField, IsSlugField, IsTextField } from '../../common/validation/field-decorators';

export class CreateDomainGoalDto {
  @IsSlugField({ description: 'domain slug', example: 'custodian' })
  domain: string;

  @IsTextField(500, { example: 'All maintenance runs as ActivityDefinitions' })
  title: string;

  @IsTextField(20000, { optional: true })
  description?: string;
}

export class ListDomainGoalsQueryDto extends PageQueryDto {
  @IsSlugField({ optional: true, description: 'domain slug' })
  domain?: string;

  @IsOneOfField(GOAL_STATUSES, { optional: true })
  status?: GoalStatus;
}

export class DomainGoalView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ enum: GOAL_STATUSES }) status: GoalStatus;
  @ApiProperty({ description: 'domain slug' }) domain: string;
  @ApiProperty({ format: 'uuid' }) domain_id: string;
  @ApiPropertyOptional({ type: Date, nullable: true }) activated_at: Date | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;

  static from(g: DomainGoalEntity): DomainGoalView {
    return {
      id: g.id,
      title: g.title,
      description: g.description,
      status: g.status,
      domain: g.domain?.slug ?? '',
      domain_id: g.domain_id,
      activated_at: g.activated_at,
      created_at: g.created_at,
      updated_at: g.updated_at,
    };
  }
}
