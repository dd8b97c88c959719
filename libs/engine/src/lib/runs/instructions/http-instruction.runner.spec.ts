// The http instruction against a real local server: what it sends, what it records, and how it fails.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpInstruction, LoadedDefinition } from '@state-hub/activity-definitions';
import { runHttpInstruction } from './http-instruction.runner';
import type { InstructionInput } from './instruction-outcome';

interface Seen {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
  rawHeaders: string[];
  body: string;
}

describe('runHttpInstruction', () => {
  let server: Server;
  let base: string;
  const seen: Seen[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, rawHeaders: req.rawHeaders, body });
        if (req.url === '/hang') return; // never answers
        if (req.url === '/trickle') return res.writeHead(200).write('a first part, and never the rest');
        if (req.url === '/teapot') return res.writeHead(418).end('short and stout');
        if (req.url === '/moved') return res.writeHead(302, { location: '/elsewhere' }).end();
        if (req.url === '/big') return res.writeHead(200).end('a'.repeat(100_000) + 'é'.repeat(5000) + 'END');
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => (server.closeAllConnections(), server.close(r))));
  beforeEach(() => (seen.length = 0));

  const input: InstructionInput = {
    definition: {} as LoadedDefinition,
    runId: 'run-1',
    data: { event: { attributes: { slug: 'my repo' } } },
  };
  const http = (fields: Partial<HttpInstruction>): HttpInstruction =>
    ({ kind: 'http', method: 'POST', url: `${base}/ok`, timeout_seconds: 5, ...fields }) as HttpInstruction;

  it('sends the rendered request with the run id as Idempotency-Key and records the answer', async () => {
    const outcome = await runHttpInstruction(
      http({
        url: `${base}/repos/{{ event.attributes.slug }}/sync`,
        headers: { 'Content-Type': 'application/vnd.x+json', 'x-slug': '{{ event.attributes.slug }}' },
        body: { slug: '{{ event.attributes.slug }}' },
      }),
      input,
    );
    expect(outcome).toEqual({
      ok: true,
      result: {
        method: 'POST',
        url: `${base}/repos/my repo/sync`,
        http_status: 200,
        body_tail: '{"ok":true}',
      },
    });
    const [req] = seen;
    expect(req).toMatchObject({ method: 'POST', url: '/repos/my%20repo/sync', body: '{"slug":"my repo"}' });
    expect(req.headers).toMatchObject({
      'content-type': 'application/vnd.x+json', // the definition's own, sent once
      'x-slug': 'my repo',
      'idempotency-key': 'run-1',
      'content-length': '18',
    });
    expect(req.rawHeaders.filter((h) => h.toLowerCase() === 'content-type')).toHaveLength(1);
  });

  it('sends no body and no content-type without a body', async () => {
    await runHttpInstruction(http({ method: 'GET' }), input);
    expect(seen[0].body).toBe('');
    expect(seen[0].headers['content-type']).toBeUndefined();
  });

  it('fails on a status outside 2xx unless expect_status lists it; a redirect is the answer', async () => {
    const teapot = await runHttpInstruction(http({ url: `${base}/teapot` }), input);
    expect(teapot).toMatchObject({ ok: false, error: `POST ${base}/teapot answered 418` });
    expect(teapot.result).toMatchObject({ http_status: 418, body_tail: 'short and stout' });
    await expect(
      runHttpInstruction(http({ url: `${base}/teapot`, expect_status: [418] }), input),
    ).resolves.toMatchObject({ ok: true });
    const moved = await runHttpInstruction(http({ url: `${base}/moved` }), input);
    expect(moved).toMatchObject({ ok: false, result: { http_status: 302 } });
    expect(seen.map((r) => r.url)).not.toContain('/elsewhere');
  });

  it('keeps only the last 4096 characters of a long body', async () => {
    const outcome = await runHttpInstruction(http({ url: `${base}/big` }), input);
    const tail = outcome.result.body_tail as string;
    expect(tail).toHaveLength(4096);
    expect(tail).toBe('é'.repeat(4093) + 'END');
  });

  it('times out with timed_out after timeout_seconds', async () => {
    const started = Date.now();
    const outcome = await runHttpInstruction(http({ url: `${base}/hang`, timeout_seconds: 1 }), input);
    expect(outcome).toMatchObject({ ok: false, timedOut: true, error: `POST ${base}/hang: timed out after 1s` });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out when the answer starts but its body never ends: the limit covers reading the body', async () => {
    const started = Date.now();
    const outcome = await runHttpInstruction(http({ url: `${base}/trickle`, timeout_seconds: 1 }), input);
    expect(outcome).toMatchObject({ ok: false, timedOut: true, error: `POST ${base}/trickle: timed out after 1s` });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a refused connection and an unusable URL as failures, not timeouts', async () => {
    const refused = await runHttpInstruction(http({ url: 'http://127.0.0.1:1/x' }), input);
    expect(refused).toMatchObject({ ok: false, timedOut: false });
    expect(refused.error).toMatch(/^POST http:\/\/127\.0\.0\.1:1\/x: connect ECONNREFUSED/);
    const bad = await runHttpInstruction(http({ url: '{{ event.attributes.slug }}' }), input);
    expect(bad).toMatchObject({ ok: false, timedOut: false, error: 'POST my repo: Invalid URL' });
  });
});
