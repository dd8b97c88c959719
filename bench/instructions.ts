// Instructions per `POST /progress-events`, the API against the same work by hand (bench/servers/same-work.js), counted
// by valgrind's callgrind: unlike a rate or a CPU time, a count does not move with what else the box is doing, so it
// can compare two builds, or a setting, on a shared and noisy machine.
// Each server runs under callgrind with counting off. After WARM requests (4 at a time, keep-alive) counting is
// switched on for WINDOWS windows of N requests, each dumped on its own; each window's count is divided by N. Most
// windows of one build agree within a few per cent; one that holds a full garbage collection or a burst of the
// JIT's compiling reads higher (up to four times, for the API), never lower. So the lowest window is the steady
// figure, and the median and every window are printed too. All of the process's threads count (the JIT's compiler
// threads too). The API optimises code for its first tens of thousands of requests (natively too): a shorter
// warm-up counts that compiling.
// Usage: npm run bench:instructions [-- path/to/state-hub-api/main.js]   (default: dist/apps/state-hub-api/main.js;
//        a relative path is taken from the repository's root, where npm runs the script)
//        env N (default 400), WINDOWS (default 5), WARM (default 30000), API_ONLY=1 (the API alone, to compare two
//        builds of it); the bench's PostgreSQL (BENCH_ADMIN_DATABASE_URL), as for `npm run bench`.
//        Needs valgrind (Debian: apt-get install valgrind). Prints its figures; writes no doc.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase, dropDatabase, percentile } from './lib/db';
import { type Server, startServer, stopServer } from './lib/proc';

const ROOT = join(__dirname, '..');
const MAIN = resolve(process.argv[2] ?? join(ROOT, 'dist/apps/state-hub-api/main.js'));
const N = Number(process.env.N ?? 400);
const WINDOWS = Number(process.env.WINDOWS ?? 5);
const WARM = Number(process.env.WARM ?? 30000);
for (const [name, value] of [
  ['N', N],
  ['WINDOWS', WINDOWS],
  ['WARM', WARM],
] as const) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number from 1, not '${value}'`);
}
const API_ONLY = process.env.API_ONLY === '1';
const BODY = JSON.stringify({ event_type: 'note', summary: 'bench', repo: 'repo-1', detail: { n: 1 } });
/** Under valgrind a server starts some 50 times slower. */
const START_TIMEOUT_MS = 300_000;
// vgdb names its pipe after USER and HOST: the same values for the server and for callgrind_control (HOST is also
// the address the API listens on, 127.0.0.1 either way).
const VG_ENV = { USER: process.env.USER || 'bench', HOST: '127.0.0.1' };

const log = (msg: string) => console.log(`[bench:instructions] ${msg}`);

// Undone in reverse order when a step ends, and on Ctrl-C: the server under valgrind, its dumps, the database.
const cleanups: Array<() => Promise<void>> = [];
let undoing = Promise.resolve();
/** Runs and forgets the cleanups pushed after the first `keep` of them, after any undo already under way. */
function undo(keep = 0): Promise<void> {
  undoing = undoing.then(async () => {
    while (cleanups.length > keep) {
      const fn = cleanups.pop() as () => Promise<void>;
      await fn().catch((e: unknown) => console.error('[bench:instructions] cleanup:', e));
    }
  });
  return undoing;
}
/** Set on Ctrl-C: its cleanup ends the process (the requests it cut short then fail, and are not reported). */
let interrupted = false;
for (const [sig, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(sig, () => {
    interrupted = true;
    void undo().finally(() => process.exit(code));
  });
}

/** The middle window (WINDOWS is usually odd; of an even number, the upper of the two middle ones). */
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const k = (x: number) => `${Math.round(x / 1e3)}k`;
/**
 * `lowest 338k, median 358k instructions per request (5 windows: 338k 339k 358k 367k 367k)`. The lowest window is
 * the steadiest figure: a full garbage collection or a burst of compiling raises a window, nothing lowers one.
 */
const figure = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return (
    `lowest ${k(sorted[0])}, median ${k(median(xs))} instructions per request ` +
    `(${xs.length} windows: ${sorted.map(k).join(' ')})`
  );
};

/** One request on the keep-alive agent; resolves with its status once the answer is read. */
function request(to: { host: string; port: string }, method: string, path: string, body?: string): Promise<number> {
  const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
  return new Promise((done, fail) => {
    const req = http.request({ ...to, method, path, headers, agent: AGENT }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', fail);
    req.end(body);
  });
}
const AGENT = new http.Agent({ keepAlive: true, maxSockets: 4 });

/**
 * Exactly `amount` writes, four at a time on keep-alive connections; every one must answer 201. (A plain
 * `node:http` client, as when the table in docs/performance.md was first counted: another client, autocannon, made
 * the by-hand server's count read a third higher.)
 */
async function posts(server: Server, amount: number): Promise<void> {
  const { hostname: host, port } = new URL(server.url);
  let left = amount;
  const worker = async () => {
    while (left-- > 0) {
      const status = await request({ host, port }, 'POST', '/progress-events', BODY);
      if (status !== 201) throw new Error(`${server.name}: POST /progress-events answered ${status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

/** Instructions per request of one server in each window, under callgrind; `prepare` runs before the warm-up. */
async function measure(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  prepare?: (server: Server) => Promise<void>,
): Promise<number[]> {
  const out = join(tmpdir(), `callgrind-${process.pid}-${name.replace(/\W+/g, '-')}`);
  const keep = cleanups.length;
  const valgrind = ['valgrind', '--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file'];
  // callgrind writes one more dump as the server exits: its files go once it has
  const removeDumps = () => {
    const dir = tmpdir();
    const base = out.slice(dir.length + 1);
    for (const f of readdirSync(dir).filter((f) => f.startsWith(base))) rmSync(join(dir, f), { force: true });
  };
  let child: ChildProcess | undefined; // stopped on Ctrl-C even while it starts (slowly, under valgrind)
  cleanups.push(async () => {
    if (child) await stopServer({ child });
    removeDumps();
  });
  const server = await startServer(name, args, { ...env, ...VG_ENV }, readyPath, {
    timeoutMs: START_TIMEOUT_MS,
    wrapper: [...valgrind, `--callgrind-out-file=${out}`],
    onSpawn: (spawned) => (child = spawned),
  });
  const control = (...flags: string[]) =>
    execFileSync('callgrind_control', [...flags, String(server.child.pid)], {
      env: { ...process.env, ...VG_ENV },
      stdio: 'ignore',
    });
  try {
    await prepare?.(server);
    log(`${name}: ${WARM.toLocaleString('en-US')} requests to warm up …`);
    await posts(server, WARM);
    control('-i', 'on');
    const perRequest: number[] = [];
    for (let w = 1; w <= WINDOWS; w++) {
      await posts(server, N);
      control('-d'); // <out>.<w>: what ran since the last dump
      const dump = `${out}.${w}`;
      for (let i = 0; i < 40 && !existsSync(dump); i++) await new Promise((r) => setTimeout(r, 250));
      if (!existsSync(dump)) throw new Error(`callgrind wrote no dump for ${name}:\n${server.tail()}`);
      const total = Number(/^(?:summary|totals): (\d+)/m.exec(readFileSync(dump, 'utf8'))?.[1]);
      if (!(total > 0)) throw new Error(`no instruction total in ${dump}`);
      perRequest.push(total / N);
    }
    return perRequest;
  } finally {
    await undo(keep); // this server and its dumps; the database stays for the next server
  }
}

async function main(): Promise<void> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npx nx build state-hub-api\` first`);
  const db = await createDatabase('instr');
  log(`created database ${db.name}`);
  cleanups.push(async () => {
    await dropDatabase(db.name);
    log(`dropped database ${db.name}`);
  });
  try {
    const env = { DATABASE_URL: db.url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10', NATS_URL: '' };
    // The API migrates the database and writes what the event refers to; the by-hand server then uses the same.
    const seed = async (api: Server) => {
      const post = async (path: string, body: object) => {
        const res = await fetch(api.url + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
      };
      await post('/domains', { slug: 'd', name: 'd' });
      await post('/repos', { slug: 'repo-1', name: 'r', domain: 'd', local_path: '/srv/r' });
    };
    const api = await measure('state-hub-api', [MAIN], env, '/state/health', seed);
    log(`state-hub-api: ${figure(api)}`);
    if (API_ONLY) return;
    const byHand = await measure('by hand', [join(__dirname, 'servers/same-work.js')], env, '/health');
    log(`by hand: ${figure(byHand)}`);
    const ratio = (f: (xs: number[]) => number) => (f(api) / f(byHand)).toFixed(2);
    log(
      `the API runs ${ratio((xs) => Math.min(...xs))}× the instructions of the same work by hand in the lowest ` +
        `windows, ${ratio(median)}× in the medians (${WINDOWS} windows of N=${N} after WARM=${WARM})`,
    );
  } finally {
    await undo();
  }
}

main().catch((err: unknown) => {
  if (interrupted) return;
  console.error(`[bench:instructions] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
