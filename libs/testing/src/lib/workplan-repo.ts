// Temporary git repos holding workplan files, for the sweep's, the CLI's and the
// one process's tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface WorkplanRepo {
  path: string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Stages everything and commits; returns the new HEAD. */
  commit(message: string): string;
  git(...args: string[]): string;
  remove(): void;
}

/** A git identity and no system config, so commits work on any machine. */
export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
};

/** A fresh git repo on `main` holding `files` (committed), in a new folder under `parent` (default: the temp dir). */
export function createWorkplanRepo(files: Record<string, string>, parent = tmpdir()): WorkplanRepo {
  const path = mkdtempSync(join(parent, 'statehub-wp-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: path, env: { ...process.env, ...GIT_ENV } })
      .toString()
      .trim();
  const repo: WorkplanRepo = {
    path,
    git,
    read: (file) => readFileSync(join(path, file), 'utf8'),
    write: (file, text) => {
      mkdirSync(dirname(join(path, file)), { recursive: true });
      writeFileSync(join(path, file), text);
    },
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '--no-verify', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
  git('init', '-q', '-b', 'main');
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
  repo.commit('workplans');
  return repo;
}

/** A workplan in the format of DESIGN.md §6 with section-style tasks `[key, title, status]`. */
export function workplanText(o: {
  id: string;
  title: string;
  status?: string;
  domain?: string;
  tasks?: [key: string, title: string, status: string][];
}): string {
  const sections = (o.tasks ?? []).map(
    ([key, title, status], i) => `## T${i + 1} — ${title}\n\n\`\`\`yaml\nid: ${key}\nstatus: ${status}\n\`\`\`\n`,
  );
  return [
    '---',
    `id: ${o.id}`,
    'type: workplan',
    `title: ${o.title}`,
    `domain: ${o.domain ?? 'custodian'}`,
    `status: ${o.status ?? 'active'}`,
    'owner: tester',
    '---',
    '',
    `# ${o.id} — ${o.title}`,
    '',
    ...sections,
  ].join('\n');
}
