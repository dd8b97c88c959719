// Test fixtures for the sweep's specs: temp git repos with workplan files, a
// migrated test database with a domain and repo rows, and small readers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { closeDataSource, DomainEntity, openDataSource, RepoEntity } from '@state-hub/db';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test Person',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test Person',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

/** Runs git synchronously in `cwd` (fixtures only; the lib itself never blocks). */
export function gitSync(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, encoding: 'utf8' }).trim();
}

/** Temp directories made by a spec, removed by `cleanup()`. */
export class TempDirs {
  private readonly dirs: string[] = [];
  make(prefix = 'sweep-'): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }
  cleanup(): void {
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

export function writeText(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

export const readText = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');

export interface TaskSpec {
  key: string;
  title: string;
  status?: string;
  priority?: string;
}

export interface WorkplanSpec {
  id: string;
  title: string;
  status?: string;
  domain?: string;
  owner?: string;
  tasks?: TaskSpec[];
}

/** A workplan in the section notation: front matter, then `## Tn — Title` with a yaml block per task. */
export function workplanText(spec: WorkplanSpec): string {
  const front = [
    '---',
    `id: ${spec.id}`,
    'type: workplan',
    `title: ${spec.title}`,
    ...(spec.domain ? [`domain: ${spec.domain}`] : []),
    `status: ${spec.status ?? 'active'}`,
    ...(spec.owner ? [`owner: ${spec.owner}`] : []),
    'created: 2026-11-20',
    '---',
    '',
    `# ${spec.id} — ${spec.title}`,
    '',
    'Some prose that the sweep must never touch.',
    '',
  ];
  const tasks = (spec.tasks ?? []).flatMap((t, i) => [
    `## T${i + 1} — ${t.title}`,
    '',
    '```yaml',
    `id: ${t.key}`,
    `status: ${t.status ?? 'todo'}`,
    ...(t.priority ? [`priority: ${t.priority}`] : []),
    '```',
    '',
    `Notes for ${t.key}.`,
    '',
  ]);
  return [...front, ...tasks].join('\n');
}

/** A git repo with an initial commit of the given files (path → text). */
export function makeGitRepo(dirs: TempDirs, files: Record<string, string>, branch = 'main'): string {
  const root = dirs.make('sweep-repo-');
  gitSync(root, 'init', '--quiet', '-b', branch);
  for (const [path, text] of Object.entries(files)) writeText(root, path, text);
  gitSync(root, 'add', '-A');
  gitSync(root, 'commit', '--quiet', '-m', 'initial');
  return root;
}

export interface SweepDb {
  db?: TestDatabase;
  ds: DataSource;
  domain: DomainEntity;
  close(): Promise<void>;
}

/** A fresh migrated Postgres database (or PGlite when `dataDir` is given) with one domain `core`. */
export async function openSweepDb(options: { dataDir?: string } = {}): Promise<SweepDb> {
  const db = options.dataDir ? undefined : await createTestDatabase('statehub_sweep');
  const ds = await openDataSource({ url: db?.url, dataDir: options.dataDir ?? 'unused', poolSize: 4 });
  const domain = await ds.manager.save(
    ds.manager.create(DomainEntity, { slug: 'core', name: 'Core', description: null }),
  );
  return {
    db,
    ds,
    domain,
    close: async () => {
      await closeDataSource(ds);
      await db?.drop();
    },
  };
}

export interface RepoSpec {
  slug: string;
  localPath: string | null;
  remoteUrl?: string | null;
  defaultBranch?: string;
  status?: 'active' | 'archived';
}

export function seedRepo(ds: DataSource, domain: DomainEntity, spec: RepoSpec): Promise<RepoEntity> {
  return ds.manager.save(
    ds.manager.create(RepoEntity, {
      slug: spec.slug,
      name: spec.slug,
      domain_id: domain.id,
      local_path: spec.localPath,
      remote_url: spec.remoteUrl ?? null,
      default_branch: spec.defaultBranch ?? 'main',
      status: spec.status ?? 'active',
    }),
  );
}

/** Lines of `after` with every `state_hub_*` id line removed: equal to `before` stripped the same way when only ids changed. */
export const withoutIdLines = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !/^\s*(?:-\s+)?state_hub_(?:workstream|task)_id:/.test(line))
    .join('\n');

/** Empties the read model (repos and everything below them, the outbox, progress events) between tests. */
export async function emptyReadModel(sdb: SweepDb): Promise<void> {
  await sdb.ds.query(
    'TRUNCATE event_outbox, progress_events, workplan_files, tasks, workstreams, repos RESTART IDENTITY CASCADE',
  );
}

export interface RemoteRepo {
  /** The bare repository both clones push to and pull from. */
  origin: string;
  /** The checkout the sweep owns (the repo's local_path). */
  clone: string;
  /** A second clone standing in for everyone else pushing. */
  upstream: string;
  repo: RepoEntity;
}

/**
 * Empties the read model, then builds a bare `origin` holding `files`, the sweep's clone and an upstream clone,
 * and registers the repo (slug `remote`) with the clone as its local path.
 */
export async function seedRemoteRepo(sdb: SweepDb, dirs: TempDirs, files: Record<string, string>): Promise<RemoteRepo> {
  await emptyReadModel(sdb);
  const seed = makeGitRepo(dirs, files);
  const origin = join(dirs.make('sweep-origin-'), 'origin.git');
  gitSync(seed, 'clone', '--quiet', '--bare', seed, origin);
  const clone = join(dirs.make('sweep-clone-'), 'repo');
  gitSync(seed, 'clone', '--quiet', origin, clone);
  const upstream = join(dirs.make('sweep-upstream-'), 'repo');
  gitSync(seed, 'clone', '--quiet', origin, upstream);
  const repo = await seedRepo(sdb.ds, sdb.domain, { slug: 'remote', localPath: clone, remoteUrl: origin });
  return { origin, clone, upstream, repo };
}
