// Turns bench/relay.ts results into a markdown table and rewrites the relay section of docs/performance.md.
const { readFileSync, writeFileSync } = require('node:fs');
const { EVENTS_ON_VS_OFF, IDLE_RSS_MB, RELAY_VS_RAW_PUBLISH } = require('./targets');

const START = '<!-- bench:relay:start -->';
const END = '<!-- bench:relay:end -->';
const HEADING = '## Event relay';

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => `${n < 1 ? n.toFixed(2) : n.toFixed(1)} ms`;
const ratio = (r) => r.toFixed(2);
const met = (r, target) => (r >= target ? 'met' : '**not met**');
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

function markdownTable(report) {
  const { drains, raws, rawLatency: rl, relayLatency, api, settings: st } = report;
  const raw = mean(raws.map((r) => r.rate));
  const rawName = `raw JetStream publish, ${st.window} in flight (${int(raw)} msg/s)`;
  const rawLat = `raw publish → receive at ${st.steadyRate}/s (p50 ${ms(rl.p50)}, p99 ${ms(rl.p99)})`;
  const noEvent = `\`POST /progress-events\`, writes no event (${int(api.noEvent.rate)} req/s)`;
  const rows = [
    ...drains.map((d, i) => [
      `outbox relay drain, batch ${d.batchSize}${i === 0 ? ' (default)' : ''}`,
      `${int(d.rate)} rows/s`,
      '—',
      '—',
      rawName,
      ratio(d.rate / raw),
      `≥ ${RELAY_VS_RAW_PUBLISH}`,
      met(d.rate / raw, RELAY_VS_RAW_PUBLISH),
    ]),
    ...[
      ['received', 'commit → message on the stream (subscriber)'],
      ['acked', 'commit → JetStream ack seen by the relay'],
    ].map(([key, figure]) => {
      const r = relayLatency[key];
      return [figure, `${st.steadyRate} rows/s`, ms(r.p50), ms(r.p99), rawLat, '—', '—', '—'];
    }),
    ...[
      [api.off, 'events off', EVENTS_ON_VS_OFF],
      [api.noEvent, 'no event', undefined],
    ].map(([base, name, target]) => [
      `\`POST /repos/:slug/commits\`, events on`,
      `${int(api.on.rate)} req/s`,
      `${api.on.p50.toFixed(1)} ms`,
      `${api.on.p99.toFixed(1)} ms`,
      name === 'events off' ? `same, events off (${int(api.off.rate)} req/s)` : noEvent,
      ratio(api.on.rate / base.rate),
      target === undefined ? '—' : `≥ ${target}`,
      target === undefined ? '—' : met(api.on.rate / base.rate, target),
    ]),
    [`baseline: ${rawName.replace(/ \(.*/, '')}`, `${int(raw)} msg/s`, '—', '—', '—', '—', '—', '—'],
    ...[
      [api.off, '`POST /repos/:slug/commits`, events off'],
      [api.noEvent, '`POST /progress-events` (no event)'],
    ].map(([s, name]) => [
      `baseline: ${name}`,
      `${int(s.rate)} req/s`,
      `${s.p50.toFixed(1)} ms`,
      `${s.p99.toFixed(1)} ms`,
      '—',
      '—',
      '—',
      '—',
    ]),
  ];
  const head = ['figure', 'rate', 'p50', 'p99', 'baseline (same run)', 'ratio', 'target', 'met?'];
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Where the default-batch drain spent its time. */
function split(drains) {
  const d = drains[0];
  const pct = (x) => `${Math.round((100 * x) / d.seconds)} %`;
  return (
    `The batch-${d.batchSize} drain took ${d.seconds.toFixed(2)} s; its claim queries ran for ${pct(d.claimSeconds)} ` +
    `of that (each full batch's successor is claimed while it publishes, so they overlap the publishing) and its ` +
    `mark queries for ${pct(d.markSeconds)}.`
  );
}

/** RSS of the events-on API, whose in-process relay publishes: idle (the target), under load, peak. */
function memoryLine(report) {
  const { idle, afterLoad, peak } = report.api.onRss;
  return (
    `**Memory** of the events-on API (its relay publishing): idle after seeding **${idle.toFixed(0)} MB** (target ` +
    `< ${IDLE_RSS_MB} MB: ${idle < IDLE_RSS_MB ? 'met' : '**not met**'}), ${afterLoad.toFixed(0)} MB right after ` +
    `its events-on stages, peak (VmHWM) ${peak.toFixed(0)} MB.`
  );
}

/** The same, for the log. */
const rssLine = (report) =>
  `RSS of the events-on API: ${report.api.onRss.idle.toFixed(1)} MB idle after seeding, ` +
  `${report.api.onRss.afterLoad.toFixed(1)} MB right after its events-on stages, ` +
  `peak ${report.api.onRss.peak.toFixed(1)} MB`;

function section(report) {
  const { machine: m, settings: st, raws, drains, api } = report;
  return [
    START,
    '',
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} cores (${m.cpuModel}), Node ${m.node}, ` +
      `nats-server ${m.nats} (JetStream, file storage, its own server and store for the run), ` +
      `PostgreSQL ${m.postgres} (fsync=${m.fsync}, synchronous_commit=${m.synchronousCommit}), ` +
      `API built from \`${m.source}\`.`,
    '',
    markdownTable(report),
    '',
    `**Drain:** ${int(st.events)} envelopes of ${st.bytes} bytes are bulk-inserted into \`event_outbox\` (not ` +
      'timed), then `OutboxRelay.drain()` (claim a batch → publish it concurrently, claiming the next → mark it) is timed until no row ' +
      'is pending, and the stream must then hold exactly that many messages; the baseline publishes the same ' +
      `payloads with the same \`Nats-Msg-Id\`, ${st.window} in flight (mean of a run before and one after the relay's: ` +
      `${raws.map((r) => int(r.rate)).join(' and ')} msg/s). ${split(drains)}`,
    '',
    '**Latency:** the relay loop runs, woken by Postgres `LISTEN`/`NOTIFY` (`listenForOutboxCommits`, how an API on ' +
      "a Postgres server hears other processes' commits, then a 5 ms linger to batch commits arriving together; 50 ms " +
      `polling as fallback) while one \`appendToOutbox\` transaction is committed at a steady ${st.steadyRate}/s for ` +
      `${st.seconds} s, timed from just before the INSERT to the message on a core subscription of \`org.>\` and ` +
      'to the JetStream ack reaching the relay.',
    '',
    '**API:** `POST /repos/repo-1/commits` on two APIs from `dist/` with fresh databases, one with `NATS_URL` (its ' +
      'relay publishes, woken in-process by its own commits, which then send no NOTIFY) and one without (the outbox row is still written, nothing publishes it), ' +
      `${st.connections} connections, ${st.seconds} s per stage after a ${st.warmupSeconds} s warm-up, in the order ` +
      'off, on, on, off (each figure the mean of its two stages); every request updates the same `repos` row. ' +
      `When the load stopped the events-on outbox had ${api.onPendingAfter} rows pending (0 after ` +
      `${api.onDrainSeconds.toFixed(1)} s) and its stream held all ${int(api.onStreamed)} of its rows.`,
    '',
    memoryLine(report),
    '',
    END,
  ].join('\n');
}

/** Replaces the relay section between its markers, or the "Not measured yet." under its heading. */
function rewriteRelayDoc(file, report) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START) || !text.includes(END)) {
    const at = text.indexOf(HEADING);
    if (at < 0) text += `\n${HEADING}\n\n${START}\n${END}\n`;
    else {
      const next = text.indexOf('\n## ', at + HEADING.length);
      const rest = next < 0 ? '\n' : text.slice(next);
      text = `${text.slice(0, at)}${HEADING}\n\n${START}\n${END}\n${rest}`;
    }
  }
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + section(report) + after);
}

module.exports = { markdownTable, rewriteRelayDoc, rssLine };
