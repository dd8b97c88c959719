// Who may deliver a git host's webhook (real Postgres): with WEBHOOK_SECRET set,
// only a delivery signed with it (no bearer token needed, none enough); without
// it, every webhook route refuses. A refused delivery changes no table.
import {
  GIT_HOSTS,
  type GitHostName,
  pushPayload,
  PUSH_EVENT,
  signedDelivery,
  type WebhookDelivery,
} from '@state-hub/testing';
import { DataSource } from 'typeorm';
import { changedTables, tableSnapshot } from '../testing/db-snapshot';
import { startTestApp, type TestApp } from '../testing/test-app';

const SECRET = 'webhook-secret-0123456789abcdef';
const API_TOKEN = 'api-token-0123456789abcdef';
const CLONE_URL = 'https://git.example.org/org/signed.git';
const SIGNATURE_HEADER: Record<GitHostName, string> = {
  github: 'x-hub-signature-256',
  gitea: 'x-gitea-signature',
  gitlab: 'x-gitlab-token',
};

const push = (host: GitHostName, secret?: string) =>
  signedDelivery(host, PUSH_EVENT[host], pushPayload(host, { cloneUrl: CLONE_URL }), { secret });

describe('webhook signatures (real Postgres)', () => {
  let t: TestApp;
  const send = (d: WebhookDelivery) => t.http().post(d.path).set(d.headers).send(d.body);
  const snapshot = () => tableSnapshot(t.app.get(DataSource));

  /** Sends `d`, expects `status` with a message matching `message`, and that no table changed. */
  async function refused(d: WebhookDelivery, status: number, message: RegExp) {
    const before = await snapshot();
    const res = await send(d);
    expect({ status: res.status, message: res.body.message }).toEqual({
      status,
      message: expect.stringMatching(message),
    });
    expect(res.body.request_id).toBe(res.headers['x-request-id']);
    expect(changedTables(before, await snapshot())).toEqual([]);
  }

  describe('with WEBHOOK_SECRET and STATE_HUB_API_TOKEN set', () => {
    beforeAll(async () => {
      t = await startTestApp({ env: { WEBHOOK_SECRET: SECRET, STATE_HUB_API_TOKEN: API_TOKEN } });
      const auth = { authorization: `Bearer ${API_TOKEN}` };
      await t.http().post('/domains').set(auth).send({ slug: 'custodian', name: 'Custodian' }).expect(201);
      await t
        .http()
        .post('/repos')
        .set(auth)
        .send({ slug: 'signed', name: 'Signed', domain: 'custodian', remote_url: CLONE_URL })
        .expect(201);
    });
    afterAll(() => t?.close());

    it.each(GIT_HOSTS)('%s: a signed push is recorded without any bearer token', async (host) => {
      const res = await send(push(host, SECRET)).expect(202);
      expect(res.body).toMatchObject({ host, outcome: 'recorded', repos: ['signed'] });
    });

    it.each(GIT_HOSTS)('%s: an unsigned push → 401 naming the header, nothing recorded', async (host) => {
      const header = SIGNATURE_HEADER[host];
      await refused(push(host), 401, new RegExp(`^missing ${header}`, 'i'));
    });

    it.each(GIT_HOSTS)('%s: a push signed with another secret → 401, nothing recorded', async (host) => {
      await refused(push(host, 'another-secret-0123456789abcdef'), 401, /does not match/);
    });

    it.each(GIT_HOSTS)('%s: a bearer token does not stand in for the signature', async (host) => {
      const d = push(host);
      await refused({ ...d, headers: { ...d.headers, authorization: `Bearer ${API_TOKEN}` } }, 401, /^missing /);
    });

    it.each(['github', 'gitea'] as const)('%s: a body changed after signing → 401', async (host) => {
      const d = push(host, SECRET);
      await refused({ ...d, body: d.body.replace('refs/heads/', 'refs/heads/x') }, 401, /does not match/);
    });

    it('github: the hex digest without its sha256= prefix → 401', async () => {
      const d = push('github', SECRET);
      const bare = d.headers['x-hub-signature-256'].slice('sha256='.length);
      await refused({ ...d, headers: { ...d.headers, 'x-hub-signature-256': bare } }, 401, /does not match/);
    });

    it('checks the signature before reading the body: an unsigned malformed body is 401, not 400', async () => {
      const d = signedDelivery('github', 'push', '{"ref": ');
      await refused(d, 401, /^missing X-Hub-Signature-256/);
      await refused({ ...d, headers: { ...d.headers, 'content-type': 'text/plain' } }, 401, /^missing/);
    });

    it('keeps the bearer token on every other write', async () => {
      await t.http().post('/domains').send({ slug: 'other', name: 'Other' }).expect(401);
    });
  });

  describe('without WEBHOOK_SECRET', () => {
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t?.close());

    it.each(GIT_HOSTS)('%s: refuses every delivery with 403 naming WEBHOOK_SECRET, signed or not', async (host) => {
      await refused(push(host, SECRET), 403, /webhooks are disabled: set WEBHOOK_SECRET/);
      await refused(push(host), 403, /webhooks are disabled: set WEBHOOK_SECRET/);
      const ping = signedDelivery(host, 'ping', { zen: 'hi' }, { secret: SECRET });
      await refused(ping, 403, /WEBHOOK_SECRET/);
    });
  });
});
