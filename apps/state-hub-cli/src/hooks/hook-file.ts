// Finds a repo's post-commit hook (core.hooksPath respected, worktrees too)
// and writes our block into it or takes it out.
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { CommandFailure } from '../cli/cli-errors';
import { type InstallAction, refusalReason, unreachableWarning, withBlock, withoutBlock } from './hook-block';

const run = promisify(execFile);

export interface HookLocation {
  /** `<hooks folder>/post-commit`. */
  file: string;
  hooksDir: string;
  /** The work tree's top level as git prints it (what the block compares with at commit time). */
  topLevel: string;
  /** The hooks folder is outside the repo's git dir (core.hooksPath): other repos may run it too. */
  shared: boolean;
}

const CONTROL_CHAR = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`);

/** `git rev-parse <args>` in `dir`, without the one trailing newline git adds. */
async function revParse(dir: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', ['rev-parse', ...args], { cwd: dir });
    return stdout.replace(/\n$/, '');
  } catch (err) {
    const reason = (err as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(err);
    throw new CommandFailure(`${dir} is not a git work tree: ${reason}`);
  }
}

/** The real path when it exists (symlinks resolved), else the path as it is. */
const real = (path: string) => realpath(path).catch(() => path);

/** Where the post-commit hook of the work tree at `repoDir` lives, and whether other repos share it. */
export async function locateHook(repoDir: string): Promise<HookLocation> {
  const dir = resolve(repoDir);
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new CommandFailure(`${dir} does not exist or is not a directory`);
  const topLevel = await revParse(dir, '--show-toplevel');
  if (CONTROL_CHAR.test(topLevel)) {
    throw new CommandFailure(`${JSON.stringify(topLevel)}: a path with control characters cannot go into the hook`);
  }
  // --git-path hooks prints core.hooksPath when it is set, else the repo's own hooks folder; relative to `dir`.
  const hooksDir = resolve(dir, await revParse(dir, '--git-path', 'hooks'));
  const gitDir = resolve(dir, await revParse(dir, '--git-common-dir'));
  const inside = relative(await real(gitDir), await real(hooksDir));
  const shared = inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
  return { file: join(hooksDir, 'post-commit'), hooksDir, topLevel, shared };
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
