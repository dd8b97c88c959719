// Entry point of the `state-hub` CLI (npm run hub -- <command>, or the built
// dist/apps/state-hub-cli/main.js).
import { runCli } from './cli/program';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('state-hub: unexpected failure:', err);
    process.exitCode = 1;
  },
);
