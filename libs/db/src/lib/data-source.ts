// One factory for every process that opens the database: a Postgres server
// when a URL is given, otherwise an embedded PGlite data directory. Same
// entities, same migrations, never `synchronize`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import * as pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * How every Postgres pool of ours treats an idle connection: kept for ten minutes, not pg-pool's 10 s, so the
 * first statements after a quiet spell do not each wait for a new connection and a new Postgres backend (nor
 * prepare their statements again). TCP keep-alive keeps a quiet connection known to the network in between
 * (NAT and load balancers drop silent ones); one that breaks anyway (a restarted server) is dropped and replaced
 * when next needed.
 */
export const IDLE_CONNECTIONS_KEPT = {
  idleTimeoutMillis: 10 * 60_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 60_000,
};

export interface DatabaseConfig {
  /** `postgres://…`; when absent the embedded database is used. */
  url?: string;
  /** Data directory of the embedded database (ignored with `url`). */
  dataDir: string;
  /** Connections in the pool (Postgres server only; PGlite has one). */
  poolSize?: number;
  /** Apply pending migrations on initialise (default true). */
  migrationsRun?: boolean;
}

/** PGlite instances opened for a data source, so they can be closed with it. */
const embedded = new WeakMap<DataSource, { close(): Promise<void> }>();

/** Describes where a config points, without credentials, for log lines. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.url) return `embedded PGlite at ${resolve(config.dataDir)}`;
  try {
    const u = new URL(config.url);
    return `postgres at ${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

export async function buildDataSourceOptions(config: DatabaseConfig): Promise<{
  options: DataSourceOptions;
  close?: () => Promise<void>;
}> {
  const common = {
    type: 'postgres' as const,
    driver: pg,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: config.migrationsRun ?? true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    uuidExtension: 'pgcrypto' as const,
  };
  if (config.url) {
    return {
      options: {
        ...common,
        url: config.url,
        poolSize: config.poolSize ?? 10,
        // Fail a request fast when the server is gone instead of queueing forever.
        extra: { connectionTimeoutMillis: 5000, ...IDLE_CONNECTIONS_KEPT },
      },
    };
  }
  mkdirSync(config.dataDir, { recursive: true });
  if (!existsSync(join(config.dataDir, 'PG_VERSION'))) await createEmbeddedDatabase(config.dataDir);
  const { PGlite } = await import('@electric-sql/pglite');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  // 16 MB of shared buffers, not Postgres's 128 MB: in PGlite they live in the process's own memory, and one
  // embedded user does not need them (the files it reads stay in the OS page cache). About 120 MB less RSS.
  const pglite = new PGlite(config.dataDir, { extensions: { pgcrypto }, postgresqlconf: ['shared_buffers = 16MB'] });
  await pglite.waitReady;
  return {
    options: { ...common, extra: createPgConfig(pglite) },
    close: () => pglite.close(),
  };
}

/**
 * Creates a new embedded database in a short-lived child process. Creating one (initdb) touches far more of PGlite's
 * WebAssembly memory than running it, and that memory never shrinks: created in the app's own process, `npm start`
 * idled at 311 MB after its first start against 235 MB after every later one. The child takes it along when it
 * exits. When PGlite cannot be located for the child, the app's own PGlite creates the database as it opens it.
 */
async function createEmbeddedDatabase(dataDir: string): Promise<void> {
  let pglite: string;
  try {
    pglite = createRequire(__filename).resolve('@electric-sql/pglite');
  } catch {
    return;
  }
  const script =
    'const { PGlite } = require(process.argv[1]);' +
    'const db = new PGlite(process.argv[2]);' +
    'db.waitReady.then(() => db.close()).catch((e) => { console.error(e.message); process.exit(1); });';
  const child = spawn(process.execPath, ['--liftoff-only', '-e', script, pglite, dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, failed) => {
    child.once('error', failed);
    child.once('exit', (c, s) => done([c, s]));
  });
  if (code !== 0) {
    const why = stderr.trim() || `exit ${code ?? signal}`;
    throw new Error(`creating the embedded database in ${resolve(dataDir)} failed: ${why}`);
  }
}

/** Any fixed 64-bit key: taken while migrating, so replicas starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 4_715_220_611;

/** Opens (and migrates) a data source; close it with {@link closeDataSource}. */
export async function openDataSource(config: DatabaseConfig): Promise<DataSource> {
  const migrate = config.migrationsRun ?? true;
  // On a server, migrate under an advisory lock (TypeORM takes none); PGlite is one process anyway.
  const { options, close } = await buildDataSourceOptions({ ...config, migrationsRun: migrate && !config.url });
  const dataSource = new DataSource(options);
  try {
    await dataSource.initialize();
    if (migrate && config.url) await runMigrationsLocked(dataSource);
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await close?.();
    throw err;
  }
  if (close) embedded.set(dataSource, { close });
  return dataSource;
}

async function runMigrationsLocked(dataSource: DataSource): Promise<void> {
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

export async function closeDataSource(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) await dataSource.destroy();
  const pglite = embedded.get(dataSource);
  if (pglite) {
    embedded.delete(dataSource);
    await pglite.close();
  }
}
