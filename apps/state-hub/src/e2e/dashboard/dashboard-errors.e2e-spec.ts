// The dashboard's error states in a real browser, each a message on the page:
// an empty database (the first-run page), a write without the token (the token
// dialog, then the write), the hub gone, and in the split deployment (the hub
// alone) an engine that is not configured or does not answer.
import {
  type BuiltApp,
  createTestDatabase,
  type DefinitionFiles,
  freePort,
  startBuiltHub,
  startBuiltSystem,
  type TestDatabase,
} from '@state-hub/testing';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, seriousAxeViolations } from '../../testing/dashboard-browser';
import { definitionsDir } from '../../testing/system-fixture';

const TOKEN = 'dashboard-test-token-0123456789';

describe('the dashboard when things are missing or down (built apps, headless Chromium)', () => {
  let defs: DefinitionFiles;
  let browser: Browser;
  let page: Page;
  const cleanups: (() => Promise<void> | void)[] = [];
  const mainText = () => page.locator('main').innerText();
  async function see(text: string | RegExp): Promise<void> {
    await page.getByText(text).first().waitFor({ timeout: 15_000 });
  }
  async function database(name: string): Promise<TestDatabase> {
    const db = await createTestDatabase(name);
    cleanups.push(() => db.drop());
    return db;
  }

  beforeAll(async () => {
    defs = definitionsDir([], {});
    browser = await launchChromium();
  });
  beforeEach(async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    for (const cleanup of cleanups.reverse()) await cleanup();
    defs?.remove();
  });

  it('explains how to register a repo when the database is empty', async () => {
    const db = await database('statehub_dashboard_empty');
    const app = await startBuiltSystem({ databaseUrl: db.url, definitionsDir: defs.dir });
    cleanups.push(() => app.stop());
    await page.goto(`${app.url}/ui/`);
    await see('No repos yet');
    expect(await mainText()).toContain('npx state-hub');
    expect(await mainText()).toContain('localhost:3000/repos');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'first-run');
    await page.goto(`${app.url}/ui/repos`);
    await see('No repos yet');
  });

  it('asks for the token when a write answers 401, keeps it for the tab, and the write then succeeds', async () => {
    const db = await database('statehub_dashboard_token');
    const app: BuiltApp = await startBuiltSystem({
      databaseUrl: db.url,
      definitionsDir: defs.dir,
      env: { STATE_HUB_API_TOKEN: TOKEN },
    });
    cleanups.push(() => app.stop());
    await app.json('POST', '/domains', { slug: 'custodian', name: 'The Custodian' });
    await app.json('POST', '/decisions', { domain: 'custodian', title: 'Keep the token?' });
    await page.goto(`${app.url}/ui/decisions?status=open`);
    await see('Keep the token?');
    await page.getByLabel('Resolution').fill('Yes.');
    await page.getByLabel('Resolved by').fill('tester');
    await page.getByRole('button', { name: 'Resolve' }).click();
    const dialog = page.getByRole('dialog', { name: "The hub's token" });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(
      'missing bearer token: send Authorization: Bearer <STATE_HUB_API_TOKEN>',
    );
    expect(await mainText()).toContain('The hub needs its token');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'token-dialog');
    await dialog.getByLabel('Token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Save token' }).click();
    expect(await page.evaluate(() => sessionStorage.getItem('state-hub.token'))).toBe(TOKEN);
    await page.getByRole('button', { name: 'Resolve' }).click();
    await see('No decision matches these filters.');
    const resolved = await app.json<{ items: { status: string; resolved_by: string }[] }>('GET', '/decisions');
    expect(resolved.items).toEqual([expect.objectContaining({ status: 'resolved', resolved_by: 'tester' })]);

    // The hub goes away under an open page: the next page says so.
    await app.stop();
    await page.getByRole('link', { name: 'Repos' }).click();
    await see('The hub does not answer');
    expect(await mainText()).toContain('npm start');
  });

  it('with API_READS_REQUIRE_TOKEN, a page says it needs the token and shows the data once it is entered', async () => {
    const db = await database('statehub_dashboard_reads');
    const app: BuiltApp = await startBuiltSystem({
      databaseUrl: db.url,
      definitionsDir: defs.dir,
      env: { STATE_HUB_API_TOKEN: TOKEN, API_READS_REQUIRE_TOKEN: 'true' },
    });
    cleanups.push(() => app.stop());
    await app.json('POST', '/domains', { slug: 'custodian', name: 'The Custodian' });
    await app.json('POST', '/repos', {
      slug: 'guarded-repo',
      name: 'Guarded',
      domain: 'custodian',
      remote_url: 'git@example.org:o/guarded.git',
    });
    await page.goto(`${app.url}/ui/repos`);
    await see('The hub needs its token');
    expect(await mainText()).not.toContain('guarded-repo');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Enter token' }).first().click();
    const dialog = page.getByRole('dialog', { name: "The hub's token" });
    await dialog.getByLabel('Token').fill(TOKEN);
    await dialog.getByRole('button', { name: 'Save token' }).click();
    await see('guarded-repo');
  });

  it('says that no engine is configured when the hub runs alone without ENGINE_URL', async () => {
    const db = await database('statehub_dashboard_split');
    const hub = await startBuiltHub({ databaseUrl: db.url, natsUrl: '', env: { LOG_FORMAT: 'json' } });
    cleanups.push(() => hub.stop());
    await page.goto(`${hub.url}/ui/engine/runs`);
    await see('The engine is not available');
    expect(await mainText()).toContain('no engine is configured for this hub: set ENGINE_URL');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'no-engine');
    await page.goto(`${hub.url}/ui/`);
    await see('no engine is configured');
    await see('No repos yet');
    expect(await mainText()).toMatch(/Hub\s+ok/);
  });

  it('says that the engine does not answer when ENGINE_URL points at nothing', async () => {
    const db = await database('statehub_dashboard_engine_down');
    const closed = await freePort();
    const hub = await startBuiltHub({
      databaseUrl: db.url,
      natsUrl: '',
      env: { ENGINE_URL: `http://127.0.0.1:${closed}`, LOG_FORMAT: 'json' },
    });
    cleanups.push(() => hub.stop());
    await page.goto(`${hub.url}/ui/engine/dead-letters`);
    await see('The engine is not available');
    expect(await mainText()).toContain(`the engine at http://127.0.0.1:${closed} does not answer (ECONNREFUSED)`);
  });
});
