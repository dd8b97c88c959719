// What most chaos scenarios stand on: a nats-server of their own (or a
// three-node JetStream cluster), an http sink for the definitions' targets, a
// folder of definition files, N built hubs on one hub database and M built engines
// on one engine database (on the local Postgres, or on a Postgres server the
// scenario owns so that it can stop it).
import {
  createTestDatabase,
  type NatsCluster,
  startNatsCluster,
  DefinitionFiles,
  type HttpSink,
  type NatsServer,
  type PostgresServer,
  startHttpSink,
  startNatsServer,
} from '@state-hub/testing';
import { Client, type QueryResultRow } from 'pg';
import { type BuiltApp, startBuiltEngine, startBuiltHub } from './built-apps';

/** What the stack needs of its NATS: a single server or a cluster. */
export interface ChaosNats {
  /** What NATS_URL gets (every member of a cluster, comma separated). */
  url: string;
  destroy(): Promise<void>;
}

export interface ChaosStackOptions {
  /** Database names are derived from it: `statehub_chaos_<name>_hub|engine`. */
  name: string;
  /** Writes the definitions (and sets up the sink) before any engine starts. */
  definitions(files: DefinitionFiles, sink: HttpSink): void;
  /** Hub replicas, started one after the other (the first migrates). Default 1. */
  hubs?: number;
  /** Replica names of the engines to start. Default one, `engine-1`. */
  engines?: string[];
  /** Put the engine's database on this server instead of the local Postgres. */
  enginePostgres?: PostgresServer;
  /** Extra variables of every hub and engine (NATS_STREAM_REPLICAS …). */
  appEnv?: Record<string, string>;
}

export interface ChaosStack<N extends ChaosNats = NatsServer> {
  nats: N;
  sink: HttpSink;
  hubs: BuiltApp[];
  /** Every engine started so far (killed ones included). */
  engines: BuiltApp[];
  /** One more engine on the same database and durable. */
  startEngine(replica: string): Promise<BuiltApp>;
  /** A query on the engine's database, on a connection of its own (so it works across a restart of Postgres). */
  engineQuery<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A query on the hub's database. */
  hubQuery<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

async function query<R extends QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export function startChaosStack(options: ChaosStackOptions): Promise<ChaosStack> {
  return startStack(options, startNatsServer);
}

/** The same stack on a three-node JetStream cluster; the apps create their streams and consumer with 3 replicas. */
export function startClusterChaosStack(options: ChaosStackOptions): Promise<ChaosStack<NatsCluster>> {
  return startStack({ ...options, appEnv: { NATS_STREAM_REPLICAS: '3', ...options.appEnv } }, () =>
    startNatsCluster(3),
  );
}

async function startStack<N extends ChaosNats>(
  options: ChaosStackOptions,
  startNats: () => Promise<N>,
): Promise<ChaosStack<N>> {
  const [nats, hubDb, engineDb, sink] = await Promise.all([
    startNats(),
    createTestDatabase(`statehub_chaos_${options.name}_hub`),
    createTestDatabase(`statehub_chaos_${options.name}_engine`, options.enginePostgres?.url),
    startHttpSink(),
  ]);
  const files = new DefinitionFiles();
  const hubs: BuiltApp[] = [];
  const engines: BuiltApp[] = [];
  const stack: ChaosStack<N> = {
    nats,
    sink,
    hubs,
    engines,
    async startEngine(replica) {
      const engine = await startBuiltEngine({
        databaseUrl: engineDb.url,
        natsUrl: nats.url,
        definitionsDir: files.dir,
        replica,
        env: options.appEnv,
      });
      engines.push(engine);
      return engine;
    },
    engineQuery: (sql, params) => query(engineDb.url, sql, params),
    hubQuery: (sql, params) => query(hubDb.url, sql, params),
    async close() {
      for (const app of [...engines, ...hubs]) await app.stop();
      // A database on a server the scenario owns goes with that server.
      const drops = options.enginePostgres ? [hubDb.drop()] : [hubDb.drop(), engineDb.drop()];
      await Promise.all([sink.close(), nats.destroy(), ...drops]);
      files.remove();
    },
  };
  try {
    options.definitions(files, sink);
    for (let i = 0; i < (options.hubs ?? 1); i++)
      hubs.push(await startBuiltHub({ databaseUrl: hubDb.url, natsUrl: nats.url, env: options.appEnv }));
    for (const replica of options.engines ?? ['engine-1']) await stack.startEngine(replica);
  } catch (error) {
    await stack.close();
    throw error;
  }
  return stack;
}

/** The run rows of one definition, oldest trigger first. */
export interface RunRow {
  id: string;
  trigger_key: string;
  status: string;
  replica: string;
}

export function runsOf(stack: Pick<ChaosStack<ChaosNats>, 'engineQuery'>, definition: string): Promise<RunRow[]> {
  return stack.engineQuery<RunRow>(
    'SELECT id, trigger_key, status, replica FROM activity_runs WHERE definition_id = $1 ORDER BY trigger_key',
    [definition],
  );
}
