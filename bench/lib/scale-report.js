// Turns bench/scale.ts results into tables and rewrites the scale section of docs/performance.md.
const { readFileSync, writeFileSync } = require('node:fs');
const { SCALE_ROUTE_P99_MS, SCALE_SWEEP_NO_CHANGE_MS, SCALE_TARGET_REPOS, SCALE_TARGET_TASKS } = require('./targets');

const HEADING = '## 100,000 tasks (scale)';
const START = '<!-- bench:scale:start -->';
const END = '<!-- bench:scale:end -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (x) => (x < 1 ? `${x.toFixed(2)} ms` : x < 1000 ? `${x.toFixed(1)} ms` : `${(x / 1000).toFixed(2)} s`);
const median = (xs) => xs[Math.floor(xs.length / 2)];
const met = (ok) => (ok ? 'met' : '**not met**');
/** Judged only where the target applies (a smaller scale is there for the growth). */
const judge = (applies, ok) => (applies ? met(ok) : '—');
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;

/** The route's plans summed: rows read from tasks and execution time over all its task queries. */
const planTotals = (plans) => ({
  rows: plans.reduce((s, p) => s + p.taskRowsRead, 0),
  ms: plans.reduce((s, p) => s + p.executionMs, 0),
});

function markdownTable(report) {
  const head = [
    'tasks',
    'repos',
    'route',
    'req/s',
    'p50',
    'p99',
    `p99 < ${SCALE_ROUTE_P99_MS} ms at ${int(SCALE_TARGET_TASKS)} tasks`,
    'rows of tasks read (plan)',
    'query time (plan)',
  ];
  const rows = [];
  for (const s of report.scales) {
    for (const route of report.routes) {
      const r = s.load[route.key];
      const plan = planTotals(s.plans[route.key]);
      rows.push([
        int(s.tasks),
        int(s.repos),
        `\`GET ${route.path}\``,
        int(r.rate),
        `${r.p50} ms`,
        `${r.p99} ms`,
        judge(s.tasks >= SCALE_TARGET_TASKS, r.p99 < SCALE_ROUTE_P99_MS),
        int(plan.rows),
        ms(plan.ms),
      ]);
    }
  }
  const sweepHead = [
    'tasks',
    'repos',
    'workplan files',
    'cold sweep (seeds the data)',
    'no-change sweep (median)',
    'no-change runs',
    `< ${SCALE_SWEEP_NO_CHANGE_MS / 1000} s at ${int(SCALE_TARGET_REPOS)} repos`,
  ];
  const sweepRows = report.scales.map((s) => [
    int(s.tasks),
    int(s.repos),
    int(s.sweep.files),
    ms(s.sweep.coldMs),
    ms(median(s.sweep.noChangeMs)),
    s.sweep.noChangeMs.map((x) => x.toFixed(0)).join(', ') + ' ms',
    judge(s.repos >= SCALE_TARGET_REPOS, median(s.sweep.noChangeMs) < SCALE_SWEEP_NO_CHANGE_MS),
  ]);
  const table = (h, body) => [h, h.map(() => '---'), ...body].map((c) => `| ${c.join(' | ')} |`).join('\n');
  return `${table(head, rows)}\n\n${table(sweepHead, sweepRows)}`;
}

/** How each figure grew from the first scale to the last. */
function growthLines(report) {
  const [a, b] = [report.scales[0], report.scales[report.scales.length - 1]];
  if (a === b) return [];
  const lines = [
    `**Growth** from ${int(a.tasks)} to ${int(b.tasks)} tasks (${ratio(b.tasks, a.tasks)}; ${int(a.repos)} → ` +
      `${int(b.repos)} repos, the same step since every repo holds ${report.workplans} workplans × ` +
      `${report.tasksPerWorkplan} tasks):`,
    '',
  ];
  for (const route of report.routes) {
    const [ra, rb] = [a.load[route.key], b.load[route.key]];
    const [pa, pb] = [planTotals(a.plans[route.key]), planTotals(b.plans[route.key])];
    lines.push(
      `- \`GET ${route.path}\`: p99 ${ratio(rb.p99, ra.p99)}, req/s ${ratio(rb.rate, ra.rate)}, rows of tasks read ` +
        `${ratio(pb.rows, pa.rows)}, query time ${ratio(pb.ms, pa.ms)}.`,
    );
  }
  const [na, nb] = [median(a.sweep.noChangeMs), median(b.sweep.noChangeMs)];
  lines.push(
    `- no-change sweep: ${ratio(nb, na)} (${ratio(b.sweep.files, a.sweep.files)} the files); cold sweep ${ratio(b.sweep.coldMs, a.sweep.coldMs)}.`,
  );
  return lines;
}

function planLines(report) {
  const lines = [];
  for (const s of report.scales)
    for (const route of report.routes)
      for (const p of s.plans[route.key])
        lines.push(
          `- ${int(s.tasks)} tasks, \`GET ${route.path}\`, ${/^\s*SELECT\s+count\(/i.test(p.sql) ? 'count' : 'rows'}: ` +
            `${p.summary}; ${ms(p.executionMs)}, ${int(p.buffers)} buffers.`,
        );
  return lines;
}

/** The SQL and full plans of the largest scale (the JSON report has every scale's). */
function fullPlans(report) {
  const blocks = [];
  for (const s of report.scales.slice(-1))
    for (const route of report.routes)
      for (const p of s.plans[route.key])
        blocks.push(
          `${int(s.tasks)} tasks, \`GET ${route.path}\`:`,
          '',
          '```sql',
          p.sql,
          '```',
          '',
          '```',
          p.text,
          '```',
          '',
        );
  return [
    `<details><summary>The SQL and its full plans at ${int(report.scales[report.scales.length - 1].tasks)} tasks</summary>`,
    '',
    ...blocks,
    '</details>',
  ];
}

function section(report) {
  const m = report.machine;
  const st = report.settings;
  const runs = report.scales[0].sweep.noChangeMs.length;
  return [
    START,
    '',
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC (${report.minutes.toFixed(1)} min), ${m.cores} cores ` +
      `(${m.cpuModel}), Node ${m.node}, PostgreSQL ${m.postgres} (fsync=${m.fsync}, synchronous_commit=` +
      `${m.synchronousCommit}), API built from \`${m.source}\`. ${st.seconds} s per route after a ` +
      `${st.warmupSeconds} s warm-up, ${st.connections} HTTP connections.`,
    '',
    markdownTable(report),
    '',
    ...growthLines(report),
    '',
    '**Plans** (EXPLAIN (ANALYZE, BUFFERS) of the SQL each route ran; rows read are returned + filtered out, over all loops):',
    '',
    ...planLines(report),
    '',
    ...fullPlans(report),
    '',
    `**How:** each scale generates the sweep bench's git repos (${report.workplans} workplans × ` +
      `${report.tasksPerWorkplan} tasks each, statuses todo / in progress / done / blocked in turn, all workplans ` +
      'active) and seeds a fresh database with a real cold `ConsistencySweep.sweep()` over them, then runs ' +
      '`VACUUM (ANALYZE)` (what autovacuum does after such a load; it is off on the bench machines, and without ' +
      `statistics the planner misjudges the joins) and times the no-change sweep ${runs} times. The routes' SQL is ` +
      "captured from one request each with `log_statement = 'all'` on the bench database (read back from the server " +
      'log, `BENCH_PG_LOG`) and explained with its parameters; then the API (`LOG_LEVEL=warn`, `DB_POOL_SIZE=10`, ' +
      'restarted without statement logging) is loaded with autocannon on each route in turn.',
    '',
    END,
  ].join('\n');
}

function rewriteScaleDoc(file, report) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START) || !text.includes(END)) text += `\n${HEADING}\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + section(report) + after);
}

/** The log line after the table (run.js prints one per bench). */
function rssLine(report) {
  const last = report.scales[report.scales.length - 1];
  const p99 = report.routes.map((r) => `GET ${r.path} p99 ${last.load[r.key].p99} ms`).join(', ');
  return `At ${int(last.tasks)} tasks: ${p99}; no-change sweep ${ms(median(last.sweep.noChangeMs))}`;
}

module.exports = { markdownTable, rewriteScaleDoc, rssLine };
