// Resolve the natural keys clients send (slugs, ids) to rows, with an error
// that names the field when nothing matches.
import { NotFoundError, UnprocessableError } from '@state-hub/nest-http';
import { DomainEntity, RepoEntity, TaskEntity, WorkstreamEntity } from '@state-hub/db';
import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';

/** Where the key came from: the path/query (404) or the body (422). */
export type KeySource = 'path' | 'body';

async function findOrFail<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  where: FindOptionsWhere<T>,
  what: string,
  field: string,
  source: KeySource,
): Promise<T> {
  const row = await manager.findOneBy(entity, where);
  if (row) return row;
  throw notFound(what, field, source);
}

/** `<what> not found`, naming the field: 404 for a key in the path or query, 422 for one in a body. */
export function notFound(what: string, field: string, source: KeySource): Error {
  const message = `${what} not found`;
  return source === 'body' ? new UnprocessableError(message, field) : new NotFoundError(message, field);
}

export const findDomainBySlug = (m: EntityManager, slug: string, field = 'domain', source: KeySource = 'path') =>
  findOrFail(m, DomainEntity, { slug }, `domain '${slug}'`, field, source);

export const findRepoBySlug = (m: EntityManager, slug: string, field = 'repo', source: KeySource = 'path') =>
  findOrFail(m, RepoEntity, { slug }, `repo '${slug}'`, field, source);

export const findWorkstreamById = (m: EntityManager, id: string, field = 'id', source: KeySource = 'path') =>
  findOrFail(m, WorkstreamEntity, { id }, `workstream ${id}`, field, source);

export const findTaskById = (m: EntityManager, id: string, field = 'id', source: KeySource = 'path') =>
  findOrFail(m, TaskEntity, { id }, `task ${id}`, field, source);
