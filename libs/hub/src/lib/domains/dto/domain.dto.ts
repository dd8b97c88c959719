import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DomainEntity } from '@state-hub/db';
import { IsSlugField, IsTextField } from '../../common/validation/field-decorators';

export class CreateDomainDto {
  @IsSlugField({ example: 'custodian' })
  slug: string;

  @IsTextField(200, { example: 'The Custodian' })
  name: string;

  @IsTextField(4000, { optional: true })
  description?: string;
}

export class DomainView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ type: String, nullable: true }) description: string | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;

  static from(d: DomainEntity): DomainView {
    return {
      id: d.id,
      slug: d.slug,
      name: d.name,
      description: d.description,
      created_at: d.created_at,
      updated_at: d.updated_at,
    };
  }
}
