// The runs CLI against a stand-in for the engine's GET /runs (the engine is not started).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnCli } from './testing/spawn-cli';

const PAGE = {
  items: [
    {
      id: '2b1f0c1e-0000-4000-8000-000000000001',
      definition_id: 'the-custodian.state-hub-commit-sync',
      trigger_kind: 'event',
      trigger_key: '0190b3c2-8c1e-7a51-9d2e-3f4a5b6c7d8e',
      event_type: 'org.repo.commit.pushed',
      status: 'failed',
      skip_reason: null,
      error: 'POST http://hub:3000/repos/state-hub/sync answered 503',
      started_at: '2025-01-31T09:00:01.250Z',
      duration_ms: 1250,
    },
    {
      id: '2b1f0c1e-0000-4000-8000-000000000002',
      definition_id: 'the-custodian.state-hub-consistency-sweep',
      trigger_kind: 'cron',
      trigger_key: 'cron:2025-01-31T08:45:00.000Z',
      event_type: null,
      status: 'skipped',
      skip_reason: `"hub_health.status == 'ok'" is false`,
      error: null,
      started_at: '2025-01-31T08:45:00.010Z',
      duration_ms: 42,
    },
    {
      id: '2b1f0c1e-0000-4000-8000-000000000003',
      definition_id: 'the-custodian.state-hub-stale-task-cleanup',
      trigger_kind: 'manual',
      trigger_key: 'manual:6a9e',
      event_type: null,
      status: 'running',
      skip_reason: null,
      error: null,
      started_at: '2025-01-31T08:40:00.000Z',
      duration_ms: null,
    },
  ],
  total: 57,
  limit: 3,
  offset: 0,
};

describe('runs CLI', () => {
  let server: Server;
  let url: string;
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url?.includes('status=bogus')) {
        res.statusCode = 400;
        res.end(JSON.stringify({ message: 'status must be one of running, succeeded', field: 'status' }));
      } else res.end(JSON.stringify(PAGE));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  beforeEach(() => (requests.length = 0));

  const runs = (...args: string[]) => spawnCli('list-runs.ts', args);

  it('prints the runs as a table and passes the filters on', async () => {
    const result = await runs('--url', url, '--definition', 'the-custodian.x', '--status', 'failed', '--limit', '3');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(requests).toEqual(['/runs?definition=the-custodian.x&status=failed&limit=3']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^STARTED\s+DEFINITION\s+TRIGGER\s+STATUS\s+DURATION\s+SKIP REASON \/ ERROR$/);
    expect(lines[1]).toMatch(
      /^2025-01-31 09:00:01Z\s+the-custodian\.state-hub-commit-sync\s+event org\.repo\.commit\.pushed\s+failed\s+1\.3s\s+POST http:\/\/hub:3000\/repos\/state-hub\/sync answered 503$/,
    );
    expect(lines[2]).toMatch(
      /^2025-01-31 08:45:00Z\s+the-custodian\.state-hub-consistency-sweep\s+cron 2025-01-31T08:45:00\.000Z\s+skipped\s+42ms\s+"hub_health\.status == 'ok'" is false$/,
    );
    expect(lines[3]).toMatch(
      /^2025-01-31 08:40:00Z\s+the-custodian\.state-hub-stale-task-cleanup\s+manual\s+running\s+-$/,
    );
    expect(lines[4]).toBe('3 of 57 runs');
    // Columns line up.
    expect(lines[1].indexOf('failed')).toBe(lines[0].indexOf('STATUS'));
  });

  it('passes the JSON through with --json', async () => {
    const result = await runs('--url', `${url}/`, '--json');
    expect(result.code).toBe(0);
    expect(requests).toEqual(['/runs']);
    expect(JSON.parse(result.stdout)).toEqual(PAGE);
  });

  it("prints the engine's message when it refuses the query", async () => {
    const result = await runs('--url', url, '--status', 'bogus');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `GET ${url}/runs?status=bogus answered 400: status must be one of running, succeeded`,
    );
  });

  it('says so in one line when the engine is unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await runs('--url', `http://127.0.0.1:${port}`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `cannot reach the engine at http://127.0.0.1:${port} (GET /runs): connection refused — is event-consumer running?\n`,
    );
  });

  it('exits 2 on bad usage', async () => {
    expect(await runs('--limit', 'ten')).toMatchObject({ code: 2, stderr: expect.stringContaining('--limit must be') });
    expect(await runs('--url', 'localhost:3001')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--url must'),
    });
    expect(await runs('extra')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: runs') });
  });
});
