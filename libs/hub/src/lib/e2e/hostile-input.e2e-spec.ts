// Hostile requests generated from the API's own OpenAPI document, for every
// operation: wrong types, missing and unknown fields, huge strings, unicode, SQL
// and path traversal, deep nesting, malformed JSON, wrong content types. None may
// get a 5xx; a 4xx has a clean JSON error (message, request id, no stack or SQL)
// and leaves every table as it was. FUZZ_SEED and FUZZ_RUNS change seed and runs.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { changedTables, tableSnapshot } from '../testing/db-snapshot';
import {
  type FuzzOperation,
  type FuzzRequest,
  type FuzzSeeds,
  listOperations,
  type OpenApiDocument,
  requestArb,
} from '../testing/openapi-fuzz';
import { startTestApp, type TestApp } from '../testing/test-app';

const TOKEN = 'fuzz-token-0123456789abcdef';
const SEED = envInt('FUZZ_SEED', 20261124);
const RUNS = envInt('FUZZ_RUNS', 30);
/** The document has 37 operations today; fewer means routes vanished from it. */
const MIN_OPERATIONS = 37;
/** Each operation must be reached (routed, not "no route") by at least this many requests. */
const MIN_ROUTED = Math.ceil(RUNS / 2);
/** What a leaked stack trace, driver error or generated SQL looks like in a response. */
const LEAK =
  /\bat [\w$.<>]+ \(|node_modules|QueryFailedError|TypeORMError|syntax error at or near|violates [a-z -]*constraint|invalid input syntax|duplicate key value|"\w+"\."\w+"/;
/** About 5 ms per request was measured (1,110 in 5.5 s): allow 25 ms each on a busy box, plus a minute. */
const FUZZ_TIMEOUT_MS = 60_000 + RUNS * MIN_OPERATIONS * 25;
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

describe('hostile input from the OpenAPI document (real Postgres)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let seeds: FuzzSeeds;
  let checkout: string;

  const snapshot = () => tableSnapshot(t.app.get(DataSource));
  const auth = { authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    checkout = await mkdtemp(join(tmpdir(), 'hostile-input-'));
    t = await startTestApp({ env: { STATE_HUB_API_TOKEN: TOKEN } });
    seeds = await seed(t, checkout);
    doc = (await t.http().get('/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    if (checkout) await rm(checkout, { recursive: true, force: true });
  });

  it('the table snapshot sees a write, event_outbox included', async () => {
    const before = await snapshot();
    await t.http().post('/progress-events').set(auth).send({ event_type: 'note', summary: 'seen' }).expect(201);
    expect(changedTables(before, await snapshot())).toEqual(expect.arrayContaining(['progress_events']));
    const outbox = await snapshot();
    await t
      .http()
      .post('/repos/hub/commits')
      .set(auth)
      .send({ ref: 'refs/heads/main', sha: 'a'.repeat(40) })
      .expect(202);
    expect(changedTables(outbox, await snapshot())).toEqual(expect.arrayContaining(['event_outbox']));
  });

  it('documents every route the app serves', () => {
    const documented = new Set(listOperations(doc).map((op) => op.key));
    expect(documented.size).toBeGreaterThanOrEqual(MIN_OPERATIONS);
    expect(servedRoutes(t).filter((r) => !documented.has(r))).toEqual([]);
  });

  it(
    'answers every generated request below 500, with a clean 4xx error that changes nothing',
    async () => {
      const started = Date.now();
      const operations = listOperations(doc);
      const routed = new Map<string, number>(operations.map((op) => [op.key, 0]));
      const counts = { sent: 0, '2xx': 0, '4xx': 0 };
      let baseline = await snapshot();

      for (const [i, op] of operations.entries()) {
        const property = fc.asyncProperty(requestArb(doc, op, seeds), async (req) => {
          const res = await sendRequest(t, req);
          counts.sent++;
          expect(res.status).toBeLessThan(500);
          const after = await snapshot();
          if (res.status >= 200 && res.status < 300) {
            counts['2xx']++;
            // An accepted write may change state; a read never does.
            if (op.method !== 'get') baseline = after;
          } else {
            expect(res.status).toBeGreaterThanOrEqual(400);
            counts['4xx']++;
            expectCleanError(req, res);
          }
          expect(changedTables(baseline, after)).toEqual([]);
          if (!isNoRoute(res)) routed.set(op.key, (routed.get(op.key) ?? 0) + 1);
        });
        await fc.assert(property, { seed: SEED + i, numRuns: RUNS, endOnFailure: true });
      }

      console.log(
        `hostile-input: ${counts.sent.toLocaleString('en')} requests over ${operations.length} operations, ` +
          `4xx=${counts['4xx']}, 2xx=${counts['2xx']}, 5xx=0 (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS}, ${Date.now() - started} ms)`,
      );
      expect([...routed].filter(([, n]) => n < MIN_ROUTED)).toEqual([]);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
    FUZZ_TIMEOUT_MS,
  );

  // Regression: a few thousand nested arrays overflowed class-transformer's recursion (500).
  it.each([
    ['POST', '/progress-events', 'detail', { event_type: 'note', summary: 's', detail: { x: nested(2_000, 'array') } }],
    ['POST', '/domains', 'colour', { slug: 'deep', name: 'Deep', colour: nested(2_000, 'array') }],
    [
      'POST',
      '/workstreams',
      'extra',
      { repo: 'hub', workplan_id: 'HUB-WP-9', title: 'W', extra: nested(100, 'object') },
    ],
    ['PATCH', '/repos/hub', 'request body', nested(3_000, 'array')],
  ])('%s %s with %s nested too deep → 400, nothing changed', async (method, path, field, body) => {
    const before = await snapshot();
    const req = method === 'POST' ? t.http().post(path) : t.http().patch(path);
    const res = await req.set(auth).send(body as object);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe(`${field} is nested deeper than 64 levels`);
    expect(changedTables(before, await snapshot())).toEqual([]);
  });

  it('still accepts a free-form detail nested 60 levels deep', async () => {
    const detail = { x: nested(59, 'object') };
    const res = await t.http().post('/progress-events').set(auth).send({ event_type: 'note', summary: 's', detail });
    expect(res.status).toBe(201);
    expect(res.body.detail).toEqual(detail);
  });
});

/** Sends one generated request with the bearer token the app was started with. */
async function sendRequest(t: TestApp, r: FuzzRequest): Promise<Response> {
  let req = t.http()[r.op.method](r.url).set('authorization', `Bearer ${TOKEN}`);
  if (r.requestId !== undefined) req = req.set('x-request-id', r.requestId);
  switch (r.body.kind) {
    case 'none':
      return req;
    case 'json':
      return req.set('content-type', 'application/json').send(JSON.stringify(r.body.value));
    case 'raw':
      req = req.set('content-type', r.body.contentType);
      if (r.body.contentEncoding) req = req.set('content-encoding', r.body.contentEncoding);
      return req.send(r.body.text);
  }
}

/** A 4xx is JSON with its status, a code, a message and the request id; no stack, no SQL. */
function expectCleanError(req: FuzzRequest, res: Response): void {
  expect(res.status).not.toBe(401); // the token is right: the fuzz must get past the guard
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.body).toMatchObject({
    status_code: res.status,
    error: expect.any(String),
    message: expect.stringMatching(/\S/),
  });
  expect(res.body.request_id).toBe(res.headers['x-request-id']);
  if (req.requestId && SANE_REQUEST_ID.test(req.requestId)) expect(res.body.request_id).toBe(req.requestId);
  expect(LEAK.exec(res.text)?.[0]).toBeUndefined();
}

const isNoRoute = (res: Response) => res.status === 404 && /^no route /.test(String(res.body?.message ?? ''));

/** `METHOD /path/{param}` of every API route the app serves, less Swagger's and the dashboard's pages, HEAD twins. */
function servedRoutes(t: TestApp): string[] {
  return t.routes.flatMap((route) => {
    const [method, path] = route.split(' ');
    // The OpenAPI pages and the dashboard (/ redirects to /ui/) are pages, not API operations.
    // /engine and /engine/* forward to the engine, whose own document describes them.
    const page = path.startsWith('/docs') || path === '/' || path === '/ui' || path === '/ui/*';
    if (page || path === '/engine' || path === '/engine/*' || (method === 'HEAD' && t.routes.includes(`GET ${path}`))) {
      return [];
    }
    return [`${method} ${path.replace(/:(\w+)/g, '{$1}')}`];
  });
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number, not '${raw}'`);
  return Number(raw);
}

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** Rows the generated requests can point at, so valid-looking ones reach the services and the database. */
async function seed(t: TestApp, checkout: string): Promise<FuzzSeeds> {
  const post = async (path: string, body: object, status = 201) =>
    (await t.http().post(path).set('authorization', `Bearer ${TOKEN}`).send(body).expect(status)).body;
  await post('/domains', { slug: 'custodian', name: 'Custodian' });
  await post('/repos', { slug: 'hub', name: 'Hub', domain: 'custodian', local_path: checkout });
  const ws = await post('/workstreams', { repo: 'hub', workplan_id: 'HUB-WP-1', title: 'W' });
  const task = await post('/tasks', { workstream_id: ws.id, task_key: 'HUB-WP-1-T01', title: 'T' });
  const open = await post('/decisions', { domain: 'custodian', title: 'Open' });
  const resolved = await post('/decisions', { domain: 'custodian', title: 'Resolved' });
  await post(`/decisions/${resolved.id}/resolve`, { resolution: 'r', resolved_by: 'me' }, 200);
  const proposed = await post('/domain-goals', { domain: 'custodian', title: 'Proposed' });
  const active = await post('/domain-goals', { domain: 'custodian', title: 'Active' });
  await post(`/domain-goals/${active.id}/activate`, {}, 200);
  const event = await post('/progress-events', { event_type: 'note', summary: 's', repo: 'hub' });
  const byCollection: Record<string, string[]> = {
    domains: ['custodian'],
    repos: ['hub'],
    workstreams: [ws.id],
    tasks: [task.id],
    decisions: [open.id, resolved.id],
    'domain-goals': [proposed.id, active.id],
    'progress-events': [event.id],
  };
  const fields: Record<string, string[]> = {
    domain: ['custodian'],
    repo: ['hub'],
    workstream_id: [ws.id],
    task_id: [task.id],
    local_path: [checkout],
  };
  return {
    pathValues: (op: FuzzOperation) => byCollection[op.path.split('/')[1]] ?? [],
    fieldValues: (name: string) => fields[name] ?? [],
  };
}
