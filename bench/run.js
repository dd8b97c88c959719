// `npm run bench [-- api|relay|engine|sweep]`: build the apps they measure if stale, run the chosen benchmarks
// (default: all four, one after the other), print each table and rewrite its section of docs/performance.md.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { ensureBuild } = require('./lib/build');
const { markdownTable, rewriteDoc } = require('./lib/report');
const relayReport = require('./lib/relay-report');
const engineReport = require('./lib/engine-report');
const sweepReport = require('./lib/sweep-report');

const ROOT = join(__dirname, '..');
const DOC = join(ROOT, 'docs/performance.md');

/** Markdown formatted with the workspace's prettier config (aligned tables, as `npm run format` leaves them). */
async function prettify(text, file) {
  const prettier = require('prettier');
  return prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
}

const BENCHES = {
  api: {
    apps: ['state-hub-api'],
    rewrite: rewriteDoc,
    table: markdownTable,
    after: (report) => console.log(`idle RSS of state-hub-api after seeding: ${report.idleRssMb.toFixed(1)} MB`),
  },
  relay: {
    apps: ['state-hub-api'],
    rewrite: relayReport.rewriteRelayDoc,
    table: relayReport.markdownTable,
    after: () => {},
  },
  engine: {
    apps: ['event-consumer'],
    rewrite: engineReport.rewriteEngineDoc,
    table: engineReport.markdownTable,
    after: (report) => console.log(engineReport.rssLine(report)),
  },
  sweep: {
    apps: [],
    rewrite: sweepReport.rewriteSweepDoc,
    table: sweepReport.markdownTable,
    after: () => {},
  },
};

/** Runs bench/<name>.ts in its own process and rewrites its section of the doc from the JSON it writes. */
async function run(name, dir) {
  const bench = BENCHES[name];
  const out = join(dir, `${name}.json`);
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, `${name}.ts`), out], {
    cwd: ROOT,
    stdio: 'inherit',
    // decorators + metadata as in the workspace; @swc-node/register always emits CommonJS
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
  });
  if (r.status !== 0)
    throw new Error(`bench/${name}.ts failed (exit ${r.status ?? r.signal}); its section left unchanged`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  bench.rewrite(DOC, report);
  writeFileSync(DOC, await prettify(readFileSync(DOC, 'utf8'), DOC));
  console.log(`\n${await prettify(bench.table(report), DOC)}`);
  bench.after(report);
  console.log(`[bench] wrote the ${name} section of ${DOC.slice(ROOT.length + 1)}`);
}

async function main() {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length)
    throw new Error(`unknown bench ${unknown.join(', ')}; choose from: ${Object.keys(BENCHES).join(', ')}`);
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const app of new Set(chosen.flatMap((n) => BENCHES[n].apps))) ensureBuild(app);
  const dir = mkdtempSync(join(tmpdir(), 'state-hub-bench-'));
  // Ctrl-C reaches the bench process too: let it stop its servers and drop its databases before we exit.
  process.on('SIGINT', () => {});
  try {
    for (const name of chosen) await run(name, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] ${err.message}`);
  process.exit(1);
});
