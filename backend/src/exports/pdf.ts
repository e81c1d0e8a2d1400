// PDF by headless Chromium (playwright-core drives the Debian package; it downloads no browser): A4, tagged
// (accessible) PDF, page numbers in the footer. One print at a time; the page may not load anything.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export class PdfUnavailable extends Error {}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const FOOTER = '<div style="font-size:7pt;width:100%;text-align:center;color:#555">Pactmonitor · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>';

let queue: Promise<unknown> = Promise.resolve();

export function pdfAvailable(chromiumPath: string): boolean {
  return fs.existsSync(chromiumPath);
}

export function htmlToPdf(html: string, chromiumPath: string): Promise<Buffer> {
  if (!pdfAvailable(chromiumPath)) {
    return Promise.reject(new PdfUnavailable(`PDF maken kan niet: Chromium ontbreekt op deze server (${chromiumPath}). Installeer het Debian-pakket chromium of zet PACT_CHROMIUM.`));
  }
  const run = queue.then(() => print(html, chromiumPath));
  queue = run.catch(() => undefined);
  return run;
}

async function print(html: string, chromiumPath: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ARGS, headless: true });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
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
