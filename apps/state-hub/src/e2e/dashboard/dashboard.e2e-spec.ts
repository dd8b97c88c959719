// The dashboard in a real browser (Debian's Chromium) against the built
// one-process app on Postgres, seeded through the API: every page shows the
// seeded data, every write has its effect, every page passes axe (no serious or
// critical violation), and each page's screenshot lands in docs/dashboard/.
import {
  type BuiltApp,
  createTestDatabase,
  createWorkplanRepo,
  type DefinitionFiles,
  eventually,
  startBuiltSystem,
  type TestDatabase,
  type WorkplanRepo,
  workplanText,
} from '@state-hub/testing';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousAxeViolations } from '../../testing/dashboard-browser';
import { definitionsDir, runsOf, SWEEP } from '../../testing/system-fixture';

const MANUAL = 'test.dashboard-manual';
const MANUAL_YAML = [
  `id: ${MANUAL}`,
  'trigger: { trigger_type: manual }',
  'instruction: { kind: publish, event_type: org.tests.dashboard.noted, attributes: { note: hello } }',
  '',
].join('\n');

describe('the dashboard at /ui/ (built one process on Postgres, headless Chromium)', () => {
  let defs: DefinitionFiles;
  let db: TestDatabase;
  let repo: WorkplanRepo;
  let app: BuiltApp;
  let browser: Browser;
  let page: Page;
  let workstreamId: string;
  let sweepRunId: string;

  /** Open a dashboard path, wait until `text` shows, then check axe and take the page's screenshot. */
  async function visit(path: string, text: string, shot?: string): Promise<void> {
    await page.goto(`${app.url}/ui${path}`);
    await page.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (shot) await screenshot(page, shot);
  }
  const bodyText = () => page.locator('main').innerText();

  beforeAll(async () => {
    defs = definitionsDir(['state-hub-consistency-sweep.yaml', 'state-hub-repo-registered-note.yaml'], {
      'manual.yaml': MANUAL_YAML,
    });
    db = await createTestDatabase('statehub_dashboard');
    repo = createWorkplanRepo({
      'workplans/DASH-WP-0001-dashboard.md': workplanText({
        id: 'DASH-WP-0001',
        title: 'Build the dashboard',
        tasks: [
          ['DASH-WP-0001-T01', 'Serve the static files', 'done'],
          ['DASH-WP-0001-T02', 'Draw the sweep charts', 'in_progress'],
          ['DASH-WP-0001-T03', 'Measure the bundle', 'todo'],
        ],
      }),
      'workplans/DASH-WP-0002-broken.md': '---\nid: DASH-WP-0002\ntitle: [unclosed\n---\n\n# Broken\n',
    });
    app = await startBuiltSystem({ databaseUrl: db.url, definitionsDir: defs.dir });
    await app.json('POST', '/domains', { slug: 'custodian', name: 'The Custodian' });
    await app.json('POST', '/repos', {
      slug: 'dash-repo',
      name: 'Dash repo',
      domain: 'custodian',
      local_path: repo.path,
    });
    const run = await app.json<{ id: string }>('POST', `/engine/definitions/${SWEEP}/run`);
    sweepRunId = run.id;
    await eventually(async () => expect((await runsOf(app, SWEEP))[0]).toMatchObject({ status: 'succeeded' }), {
      timeoutMs: 60_000,
    });
    const page1 = await app.json<{ items: { id: string }[] }>('GET', '/workstreams?repo=dash-repo');
    workstreamId = page1.items[0].id;
    await app.json('POST', '/decisions', {
      domain: 'custodian',
      title: 'Which runner owns the sweep?',
      context: 'The timer and the engine both sweep during the parallel run.',
      repo: 'dash-repo',
      workstream_id: workstreamId,
    });
    // An event the engine cannot interpret (no API publishes one): straight into the outbox.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(
      `INSERT INTO event_outbox (id, subject, envelope) VALUES (gen_random_uuid(), 'org.test.dashboard.garbled', '"not an envelope"')`,
    );
    await pg.end();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await db?.drop();
    repo?.remove();
    defs?.remove();
  });

  it('redirects / to /ui/ and shows the overview: health of every part, next steps, open decisions, progress', async () => {
    await page.goto(`${app.url}/`);
    expect(new URL(page.url()).pathname).toBe('/ui/');
    await visit('/', 'Which runner owns the sweep?', 'overview');
    const text = await bodyText();
    expect(text).toMatch(/Hub\s+ok/);
    expect(text).toMatch(/Database\s+up/);
    expect(text).toMatch(/Event delivery\s+outbox/);
    expect(text).toMatch(/Outbox backlog\s+\d+ pending/);
    expect(text).toMatch(/Engine\s+ok/);
    expect(text).toContain('Draw the sweep charts');
    expect(text).toContain('Measure the bundle');
    expect(text).not.toContain('Serve the static files'); // done: not a next step
    expect(text).toContain('consistency_sweep_remote_all');
  });

  it('filters the next steps by repo, kept in the URL', async () => {
    await visit('/?repo=no-such-repo', 'Next steps');
    await page
      .getByText(/No open tasks match|not found/)
      .first()
      .waitFor();
    await visit('/?repo=dash-repo&domain=custodian', 'Measure the bundle');
  });

  it('lists the repos with their last sync and opens a repo: files synced and in error, its workstreams', async () => {
    await visit('/repos', 'Dash repo', 'repos');
    expect(await bodyText()).not.toMatch(/Dash repo\s+dash-repo\s+custodian\s+active\s+never/);
    await page.getByRole('link', { name: 'Dash repo' }).click();
    await page.getByText('workplans/DASH-WP-0002-broken.md', { exact: true }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'repo');
    const broken = await page.getByRole('row', { name: /DASH-WP-0002-broken/ }).innerText();
    expect(broken).toMatch(/error/);
    expect(broken).toMatch(/DASH-WP-0002-broken\.md:4: front matter is not valid YAML/); // the reason and its line
    expect(await page.getByRole('row', { name: /DASH-WP-0001-dashboard/ }).innerText()).toMatch(/synced/);
    expect(await bodyText()).toContain('Build the dashboard');
  });

  it('filters workstreams by status and opens one: tasks, decisions, progress, the workplan file', async () => {
    await visit('/workstreams?status=active&repo=dash-repo', 'Build the dashboard', 'workstreams');
    await visit('/workstreams?status=completed', 'No workstream matches');
    await visit(`/workstreams/${workstreamId}`, 'Serve the static files', 'workstream');
    const text = await bodyText();
    expect(text).toContain('workplans/DASH-WP-0001-dashboard.md');
    expect(text).toContain('DASH-WP-0001-T02');
    expect(text).toContain('Which runner owns the sweep?');
    expect(text).toContain('3 tasks');
    await page.getByLabel('Task status').selectOption('todo');
    await page.getByText('1 tasks').waitFor();
    expect(new URL(page.url()).searchParams.get('task_status')).toBe('todo');
  });

  it('resolves a decision from the page', async () => {
    await visit('/decisions?status=open', 'Which runner owns the sweep?', 'decisions');
    await page.getByLabel('Resolution').fill('The engine owns it; the timer is retired.');
    await page.getByLabel('Resolved by').fill('dashboard-test');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await page.getByText('No decision matches these filters.').waitFor();
    await visit('/decisions?status=resolved', 'The engine owns it; the timer is retired.');
    expect(await bodyText()).toContain('dashboard-test');
    // The write is the API's own: its event went into the outbox in the same transaction.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const events = await pg.query<{ by: string }>(
      `SELECT envelope->'attributes'->>'resolved_by' AS by FROM event_outbox WHERE subject = 'org.statehub.decision.resolved'`,
    );
    await pg.end();
    expect(events.rows).toEqual([{ by: 'dashboard-test' }]);
  });

  it('lists the definitions and runs a manual one now', async () => {
    await visit('/engine/definitions', MANUAL, 'definitions');
    expect(await bodyText()).toContain('cron */15 * * * *');
    await page.getByRole('button', { name: `Run ${MANUAL} now` }).click();
    await page.getByText('Started run').waitFor();
    await eventually(async () => expect((await runsOf(app, MANUAL))[0]).toMatchObject({ status: 'succeeded' }));
  });

  it('lists runs by definition and status, and they refresh by themselves', async () => {
    await visit(`/engine/runs?definition=${SWEEP}`, SWEEP, 'runs');
    await visit(`/engine/runs?definition=${MANUAL}&status=succeeded`, MANUAL);
    const rowsBefore = await page.locator('tbody tr').count();
    await app.json('POST', `/engine/definitions/${MANUAL}/run`);
    // No reload: the page polls every 5 s.
    await eventually(async () => expect(await page.locator('tbody tr').count()).toBe(rowsBefore + 1), {
      timeoutMs: 15_000,
    });
  });

  it("shows a run's trigger, context, each rule check with its value, and replays it", async () => {
    await visit(`/engine/runs/${sweepRunId}`, "hub_health.status == 'ok'", 'run');
    const text = await bodyText();
    expect(text).toMatch(/hub_health\.status == 'ok'\s+true/);
    expect(text).toContain('Context snapshot');
    expect(text).toContain('Instruction result');
    expect(text).toMatch(/Trigger\s+manual/);
    await page.getByRole('button', { name: 'Replay this run' }).click();
    await page.getByText('Replay started').waitFor();
    await page.getByRole('heading', { name: 'Replays' }).waitFor();
    await eventually(async () => expect(await page.getByText('Not replayed.').count()).toBe(0), { timeoutMs: 15_000 });
  });

  it('lists dead letters with their reason and payload, and redrives the selected one', async () => {
    await visit('/engine/dead-letters', 'org.test.dashboard.garbled', 'dead-letters');
    expect(await bodyText()).toContain('"not an envelope"');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Redrive selected (1)' }).click();
    await page.getByText(/Redriven: 1/).waitFor();
  });

  it('shows the sweep history and the comparison per source as charts', async () => {
    await visit('/sweeps', 'Parallel-run comparison', 'sweeps');
    await page.getByRole('img', { name: /Completion rate: activity-core 100%/ }).waitFor();
    expect(await page.getByRole('row', { name: /activity-core/ }).count()).toBeGreaterThan(0);
  });

  it('names a bad filter on the page instead of showing nothing', async () => {
    await visit('/engine/runs?status=bogus', 'This filter is not valid');
    expect(await bodyText()).toContain('status must be one of running, succeeded');
    await visit('/workstreams?status=finished', 'This filter is not valid');
    await visit('/sweeps?window=forever', 'This filter is not valid');
  });

  it('says when a page does not exist', async () => {
    await visit('/no/such/page', 'Page not found');
  });
});
