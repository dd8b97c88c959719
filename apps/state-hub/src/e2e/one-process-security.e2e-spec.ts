// Security of the one process (`npm start`) on Postgres: the hub's token guards
// every route under /engine/ (writes refused without it change nothing), the
// process refuses a non-loopback HOST without a token, and a canary secret passed
// through the environment into definitions (an http instruction's header, URL and
// body, a shell command and its environment, an http_get context source, an
// invalid file) is found nowhere afterwards: in no text or jsonb column of any
// table, no log line, no API answer.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuiltApp,
  createTestDatabase,
  type DefinitionFiles,
  eventually,
  runToExit,
  startBuiltSystem,
  SYSTEM_MAIN,
  type TestDatabase,
  WORKSPACE_ROOT,
} from '@state-hub/testing';
import { Client } from 'pg';
import { definitionsDir, runsOf } from '../testing/system-fixture';

const TOKEN = 'system-token-0123456789abcdef';
const CANARY = 'canary-7f3a9c2e-secret-value';
const MARKER = '[secret]';
const MANUAL = ['test.canary-http', 'test.canary-shell', 'test.canary-context'];

/** A hostile endpoint: answers every request with its URL, headers and body, secrets included. */
async function startEchoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: req.url, headers: req.headers, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const DEFINITIONS = {
  'canary-http.yaml': `id: test.canary-http
trigger: { trigger_type: manual }
instruction:
  kind: http
  method: POST
  url: '\${ECHO_URL}/http?api=\${CANARY_SECRET}'
  headers: { authorization: 'Bearer \${CANARY_SECRET}', x-plain: '\${CANARY_SECRET}' }
  body: { note: 'from \${CANARY_SECRET}' }
  expect_status: 299
`,
  'canary-shell.yaml': `id: test.canary-shell
trigger: { trigger_type: manual }
instruction:
  kind: shell
  cmd: 'echo "cmd says \${CANARY_SECRET}"; echo "env says $TOKEN" >&2; exit 3'
  env: { TOKEN: '\${CANARY_SECRET}' }
  timeout_seconds: 10
`,
  'canary-context.yaml': `id: test.canary-context
trigger: { trigger_type: manual }
context:
  - { kind: http_get, bind: echoed, url: '\${ECHO_URL}/ctx?key=\${CANARY_SECRET}', headers: { x-api-key: '\${CANARY_SECRET}' } }
  - { kind: http_get, bind: hub, url: '\${STATE_HUB_URL}/next-steps?token=\${CANARY_SECRET}' }
rule: { when: ["echoed.url != ''"] }
instruction:
  kind: http
  method: POST
  url: '\${ECHO_URL}/after-context'
  body: { seen: '{{ echoed.url }}' }
`,
  'canary-invalid.yaml': `id: test.canary-invalid
trigger: { trigger_type: cron, cron_expression: '\${CANARY_SECRET}' }
instruction: { kind: http, method: POST, url: '\${ECHO_URL}/never' }
`,
};

describe('one process: the token guards /engine/, and secrets are never stored or shown (built app, Postgres)', () => {
  let db: TestDatabase;
  let defs: DefinitionFiles;
  let echo: { url: string; close(): Promise<void> };
  let app: BuiltApp;

  beforeAll(async () => {
    [db, echo] = await Promise.all([createTestDatabase('statehub_system_security'), startEchoServer()]);
    defs = definitionsDir([], DEFINITIONS);
    app = await startBuiltSystem({
      databaseUrl: db.url,
      definitionsDir: defs.dir,
      env: { STATE_HUB_API_TOKEN: TOKEN, CANARY_SECRET: CANARY, ECHO_URL: echo.url, LOG_LEVEL: 'info' },
      keepAllOutput: true,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await echo?.close();
    await db?.drop();
    defs?.remove();
  });

  const count = async (sql: string): Promise<number> => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      return (await client.query<{ n: number }>(sql)).rows[0].n;
    } finally {
      await client.end();
    }
  };

  it('refuses every /engine/ write without the hub token and with a wrong one, and changes nothing', async () => {
    const doc = await app.json<{ paths: Record<string, Record<string, unknown>> }>('GET', '/docs-json');
    const writes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/engine/'))
      .flatMap(([path, ops]) =>
        Object.keys(ops)
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => ({ m, path })),
      );
    expect(writes.map(({ m, path }) => `${m} ${path}`).sort()).toEqual([
      'post /engine/dead-letters/redrive',
      'post /engine/definitions/{id}/run',
      'post /engine/runs/{id}/replay',
    ]);
    const before = {
      runs: await count('SELECT count(*)::int AS n FROM activity_runs'),
      outbox: await count('SELECT count(*)::int AS n FROM event_outbox'),
      letters: await count('SELECT count(*)::int AS n FROM dead_letters'),
    };
    for (const { m, path } of writes) {
      const url = `${app.url}${path.replace('{id}', MANUAL[0])}`;
      for (const headers of [{}, { authorization: 'Bearer not-the-hub-token-at-all' }]) {
        const res = await fetch(url, {
          method: m.toUpperCase(),
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ ids: ['00000000-0000-4000-8000-000000000000'] }),
        });
        const body = (await res.json()) as { message: string };
        expect({ path, status: res.status }).toEqual({ path, status: 401 });
        expect(body.message).toMatch(
          /^(missing bearer token: send Authorization: Bearer <STATE_HUB_API_TOKEN>|invalid bearer token)$/,
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect({
      runs: await count('SELECT count(*)::int AS n FROM activity_runs'),
      outbox: await count('SELECT count(*)::int AS n FROM event_outbox'),
      letters: await count('SELECT count(*)::int AS n FROM dead_letters'),
    }).toEqual(before);
    // Reads and the health checks stay open.
    expect((await fetch(`${app.url}/engine/runs`)).status).toBe(200);
    expect((await fetch(`${app.url}/engine/health`)).status).toBe(200);
    expect((await fetch(`${app.url}/state/health`)).status).toBe(200);
  });

  it('after runs of http, shell and http_get-context definitions, the canary is in no table, log line or answer', async () => {
    for (const id of MANUAL) await app.json('POST', `/engine/definitions/${id}/run`, {}, 202);
    const runs = await eventually(async () => {
      const all = (await Promise.all(MANUAL.map((id) => runsOf(app, id)))).flat();
      expect(all.map((r) => r.status).filter((s) => s !== 'running')).toHaveLength(MANUAL.length);
      return all;
    });
    // The secret did reach the hostile echo and the shell, and came back: what is stored shows the marker.
    const details = await Promise.all(
      runs.map((r) => app.json<Record<string, unknown>>('GET', `/engine/runs/${r.id}`)),
    );
    const byId = Object.fromEntries(details.map((d) => [d['definition_id'] as string, JSON.stringify(d)]));
    expect(byId['test.canary-http']).toContain(`api=${MARKER}`);
    expect(byId['test.canary-http']).toContain(`Bearer ${MARKER}`);
    expect(byId['test.canary-shell']).toContain(`cmd says ${MARKER}`);
    expect(byId['test.canary-shell']).toContain(`env says ${MARKER}`);
    expect(byId['test.canary-context']).toContain(`key=${MARKER}`);

    // Every text, varchar, json, jsonb and bytea column of every table.
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const found: string[] = [];
    let columnCount = 0;
    try {
      const columns = await client.query<{ s: string; t: string; c: string; type: string }>(
        `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c, c.data_type AS type
           FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
            AND c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'bytea', 'ARRAY')`,
      );
      expect(columns.rows.length).toBeGreaterThan(20);
      columnCount = columns.rows.length;
      for (const { s, t, c, type } of columns.rows) {
        const value = type === 'bytea' ? `encode("${c}", 'escape')` : `"${c}"::text`;
        const hit = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "${s}"."${t}" WHERE strpos(${value}, $1) > 0`,
          [CANARY],
        );
        if (hit.rows[0].n > 0) found.push(`${s}.${t}.${c}`);
      }
      const [{ n: stored }] = (
        await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM activity_runs WHERE strpos(result::text || context::text || coalesce(error, ''), $1) > 0`,
          [MARKER],
        )
      ).rows;
      expect(stored).toBeGreaterThan(0);
    } finally {
      await client.end();
    }
    expect(found).toEqual([]);

    // Every answer a client could ask for.
    const answers = [
      await app.json('GET', '/engine/runs?limit=500'),
      ...details,
      await app.json('GET', '/engine/definitions'),
      await app.json('GET', '/engine/dead-letters'),
      await app.json('GET', '/engine/health'),
      await app.json('GET', '/state/health'),
      await app.json('GET', '/progress-events'),
    ];
    const invalid = (
      await app.json<{ id: string | null; state: string; errors: string[] }[]>('GET', '/engine/definitions')
    ).find((d) => d.id === 'test.canary-invalid');
    expect(invalid?.state).toBe('invalid');
    expect(JSON.stringify(answers)).not.toContain(CANARY);

    // Every log line, the hub's request lines for the context's GET included.
    const log = app.service.allOutput();
    expect(log).toContain(`/next-steps?token=${MARKER}`);
    expect(log).not.toContain(CANARY);
    const answerBytes = Buffer.byteLength(JSON.stringify(answers));
    console.log(
      `canary: runs=${runs.length} (http, shell, http_get context) invalid_files=1 columns_searched=${columnCount} ` +
        `log_lines=${log.split('\n').length} answer_bytes=${answerBytes} found=${found.length}`,
    );
  });
});

describe('one process on a non-loopback HOST', () => {
  it('refuses to start without STATE_HUB_API_TOKEN: exit 1, one line saying why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'state-hub-host-'));
    try {
      const run = await runToExit(SYSTEM_MAIN, {
        env: { HOST: '0.0.0.0', STATE_HUB_DATA_DIR: dataDir, STATE_HUB_API_TOKEN: '' },
        cwd: WORKSPACE_ROOT,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        'state-hub: STATE_HUB_API_TOKEN must be set when HOST=0.0.0.0 (not loopback): without it anyone who reaches ' +
          'the port can write. Set STATE_HUB_API_TOKEN (at least 16 characters; clients send Authorization: Bearer ' +
          '<token>), or HOST=127.0.0.1\n',
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
