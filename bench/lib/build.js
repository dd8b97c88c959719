// Builds an app (state-hub-api, event-consumer) when dist/apps/<app>/main.js is missing or older than its sources.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '../..');
// Tests are not part of the bundle.
const IGNORED = /(\.spec\.ts|\.e2e-spec\.ts|\.test\.ts)$|^testing$|^e2e$/;
// BENCH_<X>_MAIN measures another build of that app, as it is.
const OVERRIDE = { 'state-hub-api': 'BENCH_API_MAIN', 'event-consumer': 'BENCH_ENGINE_MAIN' };

function libSrcDirs() {
  const libs = join(ROOT, 'libs');
  return existsSync(libs) ? readdirSync(libs).map((lib) => `libs/${lib}/src`) : [];
}

function sources(app) {
  const files = ['project.json', 'tsconfig.json', 'tsconfig.app.json', 'webpack.config.js'];
  return [
    `apps/${app}/src`,
    ...libSrcDirs(),
    ...files.map((f) => `apps/${app}/${f}`),
    'tsconfig.base.json',
    'package-lock.json',
  ];
}

/** The newest source file (path and mtime) under dir, skipping tests. */
function newest(path, best = { path: '', mtimeMs: 0 }) {
  if (!existsSync(path)) return best;
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path)) if (!IGNORED.test(name)) best = newest(join(path, name), best);
    return best;
  }
  return st.mtimeMs > best.mtimeMs ? { path, mtimeMs: st.mtimeMs } : best;
}

const mainOf = (app) => join(ROOT, `dist/apps/${app}/main.js`);

function staleReason(app) {
  const main = mainOf(app);
  if (!existsSync(main)) return `dist/apps/${app}/main.js is missing`;
  let best = { path: '', mtimeMs: 0 };
  for (const p of sources(app)) best = newest(join(ROOT, p), best);
  return best.mtimeMs > statSync(main).mtimeMs ? `${best.path.slice(ROOT.length + 1)} is newer than the build` : null;
}

function ensureBuild(app = 'state-hub-api') {
  const main = mainOf(app);
  const override = process.env[OVERRIDE[app]];
  if (override || process.env.BENCH_SKIP_BUILD) {
    console.log(`[bench] not building: using ${override ?? `dist/apps/${app}/main.js`} as it is`);
    return;
  }
  const reason = staleReason(app);
  if (!reason) {
    console.log(`[bench] dist/apps/${app}/main.js is up to date`);
    return;
  }
  console.log(`[bench] building ${app} (${reason})`);
  const r = spawnSync('npx', ['nx', 'build', app], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (r.status !== 0) {
    // webpack may still have written main.js: make it look stale so the next run builds again.
    if (existsSync(main)) utimesSync(main, 0, 0);
    throw new Error(`nx build ${app} failed (exit ${r.status ?? r.signal}); not benchmarking a broken build`);
  }
}

module.exports = { ensureBuild };
