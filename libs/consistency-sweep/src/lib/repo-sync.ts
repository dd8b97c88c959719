// One repo's sync, start to finish, on the caller's connection and under the
// caller's repo lock: path checks, the pull gate (remote mode), the file loop
// and the writeback commit. An unexpected error fails this repo only; the
// sweep goes on with the next. Stamping last_synced_at is left to the caller,
// which does it for all repos of a sweep in one statement.
import { stat } from 'node:fs/promises';
import type { RepoEntity } from '@state-hub/db';
import type { EntityManager } from 'typeorm';
import { emptyChangeCounts, emptyFileCounts } from './counts';
import { listWorkplanFiles } from './file-scan';
import { pullGate, type PullResult } from './git/pull-gate';
import { readHead } from './git/read-head';
import { commitWriteback, pushHead } from './git/writeback-commit';
import { DomainLookup } from './reconcile/domain-lookup';
import { FileIndex } from './reconcile/file-index';
import { syncFiles } from './sync-files';
import type { RepoOutcome, RepoSyncResult, SweepSettings } from './types';

export interface RepoSyncOptions {
  remote: boolean;
  writeback: boolean;
  settings: SweepSettings;
  onEventsCommitted: () => void;
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

async function checkLocalPath(repo: RepoEntity): Promise<string | undefined> {
  if (!repo.local_path) return 'local_path is not set';
  const info = await stat(repo.local_path).catch(() => null);
  if (!info) return `local_path ${repo.local_path} does not exist`;
  if (!info.isDirectory()) return `local_path ${repo.local_path} is not a directory`;
  return undefined;
}

async function pull(repo: RepoEntity, root: string, remote: boolean): Promise<PullResult> {
  if (!remote) return { outcome: 'local', remote: null, warnings: [] };
  try {
    return await pullGate({
      slug: repo.slug,
      localPath: root,
      remoteUrl: repo.remote_url,
      defaultBranch: repo.default_branch,
    });
  } catch (err) {
    return { outcome: 'failed', remote: null, warnings: [`git pull failed: ${(err as Error).message}`] };
  }
}

export async function syncRepoFiles(
  manager: EntityManager,
  repo: RepoEntity,
  options: RepoSyncOptions,
): Promise<RepoSyncResult> {
  const started = Date.now();
  const result = repoResult(repo.slug, 'synced', { pull: options.remote ? 'no_remote' : 'local' });
  try {
    const bad = await checkLocalPath(repo);
    if (bad) return { ...result, outcome: 'failed', error: bad, duration_ms: Date.now() - started };
    const root = repo.local_path as string;
    const pulled = await pull(repo, root, options.remote);
    result.pull = pulled.outcome;
    result.warnings.push(...pulled.warnings);
    const head = await readHead(root);
    result.commit_sha = head?.sha ?? null;

    const paths = await listWorkplanFiles(root, options.settings.workplanDir);
    const files = await FileIndex.load(manager, repo.id, paths);
    const ctx = {
      manager,
      repo,
      commitSha: result.commit_sha,
      files,
      domains: new DomainLookup(),
      writeback: options.writeback,
    };
    const commitWriteback = options.settings.commitWriteback && head !== null;
    const toCommit = await syncFiles(
      ctx,
      { root, paths, commitWriteback, onEventsCommitted: options.onEventsCommitted },
      result,
    );
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
