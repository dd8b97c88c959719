// The SQL an API request really runs, read back from the Postgres server log (`log_statement = 'all'` on the
// bench's database), and its plan: EXPLAIN (ANALYZE, BUFFERS) of that SQL with its captured parameters.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Client } from 'pg';

export interface CapturedStatement {
  sql: string;
  params: (string | null)[];
}

/** Where the server writes its log: BENCH_PG_LOG, else Debian's /var/log/postgresql/postgresql-<major>-main.log. */
export function serverLogPath(postgresVersion: string): string {
  return process.env.BENCH_PG_LOG ?? `/var/log/postgresql/postgresql-${parseInt(postgresVersion, 10)}-main.log`;
}

/** The log's size now: statements logged after this offset are the ones of the next request. */
export function logOffset(path: string): number {
  try {
    return statSync(path).size;
  } catch (err) {
    throw new Error(`cannot read the Postgres log ${path} (set BENCH_PG_LOG to the server's log file): ${err}`);
  }
}

function readFrom(path: string, offset: number): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(Math.max(0, statSync(path).size - offset));
    readSync(fd, buf, 0, buf.length, offset);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

// Debian's log_line_prefix '%m [%p] %q%u@%d ': "2026-12-05 22:12:25.670 UTC [10069] postgres@db LOG:  statement: …";
// background processes (checkpointer, autovacuum) log without the user@db part.
const ENTRY = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ \S+ \[\d+\] (?:\S*@(\S+) )?(\w+): {2}(.*)$/;
const PARAM = /\$(\d+) = (?:NULL|'((?:[^']|'')*)')/g;

/** Statements of `database` logged since `offset` (parameters from their DETAIL line), continuation lines joined. */
export function statementsSince(path: string, offset: number, database: string): CapturedStatement[] {
  const entries: { db: string | undefined; level: string; text: string }[] = [];
  for (const line of readFrom(path, offset).split('\n')) {
    const m = ENTRY.exec(line);
    if (m) entries.push({ db: m[1], level: m[2], text: m[3] });
    else if (entries.length && line) entries[entries.length - 1].text += `\n${line}`;
  }
  const out: CapturedStatement[] = [];
  for (const e of entries) {
    if (e.db !== database) continue;
    const stmt = /^(?:statement|execute [^:]*): ([\s\S]*)$/.exec(e.text);
    if (e.level === 'LOG' && stmt) out.push({ sql: stmt[1], params: [] });
    else if (e.level === 'DETAIL' && e.text.startsWith('parameters: ') && out.length) {
      const last = out[out.length - 1];
      for (const p of e.text.matchAll(PARAM))
        last.params[Number(p[1]) - 1] = p[2] === undefined ? null : p[2].replace(/''/g, "'");
    }
  }
  return out;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Sort Method'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface QueryPlan {
  sql: string;
  /** EXPLAIN (ANALYZE, BUFFERS) as text, for reading. */
  text: string;
  executionMs: number;
  buffers: number;
  /** Rows the plan read from the tasks table (returned + removed by a filter), over all loops. */
  taskRowsRead: number;
  /** One line: each table's access path with the rows read, each sort with its input. */
  summary: string;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');

function nodes(n: PlanNode): PlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

/** Rows a scan node read: returned plus filtered out (EXPLAIN reports both per loop). */
const rowsRead = (n: PlanNode) =>
  (n['Actual Rows'] + (n['Rows Removed by Filter'] ?? 0) + (n['Rows Removed by Index Recheck'] ?? 0)) *
  n['Actual Loops'];

function summarize(root: PlanNode): { summary: string; taskRowsRead: number } {
  const parts: string[] = [];
  let taskRowsRead = 0;
  for (const n of nodes(root)) {
    if (n['Relation Name']) {
      const read = rowsRead(n);
      if (n['Relation Name'] === 'tasks') taskRowsRead += read;
      const loops = n['Actual Loops'] > 1 ? ` in ${int(n['Actual Loops'])} loops` : '';
      const index = n['Index Name'] ? ` using ${n['Index Name']}` : '';
      parts.push(`${n['Relation Name']}: ${n['Node Type']}${index}, ${int(read)} row${read === 1 ? '' : 's'}${loops}`);
    } else if (n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort') {
      const input = (n.Plans ?? []).reduce((sum, c) => sum + c['Actual Rows'] * c['Actual Loops'], 0);
      const method = n['Sort Method'] ? ` (${n['Sort Method']})` : '';
      parts.push(`${n['Node Type']}${method} of ${int(input)} rows`);
    }
  }
  return { summary: parts.join('; '), taskRowsRead };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement, run twice (the first warms the cache), the second kept. */
export async function explain(url: string, stmt: CapturedStatement): Promise<QueryPlan> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const run = (format: string) => c.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT ${format}) ${stmt.sql}`, stmt.params);
    await run('JSON');
    const json = (await run('JSON')).rows[0]['QUERY PLAN'][0] as { Plan: PlanNode; 'Execution Time': number };
    const text = (await run('TEXT')).rows.map((r) => r['QUERY PLAN']).join('\n');
    const top = json.Plan;
    return {
      sql: stmt.sql,
      text,
      executionMs: json['Execution Time'],
      buffers: (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0),
      ...summarize(top),
    };
  } finally {
    await c.end();
  }
}
