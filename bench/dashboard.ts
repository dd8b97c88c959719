// `npm run bench -- dashboard`: what the dashboard costs a browser. Its JavaScript gzipped (every asset of
// dist/apps/dashboard), and a workstream of 1,000 tasks opened in headless Chromium (Debian's) against the built
// one process on a fresh embedded database: navigation to the last task row on screen, median of 5 loads. Same-run
// baselines: the API call alone (GET /workstreams/:id, as the page makes it) and the same 1,000 rows as static
// HTML in the same browser. Writes its JSON report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { machineFacts } from './lib/machine';
import { type Server, startServer, stopServer } from './lib/proc';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist/apps/dashboard');
const TASKS = 1000;
const LOADS = 5;
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
const MORE_FLAGS = ['--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function post<T>(server: Server, path: string, body: unknown): Promise<T> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bundleSizes() {
  const assets = readdirSync(join(DIST, 'assets'));
  const size = (ext: string) =>
    assets
      .filter((f) => f.endsWith(ext))
      .map((f) => readFileSync(join(DIST, 'assets', f)))
      .reduce((acc, b) => ({ raw: acc.raw + b.length, gzip: acc.gzip + gzipSync(b, { level: 9 }).length }), {
        raw: 0,
        gzip: 0,
      });
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  const js = size('.js');
  const css = size('.css');
  return { js_kb: kb(js.raw), js_gzip_kb: kb(js.gzip), css_gzip_kb: kb(css.gzip) };
}

/** Milliseconds from navigation start until the 1,000th task row is in the page. */
async function pageLoadMs(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(`table.tasks tbody tr:nth-child(${TASKS})`).waitFor({ timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

async function staticRowsMs(page: Page): Promise<number> {
  const rows = Array.from(
    { length: TASKS },
    (_, i) => `<tr><td><code>B-T${i}</code></td><td>Task ${i}</td><td>todo</td><td>medium</td></tr>`,
  ).join('');
  const html = `<!doctype html><title>rows</title><table><tbody>${rows}</tbody></table>`;
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(`data:text/html,${encodeURIComponent(html)}`);
    await page.locator(`tbody tr:nth-child(${TASKS})`).waitFor();
    times.push(await page.evaluate(() => performance.now()));
  }
  return median(times);
}

async function main(out: string): Promise<void> {
  execFileSync('npx', ['nx', 'build', 'dashboard'], { cwd: ROOT, stdio: 'inherit' });
  const bundle = bundleSizes();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-dashboard-'));
  const defs = mkdtempSync(join(tmpdir(), 'bench-dashboard-defs-'));
  const server = await startServer(
    'state-hub',
    [...SERVER_NODE_FLAGS, join(ROOT, 'dist/apps/state-hub/main.js')],
    {
      STATE_HUB_DATA_DIR: join(dataDir, 'data'),
      ACTIVITY_DEFINITIONS_DIR: defs,
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    '/state/health',
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...MORE_FLAGS] });
  try {
    await post(server, '/domains', { slug: 'bench', name: 'Bench' });
    await post(server, '/repos', {
      slug: 'bench-repo',
      name: 'Bench repo',
      domain: 'bench',
      local_path: '/srv/bench-repo',
    });
    const ws = await post<{ id: string }>(server, '/workstreams', {
      repo: 'bench-repo',
      workplan_id: 'BENCH-WP-0001',
      title: 'A thousand tasks',
    });
    for (let i = 0; i < TASKS; i++) {
      await post(server, '/tasks', { workstream_id: ws.id, task_key: `BENCH-WP-0001-T${i}`, title: `Task ${i}` });
    }
    const api: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const started = performance.now();
      const res = await fetch(`${server.url}/workstreams/${ws.id}`);
      await res.arrayBuffer();
      api.push(performance.now() - started);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const url = `${server.url}/ui/workstreams/${ws.id}`;
    await pageLoadMs(page, url); // warm: the first load compiles the bundle
    const loads: number[] = [];
    for (let i = 0; i < LOADS; i++) loads.push(await pageLoadMs(page, url));
    const staticMs = await staticRowsMs(page);
    const report = {
      bundle,
      tasks: TASKS,
      page_ms: Math.round(median(loads)),
      page_ms_all: loads.map(Math.round),
      api_ms: Math.round(median(api) * 10) / 10,
      static_rows_ms: Math.round(staticMs),
      machine: await machineFacts(join(ROOT, 'dist/apps/state-hub/main.js'), {
        chromium: execFileSync(CHROMIUM, ['--version']).toString().trim(),
      }),
    };
    writeFileSync(out, JSON.stringify(report, null, 2));
    console.log(`[bench] dashboard: ${JSON.stringify({ ...report, machine: undefined })}`);
  } finally {
    await browser.close();
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(defs, { recursive: true, force: true });
  }
}

main(process.argv[2] ?? join(tmpdir(), 'dashboard-bench.json')).catch((err) => {
  console.error(err);
  process.exit(1);
});
