import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REPO_STATUSES, type RepoEntity, type RepoStatus } from '@state-hub/db';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsOneOfField, IsSlugField, IsTextField } from '../../common/validation/field-decorators';

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
  @ValidateIf((o: RegisterRepoDto) => o.remote_url !== undefined || o.local_path === undefined)
  @IsString({ message: 'remote_url or local_path is required' })
  @MaxLength(2000)
  @Matches(REMOTE_URL, {
    message: 'remote_url must be a git URL (https://, ssh://, git://, file:// or user@host:path)',
  })
  remote_url?: string;

  @ApiPropertyOptional({ description: 'absolute path of a local checkout' })
  @ValidateIf((o: RegisterRepoDto) => o.local_path !== undefined || o.remote_url === undefined)
  @IsString({ message: 'local_path or remote_url is required' })
  @MaxLength(2000)
  @Matches(/^\/\S.*$/, { message: 'local_path must be an absolute path' })
  local_path?: string;

  @ApiPropertyOptional({ default: 'main' })
  @IsOptional()
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
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(REMOTE_URL, {
    message: 'remote_url must be a git URL (https://, ssh://, git://, file:// or user@host:path)',
  })
  remote_url?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @Matches(/^\/\S.*$/, { message: 'local_path must be an absolute path' })
  local_path?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(GIT_REF, { message: 'default_branch must be a valid git branch name' })
  default_branch?: string;
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
      created_at: r.created_at,
      updated_at: r.updated_at,
    };
  }
}
