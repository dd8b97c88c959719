import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkplanFileEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { findRepoBySlug } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { type ListRepoFilesQueryDto, RepoFileView } from './dto/repo-file.dto';

@Injectable()
export class RepoFilesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The repo's workplan files by path (404 for an unknown repo). */
  async list(slug: string, query: ListRepoFilesQueryDto): Promise<Page<RepoFileView>> {
    const repo = await findRepoBySlug(this.db.manager, slug, 'slug');
    const [rows, total] = await this.db.manager.findAndCount(WorkplanFileEntity, {
      where: { repo_id: repo.id, ...(query.status && { status: query.status }) },
      order: { path: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows.map(RepoFileView.from), total, query);
  }
}
