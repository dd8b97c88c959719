// One repo's sync, start to finish, through the caller's manager and under the
// caller's repo lock: path checks, the pull gate (remote mode), the file loop
// and the writeback commit. An unexpected error fails this repo only; the
// sweep goes on with the next. Stamping last_synced_at is left to the caller,
// which does it for all repos of a sweep in one statement.
import type { OutboxCommits } from '@state-hub/outbox';
import { realpath, stat } from 'node:fs/promises';
import type { RepoEntity } from '@state-hub/db';
import type { EntityManager } from 'typeorm';
import { isAbsent } from './absent';
import { emptyChangeCounts, emptyFileCounts } from './counts';
import { listWorkplanFiles } from './file-scan';
import { headContains } from './git/contains-commit';
import { pullGate, type PullResult } from './git/pull-gate';
import { readHead } from './git/read-head';
import { commitWriteback, pushHead } from './git/writeback-commit';
import { DomainLookup } from './reconcile/domain-lookup';
import { FileIndex } from './reconcile/file-index';
import { syncFiles } from './sync-files';
import type { RepoOutcome, RepoSyncResult, SweepSettings } from './types';

export interface RepoSyncOptions {
  remote: boolean;
  /** A commit HEAD must contain; when it does not, the sync runs in remote mode (see SweepOptions). */
  reportedSha?: string;
  writeback: boolean;
  settings: SweepSettings;
  outbox: OutboxCommits | undefined;
}

export function repoResult(repo: string, outcome: RepoOutcome, extra: Partial<RepoSyncResult> = {}): RepoSyncResult {
  return {
    repo,
    outcome,
    pull: 'local',
    commit_sha: null,
    files: emptyFileCounts(),
    changes: emptyChangeCounts(),
    warnings: [],
    duration_ms: 0,
    ...extra,
  };
}

/** The real path of the repo's folder (symlinks resolved), or why it cannot be synced. */
async function resolveLocalPath(repo: RepoEntity): Promise<{ root: string } | { error: string }> {
  const path = repo.local_path;
  if (!path) return { error: 'local_path is not set' };
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    if (isAbsent(err)) return { error: `local_path ${path} does not exist` };
    return { error: `local_path ${path} cannot be read: ${(err as Error).message}` };
  }
  if (!info.isDirectory()) return { error: `local_path ${path} is not a directory` };
  return { root: await realpath(path) };
}

async function pull(repo: RepoEntity, root: string, options: RepoSyncOptions): Promise<PullResult> {
  if (!options.remote) return { outcome: 'local', remote: null, warnings: [] };
  const s = options.settings;
  try {
    return await pullGate({
      slug: repo.slug,
      localPath: root,
      remoteUrl: repo.remote_url,
      defaultBranch: repo.default_branch,
      workplanDir: s.workplanDir,
      writeback: { author: { name: s.gitAuthorName, email: s.gitAuthorEmail }, push: s.pushWriteback },
    });
  } catch (err) {
    return { outcome: 'failed', remote: null, warnings: [`git pull failed: ${(err as Error).message}`] };
  }
}

/** Remote mode when asked, or when the checkout lacks the reported commit (it was pushed elsewhere). */
async function needsRemote(root: string, options: RepoSyncOptions): Promise<boolean> {
  return options.remote || (options.reportedSha !== undefined && !(await headContains(root, options.reportedSha)));
}

export async function syncRepoFiles(
  manager: EntityManager,
  repo: RepoEntity,
  asked: RepoSyncOptions,
): Promise<RepoSyncResult> {
  const started = Date.now();
  const result = repoResult(repo.slug, 'synced', { pull: asked.remote ? 'no_remote' : 'local' });
  try {
    const local = await resolveLocalPath(repo);
    if ('error' in local) {
      return { ...result, outcome: 'failed', error: local.error, duration_ms: Date.now() - started };
    }
    const root = local.root;
    const options = { ...asked, remote: await needsRemote(root, asked) };
    const pulled = await pull(repo, root, options);
    result.pull = pulled.outcome;
    result.warnings.push(...pulled.warnings);
    const head = await readHead(root);
    result.commit_sha = head?.sha ?? null;

    // after the pull: a pulled commit may have turned the folder into a link
    const { paths, warnings } = await listWorkplanFiles(root, options.settings.workplanDir);
    result.warnings.push(...warnings);
    const files = await FileIndex.load(manager, repo.id, paths);
    const ctx = {
      manager,
      repo,
      commitSha: result.commit_sha,
      files,
      domains: new DomainLookup(),
      writeback: options.writeback,
      outbox: options.outbox,
    };
    // With push configured, a writeback commit is made only where it can be pushed right away (a remote sweep
    // level with origin); elsewhere the ids stay uncommitted, which the pull gate tolerates, so an unpushed
    // commit never leaves the checkout diverged. The next remote sweep commits and pushes them.
    const pushable =
      options.remote === true && !!pulled.remote && (pulled.outcome === 'pulled' || pulled.outcome === 'up_to_date');
    const commitWriteback =
      options.settings.commitWriteback && head !== null && (!options.settings.pushWriteback || pushable);
    const toCommit = await syncFiles(ctx, { root, paths, commitWriteback }, result);
    if (toCommit.length > 0) await commitAndPush(root, toCommit, pulled, repo, options, result);
  } catch (err) {
    result.outcome = 'failed';
    result.error = (err as Error).message;
  }
  result.duration_ms = Date.now() - started;
  return result;
}

async function commitAndPush(
  root: string,
  paths: string[],
  pulled: PullResult,
  repo: RepoEntity,
  options: RepoSyncOptions,
  result: RepoSyncResult,
): Promise<void> {
  const s = options.settings;
  try {
    await commitWriteback(root, paths, { name: s.gitAuthorName, email: s.gitAuthorEmail });
    result.changes.writeback_commits++;
  } catch (err) {
    result.warnings.push(`writeback commit failed: ${(err as Error).message}`);
    return;
  }
  // push only on top of what the remote has: never someone's unpushed commits, never forced
  const inSync = pulled.outcome === 'pulled' || pulled.outcome === 'up_to_date';
  if (!s.pushWriteback || !options.remote || !inSync || !pulled.remote) return;
  try {
    await pushHead(root, pulled.remote, repo.default_branch);
  } catch (err) {
    result.warnings.push(`writeback push failed: ${(err as Error).message}`);
  }
}
