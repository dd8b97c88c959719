// Dry-run CLI: node -r @swc-node/register libs/activity-definitions/src/test-definition.ts <file|id> [options]
// Shows what the engine would do with one definition and a sample event; executes nothing.
// Exit 0: it would run; 1: it would not (invalid, no match, rule declined, disabled, placeholder error); 2: bad usage.
import { readFileSync } from 'node:fs';
import { readArgs, runCli, stringArg, UsageError } from './lib/cli/cli-args';
import { dryRun } from './lib/dry-run/dry-run';
import { formatDryRun } from './lib/dry-run/format-dry-run';
import { loadTarget } from './lib/dry-run/load-target';

const USAGE = `usage: test-definition <definition file or id> [--event sample.json] [--dir activity-definitions]
                       [--now ISO-8601] [--fetch-context] [--json]`;

async function main(argv: string[]): Promise<number> {
  const args = readArgs(argv, ['event', 'dir', 'now'], ['fetch-context', 'json']);
  if (args.values['help']) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) throw new UsageError('give exactly one definition file or id');
  const now = parseNow(stringArg(args, 'now'));
  const eventPath = stringArg(args, 'event');
  const event = eventPath === undefined ? undefined : readSample(eventPath);
  const target = await loadTarget(args.positionals[0], {
    dir: stringArg(args, 'dir') ?? 'activity-definitions',
    env: process.env,
    cwd: process.cwd(),
  });
  if (target.loaded?.definition.trigger.trigger_type === 'event' && event === undefined) {
    throw new UsageError(`${target.loaded.id} has an event trigger: give a sample envelope with --event sample.json`);
  }
  const report = await dryRun(target, { event, now, fetchContext: args.values['fetch-context'] === true });
  if (args.values['json']) console.log(JSON.stringify(report, null, 2));
  else for (const line of formatDryRun(report)) console.log(line);
  return report.would_run ? 0 : 1;
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const now = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(now.getTime())) {
    throw new UsageError(
      `--now must be an ISO 8601 timestamp such as 2025-01-31T09:00:00Z, got ${JSON.stringify(text)}`,
    );
  }
  return now;
}

function readSample(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --event ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--event ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--event ${path} must hold one event envelope (a JSON object)`);
  }
  return value as Record<string, unknown>;
}

runCli(() => main(process.argv.slice(2)), USAGE);
