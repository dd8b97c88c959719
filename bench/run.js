// `npm run bench [-- api|relay|engine|sweep]`: build the apps they measure if stale, run the chosen benchmarks
// (default: all four, one after the other), print each table and rewrite its section of docs/performance.md; when
// all four ran in this invocation, rewrite the summary at the top too (every figure and baseline from this run).
// BENCH_REPORTS_DIR=<dir> keeps each bench's JSON report there (else they go to a temp dir, removed at the end).
const { spawnSync } = require('node:child_process');
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { ensureBuild } = require('./lib/build');
const apiReport = require('./lib/report');
const relayReport = require('./lib/relay-report');
const engineReport = require('./lib/engine-report');
const sweepReport = require('./lib/sweep-report');
const summaryReport = require('./lib/summary-report');
const systemReport = require('./lib/system-report');
const dashboardReport = require('./lib/dashboard-report');
const scaleReport = require('./lib/scale-report');

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
    rewrite: apiReport.rewriteDoc,
    table: apiReport.markdownTable,
    after: (report) => console.log(apiReport.rssLine(report)),
  },
  relay: {
    apps: ['state-hub-api'],
    rewrite: relayReport.rewriteRelayDoc,
    table: relayReport.markdownTable,
    after: (report) => console.log(relayReport.rssLine(report)),
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
    after: (report) => console.log(sweepReport.rssLine(report)),
  },
};

/** On demand only (`npm run bench -- system`, `dashboard`, `scale`): not part of the four whose figures make the summary. */
const EXTRA_BENCHES = {
  system: {
    apps: ['state-hub-api', 'state-hub'],
    rewrite: systemReport.rewriteSystemDoc,
    table: systemReport.markdownTable,
    after: (report) => console.log(systemReport.rssLine(report)),
  },
  dashboard: {
    apps: ['state-hub'],
    rewrite: dashboardReport.rewriteDashboardDoc,
    table: dashboardReport.markdownTable,
    after: (report) => console.log(dashboardReport.rssLine(report)),
  },
  scale: {
    apps: ['state-hub-api'],
    rewrite: scaleReport.rewriteScaleDoc,
    table: scaleReport.markdownTable,
    after: (report) => console.log(scaleReport.rssLine(report)),
  },
};

/** Runs bench/<name>.ts in its own process and rewrites its section of the doc from the JSON it writes. */
async function run(name, dir) {
  const bench = BENCHES[name] ?? EXTRA_BENCHES[name];
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
  return report;
}

/** The summary only from a run of all four benches: a subset would mix this run's figures with older ones. */
async function summarize(chosen, reports, run) {
  const missing = Object.keys(BENCHES).filter((n) => !chosen.includes(n));
  if (missing.length) {
    console.log(`[bench] summary section left as it was: it is written only when all four benches run in one go`);
    console.log(`[bench] (this run left out ${missing.join(', ')}; \`npm run bench\` runs all four)`);
    return;
  }
  summaryReport.rewriteSummaryDoc(DOC, reports, run);
  writeFileSync(DOC, await prettify(readFileSync(DOC, 'utf8'), DOC));
  console.log(`[bench] wrote the summary section of ${DOC.slice(ROOT.length + 1)}`);
}

/** Where the bench processes write their JSON reports. */
function reportsDir() {
  const keep = process.env.BENCH_REPORTS_DIR;
  if (!keep) return { dir: mkdtempSync(join(tmpdir(), 'state-hub-bench-')), temporary: true };
  mkdirSync(resolve(keep), { recursive: true });
  return { dir: resolve(keep), temporary: false };
}

async function main() {
  const names = process.argv.slice(2);
  const all = { ...BENCHES, ...EXTRA_BENCHES };
  const unknown = names.filter((n) => !all[n]);
  if (unknown.length)
    throw new Error(`unknown bench ${unknown.join(', ')}; choose from: ${Object.keys(all).join(', ')}`);
  const chosen = names.length ? names : Object.keys(BENCHES);
  for (const app of new Set(chosen.flatMap((n) => all[n].apps))) ensureBuild(app);
  const { dir, temporary } = reportsDir();
  // Ctrl-C reaches the bench process too: let it stop its servers and drop its databases before we exit.
  process.on('SIGINT', () => undefined);
  const started = { iso: new Date().toISOString(), ms: performance.now() };
  try {
    const reports = {};
    for (const name of chosen) reports[name] = await run(name, dir);
    const seconds = (performance.now() - started.ms) / 1000;
    await summarize(chosen, reports, { startedAt: started.iso, seconds });
    console.log(`[bench] ${chosen.join(', ')}: ${(seconds / 60).toFixed(1)} min in all`);
    if (!temporary) console.log(`[bench] reports kept in ${dir}`);
  } finally {
    if (temporary) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench] ${err.message}`);
  process.exit(1);
});
