// The hub's ValidationPipe, which remembers what a query string validated to. Clients poll the same URLs (the
// dashboard every few seconds, agents asking for next steps), and validating the same query into the same DTO
// through class-transformer and class-validator was about 9 % of a read's CPU. Bodies and path parameters are
// validated every time; a query that fails is never remembered.
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/** Distinct query strings remembered per query DTO class; the oldest is forgotten first. */
export const REMEMBERED_QUERIES = 256;

export class RememberingValidationPipe extends ValidationPipe {
  private readonly remembered = new Map<unknown, Map<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'query' || !metadata.metatype || typeof value !== 'object' || value === null) {
      return super.transform(value, metadata);
    }
    let byQuery = this.remembered.get(metadata.metatype);
    if (!byQuery) this.remembered.set(metadata.metatype, (byQuery = new Map()));
    const key = JSON.stringify(value);
    const known = byQuery.get(key);
    // a copy each time: no request sees what another one did to its DTO
    if (known) return Object.assign(Object.create(Object.getPrototypeOf(known) as object), known);
    const dto = (await super.transform(value, metadata)) as object;
    if (byQuery.size >= REMEMBERED_QUERIES) byQuery.delete(byQuery.keys().next().value as string);
    byQuery.set(key, Object.assign(Object.create(Object.getPrototypeOf(dto) as object), dto));
    return dto;
  }
}
