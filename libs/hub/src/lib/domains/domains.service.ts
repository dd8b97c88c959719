import { ConflictError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { findDomainBySlug } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import type { PageQueryDto } from '../common/pagination/page-query.dto';
import { StateChangeRunner } from '../database/state-change.runner';
import { type CreateDomainDto, DomainView } from './dto/domain.dto';

@Injectable()
export class DomainsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  create(dto: CreateDomainDto): Promise<DomainView> {
    return this.changes.run(async ({ manager }) => {
      if (await manager.existsBy(DomainEntity, { slug: dto.slug })) {
        throw new ConflictError(`domain '${dto.slug}' already exists`, 'slug');
      }
      const saved = await manager.save(manager.create(DomainEntity, { ...dto, description: dto.description ?? null }));
      return DomainView.from(saved);
    });
  }

  async get(slug: string): Promise<DomainView> {
    return DomainView.from(await findDomainBySlug(this.db.manager, slug, 'slug'));
  }

  async list(query: PageQueryDto): Promise<Page<DomainView>> {
    const [rows, total] = await this.db.manager.findAndCount(DomainEntity, {
      order: { slug: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows.map(DomainView.from), total, query);
  }
}
