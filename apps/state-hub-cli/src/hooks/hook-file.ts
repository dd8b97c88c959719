// Finds a repo's post-commit hook (core.hooksPath respected, worktrees too)
// and writes our block into it or takes it out.
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CommandFailure } from '../cli/cli-errors';
import { type InstallAction, refusalReason, unreachableWarning, withBlock, withoutBlock } from './hook-block';

const run = promisify(execFile);

/** `<hooks dir>/post-commit` of the work tree at `repoDir`. */
export async function postCommitHookPath(repoDir: string): Promise<string> {
  const dir = resolve(repoDir);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new CommandFailure(`${dir} does not exist or is not a directory`);
  try {
    // Prints core.hooksPath when it is set, else the repo's own hooks folder; relative to `dir`.
    const { stdout } = await run('git', ['rev-parse', '--git-path', 'hooks'], { cwd: dir });
    return join(resolve(dir, stdout.trim()), 'post-commit');
  } catch (err) {
    const reason = (err as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(err);
    throw new CommandFailure(`${dir} is not a git work tree: ${reason}`);
  }
}

async function readIfThere(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CommandFailure(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function failed(file: string, err: unknown): CommandFailure {
  return new CommandFailure(`${file}: ${err instanceof Error ? err.message : String(err)}`);
}

export interface InstallResult {
  file: string;
  action: InstallAction;
  warning?: string;
}

export async function installHook(file: string, block: string): Promise<InstallResult> {
  const existing = await readIfThere(file);
  const refusal = existing === undefined ? undefined : refusalReason(existing);
  if (refusal) throw new CommandFailure(`${file}: ${refusal}`);
  let next: ReturnType<typeof withBlock>;
  try {
    next = withBlock(existing, block, file);
  } catch (err) {
    throw failed(file, err);
  }
  try {
    await mkdir(join(file, '..'), { recursive: true });
    if (next.action !== 'unchanged') await writeFile(file, next.text);
    const mode = (await stat(file)).mode;
    await chmod(file, mode | 0o111);
  } catch (err) {
    throw failed(file, err);
  }
  return { file, action: next.action, warning: unreachableWarning(next.text) };
}

export type UninstallAction = 'deleted' | 'removed' | 'absent';

export async function uninstallHook(file: string): Promise<UninstallAction> {
  const existing = await readIfThere(file);
  if (existing === undefined) return 'absent';
  let next: ReturnType<typeof withoutBlock>;
  try {
    next = withoutBlock(existing, file);
  } catch (err) {
    throw failed(file, err);
  }
  if (!next.removed) return 'absent';
  try {
    if (next.text === null) await rm(file);
    else await writeFile(file, next.text);
  } catch (err) {
    throw failed(file, err);
  }
  return next.text === null ? 'deleted' : 'removed';
}
