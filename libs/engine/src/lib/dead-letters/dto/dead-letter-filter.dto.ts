// The filters of GET /dead-letters, also the `filter` of a redrive.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { SUBJECT_PATTERN } from '../subject-pattern';

export class DeadLetterFilterDto {
  @ApiPropertyOptional({
    maxLength: 255,
    example: 'org.statehub.repo.*',
    description: 'the original subject, exact or with NATS wildcards (`*` one token, `>` the rest)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  @Matches(SUBJECT_PATTERN, { message: 'subject must be a NATS subject, wildcards * and > allowed (e.g. org.x.*)' })
  subject?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'a part of the reason, any case' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'only letters written at or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 timestamp' })
  since?: string;
}
