/// <reference lib="dom" />
// The dashboard in a real browser (issue 6): the real program (backend/src/main.ts, as `npm start`) on a
// temporary data dir with the demo region, headless Chromium. Every role logs in through the login page, sees
// only its own menu, opens each of its pages (axe-core: no WCAG 2.1 A/AA violation; a screenshot of each in
// test/e2e/screenshots/); a registrator opens a case through the forms, gets the server's error beside the field,
// finds the case on the signal list and records the overleg; beleid downloads CSV and Excel, bestuur the PDF.
// Skipped, saying so, where /usr/bin/chromium is missing (CI installs it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, CHROMIUM, consoleErrors, dutchContext, launch, logIn, screenshot, SCREENSHOTS, settled } from '../support/browser.ts';
import { childRef } from '../support/builders.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const available = fs.existsSync(CHROMIUM);
if (!available) console.warn(`Browsertests overgeslagen: ${CHROMIUM} ontbreekt (installeer het Debian-pakket chromium)`);

const PASSWORD = 'een-lang-wachtwoord-voor-de-test';
const SCOPE = 'GM0344';
/**
 * The demo region's history ends in July 2025: the pages open on its last school year by themselves (their
 * default period follows the last registration), so they are opened without naming a period.
 */
const DEMO_DEFAULT: Record<string, RegExp> = {
  '/jaarrapportage': /Jaarrapportage thuiszitterspact 2024–2025/,
  '/pactbeloften': /schooljaar 2024–2025/,
  '/maandcijfers': /augustus 2024 tot en met juli 2025/,
};
const MENUS = {
  raad: ['Pactbeloften', 'Jaarrapportage', 'Definities'],
  bestuur: ['Jaarrapportage', 'Pactbeloften', 'Maandcijfers', 'Definities'],
  beleid: ['Maandcijfers', 'Jaarrapportage', 'Pactbeloften', 'Signaleringslijst', 'Casus', 'Definities'],
  registrator: ['Signaleringslijst', 'Casus', 'Definities'],
  admin: ['Jaarrapportage', 'Pactbeloften', 'Maandcijfers', 'Signaleringslijst', 'Casus', 'Definities'],
} as const;
type Role = keyof typeof MENUS;

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(!available)('the dashboard in a browser', () => {
  let dataDir: string;
  let server: RunningServer;
  let browser: Browser;
  const contexts = new Map<Role, BrowserContext>();
  const timings: Record<string, number> = {};

  /** A page of the role's logged-in browser, collecting console errors. */
  async function open(role: Role, target: string): Promise<{ page: Page; errors: string[] }> {
    const page = await contexts.get(role)!.newPage();
    const errors = consoleErrors(page);
    await page.goto(target);
    await settled(page);
    return { page, errors };
  }

  /** No axe violation, no console error (a CSP violation would be one), and a screenshot. */
  async function check(page: Page, errors: string[], name: string) {
    expect(await axeViolations(page), name).toEqual([]);
    expect(errors, name).toEqual([]);
    await screenshot(page, name);
  }

  beforeAll(async () => {
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-dashboard-'));
    server = await startServer({ PACT_DATA_DIR: dataDir, PACT_DEMO: '1' }, 120_000);
    // the demo region is in the log; wait until the projections have caught up with it
    for (let lag = Infinity; lag > 0; await new Promise((r) => setTimeout(r, 250))) {
      lag = ((await (await fetch(`${server.url}/api/health`)).json()) as { projection: { lag: number } }).projection.lag;
    }
    browser = await launch();
  });

  afterAll(async () => {
    if (Object.keys(timings).length) fs.writeFileSync(path.join(SCREENSHOTS, 'timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    await browser?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the first admin in with the one-time password, and the admin adds a user for every role', async () => {
    const oneTime = /eenmalige wachtwoord (\S+)/.exec(server.output())![1];
    const context = await dutchContext(browser, server.url);
    contexts.set('admin', context);
    const page = await context.newPage();
    const errors = consoleErrors(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    await check(page, errors, 'aanmelden');
    await page.getByLabel('Gebruikersnaam').fill('admin');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Onbekende gebruikersnaam of verkeerd wachtwoord/);

    await page.getByLabel('Wachtwoord', { exact: true }).fill(oneTime);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Kies een nieuw wachtwoord' }).waitFor();
    await check(page, errors, 'wachtwoord-kiezen');
    await page.getByLabel('Huidig wachtwoord').fill(oneTime);
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nieuw wachtwoord nog een keer').fill(PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.close();

    for (const role of ['raad', 'bestuur', 'beleid', 'registrator'] as const) {
      const res = await context.request.post('/api/admin/users', { data: { username: role, role, scope: [SCOPE] }, headers: { 'X-Pact-Request': '1' } });
      expect(res.status()).toBe(201);
      const user = await dutchContext(browser, server.url);
      await logIn(await user.newPage(), role, ((await res.json()) as { oneTimePassword: string }).oneTimePassword, PASSWORD);
      contexts.set(role, user);
    }
  });

  it('renders the year report on screen and as the print page, and logs how long that took', async () => {
    const page = await contexts.get('bestuur')!.newPage();
    let started = Date.now();
    await page.goto(`/print/jaarrapportage?year=2023-2024&gemeente=${SCOPE}`);
    await page.locator('[data-print-ready="true"]').waitFor();
    timings.printReadyMs = Date.now() - started;
    started = Date.now();
    await page.goto(`/jaarrapportage?year=2022-2023&gemeente=${SCOPE}`);
    await page.getByRole('table').first().waitFor();
    timings.firstTableMs = Date.now() - started;
    await page.locator('[data-print-ready="true"]').waitFor();
    timings.screenReadyMs = Date.now() - started;
    console.log(`jaarrapportage (demo, localhost): afdrukpagina klaar na ${timings.printReadyMs} ms; scherm: eerste tabel na ${timings.firstTableMs} ms, alles na ${timings.screenReadyMs} ms`);
    await page.close();
  });

  for (const role of Object.keys(MENUS) as Role[]) {
    it(`shows ${role} only its own pages, each accessible`, async () => {
      const { page, errors } = await open(role, '/');
      const menu = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link');
      expect(await menu.allInnerTexts()).toEqual(MENUS[role]);
      for (const link of await menu.all()) {
        const target = (await link.getAttribute('href'))!;
        await page.goto(target);
        await settled(page);
        await page.getByRole('heading', { level: 1 }).waitFor();
        if (DEMO_DEFAULT[target]) await expect.poll(() => page.locator('main').innerText(), { message: target }).toMatch(DEMO_DEFAULT[target]);
        await check(page, errors, `${role}${target.replaceAll('/', '-')}`);
      }
      if (role === 'raad') {
        await page.goto('/signalen');
        await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Geen toegang');
      }
      await page.close();
    });
  }

  it('prints the year report as an A4 page', async () => {
    const { page, errors } = await open('raad', `/print/jaarrapportage?year=2024-2025&gemeente=${SCOPE}`);
    await page.locator('[data-print-ready="true"]').waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.getByRole('heading', { name: 'Definities' }).waitFor();
    await check(page, errors, 'raad-print-jaarrapportage');
    await page.close();
  });

  it('links every figure to its definition', async () => {
    const { page } = await open('bestuur', `/jaarrapportage?year=2024-2025&gemeente=${SCOPE}`);
    await page.getByRole('link', { name: 'Passend aanbod binnen 3 maanden' }).first().click(); // v2: a key figure
    await page.waitForURL(/\/definities#aanbod_binnen_3m_aandeel$/);
    await expect.poll(() => inViewport(page.locator('#aanbod_binnen_3m_aandeel'))).toBe(true);
    await page.getByLabel('Zoek een cijfer').fill('kernpartner');
    await expect.poll(() => page.locator('.pact-result-count').innerText()).toBe('3 van de 51 cijfers'); // v2: the two-monthly blocks too
    await page.close();
  });

  it('works by keyboard: skip link, menu and sorting the signal list', async () => {
    const { page } = await open('beleid', '/signalen');
    await page.keyboard.press('Tab');
    expect(await focused(page.getByRole('link', { name: 'Naar de inhoud' }))).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#inhoud$/);
    const header = page.getByRole('columnheader', { name: /Dagen thuis/ });
    await header.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await page.keyboard.press('Enter');
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    await page.close();
  });

  it('lets a registrator open a case through the forms, see it on the signal list and record the overleg', async () => {
    const { page, errors } = await open('registrator', '/casus');
    const opened = daysAgo(100);
    await page.getByLabel('Pseudoniem van het kind').fill(childRef(`e2e ${Math.random()}`));
    await page.getByLabel('Gemeente').selectOption(SCOPE);
    await page.getByLabel('Samenwerkingsverband').fill('PO2601');
    await page.getByLabel('Onderwijssector').selectOption('po');
    await page.getByLabel('Geboortejaar').fill('2014');
    await page.getByLabel('Gesignaleerd door').selectOption('school');
    await page.getByRole('group', { name: 'Staat het kind ingeschreven op een school?' }).getByLabel('Ja').check();
    await page.getByRole('group', { name: 'Fase' }).getByLabel('Gaat helemaal niet naar school (fase 3)').check();
    await page.getByRole('group', { name: 'Is het verzuim geoorloofd?' }).getByLabel('Nee').check();
    await page.getByLabel('Datum waarop de casus begint').fill(opened);
    await check(page, errors, 'registrator-casus-nieuw');
    await page.getByRole('button', { name: 'Casus registreren' }).click();
    await page.waitForURL(/\/casus\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(`Casus ${caseId.slice(0, 8)}`);

    // a plan whose review date lies before its start: the server's error appears beside that field
    await page.getByLabel('Wat is er gebeurd?').selectOption('PlanAgreed');
    await page.getByLabel('Eén verantwoordelijke').selectOption('leerplicht');
    await page.getByLabel('Soort plan').selectOption('onderwijs');
    await page.getByLabel('Datum waarop het gebeurde').fill(daysAgo(10));
    await page.getByLabel('Evaluatiedatum').fill(daysAgo(20));
    await page.getByRole('button', { name: 'Plan afgesproken opslaan' }).click();
    const review = page.getByLabel('Evaluatiedatum');
    await expect.poll(() => review.getAttribute('aria-invalid')).toBe('true');
    expect(await description(review)).toMatch(/Ongeldige evaluatiedatum/);
    await expect.poll(() => focused(review)).toBe(true);
    await check(page, errors, 'registrator-casus-fout-bij-veld');

    // an escalation is fine; the timeline shows it
    await page.getByLabel('Wat is er gebeurd?').selectOption('Escalated');
    await page.getByRole('group', { name: 'Opgeschaald naar' }).getByLabel('Actietafel').check();
    await page.getByRole('button', { name: 'Opgeschaald opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    await page.getByRole('list').filter({ hasText: 'Opgeschaald: actietafel' }).waitFor();
    await check(page, errors, 'registrator-casus-detail');

    // over the norm without a plan: on the signal list (as soon as the projections have it)
    const short = caseId.slice(0, 8);
    await page.goto('/signalen');
    for (let tries = 0; !(await page.getByRole('link', { name: short }).count()); tries++) {
      expect(tries, 'case on the signal list').toBeLessThan(60);
      await new Promise((r) => setTimeout(r, 500));
      await page.reload();
      await settled(page);
    }
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: short }) });
    expect(await row.innerText()).toContain('Over de norm');
    expect(await row.innerText()).toContain('Nog niet besproken');
    await row.getByRole('checkbox', { name: `Casus ${short} besproken` }).check();
    await page.getByRole('button', { name: /Overleg opslaan \(1 casus besproken\)/ }).last().click();
    await page.getByRole('status').filter({ hasText: 'opgeslagen' }).waitFor();
    await expect.poll(() => row.innerText()).toContain('deze maand'); // v2: the last discussion, and that it was this month
    await check(page, errors, 'registrator-signalen-na-overleg');
    await page.close();
  });

  it('lets beleid download the monthly figures as CSV and Excel, and bestuur the year report as PDF', async () => {
    const { page } = await open('beleid', '/maandcijfers?from=2024-08&to=2025-07');
    const csv = await download(page, 'Download CSV');
    expect(csv.name).toBe(`maandcijfers-2024-08-2025-07-${SCOPE}.csv`);
    expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // UTF-8 BOM: Dutch Excel
    expect(csv.body.toString('utf8')).toContain('Maand;Peildatum;Thuiszitters');
    const xlsx = await download(page, 'Download Excel');
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
    await page.close();

    const report = await open('bestuur', `/jaarrapportage?year=2024-2025&gemeente=${SCOPE}`);
    const pdf = await download(report.page, 'Download PDF');
    expect(pdf.name).toBe(`jaarrapportage-2024-2025-${SCOPE}.pdf`);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    await report.page.close();
  });
});

const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);
const inViewport = (locator: Locator) => locator.evaluate((el) => el.getBoundingClientRect().top > -1 && el.getBoundingClientRect().top < window.innerHeight);
/** The text of the elements that describe a field (aria-describedby): its description and its errors. */
const description = (locator: Locator) => locator.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(' ').map((id: string) => document.getElementById(id)?.textContent ?? '').join(' '));

async function download(page: Page, link: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { name: file.suggestedFilename(), body: fs.readFileSync((await file.path())!) };
}
