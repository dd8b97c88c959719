// `sweep`: in this process when DATABASE_URL is set, else by asking the running
// hub (which holds the embedded database). Same table either way.
import {
  ConsistencySweep,
  RepoArchivedError,
  RepoNotFoundError,
  type RepoSyncResult,
  type SweepReport,
} from '@state-hub/consistency-sweep';
import { CommandFailure, type ExitCode } from '../cli/cli-errors';
import type { DatabaseEnv, HubEnv } from '../config/cli-env';
import { withDatabase } from '../config/database';
import { hubClient } from '../hub/hub-client';
import { progressDisplay, waitingDisplay } from './sweep-progress';
import { renderRepoResult, renderSweepReport, sweepExitCode, syncExitCode } from './sweep-table';

export const CLI_SWEEP_SOURCES = ['local-timer', 'activity-core', 'manual', 'api'] as const;
export type CliSweepSource = (typeof CLI_SWEEP_SOURCES)[number];

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

type Outcome = { kind: 'sweep'; report: SweepReport } | { kind: 'sync'; result: RepoSyncResult };

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
      if (flags.repo) return { kind: 'sync', result: await sweeper.syncRepo(flags.repo, common) };
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
  const client = hubClient(hub.hubUrl, hub.token);
  const waiting = waitingDisplay(`waiting for the hub at ${hub.hubUrl} to sweep`, io.stderr);
  try {
    if (flags.repo) {
      // A one-repo sync has no budget; the hub waits at most SWEEP_REPO_LOCK_WAIT_SECONDS for the repo.
      const result = await client.post<RepoSyncResult>(
        `/repos/${flags.repo}/sync`,
        { remote: flags.remote, writeback: flags.writeback },
        15 * 60_000,
      );
      return { kind: 'sync', result };
    }
    const report = await client.post<SweepReport>(
      '/consistency/sweep/remote-all',
      { source: flags.source, max_seconds: flags.maxSeconds, remote: flags.remote, writeback: flags.writeback },
      (flags.maxSeconds + 120) * 1000,
    );
    return { kind: 'sweep', report };
  } finally {
    waiting.stop();
  }
}

export async function runSweep(flags: SweepFlags, hub: HubEnv, db: DatabaseEnv, io: Io): Promise<ExitCode> {
  const { databaseUrl } = db;
  const outcome = databaseUrl ? await inProcess(flags, { ...db, databaseUrl }, io) : await overHttp(flags, hub, io);
  const value = outcome.kind === 'sweep' ? outcome.report : outcome.result;
  if (flags.json) io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else
    io.stdout.write(
      `${outcome.kind === 'sweep' ? renderSweepReport(outcome.report) : renderRepoResult(outcome.result)}\n`,
    );
  return outcome.kind === 'sweep' ? sweepExitCode(outcome.report) : syncExitCode(outcome.result);
}
