// `hooks install|uninstall`: puts the commit-reporting block into a registered
// repo's post-commit hook, or takes it out again.
import { isAbsolute, resolve } from 'node:path';
import { CommandFailure } from '../cli/cli-errors';
import { ask, connectHub } from '../hub/hub-connection';
import { hookBlock } from './hook-block';
import { installHook, locateHook, uninstallHook } from './hook-file';

export interface HooksFlags {
  repo: string;
  path?: string;
  hubUrl: string;
  token?: string;
  /** Where a relative --path starts. */
  cwd: string;
}

/** The repo's folder: --path, else the local_path the hub has for it. */
async function repoDir(flags: HooksFlags): Promise<string> {
  if (flags.path) return isAbsolute(flags.path) ? flags.path : resolve(flags.cwd, flags.path);
  const hub = connectHub(flags.hubUrl, flags.token);
  const repo = await ask(hub.GET('/repos/{slug}', { params: { path: { slug: flags.repo } } }));
  if (!repo.local_path) {
    throw new CommandFailure(`repo '${flags.repo}' has no local_path at the hub; pass --path <dir>`);
  }
  return repo.local_path;
}

export async function installHooks(flags: HooksFlags, out: NodeJS.WritableStream): Promise<void> {
  const hook = await locateHook(await repoDir(flags));
  const file = hook.file;
  const result = await installHook(file, hookBlock(flags.repo, flags.hubUrl, hook.topLevel));
  const verb = {
    created: 'written to the new file',
    added: 'added to',
    updated: 'updated in',
    unchanged: 'already up to date in',
  }[result.action];
  out.write(`State Hub hook ${verb} ${file}: commits of '${flags.repo}' are reported to ${flags.hubUrl}\n`);
  if (hook.shared) {
    // one block per hooks folder: the last repo installed into it is the one that reports
    out.write(
      `warning: hooks folder ${hook.hooksDir} is shared (core.hooksPath); ` +
        `only commits in ${hook.topLevel} are reported for ${flags.repo}\n`,
    );
  }
  if (result.warning) out.write(`warning: ${result.warning}\n`);
}

export async function uninstallHooks(flags: HooksFlags, out: NodeJS.WritableStream): Promise<void> {
  const { file } = await locateHook(await repoDir(flags));
  const action = await uninstallHook(file);
  const said = {
    deleted: `State Hub hook removed: ${file} held nothing else and is deleted`,
    removed: `State Hub hook removed from ${file}; the rest of the hook is kept`,
    absent: `no State Hub hook in ${file}: nothing to do`,
  }[action];
  out.write(`${said}\n`);
}
