// Writes the directory's statuses into activity_definitions: one row per file,
// keyed by definition id, or `file:<path>` for a file too broken to have one.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DefinitionStatus } from '@state-hub/activity-definitions';
import { ActivityDefinitionEntity } from '@state-hub/db';
import { DataSource, type QueryDeepPartialEntity } from 'typeorm';

export function mirrorRows(statuses: DefinitionStatus[]): Partial<ActivityDefinitionEntity>[] {
  const seen = new Set<string>();
  return statuses.map((status) => {
    // A second file claiming a taken id is invalid; it gets its own row instead of overwriting the first.
    const id = status.id && !seen.has(status.id) ? status.id : `file:${status.sourcePath}`;
    seen.add(id);
    return {
      id,
      source_path: status.sourcePath,
      content_hash: status.contentHash ?? null,
      state: status.state,
      enabled: status.state !== 'disabled' && (status.active?.enabled ?? status.state === 'loaded'),
      trigger_type: status.active?.definition.trigger.trigger_type ?? null,
      errors: status.errors,
    };
  });
}

@Injectable()
export class DefinitionMirror {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(statuses: DefinitionStatus[]): Promise<void> {
    const rows = mirrorRows(statuses);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ActivityDefinitionEntity);
      // jsonb columns are typed unknown[]; TypeORM's deep-partial type cannot see they take plain JSON.
      if (rows.length > 0) await repo.upsert(rows as QueryDeepPartialEntity<ActivityDefinitionEntity>[], ['id']);
      // Deleted files stop running; their rows go too (their runs stay in the history).
      const ids = rows.map((row) => row.id as string);
      const stale = repo.createQueryBuilder().delete();
      await (ids.length > 0 ? stale.where('id NOT IN (:...ids)', { ids }) : stale.where('true')).execute();
    });
  }
}
