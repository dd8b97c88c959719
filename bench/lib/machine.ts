// What produced a run: machine, versions, date and the commit the API was built from.
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { serverFacts } from './db';

/** The commit the API was built from, "+dirty" when its apps/ or libs/ had uncommitted changes. */
export function gitDescribe(apiMain: string): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dirname(apiMain) })
      .toString()
      .trim();
  try {
    return (
      git('rev-parse', '--short', 'HEAD') + (git('status', '--porcelain', '--', ':/apps', ':/libs') ? '+dirty' : '')
    );
  } catch {
    return 'unknown';
  }
}

export async function machineFacts(apiMain: string, extra: Record<string, string> = {}) {
  const source = gitDescribe(apiMain); // before the run: what the build was made from
  const cpu = cpus();
  return {
    cores: cpu.length,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
    node: process.version,
    ...extra,
    ...(await serverFacts()),
    date: new Date().toISOString(),
    source,
  };
}
