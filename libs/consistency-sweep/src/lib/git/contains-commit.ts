// Whether a work tree already holds a commit someone reported, which decides if
// a per-commit sync must fetch first: the local post-commit hook reports HEAD
// (nothing to fetch), a git host's webhook reports a push made elsewhere.
import { GitCommandError, runGit } from './git-command';

/** True when `sha` is HEAD or one of its ancestors; false when HEAD lacks it or git does not know it at all. */
export async function headContains(cwd: string, sha: string): Promise<boolean> {
  const args = ['merge-base', '--is-ancestor', sha, 'HEAD'];
  const result = await runGit(cwd, args);
  if (result.code === 0) return true;
  // 1: not an ancestor; 128: an object this clone has never fetched (or no HEAD yet)
  if (result.code === 1 || result.code === 128) return false;
  throw new GitCommandError(args, result);
}
