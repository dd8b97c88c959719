// Which script `state-hub` runs: the CLI's build (dist/apps/state-hub-cli/main.js)
// when it is there and at least as new as every source file it was built from
// (its source map lists them), else the TypeScript source through @swc-node/register,
// which is always current but starts about three times slower (it loads the
// TypeScript compiler to read tsconfig, then every module as source).
// STATE_HUB_CLI_SOURCE=1 always runs the source. Plain JavaScript: bin/state-hub.cjs
// decides with it before anything can load TypeScript.
'use strict';
const { readFileSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const CLI_BUILD = 'dist/apps/state-hub-cli/main.js';
const CLI_SOURCE = 'apps/state-hub-cli/src/main.ts';
/** webpack names sources relative to the app's folder: `webpack:///../../libs/config/src/index.ts`. */
const CLI_DIR = 'apps/state-hub-cli';

/** True when the build at `root` exists and no source file it lists changed (or went away) after it was built. */
function buildIsCurrent(root) {
  const build = join(root, CLI_BUILD);
  let builtAt;
  let sources;
  try {
    builtAt = statSync(build).mtimeMs;
    sources = JSON.parse(readFileSync(`${build}.map`, 'utf8')).sources;
  } catch {
    return false; // no build, or no readable map to check it against: the source is the safe choice
  }
  if (!Array.isArray(sources)) return false;
  for (const name of sources) {
    if (typeof name !== 'string' || !name.startsWith('webpack:///.')) continue; // externals, webpack's runtime
    const path = resolve(root, CLI_DIR, name.slice('webpack:///'.length));
    let changedAt;
    try {
      changedAt = statSync(path).mtimeMs;
    } catch {
      return false; // a source the build was made from is gone
    }
    if (changedAt > builtAt) return false;
  }
  return true;
}

/** `{ kind: 'build' | 'source', script }` for the workspace at `root`. */
function chooseCliEntry(root, env) {
  if (env.STATE_HUB_CLI_SOURCE !== '1' && buildIsCurrent(root)) return { kind: 'build', script: join(root, CLI_BUILD) };
  return { kind: 'source', script: join(root, CLI_SOURCE) };
}

module.exports = { chooseCliEntry, CLI_BUILD, CLI_SOURCE };
