// Run history CLI: node -r @swc-node/register libs/activity-definitions/src/list-runs.ts [options]
// Prints GET /runs of a running engine as a table (or its JSON with --json); exits 1 when the engine cannot be asked.
import { readArgs, runCli, stringArg, UsageError } from './lib/cli/cli-args';
import { DEFAULT_ENGINE_URL, EngineError, fetchRuns } from './lib/runs/fetch-runs';
import { formatRuns } from './lib/runs/format-runs';

const USAGE = `usage: runs [--url ${DEFAULT_ENGINE_URL}] [--definition id] [--status s] [--limit n] [--json]`;

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv, ['url', 'definition', 'status', 'limit'], ['json']);
  if (args.values['help']) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
  const base = stringArg(args, 'url') ?? DEFAULT_ENGINE_URL;
  if (!/^https?:\/\/[^/]/.test(base) || !URL.canParse(base)) {
    throw new UsageError(`--url must be an http(s) URL such as ${DEFAULT_ENGINE_URL}, got ${JSON.stringify(base)}`);
  }
  const limitText = stringArg(args, 'limit');
  const limit = limitText === undefined ? undefined : Number(limitText);
  if (limit !== undefined && (!/^\d+$/.test(limitText ?? '') || limit < 1 || limit > 500)) {
    throw new UsageError(`--limit must be an integer between 1 and 500, got ${JSON.stringify(limitText)}`);
  }
  try {
    const { text, page } = await fetchRuns(base, {
      definition: stringArg(args, 'definition'),
      status: stringArg(args, 'status'),
      limit,
    });
    if (args.values['json']) console.log(text);
    else for (const line of formatRuns(page)) console.log(line);
    return 0;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    console.error(error.message);
    return 1;
  }
}

runCli(() => main(process.argv.slice(2)), USAGE);
