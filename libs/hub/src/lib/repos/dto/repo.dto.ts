import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPO_STATUSES, type RepoEntity, type RepoStatus } from '@state-hub/db';
import { IsRequired } from '@state-hub/nest-http';
import { SHORT_TEXT_MAX } from '@state-hub/subjects';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import {
  IsOneOfField,
  IsSlugField,
  IsTextField,
  NoNulCharacters,
  OptionalNotNull,
} from '../../common/validation/field-decorators';

const GIT_REF = /^(?!.*\.\.)(?!\/)(?!.*\/$)[A-Za-z0-9._/-]+$/;
const REMOTE_URL = /^(https?:\/\/|ssh:\/\/|git:\/\/|file:\/\/|[\w.-]+@[\w.-]+:)\S+$/;

export class RegisterRepoDto {
  @IsSlugField({ example: 'state-hub' })
  slug: string;

  @IsTextField(200, { example: 'State Hub' })
  name: string;

  @IsSlugField({ description: 'slug of an existing domain', example: 'custodian' })
  domain: string;

  @ApiPropertyOptional({ description: 'git remote (https, ssh or scp-like); remote_url and/or local_path is required' })
  // Needed when sent, or when local_path is not: then the one message is the pair's rule.
  @ValidateIf((o: RegisterRepoDto) => o.remote_url !== undefined || o.local_path === undefined)
  @IsRequired('remote_url or local_path is required')
  @IsString()
  @MaxLength(2000)
  @NoNulCharacters()
  @Matches(REMOTE_URL, {
    message: 'remote_url must be a git URL (https://, ssh://, git://, file:// or user@host:path)',
  })
  remote_url?: string;

  @ApiPropertyOptional({ description: 'absolute path of a local checkout' })
  // Checked when sent; its absence is remote_url's rule above (one message for the pair).
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  @Matches(/^\/\S.*$/, { message: 'local_path must be an absolute path' })
  @NoNulCharacters()
  local_path?: string;

  @ApiPropertyOptional({ default: 'main' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  @Matches(GIT_REF, { message: 'default_branch must be a valid git branch name' })
  default_branch?: string;
}

export class UpdateRepoDto {
  @IsTextField(200, { optional: true })
  name?: string;

  @IsOneOfField(REPO_STATUSES, { optional: true })
  status?: RepoStatus;

  @ApiPropertyOptional({ nullable: true })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  @NoNulCharacters()
  @Matches(REMOTE_URL, {
    message: 'remote_url must be a git URL (https://, ssh://, git://, file:// or user@host:path)',
  })
  remote_url?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  @Matches(/^\/\S.*$/, { message: 'local_path must be an absolute path' })
  @NoNulCharacters()
  local_path?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  @Matches(GIT_REF, { message: 'default_branch must be a valid git branch name' })
  default_branch?: string;
}

export class ReportCommitDto {
  @ApiProperty({ example: 'refs/heads/main', maxLength: SHORT_TEXT_MAX })
  @IsString()
  @MaxLength(SHORT_TEXT_MAX) // what the event's `ref` attribute allows
  @Matches(/^refs\/[A-Za-z0-9._/-]+$/, { message: 'ref must be a full git ref such as refs/heads/main' })
  ref: string;

  @ApiProperty({
    example: 'e83c5163316f89bfbde7d9ab23ca2e25604af290',
    description: '40 (SHA-1) or 64 (SHA-256) hex chars',
  })
  @IsString()
  @Matches(/^([0-9a-f]{40}|[0-9a-f]{64})$/, {
    message: 'sha must be a full commit id: 40 or 64 lowercase hex characters',
  })
  sha: string;
}

export class CommitReportView {
  @ApiProperty() repo: string;
  @ApiProperty() ref: string;
  @ApiProperty() sha: string;
  @ApiProperty({ format: 'uuid', description: 'id of the org.repo.commit.pushed event' }) event_id: string;
}

export class ListReposQueryDto extends PageQueryDto {
  @IsOneOfField(REPO_STATUSES, { optional: true })
  status?: RepoStatus;

  @IsSlugField({ optional: true, description: 'domain slug' })
  domain?: string;
}

export class RepoView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'domain slug' }) domain: string;
  @ApiProperty({ format: 'uuid' }) domain_id: string;
  @ApiPropertyOptional({ type: String, nullable: true }) remote_url: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) local_path: string | null;
  @ApiProperty() default_branch: string;
  @ApiProperty({ enum: REPO_STATUSES }) status: RepoStatus;
  @ApiPropertyOptional({ type: Date, nullable: true }) last_synced_at: Date | null;
  @ApiPropertyOptional({ type: String, nullable: true }) last_commit_sha: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) last_commit_ref: string | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) last_commit_at: Date | null;
  @ApiProperty() created_at: Date;
  @ApiProperty() updated_at: Date;

  static from(r: RepoEntity & { domain?: { slug: string } }): RepoView {
    return {
      id: r.id,
      slug: r.slug,
      name: r.name,
      domain: r.domain?.slug ?? '',
      domain_id: r.domain_id,
      remote_url: r.remote_url,
      local_path: r.local_path,
      default_branch: r.default_branch,
      status: r.status,
      last_synced_at: r.last_synced_at,
      last_commit_sha: r.last_commit_sha,
      last_commit_ref: r.last_commit_ref,
      last_commit_at: r.last_commit_at,
      created_at: r.created_at,
      updated_at: r.updated_at,
    };
  }
}
