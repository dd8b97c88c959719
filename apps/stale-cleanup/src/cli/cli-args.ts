// The job's command line: `[--dry-run] [--stale-after-days N] [--json]`.
// Anything else is a usage error (exit 2) that names the flag.
import { Command, CommanderError } from 'commander';
import { MAX_STALE_AFTER_DAYS, MIN_STALE_AFTER_DAYS } from '@state-hub/stale-tasks';

export interface CliArgs {
  dryRun: boolean;
  /** Overrides STALE_AFTER_DAYS when given. */
  staleAfterDays?: number;
  json: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function program(): Command {
  return new Command('stale-cleanup')
    .description(
      'Cancel open tasks of completed/archived workstreams and flag tasks of active workstreams ' +
        'that have not been updated for a while; each change publishes org.statehub.task.stale.',
    )
    .option('--dry-run', 'print what would change; change nothing, emit nothing')
    .option(
      '--stale-after-days <n>',
      `flag tasks not updated for N days (${MIN_STALE_AFTER_DAYS}-${MAX_STALE_AFTER_DAYS}; default STALE_AFTER_DAYS or 14)`,
    )
    .option('--json', 'print the report as JSON instead of one line per action')
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: () => undefined });
}

function parseDays(raw: string): number {
  const days = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(days >= MIN_STALE_AFTER_DAYS && days <= MAX_STALE_AFTER_DAYS)) {
    throw new UsageError(
      `--stale-after-days must be an integer between ${MIN_STALE_AFTER_DAYS} and ${MAX_STALE_AFTER_DAYS} (got ${JSON.stringify(raw)})`,
    );
  }
  return days;
}

/** Parses the arguments after `node main.js`; `help` when --help was printed. */
export function parseCliArgs(argv: string[]): CliArgs | 'help' {
  const cmd = program();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError && err.code === 'commander.helpDisplayed') return 'help';
    const message = err instanceof Error ? err.message : String(err);
    throw new UsageError(message.replace(/^error: /, ''));
  }
  const opts = cmd.opts<{ dryRun?: boolean; staleAfterDays?: string; json?: boolean }>();
  return {
    dryRun: opts.dryRun ?? false,
    staleAfterDays: opts.staleAfterDays === undefined ? undefined : parseDays(opts.staleAfterDays),
    json: opts.json ?? false,
  };
}
