#!/usr/bin/env node
// The `state-hub` command (package.json "bin"): runs the CLI's build when it is
// current (`npx nx build state-hub-cli`; `npm test` makes it), else its TypeScript
// source (apps/state-hub-cli/src/main.ts) through @swc-node/register, as `npm run
// hub` does, so `npx state-hub …` works right after `npm install`, without a build
// (apps/state-hub-cli/src/cli/cli-entry.cjs decides). `npm link` in the workspace
// makes it a global command; paths are resolved from this file's real location,
// so it works from any directory.
'use strict';
const { join } = require('node:path');

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(`state-hub: needs Node.js 24 or newer (this is ${process.version}); see README.md\n`);
  process.exit(1);
}

const root = join(__dirname, '..');
const entry = require(join(root, 'apps/state-hub-cli/src/cli/cli-entry.cjs')).chooseCliEntry(root, process.env);
if (entry.kind === 'source') {
  // Always the workspace's own tsconfig (its path aliases), whatever the caller's environment holds.
  process.env.SWC_NODE_PROJECT = join(root, 'tsconfig.base.json');
  require(require.resolve('@swc-node/register', { paths: [root] }));
}
require(entry.script);
