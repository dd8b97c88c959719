// `hooks install|uninstall` on real git repos, and real commits reporting to
// the built hub — or to no hub at all, without slowing or failing the commit.
import { call } from '@state-hub/hub-client';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createWorkplanRepo, eventually, freePort, GIT_ENV, type WorkplanRepo } from '@state-hub/testing';
import { type HubProcess, startHub } from '../testing/hub-process';
import { runCli } from '../testing/run-cli';
import { BEGIN_MARKER, END_MARKER } from './hook-block';

const TOKEN = 'hook-test-token-0123456789';
const FOREIGN = '#!/bin/sh\necho "foreign hook ran" > foreign-ran.txt\n';

/** `git commit` as a user runs it (hooks on), with the hook's token in its environment. */
function commit(repo: WorkplanRepo, env: Record<string, string> = {}): Promise<{ code: number; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      'git',
      ['commit', '-q', '--allow-empty', '-m', `change ${started}`],
      { cwd: repo.path, env: { ...process.env, ...GIT_ENV, ...env } },
      (err) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, ms: Date.now() - started }),
    );
  });
}

const countOf = (text: string, needle: string) => text.split(needle).length - 1;

describe('state-hub hooks (built CLI, built hub, real git)', () => {
  let hub: HubProcess;
  const repos: WorkplanRepo[] = [];
  const newRepo = (parent?: string) => {
    const repo = createWorkplanRepo({}, parent);
    repos.push(repo);
    return repo;
  };
  beforeAll(async () => {
    hub = await startHub({ token: TOKEN });
    await call(hub.client.POST('/domains', { body: { slug: 'custodian', name: 'Custodian' } }));
  });
  afterAll(async () => {
    await hub?.stop();
    for (const repo of repos) repo.remove();
  });

  /** Every commit report the hub recorded (its org.repo.commit.pushed events) for these shas. */
  const commitReports = async (shas: string[]): Promise<{ slug: string; sha: string }[]> => {
    const db = new Client({ connectionString: hub.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT envelope->'attributes'->>'repo_slug' AS slug, envelope->'attributes'->>'sha' AS sha
           FROM event_outbox WHERE subject = 'org.repo.commit.pushed' AND envelope->'attributes'->>'sha' = ANY($1)`,
        [shas],
      );
      return rows;
    } finally {
      await db.end();
    }
  };

  it('installs from the hub’s local_path, once, executable, without the token; a commit reaches the hub', async () => {
    const repo = newRepo();
    await call(
      hub.client.POST('/repos', { body: { slug: 'demo', name: 'Demo', domain: 'custodian', local_path: repo.path } }),
    );
    const env = { STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TOKEN };
    const first = await runCli(['hooks', 'install', '--repo', 'demo'], env);
    expect(first.code).toBe(0);
    const file = join(repo.path, '.git/hooks/post-commit');
    expect(first.stdout).toContain(`State Hub hook written to the new file ${file}`);
    const again = await runCli(['hooks', 'install', '--repo', 'demo'], env);
    expect(again.stdout).toContain('already up to date');

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    expect(countOf(text, BEGIN_MARKER)).toBe(1);
    expect(countOf(text, END_MARKER)).toBe(1);
    expect(text).toContain(`'${hub.url}/repos/demo/commits'`);
    expect(text).not.toContain(TOKEN);
    expect(statSync(file).mode & 0o111).toBe(0o111);

    expect((await commit(repo, { STATE_HUB_API_TOKEN: TOKEN })).code).toBe(0);
    const sha = repo.git('rev-parse', 'HEAD');
    await eventually(
      async () => {
        const seen = await hub.readRepo('demo');
        expect(seen).toMatchObject({ last_commit_sha: sha, last_commit_ref: 'refs/heads/main' });
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
  });

  it('keeps a foreign hook: appended after it, both run, uninstall restores it exactly', async () => {
    const repo = newRepo();
    const file = join(repo.path, '.git/hooks/post-commit');
    writeFileSync(file, FOREIGN);
    chmodSync(file, 0o755);
    await call(
      hub.client.POST('/repos', { body: { slug: 'mixed', name: 'Mixed', domain: 'custodian', local_path: repo.path } }),
    );

    const install = await runCli(['hooks', 'install', '--repo', 'mixed', '--path', repo.path, '--hub-url', hub.url]);
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(`State Hub hook added to ${file}`);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(FOREIGN)).toBe(true);
    expect(countOf(text, '#!/bin/sh')).toBe(1);

    expect((await commit(repo, { STATE_HUB_API_TOKEN: TOKEN })).code).toBe(0);
    expect(existsSync(join(repo.path, 'foreign-ran.txt'))).toBe(true);
    const sha = repo.git('rev-parse', 'HEAD');
    await eventually(async () => expect((await hub.readRepo('mixed')).last_commit_sha).toBe(sha), {
      timeoutMs: 10_000,
      intervalMs: 200,
    });

    const un = await runCli(['hooks', 'uninstall', '--repo', 'mixed', '--path', repo.path]);
    expect(un.code).toBe(0);
    expect(un.stdout).toContain('the rest of the hook is kept');
    expect(readFileSync(file, 'utf8')).toBe(FOREIGN);
    const twice = await runCli(['hooks', 'uninstall', '--repo', 'mixed', '--path', repo.path]);
    expect(twice.stdout).toContain('no State Hub hook');
  });

  it('uninstall deletes a hook file that held only our block', async () => {
    const repo = newRepo();
    const args = ['--repo', 'solo', '--path', repo.path, '--hub-url', hub.url];
    await runCli(['hooks', 'install', ...args]);
    const file = join(repo.path, '.git/hooks/post-commit');
    expect(existsSync(file)).toBe(true);
    const un = await runCli(['hooks', 'uninstall', ...args]);
    expect(un.stdout).toContain('is deleted');
    expect(existsSync(file)).toBe(false);
  });

  it('respects core.hooksPath, warning that the folder outside .git may serve other repos', async () => {
    const repo = newRepo();
    repo.git('config', 'core.hooksPath', '.githooks');
    const run = await runCli(['hooks', 'install', '--repo', 'husky', '--path', repo.path, '--hub-url', hub.url]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(repo.path, '.githooks/post-commit'), 'utf8')).toContain(BEGIN_MARKER);
    expect(existsSync(join(repo.path, '.git/hooks/post-commit'))).toBe(false);
    expect(run.stdout).toContain(
      `warning: hooks folder ${join(repo.path, '.githooks')} is shared (core.hooksPath); ` +
        `only commits in ${repo.path} are reported for husky`,
    );
    const own = newRepo();
    const plain = await runCli(['hooks', 'install', '--repo', 'plain', '--path', own.path, '--hub-url', hub.url]);
    expect(plain.stdout).not.toContain('warning');
  });

  it('a global core.hooksPath shared by two repos reports only the commits of the repo it was installed for', async () => {
    // spaces and quotes in every path: the recorded work tree must survive the shell's quoting
    const parent = mkdtempSync(join(tmpdir(), `statehub hooks 'shared' "x" `));
    try {
      const shared = join(parent, 'global hooks');
      const globalConfig = join(parent, 'gitconfig');
      writeFileSync(globalConfig, '');
      const env = { GIT_CONFIG_GLOBAL: globalConfig, STATE_HUB_API_TOKEN: TOKEN };
      const [left, right] = [newRepo(parent), newRepo(parent)];
      left.git('config', '--file', globalConfig, 'core.hooksPath', shared); // what `git config --global` writes
      for (const [slug, repo] of [
        ['left', left],
        ['right', right],
      ] as const) {
        await call(
          hub.client.POST('/repos', { body: { slug, name: slug, domain: 'custodian', local_path: repo.path } }),
        );
      }

      const install = await runCli(
        ['hooks', 'install', '--repo', 'left', '--path', left.path, '--hub-url', hub.url],
        env,
      );
      expect(install.code).toBe(0);
      expect(install.stdout).toContain(`State Hub hook written to the new file ${join(shared, 'post-commit')}`);
      expect(install.stdout).toContain(
        `warning: hooks folder ${shared} is shared (core.hooksPath); only commits in ${left.path} are reported for left`,
      );

      expect((await commit(right, env)).code).toBe(0); // runs the shared hook, which must stay silent
      expect((await commit(left, env)).code).toBe(0);
      const [leftSha, rightSha] = [left.git('rev-parse', 'HEAD'), right.git('rev-parse', 'HEAD')];
      await eventually(async () => expect((await hub.readRepo('left')).last_commit_sha).toBe(leftSha), {
        timeoutMs: 10_000,
        intervalMs: 200,
      });
      expect((await hub.readRepo('right')).last_commit_sha).toBeNull();
      const reported = await commitReports([leftSha, rightSha]);
      expect(reported).toEqual([{ slug: 'left', sha: leftSha }]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('never blocks or fails a commit: hub down, or a hub that never answers', async () => {
    const repo = newRepo();
    const closed = await freePort();
    await runCli([
      'hooks',
      'install',
      '--repo',
      'offline',
      '--path',
      repo.path,
      '--hub-url',
      `http://127.0.0.1:${closed}`,
    ]);
    const refused = await commit(repo, { STATE_HUB_API_TOKEN: TOKEN });
    expect(refused.code).toBe(0);
    expect(refused.ms).toBeLessThan(2000);

    // a server that accepts connections and never says a word
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
    try {
      await runCli([
        'hooks',
        'install',
        '--repo',
        'offline',
        '--path',
        repo.path,
        '--hub-url',
        `http://127.0.0.1:${port}`,
      ]);
      const hung = await commit(repo);
      expect(hung.code).toBe(0);
      expect(hung.ms).toBeLessThan(2000);
      await eventually(() => expect(sockets.length).toBeGreaterThan(0), { timeoutMs: 5000 }); // the hook did call
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('refuses a hook in another language and leaves it untouched', async () => {
    const repo = newRepo();
    const file = join(repo.path, '.git/hooks/post-commit');
    const python = '#!/usr/bin/env python3\nprint("hi")\n';
    mkdirSync(join(repo.path, '.git/hooks'), { recursive: true });
    writeFileSync(file, python);
    const run = await runCli(['hooks', 'install', '--repo', 'py', '--path', repo.path, '--hub-url', hub.url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/post-commit: it is not a shell script \(#!\/usr\/bin\/env python3\)/);
    expect(readFileSync(file, 'utf8')).toBe(python);
  });

  it('exits 1 for a repo the hub does not know or a folder that is no git repo; 2 for a bad --hub-url', async () => {
    const unknown = await runCli(['hooks', 'install', '--repo', 'ghost'], { STATE_HUB_URL: hub.url });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/GET \/repos\/ghost answered 404/);
    const notGit = await runCli(['hooks', 'install', '--repo', 'x', '--path', '/tmp', '--hub-url', hub.url]);
    expect(notGit.code).toBe(1);
    expect(notGit.stderr).toMatch(/\/tmp is not a git work tree/);
    const badUrl = await runCli(['hooks', 'install', '--repo', 'x', '--path', '/tmp', '--hub-url', 'ftp://x']);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/option '--hub-url <url>' argument 'ftp:\/\/x' is invalid/);
  });
});
