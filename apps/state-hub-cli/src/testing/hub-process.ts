// The real hub for CLI tests: its build (dist/apps/state-hub-api) as a child
// process on a fresh Postgres database, which the CLI's in-process runs share.
import {
  createTestDatabase,
  freePort,
  type NodeService,
  startNodeService,
  type TestDatabase,
} from '@state-hub/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './run-cli';

export const HUB_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-api/main.js');

export interface HubProcess {
  url: string;
  databaseUrl: string;
  token?: string;
  /** JSON call to the hub (with the token when there is one); throws on a non-2xx answer. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface HubOptions {
  token?: string;
  /** More of the hub's environment (SWEEP_* settings, say). */
  env?: Record<string, string>;
}

export async function startHub(options: HubOptions = {}): Promise<HubProcess> {
  if (!existsSync(HUB_MAIN)) throw new Error(`${HUB_MAIN} is missing: run \`npx nx build state-hub-api\` first`);
  let db: TestDatabase | undefined;
  let service: NodeService | undefined;
  const stop = async () => {
    await service?.stop();
    await db?.drop();
  };
  try {
    db = await createTestDatabase('statehub_cli_test');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    service = await startNodeService({
      script: HUB_MAIN,
      env: {
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        STATE_HUB_API_TOKEN: options.token,
        ...options.env,
      },
      healthUrl: `${url}/state/health`,
      cwd: WORKSPACE_ROOT,
    });
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(options.token && { authorization: `Bearer ${options.token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
      return JSON.parse(text) as T;
    };
    return { url, databaseUrl: db.url, token: options.token, call, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
