// Turns bench/engine.ts results into a markdown table and rewrites the engine section of docs/performance.md.
const { readFileSync, writeFileSync } = require('node:fs');
const {
  ENGINE_P99_MS: P99_TARGET_MS,
  ENGINE_P99_RATE: P99_TARGET_RATE,
  ENGINE_VS_RAW: RATIO_TARGET,
  IDLE_RSS_MB: RSS_TARGET_MB,
} = require('./targets');

const START = '<!-- bench:engine:start -->';
const END = '<!-- bench:engine:end -->';
const HEADING = '## Activity engine';

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const met = (ok) => (ok ? 'met' : '**not met**');
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The baseline of the throughput target: the slower of the two raw stages (each the mean of its two runs). */
function baseline(report) {
  const consume = mean(report.raw.consume.map((r) => r.rate));
  const insert = mean(report.raw.insert.map((r) => r.rate));
  const name =
    consume <= insert
      ? `raw consume + ack (${int(consume)} msg/s)`
      : `raw INSERT + COMMIT, ${report.settings.dbConnections} conns (${int(insert)} tx/s)`;
  return { consume, insert, rate: Math.min(consume, insert), name };
}

function markdownTable(report) {
  const { drain, latency, rss, settings: st } = report;
  const base = baseline(report);
  const ratio = drain.rate / base.rate;
  const dash = ['—', '—', '—'];
  const rows = [
    [
      'engine drain: match + rule + HTTP no-op + run recorded',
      `${int(drain.rate)} events/s`,
      '—',
      '—',
      base.name,
      ratio.toFixed(2),
      `≥ ${RATIO_TARGET}`,
      met(ratio >= RATIO_TARGET),
    ],
    ...latency.map((l) => {
      const targeted = l.rate === P99_TARGET_RATE;
      return [
        'publish → run recorded',
        `${l.rate} events/s`,
        ms(l.finished.p50),
        ms(l.finished.p99),
        `raw publish → receive (p50 ${ms(l.raw.p50)}, p99 ${ms(l.raw.p99)})` +
          (l.rawCommits
            ? `; raw claim + outcome, 2 commits (p50 ${ms(l.rawCommits.p50)}, p99 ${ms(l.rawCommits.p99)})`
            : ''),
        '—',
        targeted ? `p99 < ${P99_TARGET_MS} ms` : '—',
        targeted ? met(l.finished.p99 < P99_TARGET_MS) : '—',
      ];
    }),
    ...latency.map((l) => [
      'publish → run claimed',
      `${l.rate} events/s`,
      ms(l.claimed.p50),
      ms(l.claimed.p99),
      ...['—', ...dash],
    ]),
    ...latency
      .filter((l) => l.warmup)
      .map((l) => [
        `publish → run recorded, the stage's first ${l.warmup.seconds} s after the engine idled (warm-up)`,
        `${l.rate} events/s`,
        ms(l.warmup.p50),
        ms(l.warmup.p99),
        ...['—', ...dash],
      ]),
    [
      'engine RSS, idle after the load',
      `${rss.idle.toFixed(0)} MB`,
      '—',
      '—',
      '—',
      '—',
      `< ${RSS_TARGET_MB} MB`,
      met(rss.idle < RSS_TARGET_MB),
    ],
    [
      'backlog events acked without a run',
      int(report.dropped.count),
      ...['—', '—', '—', '—'],
      '0',
      met(report.dropped.count === 0),
    ],
    ['baseline: raw durable `consume()` + explicit ack', `${int(base.consume)} msg/s`, '—', '—', '—', ...dash],
    [
      `baseline: raw INSERT + COMMIT, ${st.dbConnections} connections`,
      `${int(base.insert)} tx/s`,
      '—',
      '—',
      '—',
      ...dash,
    ],
  ];
  const head = ['figure', 'rate', 'p50', 'p99', 'baseline (same run)', 'ratio', 'target', 'met?'];
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const rssLine = (report) =>
  `idle RSS of event-consumer after the load: ${report.rss.idle.toFixed(1)} MB ` +
  `(peak ${report.rss.peak.toFixed(1)} MB)`;

function section(report) {
  const { machine: m, settings: st, raw, drain, latency, rss } = report;
  const statuses = Object.entries(drain.statuses)
    .map(([k, v]) => `${int(v)} ${k}`)
    .join(', ');
  const pair = (xs, unit) => `${xs.map((r) => int(r.rate)).join(' and ')} ${unit}`;
  const slip = Math.max(...latency.map((l) => l.slipMs));
  return [
    START,
    '',
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} cores (${m.cpuModel}), Node ${m.node}, ` +
      `nats-server ${m.nats} (JetStream, file storage, its own server and store for the run), ` +
      `PostgreSQL ${m.postgres} (fsync=${m.fsync}, synchronous_commit=${m.synchronousCommit}), ` +
      `engine built from \`${m.source}\`.`,
    '',
    markdownTable(report),
    '',
    '**Setup:** `dist/apps/event-consumer/main.js` as a child process (`LOG_LEVEL=warn`, its own durable, a fresh ' +
      'database) with one definition: an event trigger on `org.bench.item.queued`, the rule ' +
      '`event.attributes.n >= 0.0` and an `http` POST to a `node:http` sink in the bench process that answers 204 at ' +
      'once. Each event is a claim, the rule, the HTTP call, its outcome and the ack; the engine runs up to ' +
      '`ENGINE_MAX_IN_FLIGHT` (128) events at once, and the claims of the runs under way go to Postgres as one ' +
      'INSERT, their outcomes as one UPDATE.',
    '',
    `**Drain:** ${int(st.warmup)} + ${int(st.events)} envelopes of ${st.bytes} bytes are published before the ` +
      `engine starts; the rate counts the last ${int(st.events)} runs, from the ${int(st.warmup)}th run's ` +
      `\`finished_at\` to the last one's (${drain.seconds.toFixed(2)} s, the engine busy ` +
      `${report.engineCores.toFixed(2)} cores of ${m.cores}; ${int(drain.coldRate)} events/s over the whole backlog ` +
      `from the engine's first claim). Runs: ${statuses}. The baseline is the slower of a raw durable pull ` +
      `\`consume()\` + \`ack()\` of ${int(st.events)} messages on a stream of its own (${pair(raw.consume, 'msg/s')}) ` +
      `and BEGIN / INSERT … RETURNING / COMMIT on ${st.dbConnections} connections for ${st.seconds} s ` +
      `(${pair(raw.insert, 'tx/s')}), each measured before the engine started and again after its drain.`,
    '',
    ...(report.dropped.count
      ? [
          `**Dropped events:** the engine acked ${int(report.dropped.count)} of the backlog's events without ` +
            `recording a run (indices ${report.dropped.first} … ${report.dropped.last}, i.e. the first ones it ` +
            'consumed after starting): its event handler ran for them (`activity_events_consumed_total` counts ' +
            'every event) but found no matching definition, with no rule skip and no dead letter. The drain rate ' +
            'counts only recorded runs; the backlog they came from is fine (all of it stored and acked).',
          '',
        ]
      : []),
    `**Latency:** with the engine idle, events are published at a steady rate for ` +
      (st.latencyWarmupSeconds
        ? `${st.latencyWarmupSeconds} s of warm-up and then ${st.seconds} s more `
        : `${st.seconds} s each `) +
      `(publisher behind schedule by at most ${slip.toFixed(1)} ms), carrying the publish time; "run recorded" is ` +
      'the run\'s `finished_at` (taken just before its finishing UPDATE commits), "claimed" its `started_at` ' +
      '(the claim INSERT). This is publish → run recorded: the API commit → publish leg is the relay latency in the ' +
      'section above. Timestamps are wall clock in milliseconds, so figures are ± 1 ms. ' +
      (latency.every((l) => l.rawCommits)
        ? 'Right before each engine stage, the same rate of raw claim + outcome pairs (an INSERT, then an UPDATE of ' +
          `that row, each its own commit, on ${st.dbConnections} connections, nothing else; timed to the UPDATE's ` +
          'commit, which the engine figure stops short of) gives the floor that Postgres commits alone set. '
        : '') +
      (st.latencyWarmupSeconds
        ? 'The p50 and p99 are of the timed part; the warm-up has its own row. An engine under a steady flow is ' +
          'never idle, but each stage starts after some ten seconds of idling, in which the sink closed its ' +
          "keep-alive connections and the engine's caches went cold, so the first tens of milliseconds can be " +
          'slower. '
        : '') +
      `Largest publish → run recorded: ${latency.map((l) => `${ms(l.finished.max)} at ${l.rate}/s`).join(', ')}.`,
    '',
    `**Memory:** VmRSS ${rss.afterDrain.toFixed(0)} MB right after the drain, ${rss.idle.toFixed(0)} MB idle ` +
      `${(st.idleWaitMs ?? 5000) / 1000} s after the latency stages, peak (VmHWM) ${rss.peak.toFixed(0)} MB.`,
    '',
    END,
  ].join('\n');
}

/** Replaces the engine section between its markers, adding the heading and markers at the end if missing. */
function rewriteEngineDoc(file, report) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START) || !text.includes(END)) text = `${text.trimEnd()}\n\n${HEADING}\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + section(report) + after);
}

module.exports = { baseline, markdownTable, rewriteEngineDoc, rssLine };
