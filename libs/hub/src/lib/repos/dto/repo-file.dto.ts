// What the sweep last made of each workplan file of a repo: a file that fails
// to parse carries its error here, and the DB keeps its last good state.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WORKPLAN_FILE_STATUSES, type WorkplanFileEntity, type WorkplanFileStatus } from '@state-hub/db';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsOneOfField } from '../../common/validation/field-decorators';

export class ListRepoFilesQueryDto extends PageQueryDto {
  @IsOneOfField(WORKPLAN_FILE_STATUSES, { optional: true })
  status?: WorkplanFileStatus;
}

export class RepoFileView {
  @ApiProperty({ example: 'workplans/STATE-WP-0064.md', description: 'path inside the repo' }) path: string;
  @ApiProperty({ enum: WORKPLAN_FILE_STATUSES }) status: WorkplanFileStatus;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why it did not parse, or why it is orphaned' })
  error: string | null;
  @ApiProperty({ type: [String], description: 'non-fatal problems of the last parse' }) warnings: string[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'sha256 of the bytes last read' })
  content_hash: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'HEAD when the file was last read' })
  commit_sha: string | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) last_parsed_at: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true }) last_seen_at: Date | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) workstream_id: string | null;

  static from(f: WorkplanFileEntity): RepoFileView {
    return {
      path: f.path,
      status: f.status,
      error: f.error,
      warnings: f.warnings,
      content_hash: f.content_hash,
      commit_sha: f.commit_sha,
      last_parsed_at: f.last_parsed_at,
      last_seen_at: f.last_seen_at,
      workstream_id: f.workstream_id,
    };
  }
}
