// Turns bench/sweep.ts results into a markdown table and rewrites the sweep section of docs/performance.md.
const { readFileSync, writeFileSync } = require('node:fs');
const { SWEEP_NO_CHANGE_MS, SWEEP_NO_CHANGE_RATIO, SWEEP_TARGET_REPOS } = require('./targets');

const HEADING = '## Consistency sweep';
const START = '<!-- bench:sweep:start -->';
const END = '<!-- bench:sweep:end -->';

const int = (n) => Math.round(n).toLocaleString('en-US');
const secs = (ms) => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);

function markdownTable(report) {
  const head = [
    'repos',
    'files',
    'cold sweep',
    'no change',
    'no change ÷ cold',
    'one file changed',
    'cold per repo',
    'no change per repo',
    'peak RSS',
  ];
  const rows = report.scales.map((s) => [
    int(s.repos),
    int(s.cold.files.scanned),
    secs(s.cold.ms),
    secs(s.noChange.ms),
    (s.noChange.ms / s.cold.ms).toFixed(3),
    secs(s.oneChanged.ms),
    `${(s.cold.ms / s.repos).toFixed(1)} ms`,
    `${(s.noChange.ms / s.repos).toFixed(2)} ms`,
    `${s.oneChanged.peakRssMb.toFixed(0)} MB`,
  ]);
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The scale the targets are judged on: 100 repos, or the nearest one measured. */
const targetScale = (report) =>
  report.scales.reduce((best, x) =>
    Math.abs(x.repos - SWEEP_TARGET_REPOS) < Math.abs(best.repos - SWEEP_TARGET_REPOS) ? x : best,
  );

/** Whether a scale's no-change sweep meets its target (a fraction of the cold sweep, and under a bound). */
const noChangeMet = (s) => s.noChange.ms / s.cold.ms < SWEEP_NO_CHANGE_RATIO && s.noChange.ms < SWEEP_NO_CHANGE_MS;

/** The project's target rows, judged on the 100-repo scale (or the nearest one measured). */
function targetLines(report) {
  const s = targetScale(report);
  const ratio = s.noChange.ms / s.cold.ms;
  const first = report.scales[0];
  const last = report.scales[report.scales.length - 1];
  const growth = (key) => (last[key].ms / first[key].ms).toFixed(1);
  return [
    `- No-change sweep of ${s.repos} repos: ${secs(s.noChange.ms)} = ${ratio.toFixed(3)}× the cold sweep ` +
      `(target < ${SWEEP_NO_CHANGE_RATIO}× and < ${SWEEP_NO_CHANGE_MS / 1000} s: ${noChangeMet(s) ? 'met' : '**not met**'}).`,
    `- From ${first.repos} to ${last.repos} repos (${(last.repos / first.repos).toFixed(0)}× the work) the cold sweep ` +
      `grew ${growth('cold')}× and the no-change sweep ${growth('noChange')}× (linear would be ` +
      `${(last.repos / first.repos).toFixed(0)}×).`,
  ];
}

/** The worker's memory at the scale the targets are judged on, for the log. */
function rssLine(report) {
  const s = targetScale(report);
  const now = s.cold.rssMb === undefined ? '' : `${s.cold.rssMb.toFixed(1)} MB right after the cold sweep, `;
  return `RSS of the sweep worker at ${s.repos} repos: ${s.rssBeforeMb.toFixed(1)} MB before sweeping, ${now}peak ${s.oneChanged.peakRssMb.toFixed(1)} MB`;
}

function section(report) {
  const m = report.machine;
  return [
    START,
    '',
    `Last run: ${m.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cores} cores (${m.cpuModel}), Node ${m.node}, ` +
      `PostgreSQL ${m.postgres} (fsync=${m.fsync}, synchronous_commit=${m.synchronousCommit}), libraries from ` +
      `\`${m.source}\`.`,
    '',
    markdownTable(report),
    '',
    ...targetLines(report),
    '',
    `Each scale runs in a worker process of its own (its peak RSS is the last column; the worker loads the ` +
      'TypeScript sources through `@swc-node/register`, whose compiler is part of that figure): it generates the ' +
      `repos — git ` +
      `repos of ${report.workplans} workplans × ${report.tasks} tasks as \`## Tn\` sections with yaml blocks — registers ` +
      'them in a fresh database, then times `ConsistencySweep.sweep()` in local mode three times: **cold** (every ' +
      'workstream and task created, every id written back into the files), **no change** (every file hashed and ' +
      'skipped), **one file changed** (a task title edited in one workplan).',
    '',
    END,
  ].join('\n');
}

function rewriteSweepDoc(file, report) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START) || !text.includes(END)) text += `\n${HEADING}\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + section(report) + after);
}

module.exports = { markdownTable, noChangeMet, rewriteSweepDoc, rssLine, targetScale };
