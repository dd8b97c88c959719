// Remote mode's pull (C-16): fetch, then fast-forward only when the working
// tree is clean, the default branch is checked out and it has not moved ahead
// of or away from the remote. Every other case skips the pull with a warning;
// the caller reconciles whatever is on disk either way.
import type { PullOutcome } from '../types';
import { git, GIT_NETWORK_TIMEOUT_MS, runGit } from './git-command';
import { readHead } from './read-head';

export interface PullRepo {
  slug: string;
  localPath: string;
  remoteUrl: string | null;
  defaultBranch: string;
}

export interface PullResult {
  outcome: PullOutcome;
  /** The remote pulled from (for a later push), when there is one. */
  remote: string | null;
  warnings: string[];
}

/** Picks `origin`, else the first remote; null when the repo has none. */
async function pickRemote(cwd: string): Promise<string | null> {
  const remotes = (await git(cwd, ['remote'])).split('\n').filter(Boolean);
  if (remotes.length === 0) return null;
  return remotes.includes('origin') ? 'origin' : remotes[0];
}

export async function pullGate(repo: PullRepo): Promise<PullResult> {
  const head = await readHead(repo.localPath);
  const noRemote = (why: string): PullResult => ({
    outcome: 'no_remote',
    remote: null,
    warnings: repo.remoteUrl ? [`git pull skipped: ${why} (remote_url is ${repo.remoteUrl})`] : [],
  });
  if (!head) return noRemote(`${repo.localPath} is not a git repository`);
  const cwd = repo.localPath;
  const remote = await pickRemote(cwd);
  if (!remote) return noRemote('the repository has no git remote');

  const status = await git(cwd, ['status', '--porcelain']);
  if (status !== '') {
    const files = status.split('\n').length;
    return skip('skipped_dirty', remote, `git pull skipped: working tree has ${files} uncommitted change(s)`);
  }
  if (head.branch !== repo.defaultBranch) {
    const where = head.branch ? `branch '${head.branch}'` : 'a detached HEAD';
    return skip('skipped_diverged', remote, `git pull skipped: ${where} is checked out, not '${repo.defaultBranch}'`);
  }

  const tracking = `refs/remotes/${remote}/${repo.defaultBranch}`;
  try {
    await git(cwd, ['fetch', '--quiet', remote, `+refs/heads/${repo.defaultBranch}:${tracking}`], {
      timeoutMs: GIT_NETWORK_TIMEOUT_MS,
    });
  } catch (err) {
    return skip('failed', remote, `git fetch from ${remote} failed: ${(err as Error).message}`);
  }

  const local = head.sha ?? '';
  const upstream = await git(cwd, ['rev-parse', '--verify', `${tracking}^{commit}`]);
  if (local === upstream) return { outcome: 'up_to_date', remote, warnings: [] };
  const behind = local !== '' && (await runGit(cwd, ['merge-base', '--is-ancestor', local, upstream])).code === 0;
  if (!behind) {
    return skip(
      'skipped_diverged',
      remote,
      `git pull skipped: '${repo.defaultBranch}' is ahead of or diverged from ${remote}/${repo.defaultBranch}`,
    );
  }
  try {
    await git(cwd, ['merge', '--ff-only', '--quiet', tracking]);
  } catch (err) {
    return skip(
      'failed',
      remote,
      `git merge --ff-only ${remote}/${repo.defaultBranch} failed: ${(err as Error).message}`,
    );
  }
  return { outcome: 'pulled', remote, warnings: [] };
}

function skip(outcome: PullOutcome, remote: string, warning: string): PullResult {
  return { outcome, remote, warnings: [warning] };
}
