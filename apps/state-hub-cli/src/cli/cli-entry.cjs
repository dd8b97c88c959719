// Whether an app's build is current, and which script `state-hub` runs: the CLI's
// build (dist/apps/state-hub-cli/main.js) while it is current, else the TypeScript
// source through @swc-node/register, which is always current but starts about
// three times slower (it loads the TypeScript compiler to read tsconfig, then
// every module as source). STATE_HUB_CLI_SOURCE=1 always runs the source. Plain
// JavaScript: bin/state-hub.cjs decides with it before anything can load TypeScript.
//
// A build is current while every workspace file it was made from (sources.json, which
// the build writes next to it: TypeScript, JSON, tsconfig, each with a hash of its
// content) is unchanged: not newer than the build, or newer with the same content (a
// checkout or a stash touches files without changing them).
'use strict';
const { createHash } = require('node:crypto');
const { readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');

const CLI_BUILD = 'dist/apps/state-hub-cli/main.js';
const CLI_SOURCE = 'apps/state-hub-cli/src/main.ts';
/** Written next to each app's bundle by tools/webpack/node-app.config.js. */
const SOURCES_FILE = 'sources.json';

const hashOf = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Undefined when the build at `build` (relative to `root`) is current; else why not, naming the file (relative to
 * `root`) when one changed or went away.
 */
function staleness(root, build) {
  let builtAt;
  let files;
  try {
    builtAt = statSync(join(root, build)).mtimeMs;
  } catch {
    return `there is no build at ${build}`;
  }
  const manifest = join(dirname(build), SOURCES_FILE);
  try {
    ({ files } = JSON.parse(readFileSync(join(root, manifest), 'utf8')));
  } catch {
    return `${manifest} is missing or unreadable, so the build cannot be checked`;
  }
  if (!files || typeof files !== 'object' || Object.keys(files).length === 0) {
    return `${manifest} lists no source, so the build cannot be checked`;
  }
  for (const [file, hash] of Object.entries(files)) {
    const path = join(root, file);
    let changedAt;
    try {
      changedAt = statSync(path).mtimeMs;
    } catch {
      return `${file}, which the build was made from, is gone`;
    }
    if (changedAt > builtAt && hashOf(path) !== hash) return `${file} changed after the build`;
  }
  return undefined;
}

/** `{ kind: 'build' | 'source', script }` for the workspace at `root`. */
function chooseCliEntry(root, env) {
  if (env.STATE_HUB_CLI_SOURCE !== '1' && staleness(root, CLI_BUILD) === undefined) {
    return { kind: 'build', script: join(root, CLI_BUILD) };
  }
  return { kind: 'source', script: join(root, CLI_SOURCE) };
}

module.exports = { chooseCliEntry, staleness, CLI_BUILD, CLI_SOURCE, SOURCES_FILE };
