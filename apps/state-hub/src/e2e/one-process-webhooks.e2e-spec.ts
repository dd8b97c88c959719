// Pushes from git hosts, end to end on the built one-process system (embedded
// database, the real per-commit definition): a bare origin, the hub's clone of
// it, and someone else's clone that pushes a commit adding a task. A signed
// webhook from each host makes the hub fetch the push and the task appear in the
// API; an unsigned one, or a repeated delivery, changes nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltApp,
  createWorkplanRepo,
  type DefinitionFiles,
  eventually,
  GIT_ENV,
  GIT_HOSTS,
  type GitHostName,
  PUSH_EVENT,
  pushPayload,
  signedDelivery,
  startBuiltSystem,
  type WebhookDelivery,
  workplanText,
} from '@state-hub/testing';
import { definitionsDir, PER_COMMIT, runsOf } from '../testing/system-fixture';

const SECRET = 'webhook-secret-0123456789abcdef';
const PLAN = 'workplans/WEB-WP-0001-webhooks.md';
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV } })
    .toString()
    .trim();

describe('push webhooks sync the pushed repo end to end (built one-process system)', () => {
  let defs: DefinitionFiles;
  let root: string;
  let origin: string;
  let pusher: string;
  let app: BuiltApp;
  let taskCount = 1;

  const deliver = async (d: WebhookDelivery) => {
    const res = await fetch(`${app.url}${d.path}`, { method: 'POST', headers: d.headers, body: d.body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const taskKeys = async () => {
    const page = await app.json<{ items: { task_key: string }[] }>('GET', '/tasks?repo=web&limit=200');
    return page.items.map((t) => t.task_key).sort();
  };
  /** Someone else adds a task to the plan and pushes it to origin; returns [before, after]. */
  const pushTask = (): [string, string, string] => {
    const before = git(pusher, 'rev-parse', 'HEAD');
    const key = `WEB-WP-0001-T0${++taskCount}`;
    const path = join(pusher, PLAN);
    writeFileSync(
      path,
      `${readFileSync(path, 'utf8')}\n## T${taskCount} — Task ${taskCount}\n\n\`\`\`yaml\nid: ${key}\nstatus: todo\n\`\`\`\n`,
    );
    git(pusher, 'commit', '-q', '-am', `add ${key}`);
    git(pusher, 'push', '-q', 'origin', 'main');
    return [key, before, git(pusher, 'rev-parse', 'HEAD')];
  };
  const pushDelivery = (host: GitHostName, before: string, after: string, secret?: string) =>
    signedDelivery(
      host,
      PUSH_EVENT[host],
      pushPayload(host, { ref: 'refs/heads/main', before, after, cloneUrl: `file://${origin.replace(/\.git$/, '')}/` }),
      { secret },
    );

  beforeAll(async () => {
    defs = definitionsDir(['state-hub-per-commit-sync.yaml'], {});
    root = mkdtempSync(join(tmpdir(), 'state-hub-webhooks-'));
    const seed = createWorkplanRepo({
      [PLAN]: workplanText({ id: 'WEB-WP-0001', title: 'Webhooks', tasks: [['WEB-WP-0001-T01', 'Sign', 'todo']] }),
    });
    origin = join(root, 'origin.git');
    git(root, 'clone', '-q', '--bare', seed.path, origin);
    seed.remove();
    const checkout = join(root, 'hub-checkout');
    git(root, 'clone', '-q', origin, checkout);
    pusher = join(root, 'someone-else');
    git(root, 'clone', '-q', origin, pusher);

    app = await startBuiltSystem({
      dataDir: join(root, 'data'),
      definitionsDir: defs.dir,
      env: { WEBHOOK_SECRET: SECRET },
    });
    await app.json('POST', '/domains', { slug: 'custodian', name: 'Custodian' });
    await app.json('POST', '/repos', {
      slug: 'web',
      name: 'Web',
      domain: 'custodian',
      local_path: checkout,
      remote_url: `file://${origin}`,
    });
  });
  afterAll(async () => {
    await app?.stop();
    defs?.remove();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(GIT_HOSTS)('a signed %s push: the hub fetches it and the new task is in the API', async (host) => {
    const [key, before, after] = pushTask();
    const runs = (await runsOf(app, PER_COMMIT)).length;
    const res = await deliver(pushDelivery(host, before, after, SECRET));
    expect(res).toMatchObject({ status: 202, body: { host, outcome: 'recorded', repos: ['web'] } });

    await eventually(async () => expect(await taskKeys()).toContain(key), { timeoutMs: 60_000, intervalMs: 200 });
    await eventually(async () => expect((await runsOf(app, PER_COMMIT))[0]?.status).toBe('succeeded'));
    expect((await runsOf(app, PER_COMMIT)).length).toBe(runs + 1);
    expect(await app.json('GET', '/repos/web')).toMatchObject({
      last_commit_sha: after,
      last_commit_ref: 'refs/heads/main',
    });
  });

  it('the same delivery again emits nothing: no second run', async () => {
    const [key, before, after] = pushTask();
    const delivery = pushDelivery('github', before, after, SECRET);
    expect((await deliver(delivery)).body).toMatchObject({ outcome: 'recorded' });
    await eventually(async () => expect(await taskKeys()).toContain(key), { timeoutMs: 60_000, intervalMs: 200 });
    const runs = (await runsOf(app, PER_COMMIT)).length;
    expect(await deliver(delivery)).toMatchObject({ status: 202, body: { outcome: 'duplicate' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await runsOf(app, PER_COMMIT)).length).toBe(runs);
  });

  it.each(GIT_HOSTS)('an unsigned %s push → 401 and changes nothing', async (host) => {
    const [key, before, after] = pushTask();
    const runs = (await runsOf(app, PER_COMMIT)).length;
    const repo = await app.json<{ last_commit_sha: string }>('GET', '/repos/web');
    const res = await deliver(pushDelivery(host, before, after));
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await runsOf(app, PER_COMMIT)).length).toBe(runs);
    expect(await taskKeys()).not.toContain(key);
    expect(await app.json('GET', '/repos/web')).toMatchObject({ last_commit_sha: repo.last_commit_sha });
  });
});
