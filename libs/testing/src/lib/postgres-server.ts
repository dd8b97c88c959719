// A throwaway PostgreSQL server of the test's own (initdb + pg_ctl on a free
// port), for tests that must stop and restart the database. Only the server
// started here is ever stopped.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface PostgresServer {
  port: number;
  /** Admin URL (database `postgres`). */
  url: string;
  start(): void;
  stop(mode?: 'fast' | 'immediate'): void;
  destroy(): void;
}

/** Directory of initdb/pg_ctl: STATE_HUB_TEST_PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string {
  const fromEnv = process.env['STATE_HUB_TEST_PG_BIN'];
  if (fromEnv) return fromEnv;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const dir = join(base, v, 'bin');
    if (existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('no PostgreSQL binaries found: set STATE_HUB_TEST_PG_BIN to the directory holding pg_ctl');
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid, gid };
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const port = await freePort();
  const root = mkdtempSync(join(tmpdir(), 'statehub-pg-'));
  const dataDir = join(root, 'data');
  const user = postgresUser();
  // initdb refuses to run as root: run the server binaries as `postgres` then.
  const run = (cmd: string, args: string[]) =>
    execFileSync(join(bin, cmd), args, { stdio: 'pipe', uid: user?.uid, gid: user?.gid, timeout: 60_000 });
  if (user) {
    chownSync(root, user.uid, user.gid);
    chmodSync(root, 0o700);
  }
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const server: PostgresServer = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => run('pg_ctl', ['-D', dataDir, '-o', options, '-l', join(root, 'log'), '-w', 'start']),
    stop: (mode = 'fast') => run('pg_ctl', ['-D', dataDir, '-m', mode, '-w', 'stop']),
    destroy: () => {
      try {
        server.stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  server.start();
  return server;
}
