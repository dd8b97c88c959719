// Temporary git repos holding workplan files, for the sweep's e2e tests.
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
  remove(): void;
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function createWorkplanRepo(files: Record<string, string>): WorkplanRepo {
  const path = mkdtempSync(join(tmpdir(), 'statehub-wp-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: path, env: GIT_ENV }).toString().trim();
  const repo: WorkplanRepo = {
    path,
    read: (file) => readFileSync(join(path, file), 'utf8'),
    write: (file, text) => {
      mkdirSync(dirname(join(path, file)), { recursive: true });
      writeFileSync(join(path, file), text);
    },
    commit: (message) => {
      git('add', '-A');
      git('commit', '-q', '--no-verify', '-m', message);
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
