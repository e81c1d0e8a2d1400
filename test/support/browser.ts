/// <reference lib="dom" />
// Headless Chromium for the browser tests (playwright-core drives the Debian package; it downloads no browser):
// a Dutch browser context, logging in through the real login page (and the one-time-password page), axe-core
// on the page as it is, and a full-page screenshot of every page the run opens.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './cli.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'test/e2e/screenshots');
const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export const launch = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

/** A fresh user's browser: Dutch, Amsterdam time, a laptop screen, downloads allowed. */
export const dutchContext = (browser: Browser, baseURL: string): Promise<BrowserContext> =>
  browser.newContext({ baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 }, acceptDownloads: true });

/**
 * Console errors and uncaught exceptions of a page (a CSP violation is one). API answers 4xx are not: the app
 * shows them (not logged in yet, a field the server refused).
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/the server responded with a status of 4\d\d/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** Logs in on the login page; a one-time password is replaced by `newPassword` on the page that asks for it. */
export async function logIn(page: Page, username: string, password: string, newPassword?: string): Promise<void> {
  await page.goto('/aanmelden');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  if (newPassword) {
    await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
    await page.getByLabel('Huidig wachtwoord').fill(password);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(newPassword);
    await page.getByLabel('Nieuw wachtwoord nog een keer').fill(newPassword);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  }
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

/** Waits until nothing on the page is loading any more (no "… wordt geladen", no request in flight). */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('.pact-loading').first().waitFor({ state: 'detached' });
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE); // evaluated through the debugger protocol: the page's CSP allows no inline script
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
