// Runs git as a child process with a timeout, never through a shell and never
// prompting for credentials. Paths are always literal pathspecs (a file named
// `[ab].md` must not also name `a.md`). Failures carry the command and git's own words.
import { execFile } from 'node:child_process';

export const GIT_TIMEOUT_MS = 30_000;
/** Network steps (fetch, push) get longer. */
export const GIT_NETWORK_TIMEOUT_MS = 120_000;

/** Runs no hook at all: `--no-verify` alone still runs post-commit (and post-checkout for a file checkout). */
export const NO_HOOKS = ['-c', 'core.hooksPath=/dev/null'] as const;

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    const why = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' / ');
    super(`git ${args.join(' ')} failed (exit ${result.code})${why ? `: ${why}` : ''}`);
  }
}

export interface GitOptions {
  timeoutMs?: number;
  env?: Record<string, string>;
  /** How stdout is decoded; `latin1` keeps every byte (one char per byte). Default utf8. */
  encoding?: 'utf8' | 'latin1';
}

/** Runs `git <args>` in `cwd` and resolves whatever the exit code. */
export function runGit(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      {
        cwd,
        timeout: options.timeoutMs ?? GIT_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
        encoding: options.encoding ?? 'utf8',
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C', ...options.env },
      },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') {
          // spawn failure or timeout (killed): not an answer from git
          const why = err.killed ? `timed out after ${options.timeoutMs ?? GIT_TIMEOUT_MS} ms` : err.message;
          reject(new Error(`git ${args.join(' ')}: ${why}`));
          return;
        }
        resolve({ code: err ? Number(err.code) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Runs `git <args>` and returns stdout, trimmed; a non-zero exit throws GitCommandError. */
export async function git(cwd: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const result = await runGit(cwd, args, options);
  if (result.code !== 0) throw new GitCommandError(args, result);
  return result.stdout.trim();
}
