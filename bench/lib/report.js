// Turns bench/api.ts results into a markdown table and rewrites the API section of docs/performance.md.
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { API_VS_SAME_WORK, API_VS_SAME_WORK_STRETCH, IDLE_RSS_MB } = require('./targets');

const START = '<!-- bench:api:start -->';
const END = '<!-- bench:api:end -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
// autocannon resolves latency to whole milliseconds: 0 means under 1 ms.
const ms = (n) => (n === 0 ? '< 1 ms' : `${Number.isInteger(n) ? n : n.toFixed(1)} ms`);

const unit = (key) => (key === 'rawInsert' ? 'tx/s' : 'req/s');
const rate = (report, key) => `${int(report.stages[key].rate)} ${unit(key)}`;

// figure, its stage, the baseline's stage and name: each route against the same work by hand (the target), then
// the API's read and write against the framework-free floors (for information).
const SAME_WORK = [
  ['`GET /repos` (page of 50)', 'repos', 'sameRepos'],
  ['`POST /progress-events`', 'events', 'sameEvents'],
  ['`GET /next-steps`', 'nextSteps', 'sameNextSteps'],
  ['`GET /workstreams/:id`', 'workstream', 'sameWorkstream'],
];
const FOR_INFORMATION = [
  ['`GET /repos` (page of 50)', 'repos', 'nest', 'trivial Nest route'],
  ['`GET /repos` (page of 50)', 'repos', 'bare', 'bare node:http'],
  ['`POST /progress-events`', 'events', 'rawInsert', 'raw INSERT + COMMIT'],
];

const ratioText = (r) => r.toFixed(r < 0.1 ? 3 : 2);

/** One row per route against the same work by hand, the information ratios, then the baselines themselves. */
function rows(report) {
  const s = report.stages;
  const latency = (key) => [ms(s[key].p50), ms(s[key].p99)];
  const sameWork = SAME_WORK.filter(([, key, base]) => s[key] && s[base]).map(([figure, key, base]) => {
    const ratio = s[key].rate / s[base].rate;
    const verdict =
      ratio >= API_VS_SAME_WORK_STRETCH ? 'met (stretch too)' : ratio >= API_VS_SAME_WORK ? 'met' : '**not met**';
    return [
      figure,
      rate(report, key),
      ...latency(key),
      `the same work by hand (${rate(report, base)})`,
      ratioText(ratio),
      `≥ ${API_VS_SAME_WORK} (stretch ${API_VS_SAME_WORK_STRETCH})`,
      verdict,
    ];
  });
  const information = FOR_INFORMATION.map(([figure, key, base, baseName]) => [
    figure,
    rate(report, key),
    ...latency(key),
    `${baseName} (${rate(report, base)})`,
    ratioText(s[key].rate / s[base].rate),
    '—',
    'for information',
  ]);
  const baselines = [
    ['baseline: trivial Nest route `GET /ping`', 'nest'],
    ['baseline: bare node:http JSON route', 'bare'],
    [`baseline: raw INSERT + COMMIT, ${report.settings.dbConnections} connections`, 'rawInsert'],
  ].map(([figure, key]) => [figure, rate(report, key), ...latency(key), '—', '—', '—', '—']);
  return [...sameWork, ...information, ...baselines];
}

function markdownTable(report) {
  const head = ['figure', 'req/s (or tx/s)', 'p50', 'p99', 'baseline (same run)', 'ratio', 'target', 'met?'];
  return [head, head.map(() => '---'), ...rows(report)].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** How busy each server process was during its stage: about 1 core or more means it was CPU-bound. */
function cpuLine(report) {
  const s = report.stages;
  const cores = (r) => (r.serverCores === undefined ? '?' : r.serverCores.toFixed(2));
  return (
    `Cores the server process kept busy during its stage (of ${report.machine.cores}, shared with the load ` +
    `generator and Postgres): bare node:http ${cores(s.bare)}, trivial Nest ${cores(s.nest)}; ` +
    SAME_WORK.filter(([, key, base]) => s[key] && s[base])
      .map(([figure, key, base]) => `${figure} ${cores(s[key])} (by hand ${cores(s[base])})`)
      .join(', ') +
    '.'
  );
}

/** Each pass's ratio next to the mean's: on a shared box one pass can move by a fifth. */
function passLine(report) {
  const s = report.stages;
  const pairs = SAME_WORK.filter(([, key, base]) => s[key]?.passRates && s[base]?.passRates);
  if (pairs.length === 0 || report.settings.passes < 2) return [];
  const each = ([figure, key, base]) =>
    `${figure} ${s[key].passRates.map((rate, i) => ratioText(rate / s[base].passRates[i])).join(', ')}`;
  return [
    `Each pass's ratio (API ÷ by hand, passes 1 to ${report.settings.passes}): ${pairs.map(each).join('; ')}.`,
    '',
  ];
}

/** The API's RSS idle (the target), right after its load stages and at its peak. */
function memoryLine(report) {
  const { idle, afterLoad, peak } = report.rss;
  return (
    `**Memory** of state-hub-api: idle after seeding **${idle.toFixed(0)} MB** (target < ${IDLE_RSS_MB} MB: ` +
    `${idle < IDLE_RSS_MB ? 'met' : '**not met**'}), ${afterLoad.toFixed(0)} MB right after its load stages ` +
    `(the last one \`POST /progress-events\`), peak (VmHWM) ${peak.toFixed(0)} MB.`
  );
}

/** The same, for the log. */
const rssLine = (report) =>
  `RSS of state-hub-api: ${report.rss.idle.toFixed(1)} MB idle after seeding, ` +
  `${report.rss.afterLoad.toFixed(1)} MB right after its load stages, peak ${report.rss.peak.toFixed(1)} MB`;

function apiSection(report) {
  const m = report.machine;
  const st = report.settings;
  return [
    START,
    '',
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} cores (${m.cpuModel}), Node ${m.node}, ` +
      `PostgreSQL ${m.postgres} (fsync=${m.fsync}, synchronous_commit=${m.synchronousCommit}), ` +
      `API built from \`${m.source}\`. ` +
      `${st.seconds} s per stage after a ${st.warmupSeconds} s warm-up, ${st.connections} HTTP connections ` +
      `(autocannon in the same process as the driver, on the same cores), stages one after another` +
      (st.passes > 1
        ? `; the four by-hand / API pairs ran ${st.passes} times in turn (by hand first in odd passes, the API first ` +
          `in even ones), and each of their figures is the mean of its ${st.passes} stages (each pass's ratio is ` +
          `below the table, each pass's rate in the JSON report).`
        : '.'),
    '',
    markdownTable(report),
    '',
    memoryLine(report),
    '',
    cpuLine(report),
    '',
    ...passLine(report),
    'The API runs from `dist/` (with the Node flags of `SERVER_NODE_FLAGS`, as `npm start`, `state-hub serve` and the image ' +
      'start it) with `LOG_LEVEL=warn` and `DB_POOL_SIZE=10` against a fresh database seeded ' +
      `with 1 domain, 50 repos and ${st.workstreams ?? 10} active workstreams of ${st.tasksPerWorkstream ?? 20} tasks ` +
      '(`GET /workstreams/:id` reads the first). **The same work by hand** (`bench/servers/same-work.js`) is ' +
      '`node:http` + `pg` with the same pool size, running the SQL the API runs for each route (captured with ' +
      '`log_statement=all`: the same statements, in the same order) and answering the same JSON; what it leaves ' +
      'out is the framework around the SQL (routing, guards, validation, logging). ' +
      '`POST /progress-events` sends ' +
      '`{"event_type":"note","summary":"bench","repo":"repo-1","detail":{"n":1}}`: one statement that looks its ' +
      `references up, then one INSERT … RETURNING (no transaction: it emits no lifecycle event). The raw baseline runs BEGIN / INSERT … RETURNING / COMMIT on ${st.dbConnections} ` +
      'connections into a copy of `progress_events` (same columns and indexes, no foreign keys).',
    '',
    END,
  ].join('\n');
}

const TEMPLATE = `# Performance

Benchmarks run on demand, never in CI:

\`\`\`sh
npm run bench                    # about two minutes: builds the API if dist/ is stale, measures, rewrites this file
BENCH_SECONDS=10 npm run bench   # longer stages (default 5 s each, after a 1 s warm-up)
npm run bench -- relay           # just one of them: api or relay (default: api, then relay)
\`\`\`

It needs the local PostgreSQL (\`postgres://postgres@127.0.0.1:5432/postgres\`, or
\`BENCH_ADMIN_DATABASE_URL\`), creates a database of its own and drops it afterwards. \`BENCH_SKIP_BUILD=1\` uses
\`dist/\` as it is; \`BENCH_API_MAIN=<path to main.js>\` measures another build of the API. The relay bench starts
its own \`nats-server\` (\`/usr/sbin/nats-server\`, or \`BENCH_NATS_SERVER\`) on a free port with a temporary store;
\`RELAY_BENCH_EVENTS\` (default 20,000) sets its backlog. The code is in \`bench/\`.

The machines are shared, noisy 2-core boxes, and the load generator, the servers and Postgres share those
2 cores: absolute numbers drift from run to run (by 2× when something else runs), so every target is a
**ratio to a baseline measured in the same run** on the same machine. Each section says which machine, versions,
build and date produced it; the bench rewrites only the part between its markers.

## API (issue: read model)

${START}
${END}

## Event relay

Not measured yet.
`;

/** Replaces the API section between the markers (creating the file from the template if needed). */
function rewriteDoc(file, report) {
  let text = existsSync(file) ? readFileSync(file, 'utf8') : TEMPLATE;
  if (!text.includes(START) || !text.includes(END)) text += `\n## API (issue: read model)\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, before + apiSection(report) + after);
}

module.exports = { markdownTable, rewriteDoc, rssLine };
