// The year report as PDF: headless Chromium (playwright-core drives the Debian package; it downloads no browser)
// prints the dashboard's own print page (/print/jaarrapportage), A4, tagged (accessible), page numbers in the
// footer. The page never reaches the network: every request it makes is answered in-process by the app, as the
// principal who asked for the PDF (so suppression is exactly that role's); anything else is aborted. One print
// at a time; the queue is bounded (one print per user, MAX_QUEUED in all): beyond that `PdfBusy` (429).
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DASHBOARD_DIR } from '../dashboard.ts';

export class PdfUnavailable extends Error {}

/** The queue is full (for this user, or in all): try again after `retryAfter` seconds. */
export class PdfBusy extends Error {
  constructor(
    readonly retryAfter: number,
    message: string,
  ) {
    super(message);
  }
}

/** Prints waiting or running at once, in all; each user has at most one. */
export const MAX_QUEUED = 3;
/** What one print takes about (the Retry-After per print ahead). */
const PRINT_SECONDS = 8;

/** Answers one request of the print page (the app's fetch, bound to the asking principal). */
export type PrintServer = (request: Request) => Response | Promise<Response>;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const FOOTER = '<div style="font-size:7pt;width:100%;text-align:center;color:#555">Pactmonitor · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>';
/** The page's origin: a name that resolves nowhere, so nothing can leave even if interception failed. */
const ORIGIN = 'http://pactmonitor.invalid';
const READY_MS = 60_000;

let queue: Promise<unknown> = Promise.resolve();
/** The users with a print waiting or running. */
const pending = new Map<string, number>();

export function pdfAvailable(chromiumPath: string): boolean {
  return fs.existsSync(chromiumPath);
}

/** Prints `target` (a path of the dashboard, e.g. `/print/jaarrapportage?year=…`) for user `who`, once it says it is ready. */
export function printPdf(target: string, serve: PrintServer, chromiumPath: string, who: string): Promise<Buffer> {
  if (!pdfAvailable(chromiumPath)) {
    return Promise.reject(new PdfUnavailable(`PDF maken kan niet: Chromium ontbreekt op deze server (${chromiumPath}). Installeer het Debian-pakket chromium of zet PACT_CHROMIUM.`));
  }
  if (!fs.existsSync(path.join(DASHBOARD_DIR, 'index.html'))) {
    return Promise.reject(new PdfUnavailable('PDF maken kan niet: het dashboard is nog niet gebouwd (npm run build).'));
  }
  const queued = [...pending.values()].reduce((n, c) => n + c, 0);
  if (pending.has(who)) return Promise.reject(new PdfBusy(PRINT_SECONDS * queued, 'Uw vorige PDF wordt nog gemaakt; vraag de volgende als die klaar is'));
  if (queued >= MAX_QUEUED) return Promise.reject(new PdfBusy(PRINT_SECONDS * queued, 'Er worden nu te veel PDF’s gemaakt; probeer het zo opnieuw'));
  pending.set(who, 1);
  const run = queue.then(() => print(target, serve, chromiumPath)).finally(() => pending.delete(who));
  queue = run.catch(() => undefined);
  return run;
}

async function print(target: string, serve: PrintServer, chromiumPath: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.origin !== ORIGIN || request.method() !== 'GET') return route.abort();
      const response = await serve(new Request(url, { headers: { accept: request.headers().accept ?? '*/*' } }));
      await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
    });
    await page.goto(`${ORIGIN}${target}`);
    const ready = page.locator('[data-print-ready]');
    await ready.waitFor({ timeout: READY_MS });
    if ((await ready.getAttribute('data-print-ready')) !== 'true') throw new Error(`De afdrukpagina kon het rapport niet laden: ${await page.locator('.utrecht-alert').allInnerTexts()}`);
    return await page.pdf({
      format: 'A4',
      tagged: true,
      outline: true,
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: FOOTER,
    });
  } finally {
    await browser.close();
  }
}
