// `npm run stack [-- --replicas 2] [--no-build]`: the whole stack on this machine — state-hub-api and the
// event-consumer (optionally N replicas of each) against the Postgres and NATS given by DATABASE_URL / NATS_URL
// (default: the local services), built if stale. Waits for every health check, prints where everything listens,
// and stops everything it started on Ctrl-C (or when one of them dies).
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const net = require('node:net');
const { Client } = require('pg');
const { ensureBuild } = require('../bench/lib/build');

const ROOT = join(__dirname, '..');
const USAGE = 'usage: npm run stack -- [--replicas N (1-4)] [--no-build]';

function parseArgs(argv) {
  const opts = { replicas: 1, build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--no-build') opts.build = false;
    else if (a === '--replicas' || a.startsWith('--replicas=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 4) fail(`--replicas must be an integer from 1 to 4, not '${v}'`, 2);
      opts.replicas = n;
    } else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown option '${a}'\n${USAGE}`, 2);
  }
  return opts;
}

function fail(message, code = 1) {
  console.error(`stack: ${message}`);
  process.exit(code);
}

const log = (msg) => console.log(`[stack] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function portOpen(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1000 });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
  });
}

/** Creates the database named in the URL when the server does not have it yet (the local-services default). */
async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (err) {
    fail(
      `cannot reach Postgres at ${target.host} (${err.message}). Start it (on this machine: ` +
        `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL`,
    );
  }
  try {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      log(`created database ${name}`);
    }
  } finally {
    await c.end();
  }
}

async function freePortFrom(port) {
  for (let p = port; p < port + 100; p++) if (!(await portOpen('127.0.0.1', p))) return p;
  fail(`no free port from ${port} to ${port + 99}`);
}

// The Node flags of every server process (SERVER_NODE_FLAGS in libs/config/src/lib/node-flags.ts).
const NODE_FLAGS = ['--max-semi-space-size=8', '--liftoff-only', '--no-flush-bytecode', '--initial-old-space-size=128'];

const children = [];
let stopping = false;

function start(name, app, env) {
  const child = spawn(process.execPath, [...NODE_FLAGS, join(ROOT, `dist/apps/${app}/main.js`)], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // The apps write into our pipe, not the terminal: tell them whether a person reads it.
      LOG_FORMAT: process.env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const entry = { name, child, tail: [] };
  const print = (chunk) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      console.log(`[${name}] ${line}`);
      entry.tail.push(line);
      entry.tail.splice(0, Math.max(0, entry.tail.length - 20));
    }
  };
  child.stdout.on('data', print);
  child.stderr.on('data', print);
  child.on('exit', (code, signal) => {
    entry.exited = true;
    if (!stopping) {
      console.error(`[stack] ${name} exited (${signal ?? code}) — stopping the rest`);
      void stopAll(1);
    }
  });
  children.push(entry);
  return entry;
}

async function waitHealthy(entry, url, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (entry.exited) throw new Error(`${entry.name} exited before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return res.json();
      last = `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`;
    } catch (err) {
      last = err.message;
    }
    await sleep(300);
  }
  throw new Error(`${entry.name} did not become healthy at ${url} within ${timeoutMs / 1000} s (${last})`);
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => !c.exited);
  if (running.length) log(`stopping ${running.map((c) => c.name).join(', ')}`);
  for (const c of running) c.child.kill('SIGTERM');
  const deadline = Date.now() + 15_000;
  while (children.some((c) => !c.exited) && Date.now() < deadline) await sleep(100);
  for (const c of children.filter((c) => !c.exited)) {
    log(`${c.name} did not stop in 15 s: killing it`);
    c.child.kill('SIGKILL');
  }
  log('stopped');
  process.exit(code);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/state_hub';
  const natsUrl = process.env.NATS_URL || 'nats://127.0.0.1:4222';
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void stopAll(0));

  const nats = new URL(natsUrl.split(',')[0]);
  if (!(await portOpen(nats.hostname, Number(nats.port || 4222))))
    fail(
      `cannot reach NATS at ${nats.host}. Start it with JetStream (on this machine: start-stop-daemon --start ` +
        '--oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server) ' +
        'or set NATS_URL',
    );
  await ensureDatabase(databaseUrl);
  if (opts.build) for (const app of ['state-hub-api', 'event-consumer']) ensureBuild(app);

  const token = process.env.STATE_HUB_API_TOKEN ?? '';
  const engineToken = process.env.ENGINE_API_TOKEN ?? '';
  const rows = [];
  // Every port first, so that each API can forward the dashboard's /engine/ to an engine that starts after it.
  let nextPort = Number(process.env.STACK_BASE_PORT ?? 3000);
  const ports = [];
  for (let i = 0; i < 2 * opts.replicas; i++) {
    const port = await freePortFrom(nextPort);
    ports.push(port);
    nextPort = port + 1;
  }
  const apiUrls = ports.slice(0, opts.replicas).map((port) => `http://127.0.0.1:${port}`);
  const engineUrls = ports.slice(opts.replicas).map((port) => `http://127.0.0.1:${port}`);
  // APIs first, one after the other: the first runs the migrations (under an advisory lock anyway).
  for (let i = 1; i <= opts.replicas; i++) {
    const url = apiUrls[i - 1];
    const entry = start(`api-${i}`, 'state-hub-api', {
      PORT: String(ports[i - 1]),
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      STATE_HUB_API_TOKEN: token,
      ENGINE_URL: engineUrls[i - 1],
      ENGINE_API_TOKEN: engineToken,
    });
    await waitHealthy(entry, `${url}/state/health`);
    rows.push([entry.name, url, `${url}/ui/`, 'relays the outbox; dashboard at /ui/']);
  }
  for (let i = 1; i <= opts.replicas; i++) {
    const url = engineUrls[i - 1];
    const entry = start(`engine-${i}`, 'event-consumer', {
      PORT: String(ports[opts.replicas + i - 1]),
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl,
      REPLICA_ID: `engine-${i}`,
      STATE_HUB_URL: apiUrls[(i - 1) % apiUrls.length],
      STATE_HUB_API_TOKEN: token,
      ENGINE_API_TOKEN: engineToken,
      ACTIVITY_DEFINITIONS_DIR: process.env.ACTIVITY_DEFINITIONS_DIR ?? join(ROOT, 'activity-definitions'),
    });
    const health = await waitHealthy(entry, `${url}/health`);
    const d = health.definitions ?? {};
    rows.push([entry.name, url, `${url}/runs`, `definitions: ${d.loaded ?? '?'} loaded, ${d.invalid ?? '?'} invalid`]);
  }

  const safeDb = new URL(databaseUrl);
  if (safeDb.password) safeDb.password = '***';
  console.log('');
  console.log(`State Hub stack is up — Postgres ${safeDb.host}${safeDb.pathname}, NATS ${natsUrl}`);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows)
    console.log(`  ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`);
  console.log(`Ctrl-C stops everything (LOG_LEVEL=${process.env.LOG_LEVEL ?? 'warn'}).`);
  console.log('');
}

main().catch((err) => {
  console.error(`[stack] ${err.message}`);
  void stopAll(1);
});
