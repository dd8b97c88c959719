// The body of POST /dead-letters/redrive: which letters (ids, or a filter), and
// whether only to say what would happen.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DeadLetterFilterDto } from './dead-letter-filter.dto';

export class RedriveFilterDto extends DeadLetterFilterDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100, description: 'newest first' })
  @IsOptional()
  @IsInt({ message: 'filter.limit must be an integer between 1 and 500' })
  @Min(1, { message: 'filter.limit must be an integer between 1 and 500' })
  @Max(500, { message: 'filter.limit must be an integer between 1 and 500' })
  limit = 100;
}

export class RedriveDeadLettersDto {
  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: 500,
    description: 'letter ids (a UUID without NATS, a dead-letter stream sequence with JetStream); or give `filter`',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ids?: string[];

  @ApiPropertyOptional({ type: RedriveFilterDto, description: 'every letter matching it (newest first, up to limit)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RedriveFilterDto)
  filter?: RedriveFilterDto;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'only say which letters would be redriven' })
  @IsOptional()
  @IsBoolean()
  dry_run = false;

  @ApiPropertyOptional({
    maxLength: 200,
    example: 'alice',
    description: 'who redrives, for the redrive log (default `api`)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[^\p{Cc}]{1,200}$/u, { message: 'redriven_by must be 1 to 200 characters on one line' })
  redriven_by?: string;
}
