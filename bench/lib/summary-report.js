// The summary at the top of docs/performance.md: each target figure of the four benches next to its raw baseline
// from the same `npm run bench` invocation, the ratio and the target; the apps' memory; the machine it ran on.
// bench/run.js writes it only when all four benches ran in one invocation (else the figures could mix runs).
const { readFileSync, writeFileSync } = require('node:fs');
const T = require('./targets');
const engineReport = require('./engine-report');
const sweepReport = require('./sweep-report');

const START = '<!-- bench:summary:start -->';
const END = '<!-- bench:summary:end -->';
const HEADING = '## Summary';
const BENCHES = ['api', 'relay', 'engine', 'sweep'];

const int = (n) => Math.round(n).toLocaleString('en-US');
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ratio = (r) => r.toFixed(r < 0.1 ? 3 : 2);
const met = (ok) => (ok ? 'met' : '**not met**');
// one decimal: an idle figure of 150.1 MB must not read as a 150 MB that misses a < 150 MB target
const mb = (n) => (Number.isFinite(n) ? `${n.toFixed(1)} MB` : '—');
const ms = (n) => (n < 1000 ? `${n < 10 ? n.toFixed(1) : n.toFixed(0)} ms` : `${(n / 1000).toFixed(2)} s`);
const table = (head, rows) =>
  [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');

/** A table row: a throughput figure next to its baseline, with a "ratio at least" target. */
function atLeast(figure, [value, unit], [baseName, baseValue, baseUnit], target, note = '') {
  const r = value / baseValue;
  const base = `${baseName}: ${int(baseValue)} ${baseUnit}`;
  return [figure, `${int(value)} ${unit}`, base, ratio(r), `≥ ${target}${note}`, met(r >= target)];
}

function apiRows({ stages: s }) {
  const routes = [
    ['`GET /repos`', 'repos', 'sameRepos'],
    ['`POST /progress-events`', 'events', 'sameEvents'],
    ['`GET /next-steps`', 'nextSteps', 'sameNextSteps'],
    ['`GET /workstreams/:id`', 'workstream', 'sameWorkstream'],
  ];
  return routes
    .filter(([, key, base]) => s[key] && s[base])
    .map(([route, key, base]) =>
      atLeast(
        `${route} vs the same work by hand`,
        [s[key].rate, 'req/s'],
        ['node:http + pg, same SQL', s[base].rate, 'req/s'],
        T.API_VS_SAME_WORK,
        ` (stretch ${T.API_VS_SAME_WORK_STRETCH})`,
      ),
    );
}

/** Seconds a server had been quiet when its idle RSS was read (reports before 2026-12-07 do not say: 5 s). */
const idle = (reports) => (reports.engine.settings.idleWaitMs ?? 5000) / 1000;

function relayRows({ drains, raws, settings, api }) {
  const d = drains[0];
  return [
    atLeast(
      `outbox relay drain (batch ${d.batchSize}) vs raw JetStream publish`,
      [d.rate, 'rows/s'],
      [`${settings.window} in flight, mean of 2`, mean(raws.map((r) => r.rate)), 'msg/s'],
      T.RELAY_VS_RAW_PUBLISH,
    ),
    atLeast(
      '`POST /repos/:slug/commits` events on vs off',
      [api.on.rate, 'req/s'],
      ['same API, events off', api.off.rate, 'req/s'],
      T.EVENTS_ON_VS_OFF,
    ),
  ];
}

/** The engine drain against each raw stage (its target is against the slower one), and its latency at 500/s. */
function engineRows(report) {
  const base = engineReport.baseline(report);
  const drain = [report.drain.rate, 'events/s'];
  const figure = 'engine drain (match + rule + HTTP no-op + run recorded)';
  const insert = [`${report.settings.dbConnections} connections, mean of 2`, base.insert, 'tx/s'];
  // The target is against the slower of the two raw stages; the other ratio is shown for information only.
  const consume = ['mean of 2', base.consume, 'msg/s'];
  const [judged, shown] = base.consume <= base.insert ? [consume, insert] : [insert, consume];
  const judgedName = judged === consume ? 'raw consume + ack' : 'raw INSERT + COMMIT';
  const shownName = shown === consume ? 'raw consume + ack' : 'raw INSERT + COMMIT';
  const info = atLeast(`${figure} vs ${shownName} (for information)`, drain, shown, T.ENGINE_VS_RAW);
  return [
    atLeast(`${figure} vs ${judgedName} (the slower baseline)`, drain, judged, T.ENGINE_VS_RAW),
    [...info.slice(0, 4), '—', '—'],
    engineLatencyRow(report),
  ];
}

function engineLatencyRow(report) {
  const figure = `engine publish → run recorded at ${T.ENGINE_P99_RATE}/s vs raw publish → receive`;
  const target = `p99 < ${T.ENGINE_P99_MS} ms`;
  const l = report.latency.find((x) => x.rate === T.ENGINE_P99_RATE);
  if (!l) return [figure, 'not measured', '—', '—', target, '**not measured**'];
  const r = l.finished.p99 / l.raw.p99;
  const measured = `p99 ${ms(l.finished.p99)}`;
  return [
    figure,
    measured,
    `p99 ${ms(l.raw.p99)}` + (l.rawCommits ? ` (raw claim + outcome, 2 commits: p99 ${ms(l.rawCommits.p99)})` : ''),
    `${r.toFixed(1)} (lower is better)`,
    target,
    met(l.finished.p99 < T.ENGINE_P99_MS),
  ];
}

function sweepRows(report) {
  const s = sweepReport.targetScale(report);
  return [
    [
      `no-change sweep vs cold sweep, ${s.repos} repos`,
      ms(s.noChange.ms),
      `cold sweep: ${ms(s.cold.ms)}`,
      (s.noChange.ms / s.cold.ms).toFixed(3),
      `< ${T.SWEEP_NO_CHANGE_RATIO}× and < ${T.SWEEP_NO_CHANGE_MS / 1000} s`,
      met(sweepReport.noChangeMet(s)),
    ],
  ];
}

/** The raw baselines themselves, from each bench that measured them. */
function baselineRows({ api, relay, engine }) {
  const base = engineReport.baseline(engine);
  const dash = ['—', '—', '—', '—'];
  const s = api.stages;
  return [
    [
      `raw INSERT + COMMIT, ${api.settings.dbConnections} connections`,
      `${int(s.rawInsert.rate)} tx/s (api bench); ${int(base.insert)} tx/s (engine bench, mean of 2)`,
    ],
    [
      `raw JetStream publish, ${relay.settings.window} in flight`,
      `${int(mean(relay.raws.map((r) => r.rate)))} msg/s (relay bench, mean of 2)`,
    ],
    ['raw durable `consume()` + explicit ack', `${int(base.consume)} msg/s (engine bench, mean of 2)`],
    ['trivial Nest route `GET /ping`', `${int(s.nest.rate)} req/s`],
    ['bare `node:http` JSON route', `${int(s.bare.rate)} req/s`],
  ].map(([figure, measured]) => [`baseline: ${figure}`, measured, ...dash]);
}

function figuresTable(reports) {
  const head = ['figure', 'measured', 'raw baseline (same run)', 'ratio', 'target', 'met?'];
  const rows = [
    ...apiRows(reports.api),
    ...relayRows(reports.relay),
    ...engineRows(reports.engine),
    ...sweepRows(reports.sweep),
    ...baselineRows(reports),
  ];
  return table(head, rows);
}

/** Idle is the target; under load is right after the last load on that process; peak is its VmHWM at the end. */
function memoryTable({ api, relay, engine, sweep }) {
  const idleTarget = (idle) => `idle < ${T.IDLE_RSS_MB} MB: ${met(idle < T.IDLE_RSS_MB)}`;
  const app = (name, { idle, load, peak }) => [name, mb(idle), mb(load), mb(peak), idleTarget(idle)];
  const s = sweepReport.targetScale(sweep);
  const rows = [
    app('state-hub-api (api bench)', { idle: api.rss.idle, load: api.rss.afterLoad, peak: api.rss.peak }),
    app('state-hub-api, events on, its relay publishing (relay bench)', {
      idle: relay.api.onRss.idle,
      load: relay.api.onRss.afterLoad,
      peak: relay.api.onRss.peak,
    }),
    app('event-consumer (engine bench)', { idle: engine.rss.idle, load: engine.rss.afterDrain, peak: engine.rss.peak }),
    [
      `sweep worker, ${s.repos} repos (sweep bench)`,
      mb(s.rssBeforeMb),
      mb(s.cold.rssMb),
      mb(s.oneChanged.peakRssMb),
      '— (not an app)',
    ],
  ];
  return table(['app', 'idle', 'under load (right after)', 'peak (VmHWM)', 'target'], rows);
}

/** Every bench's commit; one when they agree. */
function sources(reports) {
  const all = BENCHES.map((name) => [name, reports[name].machine.source]);
  const distinct = new Set(all.map(([, source]) => source));
  return distinct.size === 1 ? `\`${[...distinct][0]}\`` : all.map(([n, s]) => `${n} \`${s}\``).join(', ');
}

function machineLine(reports, run) {
  const m = reports.api.machine;
  const minutes = (run.seconds / 60).toFixed(1);
  const scales = reports.sweep.scales.map((s) => s.repos).join(', ');
  return (
    `Run of ${run.startedAt.slice(0, 16).replace('T', ' ')} UTC (all four benches, ${minutes} min): ` +
    `${m.cores} cores (${m.cpuModel}), Node ${m.node}, PostgreSQL ${m.postgres} (fsync=${m.fsync}, ` +
    `synchronous_commit=${m.synchronousCommit}), nats-server ${reports.relay.machine.nats}, built from ` +
    `${sources(reports)}. ${reports.api.settings.seconds} s per load stage, relay backlog ` +
    `${int(reports.relay.settings.events)}, engine backlog ${int(reports.engine.settings.events)}, sweep at ` +
    `${scales} repos.`
  );
}

/** The section between the markers (markers included). `run`: { startedAt: ISO date, seconds } of the whole run. */
function summarySection(reports, run) {
  const missing = BENCHES.filter((name) => !reports[name]);
  if (missing.length) throw new Error(`the summary needs all four benches' reports; missing: ${missing.join(', ')}`);
  return [
    START,
    '',
    machineLine(reports, run),
    '',
    figuresTable(reports),
    '',
    'Each ratio is the figure divided by the baseline next to it, both measured in this run; the sections below ' +
      'say how each was measured.',
    '',
    memoryTable(reports),
    '',
    `**Idle:** the APIs ${idle(reports)} s after seeding, before any load; the engine ${idle(reports)} s after its ` +
      'last load (it drains a ' +
      'backlog as it starts); the sweep worker after registering its repos, before its first sweep. **Under ' +
      'load:** right after the last load on that process (api: `POST /progress-events`; relay: its second ' +
      'events-on stage; engine: the backlog drain; sweep: the cold sweep). The sweep worker is a bench process ' +
      'that loads the TypeScript sources through `@swc-node/register`, whose compiler counts in its RSS.',
    '',
    END,
  ].join('\n');
}

/** Adds the heading and empty markers after the intro paragraphs (before the first `## ` heading) if missing. */
function withSummaryMarkers(text) {
  if (text.includes(START) && text.includes(END)) return text;
  const at = text.indexOf('\n## ');
  const block = `${HEADING}\n\n${START}\n${END}\n`;
  return at < 0 ? `${text.trimEnd()}\n\n${block}` : `${text.slice(0, at + 1)}${block}\n${text.slice(at + 1)}`;
}

/** Replaces the summary between its markers (adding them, see above, if missing). */
function rewriteSummaryDoc(file, reports, run) {
  const text = withSummaryMarkers(readFileSync(file, 'utf8'));
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + summarySection(reports, run) + after);
}

module.exports = { BENCHES, rewriteSummaryDoc, summarySection, withSummaryMarkers };
