// The dashboard on a large history: the time from opening the year report's address in headless Chromium until
// its first table shows and until everything on it is drawn (`data-print-ready`), logged in through the real
// login page of a running server. Cold: a school year and scope the server has not computed yet; warm: the same
// page again (the figures cached, the scripts in the browser's cache).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CHROMIUM, dutchContext, launch, logIn, settled } from '../support/browser.ts';
import { ROOT } from '../support/cli.ts';

export interface DashboardTimings {
  firstTableMs: number;
  readyMs: number;
}

export async function measureYearReportPage(base: string, user: { username: string; password: string }, address: string): Promise<{ cold: DashboardTimings; warm: DashboardTimings } | null> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`(${CHROMIUM} ontbreekt: de tijd tot de jaarrapportage in de browser is niet gemeten)`);
    return null;
  }
  // the dashboard as `npm start` serves it: built when missing or older than its sources
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'frontend/scripts/build.ts')], { stdio: 'inherit' });
  const browser = await launch();
  try {
    const context = await dutchContext(browser, base);
    const page = await context.newPage();
    await logIn(page, user.username, user.password);
    await settled(page); // the role's first page has loaded: nothing of it is computed during the measurement
    const visit = async (): Promise<DashboardTimings> => {
      const started = performance.now();
      await page.goto(address);
      await page.getByRole('table').first().waitFor({ timeout: 300_000 });
      const firstTableMs = performance.now() - started;
      await page.locator('[data-print-ready="true"]').waitFor({ timeout: 300_000 });
      return { firstTableMs, readyMs: performance.now() - started };
    };
    const cold = await visit();
    const warm = await visit();
    return { cold, warm };
  } finally {
    await browser.close();
  }
}
