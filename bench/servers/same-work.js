// The same work as the API, done by hand: node:http + pg (a pool of DB_POOL_SIZE, as the API's), no framework,
// the API's SQL for four routes (captured from the API with log_statement=all), each answer the same JSON shape:
//   GET  /repos                 page of 50 with the domain joined and a window count
//   POST /progress-events       the references' lookup, then INSERT … RETURNING (each statement on its own)
//   GET  /next-steps            the open tasks of active workstreams in active repos, domain resolved
//   GET  /workstreams/:id       the workstream with its repo and domains, then its tasks
// What the hand-written version leaves out is the framework around the SQL: routing, guards, validation and
// logging. (The API used to add entity hydration, TypeORM's query runner and, on GET /workstreams/:id, an extra
// DISTINCT round trip; its hot routes now run this same SQL as plain queries on the driver's pool.)
// Usage: DATABASE_URL=… PORT=… node bench/servers/same-work.js
const http = require('node:http');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REPOS_PAGE = `SELECT r.id, r.slug, r.name, r.domain_id, r.remote_url, r.local_path, r.default_branch, r.status,
  r.last_synced_at, r.last_commit_sha, r.last_commit_ref, r.last_commit_at, r.created_at, r.updated_at,
  d.slug AS domain, count(*) OVER () AS total
  FROM repos r INNER JOIN domains d ON d.id = r.domain_id ORDER BY r.slug ASC LIMIT $1 OFFSET $2`;
const REFERENCES = `SELECT (SELECT id FROM repos WHERE slug = $1) AS repo_id,
  w.id AS workstream_id, w.repo_id AS workstream_repo_id, t.id AS task_id, t.workstream_id AS task_workstream_id
  FROM (VALUES (1)) AS one LEFT JOIN tasks t ON t.id = $3 LEFT JOIN workstreams w ON w.id = COALESCE($2, t.workstream_id)`;
const INSERT_EVENT = `INSERT INTO progress_events (event_type, summary, detail, repo_id, workstream_id, task_id, actor,
  occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at`;
const NEXT_STEPS = `SELECT t.id AS task_id, t.task_key, t.title, t.status, t.priority, t.created_at, w.id AS workstream_id,
  w.workplan_id, w.title AS workstream_title, r.slug AS repo, COALESCE(wd.slug, rd.slug) AS domain
  FROM tasks t INNER JOIN workstreams w ON w.id = t.workstream_id INNER JOIN repos r ON r.id = w.repo_id
  LEFT JOIN domains wd ON wd.id = w.domain_id INNER JOIN domains rd ON rd.id = r.domain_id
  WHERE t.status IN ('todo', 'in_progress') AND w.status = 'active' AND r.status = 'active'
  ORDER BY t.priority ASC, t.created_at ASC, t.position ASC, t.id ASC LIMIT $1`;
const WORKSTREAM = `SELECT w.id, w.workplan_id, w.title, w.status, w.repo_id, r.slug AS repo,
  COALESCE(wd.slug, rd.slug) AS domain, w.owner, w.source_path, w.extra, w.completed_at, w.created_at, w.updated_at
  FROM workstreams w LEFT JOIN repos r ON r.id = w.repo_id LEFT JOIN domains rd ON rd.id = r.domain_id
  LEFT JOIN domains wd ON wd.id = w.domain_id WHERE w.id = $1`;
const TASKS = `SELECT t.id, t.task_key, t.title, t.status, t.priority, t.position, t.workstream_id, t.extra, t.started_at,
  t.completed_at, t.created_at, t.updated_at FROM tasks t WHERE t.workstream_id = $1 ORDER BY t.position ASC, t.task_key ASC`;

function send(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

async function listRepos(url) {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 50), 500);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  const { rows } = await pool.query(REPOS_PAGE, [limit, offset]);
  const total = rows.length > 0 ? Number(rows[0].total) : 0;
  return { items: rows.map(({ total: _total, ...repo }) => repo), total, limit, offset };
}

async function addProgressEvent(body) {
  const input = JSON.parse(body);
  const refs = (await pool.query(REFERENCES, [input.repo, null, null])).rows[0];
  if (!refs.repo_id) return [422, { message: `repo '${input.repo}' not found` }];
  const occurredAt = new Date();
  const detail = input.detail ?? {};
  const { rows } = await pool.query(INSERT_EVENT, [
    input.event_type,
    input.summary,
    JSON.stringify(detail),
    refs.repo_id,
    null,
    null,
    input.actor ?? null,
    occurredAt,
  ]);
  const row = rows[0];
  return [
    201,
    {
      id: row.id,
      event_type: input.event_type,
      summary: input.summary,
      detail,
      repo_id: refs.repo_id,
      workstream_id: null,
      task_id: null,
      actor: input.actor ?? null,
      occurred_at: occurredAt,
      created_at: row.created_at,
    },
  ];
}

async function nextSteps(url) {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), 100);
  return { items: (await pool.query(NEXT_STEPS, [limit])).rows };
}

async function workstream(id) {
  if (!UUID.test(id)) return [400, { message: 'id must be a UUID' }];
  const found = (await pool.query(WORKSTREAM, [id])).rows[0];
  if (!found) return [404, { message: `no workstream ${id}` }];
  const tasks = (await pool.query(TASKS, [id])).rows;
  return [200, { ...found, repo: found.repo ?? '', domain: found.domain ?? '', tasks }];
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/repos') return send(res, 200, await listRepos(url));
    if (req.method === 'GET' && url.pathname === '/next-steps') return send(res, 200, await nextSteps(url));
    if (req.method === 'POST' && url.pathname === '/progress-events') {
      const [status, body] = await addProgressEvent(await readBody(req));
      return send(res, status, body);
    }
    const ws = /^\/workstreams\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && ws) {
      const [status, body] = await workstream(ws[1]);
      return send(res, status, body);
    }
    send(res, 404, { message: 'no route' });
  } catch (error) {
    send(res, 500, { message: String(error) });
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
}
