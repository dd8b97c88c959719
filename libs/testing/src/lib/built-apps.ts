// The built apps (dist/apps/*/main.js) as child processes on free ports, for
// tests of the real binaries: the hub publishing real events, the real engine,
// and kill -9 by PID for the chaos suite.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { type NodeService, startNodeService } from './node-service';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const HUB_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-api/main.js');
export const ENGINE_MAIN = join(WORKSPACE_ROOT, 'dist/apps/event-consumer/main.js');
export const STALE_CLEANUP_MAIN = join(WORKSPACE_ROOT, 'dist/apps/stale-cleanup/main.js');
export const CLI_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-cli/main.js');
export const SYSTEM_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub/main.js');

export interface BuiltApp {
  url: string;
  service: NodeService;
  /** JSON request against the app; throws on a status other than `expect` (default 2xx). */
  json<T = unknown>(method: string, path: string, body?: unknown, expect?: number): Promise<T>;
  /** kill -9 by the child's own PID (no graceful shutdown, no ack), then reap it. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function requireBuilt(script: string, project: string): void {
  if (!existsSync(script)) throw new Error(`${script} is missing: run \`npx nx build ${project}\` first`);
}

async function startBuilt(
  script: string,
  env: Record<string, string>,
  healthPath: string,
  keepAllOutput = false,
): Promise<BuiltApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A hub started with a write token gets it on every request of json().
  const auth: Record<string, string> = env['STATE_HUB_API_TOKEN']
    ? { authorization: `Bearer ${env['STATE_HUB_API_TOKEN']}` }
    : {};
  const service = await startNodeService({
    script,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    healthUrl: `${url}${healthPath}`,
    cwd: WORKSPACE_ROOT,
    keepAllOutput,
  });
  return {
    url,
    service,
    async json<T>(method: string, path: string, body?: unknown, expect?: number): Promise<T> {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      if (expect === undefined ? !res.ok : res.status !== expect) {
        throw new Error(`${method} ${path} answered ${res.status}: ${text}\n${service.output()}`);
      }
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async kill() {
      process.kill(service.pid, 'SIGKILL');
      await service.stop();
    },
    stop: () => service.stop(),
  };
}

/** The built state-hub-api on `databaseUrl`, relaying its outbox to `natsUrl` every 100 ms; `env` adds or overrides. */
export function startBuiltHub(options: {
  databaseUrl: string;
  natsUrl: string;
  env?: Record<string, string>;
}): Promise<BuiltApp> {
  requireBuilt(HUB_MAIN, 'state-hub-api');
  return startBuilt(
    HUB_MAIN,
    {
      DATABASE_URL: options.databaseUrl,
      NATS_URL: options.natsUrl,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    '/state/health',
  );
}

/** The built engine; `env` adds or overrides variables (STATE_HUB_URL, REPLICA_ID, RUN_SWEEP_INTERVAL_MS, …). */
export function startBuiltEngine(options: {
  databaseUrl: string;
  natsUrl: string;
  definitionsDir: string;
  env?: Record<string, string>;
}): Promise<BuiltApp> {
  requireBuilt(ENGINE_MAIN, 'event-consumer');
  return startBuilt(
    ENGINE_MAIN,
    {
      DATABASE_URL: options.databaseUrl,
      NATS_URL: options.natsUrl,
      ACTIVITY_DEFINITIONS_DIR: options.definitionsDir,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    '/health',
  );
}

/**
 * The built one-process system (`npm start`): hub and engine on the embedded database in `dataDir`
 * (or on `databaseUrl`), events through the outbox (or JetStream with `natsUrl`); `env` adds or overrides.
 */
export function startBuiltSystem(options: {
  dataDir?: string;
  databaseUrl?: string;
  natsUrl?: string;
  definitionsDir: string;
  env?: Record<string, string>;
  /** Keep the whole log for service.allOutput(). */
  keepAllOutput?: boolean;
}): Promise<BuiltApp> {
  requireBuilt(SYSTEM_MAIN, 'state-hub');
  return startBuilt(
    SYSTEM_MAIN,
    {
      ...(options.dataDir && { STATE_HUB_DATA_DIR: options.dataDir }),
      ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
      ...(options.natsUrl && { NATS_URL: options.natsUrl }),
      ACTIVITY_DEFINITIONS_DIR: options.definitionsDir,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      ...options.env,
    },
    '/state/health',
    options.keepAllOutput,
  );
}
