// Builds state-hub-api when dist/apps/state-hub-api/main.js is missing or older than its sources.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/state-hub-api/main.js');
const SOURCE_DIRS = ['apps/state-hub-api/src', ...libSrcDirs()];
const SOURCE_FILES = [
  'apps/state-hub-api/project.json',
  'apps/state-hub-api/tsconfig.json',
  'apps/state-hub-api/tsconfig.app.json',
  'apps/state-hub-api/webpack.config.js',
  'tsconfig.base.json',
  'package-lock.json',
];
// Tests are not part of the bundle.
const IGNORED = /(\.spec\.ts|\.e2e-spec\.ts|\.test\.ts)$|^testing$|^e2e$/;

function libSrcDirs() {
  const libs = join(ROOT, 'libs');
  return existsSync(libs) ? readdirSync(libs).map((lib) => `libs/${lib}/src`) : [];
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

function staleReason() {
  if (!existsSync(MAIN)) return 'dist/apps/state-hub-api/main.js is missing';
  let best = { path: '', mtimeMs: 0 };
  for (const p of [...SOURCE_DIRS, ...SOURCE_FILES]) best = newest(join(ROOT, p), best);
  return best.mtimeMs > statSync(MAIN).mtimeMs ? `${best.path.slice(ROOT.length + 1)} is newer than the build` : null;
}

function ensureBuild() {
  if (process.env.BENCH_API_MAIN || process.env.BENCH_SKIP_BUILD) {
    console.log(
      `[bench] not building: using ${process.env.BENCH_API_MAIN ?? 'dist/apps/state-hub-api/main.js'} as it is`,
    );
    return;
  }
  const reason = staleReason();
  if (!reason) {
    console.log('[bench] dist/apps/state-hub-api/main.js is up to date');
    return;
  }
  console.log(`[bench] building state-hub-api (${reason})`);
  const r = spawnSync('npx', ['nx', 'build', 'state-hub-api'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (r.status !== 0) {
    // webpack may still have written main.js: make it look stale so the next run builds again.
    if (existsSync(MAIN)) utimesSync(MAIN, 0, 0);
    throw new Error(`nx build state-hub-api failed (exit ${r.status ?? r.signal}); not benchmarking a broken build`);
  }
}

module.exports = { ensureBuild };
