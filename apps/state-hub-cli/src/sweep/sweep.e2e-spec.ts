// `sweep` run as a user runs it (the built CLI), in-process against the test
// database with DATABASE_URL and over HTTP against the built hub without it.
import { call } from '@state-hub/hub-client';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_LOCK_NAMESPACE } from '@state-hub/consistency-sweep';
import { createWorkplanRepo, freePort, type WorkplanRepo, workplanText } from '@state-hub/testing';
import { Client } from 'pg';
import { type HubProcess, startHub } from '../testing/hub-process';
import { runCli } from '../testing/run-cli';

const TOKEN = 'cli-test-token-0123456789';

describe('state-hub sweep (built CLI, built hub, real Postgres)', () => {
  let hub: HubProcess;
  const repos: WorkplanRepo[] = [];
  let inProcess: Record<string, string>;
  let overHttp: Record<string, string>;

  beforeAll(async () => {
    // a short repo-lock wait, so a locked repo answers within the test's patience
    hub = await startHub({ token: TOKEN, env: { SWEEP_REPO_LOCK_WAIT_SECONDS: '1' } });
    inProcess = { DATABASE_URL: hub.databaseUrl, SWEEP_REPO_LOCK_WAIT_SECONDS: '1' };
    overHttp = { STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TOKEN };
    await call(hub.client.POST('/domains', { body: { slug: 'custodian', name: 'Custodian' } }));
    for (const [slug, id] of [
      ['alpha', 'ALPHA-WP-0001'],
      ['beta', 'BETA-WP-0001'],
    ]) {
      const repo = createWorkplanRepo({
        [`workplans/${id}.md`]: workplanText({ id, title: `${slug} plan`, tasks: [[`${id}-T01`, 'Do it', 'todo']] }),
      });
      repos.push(repo);
      await call(hub.client.POST('/repos', { body: { slug, name: slug, domain: 'custodian', local_path: repo.path } }));
    }
  });
  afterAll(async () => {
    await hub?.stop();
    for (const repo of repos) repo.remove();
  });

  it('sweeps in-process with DATABASE_URL: a line per repo, the rows, the totals, ids in the files', async () => {
    const run = await runCli(['sweep', '--source', 'local-timer'], inProcess);
    expect(run.stderr).toContain('[1/2] alpha: synced');
    expect(run.stderr).toContain('[2/2] beta: synced');
    // stdout is a pipe here: the rows tab-separated, the totals on stderr
    expect(run.stdout.split('\n').slice(0, 2)).toEqual([
      'repo\toutcome\tpull\tsynced\tunchanged\terrors\tids written\twarnings',
      'alpha\tsynced\tlocal\t1\t0\t0\t2\t0',
    ]);
    expect(run.stderr).toMatch(
      /2 repos: 2 synced, 0 skipped \(lock\), 0 skipped \(budget\), 0 failed; 0 warnings; outcome completed in .* \(source local-timer\)/,
    );
    expect(run.code).toBe(0);
    expect(repos[0].read('workplans/ALPHA-WP-0001.md')).toMatch(/state_hub_workstream_id: [0-9a-f-]{36}/);
    const ws = await call(hub.client.GET('/workstreams'));
    expect(ws.total).toBe(2);
  });

  it('asks the hub without DATABASE_URL and prints the same report as JSON', async () => {
    const run = await runCli(['sweep', '--json'], overHttp);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ source: 'manual', remote: false, outcome: 'completed', counts: { repos: 2 } });
    expect(report.files.unchanged).toBe(2);
    const history = await call(hub.client.GET('/consistency/sweeps'));
    expect(history.items.map((s) => s.source)).toEqual(['manual', 'local-timer']);
  });

  it('syncs one repo with --repo, in-process and over HTTP', async () => {
    repos[1].write('workplans/BETA-WP-0002.md', workplanText({ id: 'BETA-WP-0002', title: 'second beta plan' }));
    const local = await runCli(['sweep', '--repo', 'beta', '--json', '--no-writeback'], inProcess);
    expect(local.code).toBe(0);
    expect(JSON.parse(local.stdout)).toMatchObject({
      repo: 'beta',
      outcome: 'synced',
      changes: { workstreams_created: 1, ids_written: 0 },
    });
    expect(repos[1].read('workplans/BETA-WP-0002.md')).not.toContain('state_hub_workstream_id');

    const remote = await runCli(['sweep', '--repo', 'beta'], overHttp);
    expect(remote.code).toBe(0);
    expect(remote.stdout).toMatch(/^beta\tsynced\t/m);
    expect(remote.stderr).toMatch(/beta: synced; 2 files scanned, 1 id written/);
    expect(repos[1].read('workplans/BETA-WP-0002.md')).toContain('state_hub_workstream_id');
  });

  it('exits 1 with one line for an unknown repo, either way', async () => {
    const local = await runCli(['sweep', '--repo', 'ghost'], inProcess);
    expect(local.code).toBe(1);
    expect(local.stderr.trim()).toBe("error: repo 'ghost' is not registered");
    const remote = await runCli(['sweep', '--repo', 'ghost'], overHttp);
    expect(remote.code).toBe(1);
    expect(remote.stderr).toMatch(/error: POST \/repos\/ghost\/sync answered 404: repo 'ghost' is not registered/);
  });

  it('exits 1 with one line saying to try again while a running sweep holds the repo, either way', async () => {
    const { id } = await hub.readRepo('alpha');
    // the running sweep's session-level lock on the repo, from a connection of its own
    const sweep = new Client({ connectionString: hub.databaseUrl });
    await sweep.connect();
    try {
      await sweep.query('SELECT pg_advisory_lock($1::int, hashtext($2::text))', [REPO_LOCK_NAMESPACE, id]);
      const line = "error: repo 'alpha' is locked by a running sweep (waited 1 s); try again\n";
      for (const [env, args] of [
        [overHttp, []],
        [inProcess, ['--json']],
      ] as const) {
        const run = await runCli(['sweep', '--repo', 'alpha', ...args], env);
        expect(run).toMatchObject({ code: 1, stdout: '' });
        expect(run.stderr.endsWith(line)).toBe(true); // after the waiting or progress line
        expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toHaveLength(1);
      }
    } finally {
      await sweep.end(); // ends the session, which releases the lock
    }
    const free = await runCli(['sweep', '--repo', 'alpha'], overHttp);
    expect(free.code).toBe(0);
  });

  it('exits 1 naming the token when the hub wants one', async () => {
    const run = await runCli(['sweep'], { STATE_HUB_URL: hub.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/answered 401: missing bearer token.*STATE_HUB_API_TOKEN/);
  });

  it('without DATABASE_URL and no hub: exits 1 quickly and never opens an embedded database', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'statehub-cli-cwd-'));
    try {
      const port = await freePort();
      const run = await runCli(['sweep'], { STATE_HUB_URL: `http://127.0.0.1:${port}` }, { cwd });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`error: cannot reach the hub at http://127.0.0.1:${port}: ECONNREFUSED`));
      expect(readdirSync(cwd)).toEqual([]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it.each([
    [['sweep', '--max-seconds', 'abc'], /option '--max-seconds <n>' argument 'abc' is invalid/],
    [['sweep', '--max-seconds', '3601'], /--max-seconds <n>.*between 1 and 3600/],
    [
      ['sweep', '--source', 'cron'],
      /option '--source <source>' argument 'cron' is invalid.*local-timer, activity-core, manual, api/,
    ],
    [['sweep', '--repo', 'Not A Slug'], /option '--repo <slug>' argument 'Not A Slug' is invalid/],
    [['sweep', '--bogus'], /unknown option '--bogus'/],
    [['sweep', 'extra'], /too many arguments/],
    [['compare-sweeps'], /required option '--since <when>' not specified/],
    [['compare-sweeps', '--since', 'yesterday'], /--since must be a duration such as 7d or 24h/],
    [['compare-sweeps', '--since', '7d', '--until', 'soon'], /--until must be an ISO timestamp/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 for %j, naming the flag', async (args, message) => {
    const run = await runCli(args, inProcess);
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
  });

  it.each([
    [{ SWEEP_COMMIT_WRITEBACK: 'maybe' }, ['SWEEP_COMMIT_WRITEBACK must be true or false (got "maybe")']],
    [
      { SWEEP_GIT_AUTHOR_NAME: 'Bot <bot@x>', SWEEP_GIT_AUTHOR_EMAIL: 'nobody' },
      [
        'SWEEP_GIT_AUTHOR_NAME must be one line without < or > (got "Bot <bot@x>")',
        'SWEEP_GIT_AUTHOR_EMAIL must be an e-mail address (got "nobody")',
      ],
    ],
  ])('exits 1 with one line per bad environment variable %j, sweeping nothing', async (bad, problems) => {
    const before = await call(hub.client.GET('/consistency/sweeps'));
    const run = await runCli(['sweep'], { ...inProcess, ...bad });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(problems.map((p) => `state-hub: ${p}\n`).join('')); // no stack
    expect(run.stdout).toBe('');
    expect((await call(hub.client.GET('/consistency/sweeps'))).total).toBe(before.total);
  });

  it('compare-sweeps prints the per-source table in-process, and the same figures from the hub', async () => {
    const run = await runCli(['compare-sweeps', '--since', '1h'], inProcess);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^Sweeps from \S+ to \S+\n/);
    expect(run.stdout.split('\n').slice(0, 3)).toEqual([
      'source\truns\tcompletion rate\truns skipped (lock)\trepos skipped (lock)\trepos skipped (budget)\thard failures\twarn-only',
      'local-timer\t1\t100.0 %\t0\t0\t0\t0\t0',
      expect.stringMatching(/^manual\t1\t100\.0 %/),
    ]);

    const remote = await runCli(['compare-sweeps', '--since', '1h', '--json'], overHttp);
    expect(remote.code).toBe(0);
    const comparison = JSON.parse(remote.stdout);
    expect(comparison.sources.map((r: { source: string; runs: number }) => [r.source, r.runs])).toEqual([
      ['local-timer', 1],
      ['manual', 1],
    ]);
    const empty = await runCli(
      ['compare-sweeps', '--since', '2020-01-01T00:00:00Z', '--until', '2020-01-02T00:00:00Z'],
      inProcess,
    );
    expect(empty).toMatchObject({ code: 0, stdout: '' });
    expect(empty.stderr).toContain('no sweeps recorded in this window');
  });

  it('runs without a build through the root npm scripts', async () => {
    const run = await runCli(['--silent', 'run', 'compare-sweeps', '--', '--since', '7d', '--json'], overHttp, {
      command: ['npm'],
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).sources).toHaveLength(2);
  });

  it('exits 1 when a repo fails, naming it and why in the table', async () => {
    await call(
      hub.client.POST('/repos', {
        body: {
          slug: 'gone',
          name: 'Gone',
          domain: 'custodian',
          local_path: '/nonexistent/gone',
        },
      }),
    );
    const run = await runCli(['sweep'], inProcess);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^gone\tfailed\t/m);
    expect(run.stderr).toMatch(/failed {2}gone: .*\/nonexistent\/gone/);
    expect(run.stderr).toMatch(/3 repos: 2 synced, .* 1 failed/);
  });
});
