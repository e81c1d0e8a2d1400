// The attacks of the outside review (a registrator's or a raadslid's token, hand probes), replayed against the app:
// each must fail now. Differencing is in differencing.test.ts, erasure on disk in erasure-disk.test.ts, Range
// requests on the dashboard's files in backend/src/dashboard.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PactEvent } from '@pact/events';
import { ingest } from '../../backend/src/ingest.ts';
import { DASHBOARD_DIR } from '../../backend/src/dashboard.ts';
import { pdfAvailable } from '../../backend/src/exports/pdf.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { caseStream, event, meetingStream, opened } from '../support/builders.ts';
import { randomHistory } from '../support/random-history.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const OWN = 'GM0344';
const OTHER = 'GM0307';
const history = randomHistory({ seed: 12, cases: 80, gemeenten: [OWN, OTHER], swvs: ['PO2601', 'VO2602'] });
let t: TestApp;
const tokens: Record<string, string> = {};

type Res = Omit<Response, 'json'> & { json(): Promise<any> };
const request = (p: string, init: RequestInit = {}) => t.app.request(p, init) as Promise<Res>;
const as = (who: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${tokens[who]}`, ...extra });
const post = (p: string, body: unknown, who: string, extra: Record<string, string> = {}) =>
  request(p, { method: 'POST', headers: as(who, { 'content-type': 'application/json', ...extra }), body: typeof body === 'string' ? body : JSON.stringify(body) });
const firstOf = (gemeente: string) => history.find((e) => e.type === 'CaseOpened' && e.data.gemeente === gemeente)!;

beforeAll(async () => {
  t = await testApp({ clock: () => NOW });
  await t.load(history);
  await t.publications.publish({ gemeente: OWN }, 'test');
  tokens.registrator = await t.token('registrator', [OWN]);
  tokens.raad = await t.token('raad', [OWN]);
  tokens.beleid = await t.token('beleid', [OWN]);
  tokens.admin = await t.token('admin');
});
afterAll(() => t.close());

describe('1. an eventId used again', () => {
  it('is 422 EVENT_ID_REUSED for an id of another gemeente’s event, the same answer as for one’s own, and stores nothing', async () => {
    const head = await t.runtime.store.head();
    const answer = async (id: string) => {
      const s = caseStream();
      const res = await post('/api/events', [{ ...opened(s, '2025-11-01'), eventId: id }, event(s, 'PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2025-11-02' })], 'registrator');
      return { status: res.status, body: await res.json() };
    };
    const foreign = await answer(firstOf(OTHER).eventId);
    const own = await answer(firstOf(OWN).eventId.toUpperCase());
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details[0]).toEqual({ line: 1, field: 'eventId', code: 'EVENT_ID_REUSED', message: expect.stringContaining('eigen eventId') });
    expect(JSON.stringify(foreign.body)).not.toMatch(new RegExp(`${OTHER}|${firstOf(OTHER).stream}`));
    expect(own).toEqual(foreign);
    expect(await t.runtime.store.head()).toBe(head);
    // the case can then be opened correctly
    const s = caseStream();
    expect((await post('/api/events', [opened(s, '2025-11-01')], 'registrator')).status).toBe(200);
  });

  it('is the same check in an import (ingest), and the same event again is still a duplicate', async () => {
    const e = firstOf(OTHER);
    const reused = await ingest(t.runtime.store, [{ line: 1, value: { ...opened(caseStream(), '2025-11-01'), eventId: e.eventId } }], { clock: () => NOW });
    expect(reused).toMatchObject({ ok: false, errors: [{ line: 1, code: 'EVENT_ID_REUSED' }] });
    const again = await ingest(t.runtime.store, [{ line: 1, value: { ...e, recordedAt: undefined } }], { clock: () => NOW });
    expect(again).toMatchObject({ ok: true, appended: 0, duplicates: 1 });
  });
});

describe('3. identifying data in childRef', () => {
  it('refuses a BSN, a name with a birth date and a phone number, with a Dutch message on how to make one, never echoing it', async () => {
    for (const [value, code] of [['b123456782bsnzzq', 'PRIVACY_BSN'], ['pietjansen20110312', 'INVALID_FIELD'], ['jansen0612345678xx', 'INVALID_FIELD']] as const) {
      const res = await post('/api/events', [opened(caseStream(), '2025-11-01', { childRef: value })], 'registrator');
      const text = await res.text();
      expect(res.status, value).toBe(400);
      expect(JSON.parse(text).error.details[0]).toMatchObject({ field: 'data.childRef', code });
      if (code === 'INVALID_FIELD') expect(text).toContain('pseudonymise --key-file');
      expect(text).not.toContain(value);
    }
    const erase = await post('/api/admin/erasures', { childRef: 'pietjansen20110312' }, 'admin');
    expect(erase.status).toBe(400);
    expect(await erase.text()).not.toContain('pietjansen');
  });
});

describe('5. a meeting for another’s samenwerkingsverband', () => {
  it('is 403 OUT_OF_SCOPE naming the field, and does not count in that swv’s report', async () => {
    const head = await t.runtime.store.head();
    const meeting = event(meetingStream(), 'MeetingHeld', { forum: 'oogo', gemeente: OWN, swv: 'VO3601', casesDiscussed: 0, effectiveOn: '2025-11-03' });
    const res = await post('/api/events', [meeting], 'registrator');
    expect(res.status).toBe(403);
    expect((await res.json()).error.details).toEqual([{ line: 1, field: 'data.swv', code: 'OUT_OF_SCOPE', message: expect.any(String) }]);
    expect(await t.runtime.store.head()).toBe(head);
    const report = await (await request('/api/reports/year?year=2025-2026&swv=VO3601', { headers: as('admin') })).json();
    expect(report.metrics.oogo_overleggen).toBe(0);
  });
});

describe('6. stalls and amplification', () => {
  it('answers a 9 MB NDJSON body of empty lines with 400 NO_EVENTS', async () => {
    const res = await request('/api/events', { method: 'POST', headers: as('registrator', { 'content-type': 'application/x-ndjson' }), body: '\n'.repeat(9 * 1024 * 1024) });
    expect([res.status, (await res.json()).error.code]).toEqual([400, 'NO_EVENTS']);
  });

  it('keeps the answer to 5,000 events with 40 unknown fields each small: the first 100 errors and their count', async () => {
    const extra = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`veld${i}`, i]));
    const events = Array.from({ length: 5000 }, () => ({ ...opened(caseStream(), '2025-11-01'), ...extra }));
    const res = await post('/api/events', events, 'registrator');
    const text = await res.text();
    expect(res.status).toBe(400);
    const { error } = JSON.parse(text);
    expect(error.details).toHaveLength(100);
    expect(error.message).toContain('5000 fouten op 5000 regels');
    expect(text.length).toBeLessThan(50_000);
    console.log(`largest error answer (5,000 events × 40 unknown fields): ${text.length} bytes`);
  });

  it('refuses an unauthenticated 9.6 MB body with 401 before reading it (a broken JSON body is not parsed)', async () => {
    const res = await request('/api/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `[${'{"a":1},'.repeat(1_200_000)}` });
    expect([res.status, (await res.json()).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    const login = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ username: 'x', password: 'y'.repeat(20_000) }) });
    expect(login.status).toBe(413);
  });

  it.skipIf(!pdfAvailable('/usr/bin/chromium') || !fs.existsSync(path.join(DASHBOARD_DIR, 'index.html')))(
    'queues one PDF per user: a second and third at once are 429 with Retry-After',
    async () => {
      const pdf = () => request(`/api/reports/year?year=2023-2024&gemeente=${OWN}&format=pdf`, { headers: as('raad') });
      const answers = await Promise.all([pdf(), pdf(), pdf()]);
      expect(answers.map((r) => r.status)).toEqual([200, 429, 429]);
      expect(Number(answers[1].headers.get('retry-after'))).toBeGreaterThan(0);
    },
    120_000,
  );
});

describe('7. every 500 that outside input could cause', () => {
  it('answers a NUL byte in a login name, a user name or a token name with 400, and leaves no token behind', async () => {
    const login = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ username: 'ad\u0000min', password: 'x' }) });
    expect(login.status).toBe(400);
    expect((await post('/api/admin/users', { username: 'ja\u0000n', role: 'beleid', scope: [OWN] }, 'admin')).status).toBe(400);
    const before = (await t.auth.listTokens()).length;
    expect((await post('/api/admin/tokens', { name: 'im\u0000port', role: 'registrator', scope: [OWN] }, 'admin')).status).toBe(400);
    expect((await t.auth.listTokens()).length).toBe(before);
  });

  it('leaves no live token when its audit entry cannot be written', async () => {
    const before = (await t.auth.listTokens()).length;
    await expect(t.auth.addToken('import', 'registrator', { gemeenten: [OWN], swvs: [] }, 'test', undefined, () => ({ subject: 'test', role: 'admin', action: 'token-add', params: { name: 'x\u0000' } }))).rejects.toThrow();
    expect((await t.auth.listTokens()).length).toBe(before);
  });

  it('answers extreme and impossible asOf values with 400', async () => {
    for (const asOf of ['99999', '275760-09-13', '-271821-04-20T00:00:00Z', '2024-02-30', "' OR '1'='1", '2024-03-01T25:00:00Z', '2024-03-01T13:00:00', '1970-01-01T00:00:00Z']) {
      const res = await request(`/api/reports/year?year=2023-2024&gemeente=${OWN}&asOf=${encodeURIComponent(asOf)}`, { headers: as('beleid') });
      expect(res.status, asOf).toBe(400);
      expect(await res.text(), asOf).not.toContain(asOf);
    }
  });

  it('answers one event with 300,000 unknown fields with a small 400', async () => {
    const e = { ...opened(caseStream(), '2025-11-01') } as Record<string, unknown>;
    e.data = { ...(e.data as object), ...Object.fromEntries(Array.from({ length: 300_000 }, (_, i) => [`x${i}`, i])) };
    const res = await post('/api/events', [e], 'registrator');
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text.length).toBeLessThan(10_000);
  });
});

describe('8. smaller ones', () => {
  it('names the field, not the value, in messages', async () => {
    const res = await request('/api/reports/year?year=2023-2024&gemeente=123456782', { headers: as('beleid') });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('123456782');
    const unknown = await post('/api/events', [{ ...opened(caseStream(), '2025-11-01'), data: { ...opened(caseStream(), '2025-11-01').data, jan_jansen: 1 } }], 'registrator');
    expect(await unknown.text()).not.toContain('jansen');
    expect(await (await request('/api/123456782', { headers: as('beleid') })).text()).not.toContain('123456782');
  });

  it('limits password changes, refuses weak passwords, and checks the scheme of the Origin', async () => {
    await t.auth.addUser('wethouder', 'raad', { gemeenten: [OWN], swvs: [] }, 'een goed en lang wachtwoord');
    const cookie = (await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: JSON.stringify({ username: 'wethouder', password: 'een goed en lang wachtwoord' }) })).headers
      .get('set-cookie')!
      .match(/pact_session=[^;]+/)![0];
    const change = (body: object, origin = 'http://localhost') => request('/api/auth/password', { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie }, body: JSON.stringify(body) });
    expect((await change({ currentPassword: 'fout', newPassword: 'een ander lang wachtwoord' }, 'https://localhost')).status).toBe(403); // CSRF: another scheme
    for (const weak of ['wachtwoord123', 'aaaaaaaaaaaaaaaa', 'abcabcabcabcabc', 'wethouder-2025!', 'abcdefghijklm']) {
      const res = await change({ currentPassword: 'een goed en lang wachtwoord', newPassword: weak });
      expect([res.status, (await res.json()).error.code], weak).toEqual([400, 'WEAK_PASSWORD']);
    }
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await change({ currentPassword: 'fout', newPassword: 'een ander lang wachtwoord' })).status);
    const limited = await change({ currentPassword: 'fout', newPassword: 'een ander lang wachtwoord' });
    expect([...statuses, limited.status]).toEqual([403, 403, 403, 403, 403, 429]);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('keeps the last admin, refuses tokens that expired already and users without a scope (or a public one with two codes)', async () => {
    await t.auth.addUser('beheer', 'admin', { gemeenten: [], swvs: [] }, 'het wachtwoord van beheer');
    const admins = (await t.auth.listUsers()).filter((u) => u.role === 'admin').map((u) => u.username);
    for (const name of admins.slice(1)) expect((await request(`/api/admin/users/${name}`, { method: 'DELETE', headers: as('admin') })).status).toBe(204);
    const last = await request(`/api/admin/users/${admins[0]}`, { method: 'DELETE', headers: as('admin') });
    expect([last.status, (await last.json()).error.code]).toEqual([409, 'LAST_ADMIN']);
    expect((await post('/api/admin/tokens', { name: 'oud', role: 'registrator', scope: [OWN], expiresAt: '2025-01-01T00:00:00Z' }, 'admin')).status).toBe(400);
    expect((await post('/api/admin/users', { username: 'leeg', role: 'beleid', scope: [] }, 'admin')).status).toBe(400);
    expect((await post('/api/admin/users', { username: 'twee', role: 'raad', scope: [OWN, 'PO2601'] }, 'admin')).status).toBe(400);
    expect((await post('/api/admin/tokens', { name: 'leeg', role: 'registrator', scope: [] }, 'admin')).status).toBe(400);
  });

  it('gives public roles the range of registrations in whole school years, and no cache may keep a case', async () => {
    const exact = await (await request(`/api/reports/range?gemeente=${OWN}`, { headers: as('beleid') })).json();
    const coarse = await (await request(`/api/reports/range?gemeente=${OWN}`, { headers: as('raad') })).json();
    expect(coarse.first).toMatch(/-08-01$/);
    expect(coarse.last).toMatch(/-07-31$/);
    expect(coarse.first <= exact.first && coarse.last >= exact.last).toBe(true);
    const view = await request(`/api/cases/${firstOf(OWN).stream.slice(5)}`, { headers: as('beleid') });
    expect([view.status, view.headers.get('cache-control')]).toEqual([200, 'no-store']);
  });

  it('answers a CaseOpened on another’s case id exactly as on a taken id of one’s own', async () => {
    const open = async (stream: string) => {
      const res = await post('/api/events', [opened(stream, '2025-11-01')], 'registrator');
      return [res.status, await res.text()];
    };
    const foreign = history.find((e) => e.type === 'CaseOpened' && e.data.gemeente === OTHER && e.data.swv === 'VO2602') as PactEvent;
    expect(await open(foreign.stream)).toEqual(await open(firstOf(OWN).stream));
  });
});
