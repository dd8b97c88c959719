// The real state hub for MCP tests: its build (dist/apps/state-hub-api) as a
// child process, on a fresh Postgres database and, when asked, an own nats-server.
import {
  createTestDatabase,
  freePort,
  type NatsServer,
  type NodeService,
  startNatsServer,
  startNodeService,
  type TestDatabase,
} from '@state-hub/testing';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const HUB_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-api/main.js');

export interface HubProcess {
  url: string;
  token?: string;
  nats?: NatsServer;
  stop(): Promise<void>;
}

export async function startHub(options: { token?: string; withNats?: boolean } = {}): Promise<HubProcess> {
  if (!existsSync(HUB_MAIN)) throw new Error(`${HUB_MAIN} is missing: run \`npx nx build state-hub-api\` first`);
  let db: TestDatabase | undefined;
  let nats: NatsServer | undefined;
  let service: NodeService | undefined;
  const stop = async () => {
    await service?.stop();
    await nats?.destroy();
    await db?.drop();
  };
  try {
    db = await createTestDatabase('statehub_mcp_test');
    nats = options.withNats ? await startNatsServer() : undefined;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    service = await startNodeService({
      script: HUB_MAIN,
      env: {
        DATABASE_URL: db.url,
        NATS_URL: nats?.url,
        OUTBOX_POLL_MS: '100',
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        STATE_HUB_API_TOKEN: options.token,
      },
      healthUrl: `${url}/state/health`,
      cwd: WORKSPACE_ROOT,
    });
    return { url, token: options.token, nats, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
