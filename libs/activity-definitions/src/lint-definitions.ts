// Lint CLI: node -r @swc-node/register libs/activity-definitions/src/lint-definitions.ts [dir]
// Prints path:line:col: message per problem and a summary; exits 1 on any problem.
import { resolve } from 'node:path';
import { lintDefinitions } from './lib/lint/lint-definitions';

const USAGE = 'usage: lint-definitions [dir]   (default: activity-definitions/)';

async function main(args: string[]): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const report = await lintDefinitions(resolve(args[0] ?? 'activity-definitions'), {
    env: process.env,
    cwd: process.cwd(),
  });
  for (const line of report.lines) console.log(line);
  return report.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
