// `sweep`: in this process when DATABASE_URL is set, else by asking the running
// hub (which holds the embedded database). Same table either way, and for a
// one-repo sync that a running sweep kept out, the same one line and exit 1.
import { ConsistencySweep, RepoArchivedError, RepoNotFoundError } from '@state-hub/consistency-sweep';
import { CommandFailure, type ExitCode } from '../cli/cli-errors';
import type { DatabaseEnv, HubEnv } from '../config/cli-env';
import { withDatabase } from '../config/database';
import { ask, connectHub, HubAnswerError } from '../hub/hub-connection';
import { progressDisplay, waitingDisplay } from './sweep-progress';
import type { CliSweepSource } from './sweep-sources';
import type { Printer } from '../cli/printer';
import {
  type AnyRepoResult,
  type AnySweepReport,
  printRepoResult,
  printSweepReport,
  sweepExitCode,
  syncExitCode,
} from './sweep-table';

export interface SweepFlags {
  repo?: string;
  remote: boolean;
  maxSeconds: number;
  source: CliSweepSource;
  writeback: boolean;
  json: boolean;
}

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

type Outcome = { kind: 'sweep'; report: AnySweepReport } | { kind: 'sync'; result: AnyRepoResult };

/** What the hub answers (409) when a running sweep held the repo past the lock wait; the CLI says the same. */
export function repoLockedMessage(slug: string, waitedSeconds: number): string {
  return `repo '${slug}' is locked by a running sweep (waited ${waitedSeconds} s); try again`;
}

async function inProcess(flags: SweepFlags, db: DatabaseEnv & { databaseUrl: string }, io: Io): Promise<Outcome> {
  return withDatabase(db.databaseUrl, async (ds) => {
    const sweeper = new ConsistencySweep(ds, db.sweepSettings);
    const display = progressDisplay(io.stderr);
    const common = {
      source: flags.source,
      remote: flags.remote,
      writeback: flags.writeback,
      onProgress: (e: Parameters<typeof display.onProgress>[0]) => display.onProgress(e),
      actor: 'state-hub-cli',
    };
    try {
      if (flags.repo) {
        const result = await sweeper.syncRepo(flags.repo, common);
        if (result.outcome === 'skipped_lock') {
          throw new CommandFailure(repoLockedMessage(result.repo, db.sweepSettings.repoLockWaitSeconds));
        }
        return { kind: 'sync', result };
      }
      return { kind: 'sweep', report: await sweeper.sweep({ ...common, maxSeconds: flags.maxSeconds }) };
    } catch (err) {
      if (err instanceof RepoNotFoundError || err instanceof RepoArchivedError) throw new CommandFailure(err.message);
      throw err;
    } finally {
      display.stop();
    }
  });
}

async function overHttp(flags: SweepFlags, hub: HubEnv, io: Io): Promise<Outcome> {
  const client = connectHub(hub.hubUrl, hub.token);
  const waiting = waitingDisplay(`waiting for the hub at ${hub.hubUrl} to sweep`, io.stderr);
  try {
    if (flags.repo) {
      // A one-repo sync has no budget; the hub waits at most SWEEP_REPO_LOCK_WAIT_SECONDS for the repo
      // and answers 409 (locked, or archived) with a message that says it all.
      const result = await ask(
        client.POST('/repos/{slug}/sync', {
          params: { path: { slug: flags.repo } },
          body: { remote: flags.remote, writeback: flags.writeback },
          timeoutMs: 15 * 60_000,
        }),
      ).catch((err: unknown) => {
        throw err instanceof HubAnswerError && err.status === 409 ? new CommandFailure(err.hubMessage) : err;
      });
      return { kind: 'sync', result };
    }
    const report = await ask(
      client.POST('/consistency/sweep/remote-all', {
        body: { source: flags.source, max_seconds: flags.maxSeconds, remote: flags.remote, writeback: flags.writeback },
        timeoutMs: (flags.maxSeconds + 120) * 1000,
      }),
    );
    return { kind: 'sweep', report };
  } finally {
    waiting.stop();
  }
}

export async function runSweep(
  flags: SweepFlags,
  hub: HubEnv,
  db: DatabaseEnv,
  io: Io,
  out: Printer,
): Promise<ExitCode> {
  const { databaseUrl } = db;
  const outcome = databaseUrl ? await inProcess(flags, { ...db, databaseUrl }, io) : await overHttp(flags, hub, io);
  if (flags.json) out.json(outcome.kind === 'sweep' ? outcome.report : outcome.result);
  else if (outcome.kind === 'sweep') printSweepReport(outcome.report, out);
  else printRepoResult(outcome.result, out);
  return outcome.kind === 'sweep' ? sweepExitCode(outcome.report) : syncExitCode(outcome.result);
}
