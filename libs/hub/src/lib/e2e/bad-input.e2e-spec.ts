// Every kind of bad input gets a clear 4xx that names the field or reason,
// never a 500 or a stack, and leaves the database exactly as it was.
import { type AddressInfo, connect } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { tableSnapshot } from '../testing/db-snapshot';
import { startTestApp, type TestApp } from '../testing/test-app';

/** supertest would send a Buffer with a JSON content type as JSON (`{"type":"Buffer",…}`): send its bytes. */
const raw = (bytes: unknown) => bytes as string;

const UNKNOWN_ID = '0190f7a4-0000-7000-8000-000000000000';

describe('bad input (real Postgres)', () => {
  let t: TestApp;
  let ids: { ws: string; task: string; decision: string; goal: string; otherWs: string };

  const snapshot = () => tableSnapshot(t.app.get(DataSource));

  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT: '64kb' } });
    await t.http().post('/domains').send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'hub', name: 'Hub', domain: 'custodian', local_path: '/srv/hub' })
      .expect(201);
    const ws = await t
      .http()
      .post('/workstreams')
      .send({ repo: 'hub', workplan_id: 'HUB-WP-1', title: 'W' })
      .expect(201);
    const task = await t
      .http()
      .post('/tasks')
      .send({ workstream_id: ws.body.id, task_key: 'HUB-WP-1-T01', title: 'T' });
    const decision = await t.http().post('/decisions').send({ domain: 'custodian', title: 'D' }).expect(201);
    await t
      .http()
      .post(`/decisions/${decision.body.id}/resolve`)
      .send({ resolution: 'r', resolved_by: 'me' })
      .expect(200);
    const goal = await t.http().post('/domain-goals').send({ domain: 'custodian', title: 'G' }).expect(201);
    // curl -d '{}' sends a form content-type: a route that reads no body does not mind
    await t
      .http()
      .post(`/domain-goals/${goal.body.id}/activate`)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('{}')
      .expect(200);
    await t.http().patch(`/tasks/${task.body.id}`).send({ status: 'cancelled' }).expect(200);
    await t
      .http()
      .post('/repos')
      .send({ slug: 'other', name: 'Other', domain: 'custodian', local_path: '/srv/other' })
      .expect(201);
    const otherWs = await t
      .http()
      .post('/workstreams')
      .send({ repo: 'other', workplan_id: 'OTHER-WP-1', title: 'O' })
      .expect(201);
    ids = {
      ws: ws.body.id,
      task: task.body.id,
      decision: decision.body.id,
      goal: goal.body.id,
      otherWs: otherWs.body.id,
    };
  });
  afterAll(() => t?.close());

  type Case = [
    name: string,
    method: 'post' | 'patch' | 'get',
    path: () => string,
    body: unknown,
    status: number,
    expected: RegExp,
    field?: string,
  ];
  const cases: Case[] = [
    [
      'unknown field',
      'post',
      () => '/domains',
      { slug: 'x', name: 'X', colour: 'red' },
      400,
      /colour is not a known field/,
      'colour',
    ],
    ['missing field', 'post', () => '/domains', { slug: 'x' }, 400, /^name is required$/, 'name'],
    ['wrong type', 'post', () => '/domains', { slug: 42, name: 'X' }, 400, /slug must be a string/, 'slug'],
    [
      'bad slug',
      'post',
      () => '/repos',
      { slug: 'Not A Slug', name: 'X', domain: 'custodian', local_path: '/x' },
      400,
      /slug must be a lowercase slug/,
      'slug',
    ],
    [
      'SQL in a slug',
      'post',
      () => '/domains',
      { slug: "x'; DROP TABLE repos;--", name: 'X' },
      400,
      /slug must be a lowercase slug/,
      'slug',
    ],
    [
      'a commit ref longer than its event allows',
      'post',
      () => '/repos/hub/commits',
      { ref: `refs/heads/${'x'.repeat(190)}`, sha: 'a'.repeat(40) },
      400,
      /ref must be shorter than or equal to 200 characters/,
      'ref',
    ],
    [
      'neither remote_url nor local_path',
      'post',
      () => '/repos',
      { slug: 'r', name: 'R', domain: 'custodian' },
      400,
      /remote_url or local_path is required/,
    ],
    [
      'relative local_path',
      'post',
      () => '/repos',
      { slug: 'r', name: 'R', domain: 'custodian', local_path: '../etc' },
      400,
      /local_path must be an absolute path/,
      'local_path',
    ],
    [
      'unknown domain in body',
      'post',
      () => '/repos',
      { slug: 'r', name: 'R', domain: 'nope', local_path: '/r' },
      422,
      /domain 'nope' not found/,
      'domain',
    ],
    [
      'duplicate repo',
      'post',
      () => '/repos',
      { slug: 'hub', name: 'Hub', domain: 'custodian', local_path: '/srv/hub' },
      409,
      /already registered/,
      'slug',
    ],
    ['duplicate domain', 'post', () => '/domains', { slug: 'custodian', name: 'Again' }, 409, /already exists/, 'slug'],
    [
      'duplicate workplan in repo',
      'post',
      () => '/workstreams',
      { repo: 'hub', workplan_id: 'HUB-WP-1', title: 'W' },
      409,
      /already exists/,
      'workplan_id',
    ],
    [
      'bad workplan id',
      'post',
      () => '/workstreams',
      { repo: 'hub', workplan_id: 'lower-1', title: 'W' },
      400,
      /workplan_id must look like/,
      'workplan_id',
    ],
    [
      'duplicate task key',
      'post',
      () => '/tasks',
      () => ({ workstream_id: ids.ws, task_key: 'HUB-WP-1-T01', title: 'T' }),
      409,
      /already exists/,
      'task_key',
    ],
    [
      'unknown workstream in body',
      'post',
      () => '/tasks',
      { workstream_id: UNKNOWN_ID, task_key: 'T1', title: 'T' },
      422,
      /not found/,
      'workstream_id',
    ],
    [
      'bad enum',
      'post',
      () => '/tasks',
      () => ({ workstream_id: ids.ws, task_key: 'T9', title: 'T', priority: 'urgent' }),
      400,
      /priority must be one of: critical, high, medium, low/,
      'priority',
    ],
    [
      'huge string',
      'post',
      () => '/domains',
      { slug: 'big', name: 'x'.repeat(5000) },
      400,
      /name must be shorter than or equal to 200/,
      'name',
    ],
    [
      'detail not an object',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', detail: [1, 2] },
      400,
      /detail must be a JSON object/,
      'detail',
    ],
    [
      'bad timestamp',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', occurred_at: 'yesterday' },
      400,
      /occurred_at must be an RFC 3339 timestamp/,
      'occurred_at',
    ],
    [
      'illegal workstream transition',
      'patch',
      () => `/workstreams/${ids.ws}`,
      { status: 'completed' },
      409,
      /cannot move from 'draft' to 'completed'/,
      'status',
    ],
    [
      'illegal task transition',
      'patch',
      () => `/tasks/${ids.task}`,
      { status: 'done' },
      409,
      /cannot move from 'cancelled' to 'done'/,
      'status',
    ],
    [
      'already resolved',
      'post',
      () => `/decisions/${ids.decision}/resolve`,
      { resolution: 'x', resolved_by: 'y' },
      409,
      /already resolved/,
    ],
    ['already active', 'post', () => `/domain-goals/${ids.goal}/activate`, {}, 409, /already active/],
    [
      'null for a required field',
      'patch',
      () => `/tasks/${ids.task}`,
      { title: null },
      400,
      /title must be a string/,
      'title',
    ],
    ['null status', 'patch', () => `/workstreams/${ids.ws}`, { status: null }, 400, /status must be one of/, 'status'],
    ['null repo fields', 'patch', () => '/repos/hub', { name: null, local_path: null }, 400, /must/],
    [
      'NUL character in text',
      'post',
      () => '/domains',
      { slug: 'nul', name: 'a\u0000b' },
      400,
      /must not contain NUL/,
      'name',
    ],
    [
      'NUL character in jsonb',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', detail: { k: 'a\u0000' } },
      400,
      /detail must not contain NUL/,
      'detail',
    ],
    [
      'timestamp without offset',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', occurred_at: '2026-01-01T10:00:00' },
      400,
      /occurred_at must be an RFC 3339 timestamp/,
      'occurred_at',
    ],
    [
      'progress event of an unknown repo',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', repo: 'nope' },
      422,
      /^repo 'nope' not found$/,
      'repo',
    ],
    [
      'progress event of an unknown workstream',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', repo: 'hub', workstream_id: UNKNOWN_ID },
      422,
      new RegExp(`^workstream ${UNKNOWN_ID} not found$`),
      'workstream_id',
    ],
    [
      'progress event of an unknown task',
      'post',
      () => '/progress-events',
      { event_type: 'note', summary: 's', task_id: UNKNOWN_ID },
      422,
      new RegExp(`^task ${UNKNOWN_ID} not found$`),
      'task_id',
    ],
    [
      "progress event of another repo's workstream",
      'post',
      () => '/progress-events',
      () => ({ event_type: 'note', summary: 's', repo: 'hub', workstream_id: ids.otherWs }),
      422,
      /is not in repo 'hub'/,
      'workstream_id',
    ],
    [
      "progress event of another workstream's task",
      'post',
      () => '/progress-events',
      () => ({ event_type: 'note', summary: 's', workstream_id: ids.otherWs, task_id: ids.task }),
      422,
      /is not in workstream/,
      'task_id',
    ],
    [
      "progress event of another repo's task",
      'post',
      () => '/progress-events',
      () => ({ event_type: 'note', summary: 's', repo: 'other', task_id: ids.task }),
      422,
      /is not in repo 'other'/,
      'task_id',
    ],
    ['unknown id', 'patch', () => `/workstreams/${UNKNOWN_ID}`, { title: 'x' }, 404, /not found/, 'id'],
    ['id not a uuid', 'get', () => '/tasks/not-a-uuid', undefined, 400, /id must be a UUID/, 'id'],
    ['unknown repo', 'get', () => '/repos/nope', undefined, 404, /repo 'nope' not found/],
    ['path traversal in slug', 'get', () => '/repos/..%2F..%2Fetc', undefined, 400, /not a valid slug/],
    ['unknown filter value', 'get', () => '/next-steps?repo=nope', undefined, 404, /repo 'nope' not found/],
    ['unknown query parameter', 'get', () => '/repos?colour=red', undefined, 400, /colour is not a known field/],
    ['no such route', 'get', () => '/nope', undefined, 404, /no route GET \/nope/],
  ];

  const rows = cases.map(([name, method, path, body, status, expected, field]) => ({
    name,
    method,
    path,
    body,
    status,
    expected,
    field,
  }));

  it.each(rows)('$name → $status', async ({ method, path, body, status, expected, field }) => {
    const before = await snapshot();
    const req = t.http()[method](path());
    const payload = typeof body === 'function' ? body() : body;
    const res = payload === undefined ? await req : await req.send(payload as object);
    expect(res.status).toBe(status);
    expect(res.body.message).toMatch(expected);
    if (field) expect(res.body.field).toBe(field);
    expect(res.body.request_id).toEqual(res.headers['x-request-id']);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|QueryFailedError|SELECT|INSERT/);
    expect(await snapshot()).toBe(before);
  });

  it('refuses malformed JSON with 400', async () => {
    const res = await t.http().post('/domains').set('content-type', 'application/json').send('{"slug": "x",');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'malformed_json', message: 'request body is not valid JSON' });
    expect(res.body.request_id).toBeTruthy();
  });

  it.each([
    ['text/plain', 'text/plain', '{"slug":"x","name":"X"}', /not "text\/plain"/],
    ['a form', 'application/x-www-form-urlencoded', 'slug=x&name=X', /not "application\/x-www-form-urlencoded"/],
    ['+json', 'application/merge-patch+json', '{"slug":"x","name":"X"}', /not "application\/merge-patch\+json"/],
  ])('refuses a body sent as %s with 415 naming the content-type', async (_name, type, body, expected) => {
    const before = await snapshot();
    const res = await t.http().post('/domains').set('content-type', type).send(body);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ status_code: 415, error: 'unsupported_media_type' });
    expect(res.body.message).toMatch(/^content-type must be application\/json, /);
    expect(res.body.message).toMatch(expected);
    expect(res.body.request_id).toEqual(res.headers['x-request-id']);
    expect(await snapshot()).toBe(before);
  });

  it('accepts a write without a body, and application/json with parameters', async () => {
    const goal = await t.http().post('/domain-goals').send({ domain: 'custodian', title: 'No body' }).expect(201);
    // curl -d '{}' sends a form content-type: a route that reads no body does not mind
    await t
      .http()
      .post(`/domain-goals/${goal.body.id}/activate`)
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('{}')
      .expect(200);
    await t
      .http()
      .post('/domains')
      .set('content-type', 'Application/JSON; charset=utf-8')
      .send(JSON.stringify({ slug: 'with-charset', name: 'With charset' }))
      .expect(201);
  });

  it('refuses an oversize body with 413', async () => {
    const before = await snapshot();
    const res = await t
      .http()
      .post('/progress-events')
      .send({ event_type: 'note', summary: 's', detail: { blob: 'x'.repeat(100 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/larger than the limit/);
    expect(await snapshot()).toBe(before);
  });

  it('reads a gzip, deflate or br body, and refuses another encoding or charset with 415', async () => {
    const body = (slug: string) => Buffer.from(JSON.stringify({ slug, name: slug }));
    for (const [encoding, pack] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      await t
        .http()
        .post('/domains')
        .set('content-type', 'application/json')
        .set('content-encoding', encoding)
        .serialize(raw)
        .send(pack(body(`packed-${encoding}`)))
        .expect(201);
    }
    const before = await snapshot();
    const refused = [
      ['application/json', 'zstd', /^unsupported content encoding "zstd"$/],
      ['application/json; charset=latin1', 'identity', /^unsupported charset "LATIN1"$/],
    ] as const;
    for (const [type, encoding, message] of refused) {
      const res = await t
        .http()
        .post('/domains')
        .set('content-type', type)
        .set('content-encoding', encoding)
        .serialize(raw)
        .send(body('refused'));
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ status_code: 415, error: 'unsupported_media_type', message });
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a body that inflates past the limit with 413, and a broken gzip body with 400', async () => {
    const before = await snapshot();
    const bomb = gzipSync(Buffer.from(JSON.stringify({ slug: 'x', name: 'x'.repeat(200 * 1024) })));
    const inflated = await t
      .http()
      .post('/domains')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .serialize(raw)
      .send(bomb);
    expect(inflated.status).toBe(413);
    expect(inflated.body.message).toMatch(/larger than the limit/);
    const broken = await t
      .http()
      .post('/domains')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send('not gzip at all');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: 'bad_request', message: 'request body is not valid gzip data' });
    expect(await snapshot()).toBe(before);
  });

  it('refuses a body without a content-type with 415', async () => {
    const res = await t.http().post('/domains').unset('content-type').send(Buffer.from('{"slug":"x","name":"X"}'));
    expect(res.status).toBe(415);
    expect(res.body.message).toBe('content-type must be application/json, not missing');
  });

  it('ignores a malformed content-type on a write without a body, and refuses one with a body with 415', async () => {
    const goal = await t.http().post('/domain-goals').send({ domain: 'custodian', title: 'Typed' }).expect(201);
    await t.http().post(`/domain-goals/${goal.body.id}/activate`).set('content-type', 'json').expect(200);
    const res = await t
      .http()
      .post('/domains')
      .set('content-type', 'json')
      .serialize(raw)
      .send('{"slug":"j","name":"J"}');
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      status_code: 415,
      error: 'unsupported_media_type',
      message: 'content-type must be application/json, not "json"',
      request_id: res.headers['x-request-id'],
    });
  });

  it('answers a path parameter longer than 1,000 characters with a 414 in the usual shape', async () => {
    const res = await t.http().get(`/repos/${'a'.repeat(1_001)}`);
    expect(res.status).toBe(414);
    expect(res.body).toEqual({
      status_code: 414,
      error: 'uri_too_long',
      message: 'a path parameter is longer than 1000 characters',
      request_id: res.headers['x-request-id'],
    });
    // up to the limit the route's own check answers
    expect((await t.http().get(`/repos/${'a'.repeat(1_000)}`)).status).toBe(400);
  });

  it('answers a request that is not HTTP with a 400 in the usual shape, and closes', async () => {
    const server = t.app.getHttpServer();
    if (!server.address()) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address() as AddressInfo;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(address.port, '127.0.0.1', () =>
        socket.write('GET /repos HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/\r\nConnection: close\r\n/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      status_code: 400,
      error: 'bad_request',
      message: 'the request is not valid HTTP',
    });
  });

  it('answers a path whose %-escape is not UTF-8 with a 400 in the usual shape', async () => {
    const res = await t.http().get('/repos/%ED%A0%80').set('x-request-id', 'bad-url-1');
    expect(res.status).toBe(400);
    expect(res.headers['x-request-id']).toBe('bad-url-1');
    expect(res.body).toEqual({
      status_code: 400,
      error: 'bad_request',
      message: 'the URL is not valid: a %-escape in its path is not UTF-8',
      request_id: 'bad-url-1',
    });
  });

  it('keeps a caller-supplied request id', async () => {
    const res = await t.http().get('/repos/nope').set('x-request-id', 'trace-123');
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.body.request_id).toBe('trace-123');
  });
});
