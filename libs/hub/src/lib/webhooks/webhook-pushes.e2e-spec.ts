// What a signed delivery becomes (real Postgres), with the hosts' own example
// payloads: a push to a registered repo records the commit and emits
// org.repo.commit.pushed once; pings, other events, deletions, tags and unknown
// repos are answered without recording anything.
import {
  examplePush,
  GIT_HOSTS,
  githubExamples,
  type GitHostName,
  PUSH_EVENT,
  pushPayload,
  signedDelivery,
  type WebhookDelivery,
} from '@state-hub/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { changedTables, tableSnapshot } from '../testing/db-snapshot';
import { startTestApp, type TestApp } from '../testing/test-app';

const SECRET = 'webhook-secret-0123456789abcdef';
const ZERO = '0'.repeat(40);

/** Each host's example repository, registered under another spelling of its URL (normalisation). */
const REGISTERED: Record<GitHostName, { slug: string; remote_url: string }> = {
  github: { slug: 'hello-world', remote_url: 'git@GitHub.com:Codertocat/Hello-World.git' },
  gitea: { slug: 'gitea-webhooks', remote_url: 'http://LOCALHOST:3000/gitea/webhooks/' },
  gitlab: { slug: 'diaspora', remote_url: 'ssh://git@test.example.com:22/mike/diaspora.git' },
};

/** What the event must carry for each host's example push. */
const EXPECTED: Record<GitHostName, Record<string, unknown>> = {
  github: { ref: 'refs/heads/master', pusher: 'Codertocat', commit_count: 1 },
  gitea: {
    ref: 'refs/heads/develop',
    sha: 'bffeb74224043ba2feb48d137756c8a9331c449a',
    before: '28e1879d029cb852e4844d9c718537df08844e03',
    pusher: 'gitea',
    commit_count: 1,
  },
  gitlab: {
    ref: 'refs/heads/master',
    sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    before: '95790bf891e76fee5e1747ab589903a6a1f80f22',
    pusher: 'jsmith',
    commit_count: 4,
  },
};

describe('webhook pushes (real Postgres, the hosts’ example payloads)', () => {
  let t: TestApp;
  const send = (d: WebhookDelivery) => t.http().post(d.path).set(d.headers).send(d.body);
  const signed = (host: GitHostName, event: string, payload: object | string, deliveryId?: string) =>
    signedDelivery(host, event, payload as Record<string, unknown>, { secret: SECRET, deliveryId });
  const snapshot = () => tableSnapshot(t.app.get(DataSource));
  const pushedEvents = async (slug: string): Promise<Record<string, unknown>[]> => {
    const rows: { envelope: { attributes: Record<string, unknown> } }[] = await t.app
      .get(DataSource)
      .query(`SELECT envelope FROM event_outbox WHERE subject = 'org.repo.commit.pushed' ORDER BY created_at`);
    return rows.map((r) => r.envelope.attributes).filter((a) => a['repo_slug'] === slug);
  };

  /** Sends `d` and expects a 2xx that records nothing at all. */
  async function answeredWithoutRecording(d: WebhookDelivery, status: number) {
    const before = await snapshot();
    const res = await send(d).expect(status);
    expect(changedTables(before, await snapshot())).toEqual([]);
    return res.body;
  }

  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_SECRET: SECRET, BODY_LIMIT: '64kb' } });
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    for (const repo of Object.values(REGISTERED)) {
      await t
        .http()
        .post('/repos')
        .send({ ...repo, name: repo.slug, domain: 'custodian' })
        .expect(201);
    }
  });
  afterAll(() => t?.close());

  it.each(GIT_HOSTS)("%s: the host's example push records the commit and emits one event", async (host) => {
    const { slug } = REGISTERED[host];
    const payload = examplePush(host);
    const res = await send(signed(host, PUSH_EVENT[host], payload)).expect(202);
    expect(res.body).toMatchObject({ host, event: PUSH_EVENT[host], outcome: 'recorded', reason: null, repos: [slug] });
    expect(res.body.delivery_id).toMatch(/^[0-9a-f-]{36}$/);

    const events = await pushedEvents(slug);
    expect(events).toEqual([{ repo_slug: slug, sha: payload['after'], ...EXPECTED[host] }]);
    const repo = await t.http().get(`/repos/${slug}`).expect(200);
    expect(repo.body).toMatchObject({ last_commit_sha: payload['after'], last_commit_ref: EXPECTED[host]['ref'] });
    expect(res.body.event_ids).toHaveLength(1);
  });

  it("github: a push creating a branch has no 'before' (its all-zero sha is left out)", async () => {
    expect(examplePush('github')['before']).toBe(ZERO);
    expect(Object.keys((await pushedEvents('hello-world'))[0])).not.toContain('before');
  });

  it.each(GIT_HOSTS)('%s: the same delivery id twice emits one event', async (host) => {
    const { slug } = REGISTERED[host];
    const after = 'a'.repeat(39) + GIT_HOSTS.indexOf(host);
    const delivery = signed(host, PUSH_EVENT[host], pushPayload(host, { after }), `redelivered-${host}`);
    expect((await send(delivery).expect(202)).body).toMatchObject({ outcome: 'recorded', repos: [slug] });
    const body = await answeredWithoutRecording(delivery, 202);
    expect(body).toMatchObject({ outcome: 'duplicate', repos: [], event_ids: [] });
    expect(body.reason).toMatch(/was recorded before: nothing emitted again/);
    expect((await pushedEvents(slug)).filter((e) => e['sha'] === after)).toHaveLength(1);
  });

  it('forgets delivery ids older than WEBHOOK_DELIVERY_RETENTION_DAYS (30) as it records a new one', async () => {
    const ds = t.app.get(DataSource);
    const keep = (id: string, daysAgo: number) =>
      ds.query(
        `INSERT INTO webhook_deliveries (host, delivery_id, ref, sha, repo_slugs, received_at)
         VALUES ('github', $1, 'refs/heads/master', $2, '["hello-world"]', now() - make_interval(days => $3))`,
        [id, 'c'.repeat(40), daysAgo],
      );
    await keep('retention-old', 31);
    await keep('retention-older', 40);
    await keep('retention-recent', 29);
    const ids = async () =>
      (
        (await ds.query(`SELECT delivery_id FROM webhook_deliveries WHERE delivery_id LIKE 'retention-%'`)) as {
          delivery_id: string;
        }[]
      ).map((r) => r.delivery_id);
    const push = (id: string, after: string) =>
      send(signed('github', PUSH_EVENT.github, pushPayload('github', { after }), id)).expect(202);

    // the first push after them redelivers an expired id: forgotten first, so it is recorded again
    expect((await push('retention-old', 'c'.repeat(40))).body).toMatchObject({ outcome: 'recorded' });
    expect((await ids()).sort()).toEqual(['retention-old', 'retention-recent']);
    // a redelivery within the retention is still a duplicate
    expect((await push('retention-recent', 'c'.repeat(40))).body).toMatchObject({ outcome: 'duplicate' });
    expect((await push('retention-new', 'd'.repeat(40))).body).toMatchObject({ outcome: 'recorded' });
    expect((await ids()).sort()).toEqual(['retention-new', 'retention-old', 'retention-recent']);
  });

  it('the same delivery five times at once: one recorded, four duplicates, one event', async () => {
    const after = 'b'.repeat(40);
    const delivery = signed('github', 'push', pushPayload('github', { after }), 'sent-five-times');
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => send(delivery)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'duplicate',
      'recorded',
    ]);
    expect((await pushedEvents('hello-world')).filter((e) => e['sha'] === after)).toHaveLength(1);
  });

  it('github: every ping example answers 200 pong and records nothing', async () => {
    for (const ping of githubExamples('ping')) {
      const body = await answeredWithoutRecording(signed('github', 'ping', ping), 200);
      expect(body).toMatchObject({ host: 'github', event: 'ping', outcome: 'pong', delivery_id: null });
    }
  });

  it.each([
    ['github', 'issues', githubExamples('issues')[0]],
    ['github', 'create', githubExamples('create')[0]],
    ['gitea', 'create', { ref: 'develop', ref_type: 'branch' }],
    ['gitlab', 'Tag Push Hook', { ...examplePush('gitlab'), object_kind: 'tag_push', ref: 'refs/tags/v1.0.0' }],
    ['gitlab', 'Merge Request Hook', { object_kind: 'merge_request' }],
  ] as const)('%s: a %s event answers 202 with the reason, recording nothing', async (host, event, payload) => {
    const body = await answeredWithoutRecording(signed(host, event, payload), 202);
    expect(body).toMatchObject({
      outcome: 'ignored',
      event,
      reason: `${labelOf(host)} event '${event}' is not a push: only pushes are recorded`,
    });
  });

  it.each(GIT_HOSTS)('%s: a branch deletion answers 202 with the reason, recording nothing', async (host) => {
    const payload = {
      ...pushPayload(host, { ref: 'refs/heads/gone', after: ZERO }),
      ...(host === 'github' && { deleted: true }),
    };
    const body = await answeredWithoutRecording(signed(host, PUSH_EVENT[host], payload), 202);
    expect(body).toMatchObject({ outcome: 'ignored', reason: 'refs/heads/gone was deleted: nothing to sync' });
  });

  it('github: the tag examples (created, deleted) answer 202 with the reason', async () => {
    const tags = githubExamples('push').filter((e) => String(e['ref']).startsWith('refs/tags/'));
    expect(tags.length).toBeGreaterThan(1);
    for (const tag of tags) {
      const body = await answeredWithoutRecording(signed('github', 'push', tag), 202);
      expect(body.outcome).toBe('ignored');
      expect(body.reason).toMatch(/^refs\/tags\/simple-tag (was deleted|is not a branch)/);
    }
  });

  it.each(GIT_HOSTS)('%s: a push for a repo nobody registered answers 202 saying so', async (host) => {
    const payload = pushFrom(host, 'https://elsewhere.example/nobody/unknown.git');
    const body = await answeredWithoutRecording(signed(host, PUSH_EVENT[host], payload), 202);
    expect(body).toMatchObject({ outcome: 'ignored', repos: [] });
    expect(body.reason).toBe('no active registered repo has a remote_url matching elsewhere.example/nobody/unknown');
  });

  it('records the push for every active repo with that remote, and none that is archived', async () => {
    const url = 'https://git.example.org/team/shared.git';
    for (const slug of ['shared-a', 'shared-b', 'shared-old']) {
      await t.http().post('/repos').send({ slug, name: slug, domain: 'custodian', remote_url: url }).expect(201);
    }
    await t.http().patch('/repos/shared-old').send({ status: 'archived' }).expect(200);
    const res = await send(signed('github', 'push', pushFrom('github', url))).expect(202);
    expect(res.body).toMatchObject({ outcome: 'recorded', repos: ['shared-a', 'shared-b'] });
    expect(res.body.event_ids).toHaveLength(2);
    expect(await pushedEvents('shared-old')).toEqual([]);
  });

  it.each([
    ['malformed JSON', 'application/json', '{"ref": "refs/heads/main",', 400, /^request body is not valid JSON$/],
    ['a JSON array', 'application/json', '[1, 2]', 400, /^request body must be a JSON object$/],
    ['an empty body', 'application/json', '', 400, /^request body is empty/],
    [
      'a form body',
      'application/x-www-form-urlencoded',
      'payload=%7B%7D',
      415,
      /content-type must be application\/json/,
    ],
    [
      'deep nesting',
      'application/json',
      `{"commits": ${'['.repeat(100)}${']'.repeat(100)}}`,
      400,
      /^commits is nested deeper than 64 levels$/,
    ],
    [
      'a number for ref',
      'application/json',
      JSON.stringify({ ...examplePush('github'), ref: 42 }),
      400,
      /^not a GitHub push payload: ref: /,
    ],
    [
      'a short sha',
      'application/json',
      JSON.stringify({ ...examplePush('github'), after: 'abc123' }),
      400,
      /^after must be a full commit sha/,
    ],
    [
      'a ref with spaces',
      'application/json',
      JSON.stringify({ ...examplePush('github'), ref: 'refs/heads/a b' }),
      400,
      /^ref must be a full git ref/,
    ],
  ])('a signed push with %s (%s) is refused, nothing recorded', async (_what, contentType, body, status, message) => {
    const before = await snapshot();
    const res = await send(signedDelivery('github', 'push', body, { secret: SECRET, contentType }));
    expect({ status: res.status, message: res.body.message }).toEqual({
      status,
      message: expect.stringMatching(message),
    });
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('any signed body: never a 5xx, a clean JSON answer, and only a recorded push changes a table', async () => {
    const mutated = fc.constantFrom(...GIT_HOSTS).chain((host) => {
      const base = examplePush(host);
      const repository = base[host === 'gitlab' ? 'project' : 'repository'] as Record<string, unknown>;
      return fc
        .oneof(
          fc.tuple(fc.constantFrom(...Object.keys(base)), fc.jsonValue()).map(([k, v]) => ({ ...base, [k]: v })),
          fc.tuple(fc.constantFrom(...Object.keys(repository)), fc.jsonValue()).map(([k, v]) => ({
            ...base,
            [host === 'gitlab' ? 'project' : 'repository']: { ...repository, [k]: v },
          })),
          fc.jsonValue(),
        )
        .map((payload) => ({ host, body: JSON.stringify(payload) ?? 'null' }));
    });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ host, body }) => {
        const before = await snapshot();
        const res = await send(signedDelivery(host, PUSH_EVENT[host], body, { secret: SECRET }));
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        if (res.status >= 400) expect(res.body).toMatchObject({ status_code: res.status, message: expect.any(String) });
        if (res.body.outcome !== 'recorded') expect(changedTables(before, await snapshot())).toEqual([]);
      }),
      { seed: 20261205, numRuns: 150 },
    );
  });

  it('a signed body over BODY_LIMIT → 413, nothing recorded', async () => {
    const before = await snapshot();
    const huge = JSON.stringify({ ...examplePush('github'), padding: 'x'.repeat(70_000) });
    const res = await send(signed('github', 'push', huge));
    expect(res.status).toBe(413);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it.each(GIT_HOSTS)('%s: a push without a delivery id → 400 naming the header', async (host) => {
    const d = signed(host, PUSH_EVENT[host], examplePush(host));
    const headers = Object.fromEntries(Object.entries(d.headers).filter(([k]) => !/delivery|uuid/.test(k)));
    const before = await snapshot();
    const res = await send({ ...d, headers }).expect(400);
    expect(res.body.message).toMatch(/^missing .*(Delivery|UUID).* header/);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });
});

/** The host's example push with `url` as the repository's only URL. */
function pushFrom(host: GitHostName, url: string): Record<string, unknown> {
  const payload = pushPayload(host, { cloneUrl: url });
  for (const key of ['ssh_url', 'html_url', 'git_url', 'url', 'git_ssh_url', 'web_url', 'homepage', 'http_url']) {
    for (const place of ['repository', 'project'])
      delete (payload[place] as Record<string, unknown> | undefined)?.[key];
  }
  return payload;
}

function labelOf(host: GitHostName): string {
  return { github: 'GitHub', gitea: 'Gitea', gitlab: 'GitLab' }[host];
}
