// Instructions per `POST /progress-events`, the API against the same work by hand (bench/servers/same-work.js), counted
// by valgrind's callgrind: unlike a rate or a CPU time, the count does not move with what else the box is doing
// (the API's repeats within 3 %), so it can compare two builds, or a setting, on a shared and noisy machine.
// Each server runs under callgrind with counting off; after WARM requests (4 at a time, keep-alive) counting is
// switched on for N requests and the total is divided by N. One of the by-hand server's rare full garbage
// collections (about 60M instructions) may fall in the window: it reads about 11 % high at the default 2,000, 50 %
// at 400, so compare by-hand counts with that in mind. All of the process's threads count (the JIT's
// compiler threads too). The API optimises code for its first tens of thousands of requests (natively too): a
// shorter warm-up counts that compiling.
// Usage: node bench/instructions.js [path/to/state-hub-api/main.js]   (default: dist/apps/state-hub-api/main.js)
//        env N (default 2000), WARM (default 30000); the local PostgreSQL as user postgres, as for `npm run bench`.
// Needs valgrind (Debian: apt-get install valgrind). Not part of `npm run bench`.
const { execFileSync, spawn } = require('node:child_process');
const { existsSync, readdirSync, readFileSync, rmSync } = require('node:fs');
const http = require('node:http');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');

const ROOT = join(__dirname, '..');
const MAIN = resolve(process.argv[2] ?? join(ROOT, 'dist/apps/state-hub-api/main.js'));
const N = Number(process.env.N ?? 2000);
const WARM = Number(process.env.WARM ?? 30000);
const PG = { host: '127.0.0.1', user: 'postgres' };
const BODY = JSON.stringify({ event_type: 'note', summary: 'bench', repo: 'repo-1', detail: { n: 1 } });
const log = (msg) => console.log(`[bench:instructions] ${msg}`);

function request(port, method, path, body) {
  return new Promise((resolvePromise, reject) => {
    const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
    const req = http.request({ host: '127.0.0.1', port, method, path, headers, agent: request.agent }, (res) => {
      res.resume();
      res.on('end', () => resolvePromise(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}
request.agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** `n` writes, four at a time; every one must answer 201. */
async function posts(port, n) {
  let left = n;
  const worker = async () => {
    while (left-- > 0) {
      const status = await request(port, 'POST', '/progress-events', BODY);
      if (status !== 201) throw new Error(`POST /progress-events answered ${status}`);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

async function waitFor(port, path, child, what) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await request(port, 'GET', path)) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} did not answer GET ${path}`);
}

/** Instructions per request of one server script, under callgrind. */
async function measure(name, script, env, port, readyPath, seed) {
  const out = join(tmpdir(), `callgrind-${process.pid}-${port}`);
  // vgdb names its pipe after USER and HOST: the same values for the server and for callgrind_control.
  const vgEnv = { ...process.env, USER: process.env.USER || 'bench', HOST: '127.0.0.1' };
  const args = ['--tool=callgrind', '--instr-atstart=no', '--smc-check=all-non-file', `--callgrind-out-file=${out}`];
  const child = spawn('valgrind', [...args, process.execPath, script], {
    env: { ...vgEnv, ...env, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    await waitFor(port, readyPath, child, name);
    if (seed) await seed(port);
    log(`${name}: ${WARM} requests to warm up …`);
    await posts(port, WARM);
    execFileSync('callgrind_control', ['-i', 'on', String(child.pid)], { env: vgEnv, stdio: 'ignore' });
    await posts(port, N);
    execFileSync('callgrind_control', ['-d', String(child.pid)], { env: vgEnv, stdio: 'ignore' });
    const dir = tmpdir();
    const prefix = `callgrind-${process.pid}-${port}.`;
    for (let i = 0; i < 40 && !readdirSync(dir).some((f) => f.startsWith(prefix)); i++) {
      await new Promise((r) => setTimeout(r, 250));
    }
    const dumps = readdirSync(dir).filter((f) => f.startsWith(prefix));
    if (dumps.length === 0) throw new Error(`callgrind wrote no dump for ${name}`);
    const text = readFileSync(join(dir, dumps[0]), 'utf8');
    const total = Number(/^(?:summary|totals): (\d+)/m.exec(text)?.[1]);
    if (!(total > 0)) throw new Error(`no instruction total in ${dumps[0]}`);
    return total / N;
  } finally {
    child.kill('SIGKILL');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
    for (const f of readdirSync(tmpdir()).filter((f) => f.startsWith(`callgrind-${process.pid}-${port}`))) {
      rmSync(join(tmpdir(), f), { force: true });
    }
  }
}

async function main() {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npx nx build state-hub-api\` first`);
  const db = `bench_instr_${process.pid}`;
  execFileSync('createdb', ['-h', PG.host, '-U', PG.user, db]);
  try {
    const env = {
      DATABASE_URL: `postgres://${PG.user}@${PG.host}:5432/${db}`,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '10',
      NATS_URL: '',
    };
    const port = 42000 + (process.pid % 1000);
    // The API migrates the database and writes what the event refers to; the by-hand server then uses the same.
    const seed = async (p) => {
      await request(p, 'POST', '/domains', JSON.stringify({ slug: 'd', name: 'd' }));
      await request(
        p,
        'POST',
        '/repos',
        JSON.stringify({ slug: 'repo-1', name: 'r', domain: 'd', local_path: '/srv/r' }),
      );
    };
    const api = await measure('state-hub-api', MAIN, env, port, '/state/health', seed);
    log(`state-hub-api: ${Math.round(api / 1e3)}k instructions per request`);
    const byHand = await measure('by hand', join(__dirname, 'servers/same-work.js'), env, port + 1, '/health');
    log(`by hand: ${Math.round(byHand / 1e3)}k instructions per request`);
    log(`the API runs ${(api / byHand).toFixed(2)}× the instructions of the same work by hand (N=${N}, WARM=${WARM})`);
  } finally {
    execFileSync('dropdb', ['-h', PG.host, '-U', PG.user, db]);
  }
}

main().catch((err) => {
  console.error(`[bench:instructions] ${err.message}`);
  process.exit(1);
});
