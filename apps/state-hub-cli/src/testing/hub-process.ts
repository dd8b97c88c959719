// The real hub for CLI tests: its build (dist/apps/state-hub-api) as a child
// process on a fresh Postgres database, which the CLI's in-process runs share.
import {
  createTestDatabase,
  freePort,
  type NodeService,
  startNodeService,
  type TestDatabase,
} from '@state-hub/testing';
import { call, createHubClient, type HubClient, type HubSchemas } from '@state-hub/hub-client';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './run-cli';

export const HUB_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-api/main.js');

export interface HubProcess {
  url: string;
  databaseUrl: string;
  token?: string;
  /** The generated hub client (with the token when there is one); use it with `call()` from @state-hub/hub-client. */
  client: HubClient;
  /** GET /repos/{slug}. */
  readRepo(slug: string): Promise<HubSchemas['RepoView']>;
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
    const client = createHubClient({ baseUrl: url, token: options.token });
    const readRepo = (slug: string) => call(client.GET('/repos/{slug}', { params: { path: { slug } } }));
    return { url, databaseUrl: db.url, token: options.token, client, readRepo, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
