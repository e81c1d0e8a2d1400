// The API's behaviour beyond the role matrix: login and sessions, CSRF, rate limiting, size limit, security
// headers, POST /api/events errors, suppression, exports (CSV, xlsx read back with exceljs, PDF), the audit trail.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import { PRINT_AS, type PrintEnv } from '../../backend/src/auth/middleware.ts';
import { ADDITIVE_RELATIONS } from '../../backend/src/reports/suppression.ts';
import { caseStream, event, opened } from '../support/builders.ts';
import { randomHistory } from '../support/random-history.ts';
import { testApp, type TestApp } from '../support/app.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const ORIGIN = { origin: 'http://localhost' };
let t: TestApp;
let admin: string;
let beleid: string;
let raad: string;
let registrator: string;
const history = randomHistory({ seed: 5, cases: 150, gemeenten: ['GM0344', 'GM0307'] });

/** A response whose JSON is read untyped, as tests do. */
type Res = Omit<Response, 'json'> & { json(): Promise<any> };
const request = (path: string, init?: RequestInit) => t.app.request(path, init) as Promise<Res>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const post = (path: string, body: unknown, headers: Record<string, string>) =>
  request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const cookieOf = (res: Res) => res.headers.get('set-cookie')?.match(/pact_session=([^;]+)/)?.[1];

beforeAll(async () => {
  t = await testApp({ clock: () => NOW, config: { maxBodyBytes: 64 * 1024 } });
  await t.load(history);
  await t.publications.publish({ gemeente: 'GM0344' }, 'test');
  [admin, beleid, raad, registrator] = await Promise.all([t.token('admin'), t.token('beleid', ['GM0344']), t.token('raad', ['GM0344']), t.token('registrator', ['GM0344'])]);
});
afterAll(() => t.close());

describe('login and sessions', () => {
  it('logs in with a one-time password, forces a new one, rotates the session and logs out', async () => {
    const { oneTimePassword } = await t.auth.addUser('jansen', 'bestuur', { gemeenten: ['GM0344'], swvs: [] });
    const login = await post('/api/auth/login', { username: 'jansen', password: oneTimePassword }, ORIGIN);
    expect(login.status).toBe(200);
    expect(await login.json()).toEqual({ subject: 'jansen', role: 'bestuur', scope: { gemeenten: ['GM0344'], swvs: [] }, mustChangePassword: true, via: 'session' });
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const first = cookieOf(login)!;
    expect(first).toMatch(/^[\w-]{43}$/);
    const session = { cookie: `pact_session=${first}` };

    const blocked = await request('/api/reports/year?year=2023-2024', { headers: session });
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'kort' }, { ...session, ...ORIGIN })).status).toBe(400);
    expect((await post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'een lang nieuw wachtwoord' }, { ...session, ...ORIGIN })).status).toBe(204);
    expect((await request('/api/reports/year?year=2023-2024', { headers: session })).status).toBe(200);

    // logging in again from the same browser gives a new id and ends the old session (no fixation)
    const again = await post('/api/auth/login', { username: 'jansen', password: 'een lang nieuw wachtwoord' }, { ...session, ...ORIGIN });
    const second = cookieOf(again)!;
    expect(second).not.toBe(first);
    expect((await request('/api/auth/me', { headers: session })).status).toBe(401);
    const me = await request('/api/auth/me', { headers: { cookie: `pact_session=${second}` } });
    expect(await me.json()).toMatchObject({ subject: 'jansen', mustChangePassword: false });
    expect((await post('/api/auth/logout', {}, { cookie: `pact_session=${second}`, ...ORIGIN })).status).toBe(204);
    expect((await request('/api/auth/me', { headers: { cookie: `pact_session=${second}` } })).status).toBe(401);
  });

  it('refuses a wrong password with 401 and limits attempts per address and username (429)', async () => {
    await t.auth.addUser('pietersen', 'raad', { gemeenten: ['GM0344'], swvs: [] }, 'het echte wachtwoord');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post('/api/auth/login', { username: 'pietersen', password: `fout ${i}` }, ORIGIN)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await post('/api/auth/login', { username: 'pietersen', password: 'het echte wachtwoord' }, ORIGIN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('refuses cross-site state changes on a session (CSRF), not on a token', async () => {
    const id = await t.auth.createSession({ subject: 'reg', role: 'registrator', scope: { gemeenten: ['GM0344'], swvs: [] } });
    const body = [opened(caseStream(), '2025-11-01')];
    const cookie = { cookie: `pact_session=${id}` };
    const code = async (headers: Record<string, string>) => {
      const res = await post('/api/events', body.map((e) => ({ ...e, eventId: crypto.randomUUID(), stream: caseStream() })), { ...cookie, ...headers });
      return res.status === 200 ? 200 : `${res.status} ${(await res.json()).error.code}`;
    };
    expect(await code({})).toBe('403 CSRF');
    expect(await code({ origin: 'https://evil.example' })).toBe('403 CSRF');
    expect(await code({ 'sec-fetch-site': 'cross-site' })).toBe('403 CSRF');
    expect(await code({ origin: 'http://localhost' })).toBe(200);
    expect(await code({ 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await code({ 'x-pact-request': '1' })).toBe(200);
    expect((await post('/api/auth/login', { username: 'x', password: 'y' }, { origin: 'https://evil.example' })).status).toBe(403);
    const tokenPost = await post('/api/events', [{ ...body[0], stream: caseStream() }].map((e) => ({ ...e, eventId: crypto.randomUUID() })), bearer(registrator));
    expect(tokenPost.status).toBe(200);
  });

  it('refuses an unknown or revoked token', async () => {
    expect((await request('/api/metrics', { headers: bearer('pact_nope') })).status).toBe(401);
    const created = await post('/api/admin/tokens', { name: 'tijdelijk', role: 'registrator', scope: ['GM0344'] }, bearer(admin));
    const { id, token } = await created.json();
    expect((await request('/api/metrics', { headers: bearer(token) })).status).toBe(200);
    expect((await request(`/api/admin/tokens/${id}`, { method: 'DELETE', headers: bearer(admin) })).status).toBe(204);
    expect((await request('/api/metrics', { headers: bearer(token) })).status).toBe(401);
  });
});

describe('requests', () => {
  it('sets security headers on every response', async () => {
    const res = await request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers a body over the limit with 413 in the error shape', async () => {
    const res = await post('/api/events', 'x'.repeat(70 * 1024), bearer(admin));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('TOO_LARGE');
  });

  it('validates query parameters with per-field details (400)', async () => {
    const res = await request('/api/reports/year?year=2023&gemeente=Utrecht', { headers: bearer(admin) });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe('INVALID_REQUEST');
    expect(error.details.map((d: { field: string }) => d.field).sort()).toEqual(['gemeente', 'year']);
    expect((await request('/api/reports/year?year=2030-2031', { headers: bearer(admin) })).status).toBe(400);
  });
});

describe('POST /api/events', () => {
  it('appends JSON arrays and NDJSON, idempotent by eventId', async () => {
    const stream = caseStream();
    const events = [opened(stream, '2025-10-01'), event(stream, 'PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2025-10-02' })];
    const first = await post('/api/events', events, bearer(registrator));
    expect(await first.json()).toEqual({ appended: 2, duplicates: 0, revisions: { [stream]: 1 } });
    const ndjson = await request('/api/events', { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...bearer(registrator) }, body: events.map((e) => JSON.stringify(e)).join('\n') });
    expect(await ndjson.json()).toEqual({ appended: 0, duplicates: 2, revisions: {} });
  });

  it('answers 400 with per-event errors, 422 for a broken rule, 409 for a stale revision; nothing is stored', async () => {
    const stream = caseStream();
    const invalid = await post('/api/events', [opened(stream, '2025-10-01'), { ...event(stream, 'PhaseChanged', { phase: 'weg' as never, effectiveOn: '2025-10-02' }) }], bearer(admin));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toMatchObject({ code: 'INVALID_EVENTS', details: [{ line: 2, field: 'data.phase', code: 'INVALID_FIELD' }] });
    expect((await request(`/api/cases/${stream.slice(5)}`, { headers: bearer(admin) })).status).toBe(404);

    const rule = await post('/api/events', [event(stream, 'PlanEnded', { outcome: 'uitgevoerd', effectiveOn: '2025-10-02' })], bearer(admin));
    expect(rule.status).toBe(422);
    expect((await rule.json()).error.details).toEqual([{ line: 1, field: 'stream', code: 'CASE_NOT_OPENED', message: expect.any(String) }]);

    await post('/api/events', [opened(stream, '2025-10-01')], bearer(admin));
    const stale = await post('/api/events', { events: [event(stream, 'PhaseChanged', { phase: 'thuis', authorised: true, effectiveOn: '2025-10-03' })], expectedRevision: { [stream]: 'no_stream' } }, bearer(admin));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: 'CONCURRENCY', details: { stream, currentRevision: 0 } });
  });

  it('keeps a registrator to its own cases: a foreign case answers as if unknown', async () => {
    const foreign = history.find((e) => e.type === 'CaseOpened' && e.data.gemeente === 'GM0307' && e.data.swv !== 'PO2601')!;
    const res = await post('/api/events', [event(foreign.stream, 'Escalated', { level: 'actietafel', effectiveOn: '2025-11-01' })], bearer(registrator));
    expect(res.status).toBe(422);
    expect((await res.json()).error.details[0].code).toBe('CASE_NOT_OPENED');
  });
});

describe('figures per role', () => {
  it('suppresses small numbers for raad (with complements), not for beleid', async () => {
    const get = async (token: string) => (await request('/api/reports/year?year=2023-2024&gemeente=GM0344', { headers: bearer(token) })).json();
    const [open, hidden] = await Promise.all([get(beleid), get(raad)]);
    expect(open.suppressed).toEqual([]);
    for (const [id, value] of Object.entries(open.metrics as Record<string, number | null>)) {
      const unit = METRICS.find((m) => m.id === id)!.unit;
      if ((unit === 'kinderen' || unit === 'casussen') && value !== null && value >= 1 && value <= 4) expect(hidden.metrics[id], id).toBeNull();
      if (hidden.metrics[id] !== null) expect(hidden.metrics[id]).toBe(value);
    }
    expect(hidden.suppressed.length).toBeGreaterThan(0);
    for (const { total, parts } of ADDITIVE_RELATIONS) {
      const nulls = [total, ...parts].filter((id) => hidden.metrics[id] === null).length;
      expect(nulls === 0 || nulls >= 2, total).toBe(true);
    }
  });

  it('shows a case with its state and timeline, and audits the view', async () => {
    const own = history.find((e) => e.type === 'CaseOpened' && e.data.gemeente === 'GM0344')!;
    const res = await request(`/api/cases/${own.stream.slice(5)}?on=2024-06-30`, { headers: bearer(beleid) });
    const body = await res.json();
    expect(body).toMatchObject({ caseId: own.stream.slice(5), gemeente: 'GM0344', on: '2024-06-30' });
    expect(body.events[0]).toMatchObject({ type: 'CaseOpened', revision: 0 });
    expect(body.timeline.length).toBeGreaterThan(0);
    const audit = await (await request('/api/admin/audit?limit=5', { headers: bearer(admin) })).json();
    expect(audit[0]).toMatchObject({ role: 'beleid', action: 'view', target: `cases/${own.stream.slice(5)}` });
  });
});

describe('exports', () => {
  it('gives the year report as Dutch-Excel CSV', async () => {
    const res = await request('/api/reports/year?year=2023-2024&gemeente=GM0344&format=csv', { headers: bearer(raad) });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="jaarrapportage-2023-2024-GM0344.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('Pactmonitor;Jaarrapportage (OOGO)'); // TextDecoder drops the BOM
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toMatch(/\r\nverborgen_aandeel;Aandeel verborgen;stand;aandeel;\d,\d{4};/);
    expect(text).toContain('Kleine aantallen;');
    expect(text).toMatch(/;<5[;\r]/);
  });

  it('gives monthly figures as xlsx with typed numbers, the header block and the Definities sheet', async () => {
    const res = await request('/api/reports/monthly?from=2023-08&to=2024-07&gemeente=GM0344&format=xlsx', { headers: bearer(beleid) });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Maandcijfers', 'Definities']);
    const sheet = workbook.getWorksheet('Maandcijfers')!;
    const labels = [2, 3, 4, 5, 6, 7].map((r) => sheet.getRow(r).getCell(1).value);
    expect(labels).toEqual(['Periode', 'Profiel', 'Gemeente', 'Samenwerkingsverband', 'Stand van registratie (asOf)', 'Gemaakt op']);
    expect(sheet.getRow(2).getCell(2).value).toBe('2023-08 t/m 2024-07');
    // v2: the header block names the region configuration (4 rows more: the id row moves from 10 to 14)
    expect([8, 9, 10, 11].map((r) => sheet.getRow(r).getCell(1).value)).toEqual(['Norm', '4 weken', 'Geen overleg verwacht in', 'Kleine aantallen onderdrukt']);
    const idRow = sheet.getRow(14);
    expect(idRow.getCell(1).value).toBe('month');
    const column = (id: string) => (idRow.values as unknown[]).indexOf(id);
    const march = sheet.getRow(15 + 7); // 2023-08 is row 15
    expect(march.getCell(1).value).toBe('2024-03');
    expect(march.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(march.getCell(column('thuiszitters')).type).toBe(ExcelJS.ValueType.Number);
    const share = march.getCell(column('verborgen_aandeel'));
    expect(share.type).toBe(ExcelJS.ValueType.Number);
    expect(share.numFmt).toBe('0.0%');
    expect(share.value as number).toBeGreaterThanOrEqual(0);
    expect(share.value as number).toBeLessThanOrEqual(1);
    const definitions = workbook.getWorksheet('Definities')!;
    expect(definitions.rowCount).toBe(METRICS.length + 1);
    expect(definitions.getRow(1).values).toEqual([undefined, 'id', 'label', 'soort', 'eenheid', 'definitie', 'regel', 'doel']); // v2: the rule in words, and the target
    expect(definitions.getRow(2).getCell(5).value).toBe(METRICS[0].definition);
  });

  it('gives the cumulative case list (beleid) as CSV and xlsx, one row per case, and audits it', async () => {
    const inScope = history.filter((e) => e.type === 'CaseOpened' && e.data.gemeente === 'GM0344' && e.data.effectiveOn <= '2024-06-30');
    const csv = await (await request('/api/exports/cases?on=2024-06-30&gemeente=GM0344', { headers: bearer(beleid) })).text();
    const lines = csv.split('\r\n').filter(Boolean);
    const head = lines.indexOf('casus;gemeente;swv;sector;leeftijd bij aanvang;eerste dag thuis;dagen thuis;datum plan;datum aanbod;uitkomst;vrijstelling 5a');
    expect(head).toBeGreaterThan(0);
    expect(lines.length - head - 1).toBe(inScope.length);
    const res = await request('/api/exports/cases?on=2024-06-30&gemeente=GM0344&format=xlsx', { headers: bearer(beleid) });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.getWorksheet('Casuslijst')!;
    let headRow = 1;
    while (sheet.getRow(headRow).getCell(1).value !== 'casus') headRow++;
    expect(sheet.getRow(headRow + 1).getCell(7).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.rowCount - headRow).toBe(inScope.length);
    const audit = await (await request('/api/admin/audit?limit=1', { headers: bearer(admin) })).json();
    expect(audit[0]).toMatchObject({ role: 'beleid', action: 'export', target: 'exports/cases', params: { format: 'xlsx', on: '2024-06-30', rows: inScope.length } });
  });

  it('prints the year report as PDF with Chromium, or answers 503 without it', async () => {
    const res = await request('/api/reports/year?year=2023-2024&gemeente=GM0344&format=pdf', { headers: bearer(raad) });
    if (fs.existsSync('/usr/bin/chromium')) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot/); // tagged
      if (process.env.PACT_PDF_OUT) fs.writeFileSync(process.env.PACT_PDF_OUT, pdf);
    } else {
      expect(res.status).toBe(503);
    }
    const missing = await testApp({ clock: () => NOW, config: { chromiumPath: '/nonexistent/chromium' } });
    const unavailable = await (missing.app.request as (p: string, i: RequestInit) => Promise<Res>)('/api/reports/year?year=2023-2024&format=pdf', { headers: bearer(await missing.token('admin')) });
    expect(unavailable.status).toBe(503);
    expect((await unavailable.json()).error).toMatchObject({ code: 'PDF_UNAVAILABLE', message: expect.stringContaining('Chromium') });
    await missing.close();
  });

  it('lets the PDF’s print page read as the principal who asked for it, and write nothing', async () => {
    // the print job's browser is answered in-process with this environment (backend/src/exports/pdf.ts)
    const asRaad = { [PRINT_AS]: { subject: 'raad', role: 'raad', scope: { gemeenten: ['GM0344'], swvs: [] }, via: 'token' } } satisfies PrintEnv;
    const inPrint = (path: string, init: RequestInit = {}) => (t.app.request as (p: string, i: RequestInit, e: PrintEnv) => Promise<Res>)(path, init, asRaad);
    expect(await (await inPrint('/api/auth/me')).json()).toMatchObject({ subject: 'raad', role: 'raad' });
    const path = '/api/reports/year?year=2023-2024&gemeente=GM0344';
    const printed = await (await inPrint(path)).json();
    expect(printed).toEqual(await (await request(path, { headers: bearer(raad) })).json());
    expect(printed.suppressed.length).toBeGreaterThan(0);
    const write = await inPrint('/api/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(write.status).toBe(403);
    expect((await inPrint('/api/signals')).status).toBe(403); // raad: no case ids, also not in print
  });
});

describe('OpenAPI', () => {
  it('documents every route from the same schemas, with the error shape and both security schemes', async () => {
    const doc = await (await request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/events', '/api/cases/{caseId}', '/api/reports/year', '/api/reports/monthly', '/api/signals', '/api/metrics', '/api/health', '/api/exports/cases']));
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'bearer']);
    expect(doc.components.schemas.Error).toBeDefined();
    const year = doc.paths['/api/reports/year'].get;
    expect(year.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['year', 'profile', 'gemeente', 'swv', 'asOf', 'format']));
    expect(Object.keys(year.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '503']));
  });
});
