// Commits (and optionally pushes) the files a writeback changed, so a repo
// swept in remote mode stays clean. Only files that were clean against HEAD
// before the writeback are committed: a person's uncommitted edits are never
// swept into a bot commit. The repo's hooks do not run for it (a post-commit
// hook that reports commits to the hub would start a needless sync). Never
// forces a push.
import { git, GIT_NETWORK_TIMEOUT_MS, NO_HOOKS } from './git-command';

export const WRITEBACK_COMMIT_SUBJECT = 'chore(workplans): write back State Hub ids';

export interface GitAuthor {
  name: string;
  email: string;
}

/** True when the file is tracked and has no change against HEAD (staged, unstaged, ignored or untracked). */
export async function isCleanAgainstHead(cwd: string, path: string): Promise<boolean> {
  const status = await git(cwd, ['status', '--porcelain', '--ignored', '--', path]);
  if (status !== '') return false;
  // a path git does not know at all prints nothing either
  return (await git(cwd, ['ls-files', '--', path])) !== '';
}

/** One commit holding exactly `paths` (other staged changes stay staged, uncommitted). */
export async function commitWriteback(cwd: string, paths: readonly string[], author: GitAuthor): Promise<string> {
  const body = ['Files:', ...paths.map((p) => `- ${p}`)].join('\n');
  const message = ['-m', WRITEBACK_COMMIT_SUBJECT, '-m', body];
  await git(cwd, [...NO_HOOKS, 'commit', '--no-verify', '--quiet', ...message, '--', ...paths], {
    env: {
      GIT_AUTHOR_NAME: author.name,
      GIT_AUTHOR_EMAIL: author.email,
      GIT_COMMITTER_NAME: author.name,
      GIT_COMMITTER_EMAIL: author.email,
    },
  });
  return git(cwd, ['rev-parse', 'HEAD']);
}

/** Pushes HEAD to the remote branch; a rejected (non-fast-forward) push throws. */
export async function pushHead(cwd: string, remote: string, branch: string): Promise<void> {
  await git(cwd, ['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], { timeoutMs: GIT_NETWORK_TIMEOUT_MS });
}
