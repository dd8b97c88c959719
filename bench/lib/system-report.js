// The one-process section of docs/performance.md, from bench/system.ts's JSON report.
const { readFileSync, writeFileSync } = require('node:fs');

const START = '<!-- bench:system:start -->';
const END = '<!-- bench:system:end -->';
const TARGET_MB = 250;

function markdownTable(report) {
  const restart = (r) => (r.restart_idle_mb === undefined ? '—' : `${r.restart_idle_mb} MB`);
  const row = (label, r) => `| ${label} | ${r.idle_mb} MB | ${r.after_load_mb} MB | ${r.peak_mb} MB | ${restart(r)} |`;
  const ratio = (report.system.idle_mb / report.api.idle_mb).toFixed(2);
  const met = (mb) => (mb === undefined ? '—' : mb < TARGET_MB ? 'met' : '**not met**');
  return [
    '| process (embedded PGlite database) | idle, first start | after load | peak | idle, started again |',
    '| --- | --- | --- | --- | --- |',
    row('`state-hub` (`npm start`: hub + engine, the definitions of activity-definitions/)', report.system),
    row('`state-hub-api` alone (same-run baseline)', report.api),
    '',
    `One process idle ÷ the API alone: **${ratio}×**. Target for the one process: idle < ${TARGET_MB} MB — ` +
      `on its first start (it creates the database): ${met(report.system.idle_mb)}; started again on the data ` +
      `directory it left (every later \`npm start\`): ${met(report.system.restart_idle_mb)}. "After load": ` +
      `${report.repos} repos registered, each firing the repo-registered definition through the outbox. Creating ` +
      "the database touches more of PGlite's WebAssembly memory, which never shrinks.",
  ].join('\n');
}

function section(report) {
  const m = report.machine;
  const facts = Object.entries(m)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return `${START}\n\n${markdownTable(report)}\n\nMachine and build: ${facts}.\n\n${END}`;
}

function rewriteSystemDoc(file, report) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START)) text += `\n## One process (\`npm start\`)\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + section(report) + after);
}

function rssLine(report) {
  return (
    `[bench] system idle RSS: one process ${report.system.idle_mb} MB (started again: ` +
    `${report.system.restart_idle_mb} MB), API alone ${report.api.idle_mb} MB`
  );
}

module.exports = { markdownTable, rewriteSystemDoc, rssLine };
