// One shot: parse the command line and environment, run the cleanup in a Nest
// standalone context, print the result, exit 0 (done), 1 (failed or a bad setting) or 2 (bad flag).
import { NestFactory } from '@nestjs/core';
import { configErrorText } from '@state-hub/config';
import { JobModule } from './app/job.module';
import { parseCliArgs, UsageError } from './cli/cli-args';
import { reportLines } from './cli/report-lines';
import { StaleCleanupJob } from './cleanup/stale-cleanup.job';
import { ConfigError, EmbeddedDatabaseRefusedError, type JobConfig, validateJobConfig } from './config/job-config';
import { StderrLogger } from './logging/stderr-logger';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const fail = (line: string) => process.stderr.write(`stale-cleanup: ${line}\n`);

/** The command line and environment, or the exit code of a bad flag (2) or a bad setting (1). */
function readInput(): { args: Exclude<ReturnType<typeof parseCliArgs>, 'help'>; config: JobConfig } | number {
  try {
    const args = parseCliArgs(process.argv.slice(2));
    if (args === 'help') return EXIT_OK;
    return { args, config: validateJobConfig(process.env) };
  } catch (err) {
    if (err instanceof UsageError) {
      fail(`${err.message} (see --help)`);
      return EXIT_USAGE;
    }
    // One line per bad variable, no stack.
    if (err instanceof ConfigError) process.stderr.write(configErrorText('stale-cleanup', err));
    else if (err instanceof EmbeddedDatabaseRefusedError) fail(err.message);
    else throw err;
    return EXIT_FAILED;
  }
}

async function main(): Promise<number> {
  const input = readInput();
  if (typeof input === 'number') return input;
  const { args, config } = input;
  const logger = new StderrLogger(config.LOG_LEVEL);
  try {
    const app = await NestFactory.createApplicationContext(JobModule.forRoot(config), {
      logger,
      abortOnError: false,
    });
    try {
      const outcome = await app.get(StaleCleanupJob).run({
        dryRun: args.dryRun,
        staleAfterDays: args.staleAfterDays ?? config.STALE_AFTER_DAYS,
      });
      const output = args.json ? [JSON.stringify(outcome.report, null, 2)] : reportLines(outcome.report);
      process.stdout.write(`${output.join('\n')}\n`);
      if (!outcome.incomplete) return EXIT_OK;
      fail(`failed: ${outcome.incomplete.message}`);
      return EXIT_FAILED;
    } finally {
      await app.close();
    }
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    fail(`failed: ${error.message.split('\n')[0]}`);
    if (logger.shows('debug') && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT_FAILED;
  }
}

void main().then((code) => {
  // Let stdout drain before the process ends; exit anyway should a handle linger.
  process.exitCode = code;
  setTimeout(() => process.exit(code), 5000).unref();
});
