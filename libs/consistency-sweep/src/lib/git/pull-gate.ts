// Remote mode's pull (C-16): fetch, then fast-forward only when the working
// tree is clean, the default branch is checked out and it has not moved ahead
// of or away from the remote. Every other case skips the pull with a warning;
// the caller reconciles whatever is on disk either way.
//
// The hub's own traces do not count as someone's work: workplan files changed
// in id lines only (a writeback left uncommitted) are reverted to HEAD right
// before a fast-forward and written back again after it. Writeback commits
// that were never pushed are never rebased; the warning says how to stop them.
import type { PullOutcome } from '../types';
import { git, GIT_NETWORK_TIMEOUT_MS, runGit } from './git-command';
import { revertToHead, workingTreeChanges } from './id-only-changes';
import { readHead } from './read-head';
import { WRITEBACK_COMMIT_SUBJECT, type GitAuthor } from './writeback-commit';

export interface PullRepo {
  slug: string;
  localPath: string;
  remoteUrl: string | null;
  defaultBranch: string;
  /** Folder of the workplans (repo-relative): where the hub's own id-only changes can be. */
  workplanDir: string;
  /** Author of the hub's writeback commits, and whether they are pushed. */
  writeback: { author: GitAuthor; push: boolean };
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

const dirty = (remote: string, changes: number) =>
  skip('skipped_dirty', remote, `git pull skipped: working tree has ${changes} uncommitted change(s)`);

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

  const changes = await workingTreeChanges(cwd, repo.workplanDir);
  if (changes.other > 0) return dirty(remote, changes.other);
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
  // nothing to pull: written ids stay where they are (reverting them would only churn)
  if (local === upstream) return { outcome: 'up_to_date', remote, warnings: [] };
  const behind = local !== '' && (await runGit(cwd, ['merge-base', '--is-ancestor', local, upstream])).code === 0;
  if (!behind) return skip('skipped_diverged', remote, await divergedWarning(repo, remote, local, upstream));

  if (changes.idOnly.length > 0) {
    // looked at again: someone may have started editing while we fetched
    const now = await workingTreeChanges(cwd, repo.workplanDir);
    if (now.other > 0) return dirty(remote, now.other);
    await revertToHead(cwd, now.idOnly);
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

/** Why the branch is not behind: someone's local commits, or only the hub's own unpushed writeback commits. */
async function divergedWarning(repo: PullRepo, remote: string, local: string, upstream: string): Promise<string> {
  const branch = repo.defaultBranch;
  const generic = `git pull skipped: '${branch}' is ahead of or diverged from ${remote}/${branch}`;
  if (local === '') return generic;
  const log = await git(repo.localPath, ['log', '--format=%an%x00%ae%x00%s', `${upstream}..${local}`]);
  const commits = log.split('\n').filter(Boolean);
  const { name, email } = repo.writeback.author;
  const ours = commits.every((line) => line === `${name}\0${email}\0${WRITEBACK_COMMIT_SUBJECT}`);
  if (commits.length === 0 || !ours) return generic;
  const fix = repo.writeback.push
    ? 'local writeback commits were not pushed (made while a pull was skipped, or by a sync in local mode): ' +
      'push or drop them by hand'
    : 'local writeback commits are not pushed: set SWEEP_PUSH_WRITEBACK=true or disable SWEEP_COMMIT_WRITEBACK';
  return `git pull skipped: '${branch}' has ${commits.length} writeback commit(s) that ${remote}/${branch} does not have; ${fix}`;
}

function skip(outcome: PullOutcome, remote: string, warning: string): PullResult {
  return { outcome, remote, warnings: [warning] };
}
