// Data source for the TypeORM CLI (`npm run db:migration:generate -- <Name>`):
// compares the entities with a migrated Postgres at DATABASE_URL.
import { DataSource } from 'typeorm';
import * as pg from 'pg';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export default new DataSource({
  type: 'postgres',
  driver: pg,
  url: process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/state_hub_dev',
  entities: ENTITIES,
  migrations: MIGRATIONS,
  uuidExtension: 'pgcrypto',
});
