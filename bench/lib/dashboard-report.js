// The dashboard section of docs/performance.md, from bench/dashboard.ts's JSON report.
const { readFileSync, writeFileSync } = require('node:fs');

const START = '<!-- bench:dashboard:start -->';
const END = '<!-- bench:dashboard:end -->';
const JS_TARGET_KB = 250;
const PAGE_TARGET_MS = 1000;

function markdownTable(report) {
  const b = report.bundle;
  const met = (ok) => (ok ? 'met' : 'not met');
  return [
    '| figure | value | same-run baseline | target |',
    '| --- | --- | --- | --- |',
    `| JavaScript, gzipped (all of dist/apps/dashboard/assets/*.js) | ${b.js_gzip_kb} KB (${b.js_kb} KB raw) | — | ≤ ${JS_TARGET_KB} KB: ${met(b.js_gzip_kb <= JS_TARGET_KB)} |`,
    `| CSS, gzipped | ${b.css_gzip_kb} KB | — | — |`,
    `| workstream of ${report.tasks} tasks: navigation → last row on screen (median of ${report.page_ms_all.length}: ${report.page_ms_all.join(', ')} ms) | ${report.page_ms} ms | the same rows as static HTML: ${report.static_rows_ms} ms; the API call alone: ${report.api_ms} ms | < ${PAGE_TARGET_MS} ms: ${met(report.page_ms < PAGE_TARGET_MS)} |`,
    '| axe-core on every page (apps/state-hub/src/e2e/dashboard) | 0 serious or critical violations | — | 0 |',
  ].join('\n');
}

function section(report) {
  const facts = Object.entries(report.machine)
    .map(([k, v]) => `${k}: ${v}`)
    .join('; ');
  return `${START}\n\n${markdownTable(report)}\n\nMachine and build: ${facts}.\n\n${END}`;
}

function rewriteDashboardDoc(file, report) {
  let text = readFileSync(file, 'utf8');
  if (!text.includes(START)) text += `\n## Dashboard\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START));
  const after = text.slice(text.indexOf(END) + END.length);
  writeFileSync(file, before + section(report) + after);
}

function rssLine(report) {
  return `[bench] dashboard: ${report.bundle.js_gzip_kb} KB of JavaScript gzipped; ${report.tasks} tasks on screen in ${report.page_ms} ms`;
}

module.exports = { markdownTable, rewriteDashboardDoc, rssLine };
