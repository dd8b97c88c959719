import { BadRequestError, NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ActivityRunEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import type { ListRunsQueryDto } from './dto/list-runs-query.dto';

type RunLink = Pick<ActivityRunEntity, 'id' | 'status' | 'started_at'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class RunsQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    query: ListRunsQueryDto,
  ): Promise<{ items: ActivityRunEntity[]; total: number; limit: number; offset: number }> {
    const qb = this.dataSource.getRepository(ActivityRunEntity).createQueryBuilder('r');
    if (query.definition) qb.andWhere('r.definition_id = :definition', { definition: query.definition });
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.since) qb.andWhere('r.started_at >= :since', { since: new Date(query.since) });
    const [items, total] = await qb
      .orderBy('r.started_at', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .take(query.limit)
      .skip(query.offset)
      .getManyAndCount();
    return { items, total, limit: query.limit, offset: query.offset };
  }

  async get(id: string): Promise<ActivityRunEntity> {
    if (!UUID.test(id)) throw new BadRequestError(`id must be a UUID, got ${JSON.stringify(id.slice(0, 64))}`, 'id');
    const run = await this.dataSource.getRepository(ActivityRunEntity).findOneBy({ id });
    if (!run) throw new NotFoundError(`run ${id} not found`, 'id');
    return run;
  }

  /** The run, and the runs that replay it (oldest first). */
  async detail(id: string): Promise<ActivityRunEntity & { replays: RunLink[] }> {
    const run = await this.get(id);
    const replays = await this.dataSource.getRepository(ActivityRunEntity).find({
      select: { id: true, status: true, started_at: true },
      where: { replay_of: run.id },
      order: { started_at: 'ASC', id: 'ASC' },
    });
    return { ...run, replays };
  }
}
