// The dashboard's browser tests: Debian's Chromium driven by playwright-core
// (never a downloaded browser), axe-core on a page, and the screenshots that
// docs/dashboard.md shows: every run takes them, into a temporary folder, or
// into docs/dashboard/ with DASHBOARD_SCREENSHOTS=docs (`npm run docs:dashboard`),
// so that `npm test` leaves the tracked images alone.
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@state-hub/testing';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR =
  process.env['DASHBOARD_SCREENSHOTS'] === 'docs'
    ? join(WORKSPACE_ROOT, 'docs/dashboard')
    : join(tmpdir(), 'state-hub-dashboard-screenshots');

/** Flags that work as root on a closed network (TOOLCHAIN.md): no sandbox, no GPU, no background traffic. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** The serious and critical axe violations of the page as it is now (empty = passes the bar). */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** A full-page screenshot into SCREENSHOT_DIR/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
