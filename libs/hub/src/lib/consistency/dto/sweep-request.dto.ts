// Bodies of the two sweep routes: a sweep of all repos, and the sync of one repo.
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOneOfField, IsSlugField, OptionalNotNull } from '../../common/validation/field-decorators';

/** Who may start a sweep of all repos over HTTP (`commit-hook` is the per-repo sync's own source). */
export const HTTP_SWEEP_SOURCES = ['local-timer', 'activity-core', 'manual', 'api'] as const;
export type HttpSweepSource = (typeof HTTP_SWEEP_SOURCES)[number];

export const MAX_SWEEP_SECONDS = 3600;

/** An optional JSON boolean with its default (null is refused like any other non-boolean). */
const BoolField = (description: string, fallback: boolean) =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, default: fallback, description }),
    OptionalNotNull(),
    IsBoolean({ message: '$property must be true or false' }),
  );

export class SweepRequestDto {
  @IsOneOfField(HTTP_SWEEP_SOURCES, {
    optional: true,
    description: 'who started the sweep; recorded on its progress event (default api)',
  })
  source: HttpSweepSource = 'api';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_SWEEP_SECONDS,
    default: 300,
    description: 'budget: repos not started within it are reported skipped_budget',
  })
  @OptionalNotNull()
  @IsInt({ message: 'max_seconds must be an integer' })
  @Min(1, { message: `max_seconds must be between 1 and ${MAX_SWEEP_SECONDS}` })
  @Max(MAX_SWEEP_SECONDS, { message: `max_seconds must be between 1 and ${MAX_SWEEP_SECONDS}` })
  max_seconds = 300;

  @BoolField('fetch and fast-forward each repo behind the pull gate before reconciling', true)
  remote = true;

  @IsSlugField({ optional: true, description: 'sweep only this repo' })
  repo?: string;

  @BoolField('write assigned ids back into the workplan files', true)
  writeback = true;
}

const GIT_REF = /^refs\/[A-Za-z0-9._/-]+$/;

export class SyncRepoRequestDto {
  @ApiPropertyOptional({ example: 'refs/heads/main', description: 'the ref the reported commit is on' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(255)
  @Matches(GIT_REF, { message: 'ref must be a full git ref such as refs/heads/main' })
  ref?: string;

  @ApiPropertyOptional({
    description:
      'the reported commit: 40 (SHA-1) or 64 (SHA-256) hex chars. When the checkout does not hold it yet (a push ' +
      "made elsewhere, e.g. reported by a git host's webhook), the sync fetches and fast-forwards first, as with " +
      'remote: true',
  })
  @OptionalNotNull()
  @IsString()
  @Matches(/^([0-9a-f]{40}|[0-9a-f]{64})$/, {
    message: 'sha must be a full commit id: 40 or 64 lowercase hex characters',
  })
  sha?: string;

  @BoolField('fetch and fast-forward behind the pull gate first', false)
  remote = false;

  @BoolField('write assigned ids back into the workplan files', true)
  writeback = true;
}
