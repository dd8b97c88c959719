// Domain slug → id, loaded once per repo sync and only when a changed file
// needs it (the domains table is small).
import { DomainEntity } from '@state-hub/db';
import type { EntityManager } from 'typeorm';

export class DomainLookup {
  private bySlug?: Map<string, string>;

  async idOf(manager: EntityManager, slug: string): Promise<string | undefined> {
    if (!this.bySlug) {
      const rows = await manager.find(DomainEntity, { select: { id: true, slug: true } });
      this.bySlug = new Map(rows.map((d) => [d.slug, d.id]));
    }
    return this.bySlug.get(slug);
  }
}
