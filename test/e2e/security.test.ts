// Security beyond the role matrix (api-roles.test.ts) and the login tests (api.test.ts): CSRF on every
// state-changing route, enumerated from the OpenAPI document (so a new route cannot be left out); session fixation;
// scope tampering; security headers on every route's answers.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import { caseStream, event, meetingStream, opened } from '../support/builders.ts';
import { randomHistory } from '../support/random-history.ts';
import { testApp, type TestApp } from '../support/app.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const OWN = 'GM0344';
const OTHER = 'GM0307';
const history = randomHistory({ seed: 51, cases: 80, gemeenten: [OWN, OTHER] });
const caseOf = (gemeente: string) => history.find((e) => e.type === 'CaseOpened' && e.data.gemeente === gemeente)!;

type Res = Omit<Response, 'json'> & { json(): Promise<any> };
let t: TestApp;
let doc: { paths: Record<string, Record<string, unknown>> };
const request = (path: string, init?: RequestInit) => t.app.request(path, init) as Promise<Res>;
const bearer = async (role: Parameters<TestApp['token']>[0], codes: string[] = [OWN]) => ({ authorization: `Bearer ${await t.token(role, role === 'admin' ? [] : codes)}` });
const json = { 'content-type': 'application/json' };

beforeAll(async () => {
  t = await testApp({ clock: () => NOW });
  await t.load(history);
  doc = await (await request('/api/openapi.json')).json();
});
afterAll(() => t.close());

const STATE_CHANGING = ['post', 'put', 'patch', 'delete'];
/** Every state-changing route of the OpenAPI document, with its path parameters filled in. */
const stateChanging = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods)
      .filter((m) => STATE_CHANGING.includes(m))
      .map((method) => ({ method: method.toUpperCase(), path: path.replace('{username}', 'jansen').replace('{id}', crypto.randomUUID()) })),
  );
/** What a forged request could change: users, sessions, live tokens, events, erasures. */
const fingerprint = async () =>
  (
    await sql`select (select count(*) from app.users) as users, (select count(*) from app.sessions) as sessions,
      (select count(*) from app.tokens where revoked_at is null) as tokens, (select count(*) from eventlog.events) as events,
      (select n from readmodel.erasures) as erasures`.execute(t.runtime.db)
  ).rows[0];

describe('CSRF', () => {
  it('documents every state-changing route the app has (so the next test covers it)', () => {
    const toOpenApi = (path: string) => path.replace(/:(\w+)/g, '{$1}');
    const registered = new Set(t.app.routes.filter((r) => STATE_CHANGING.includes(r.method.toLowerCase())).map((r) => `${r.method} ${toOpenApi(r.path)}`));
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).filter((m) => STATE_CHANGING.includes(m)).map((m) => `${m.toUpperCase()} ${path}`));
    expect([...registered].sort()).toEqual(documented.sort());
    expect(documented.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses a cross-site or unmarked request on a session on every state-changing route, changing nothing', async () => {
    await t.auth.addUser('jansen', 'beleid', { gemeenten: [OWN], swvs: [] }, 'een lang wachtwoord voor jansen');
    const forged: Record<string, string>[] = [
      {},
      { origin: 'https://evil.example' },
      { origin: 'http://localhost.evil.example' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'not a url' },
    ];
    // a body each route would take, should the request get past the check
    const body = JSON.stringify({ username: 'jansen', password: 'een lang wachtwoord voor jansen', childRef: 'a'.repeat(32) });
    const seen: string[] = [];
    for (const { method, path } of stateChanging()) {
      const session = { cookie: `pact_session=${await t.auth.createSession({ subject: 'admin', role: 'admin', scope: { gemeenten: [], swvs: [] } })}` };
      const send = (headers: Record<string, string>) => request(path, { method, headers: { ...json, ...session, ...headers }, body: method === 'DELETE' ? undefined : body });
      const before = await fingerprint();
      for (const headers of forged) {
        const res = await send(headers);
        seen.push(`${method} ${path} ${JSON.stringify(headers)}: ${res.status} ${(await res.json()).error?.code}`);
      }
      expect(await fingerprint(), `${method} ${path}`).toEqual(before);
      // the same request from the site itself gets past the check
      const own = await send({ origin: 'http://localhost' });
      expect(own.status === 403 && (await own.text()).includes('"CSRF"'), `${method} ${path}`).toBe(false);
    }
    expect(seen.filter((s) => !s.endsWith(': 403 CSRF'))).toEqual([]);
  });

  it('refuses a login (no session yet) from another site, creating no session', async () => {
    const before = await fingerprint();
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }, {}] as Record<string, string>[]) {
      const res = await request('/api/auth/login', { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ username: 'jansen', password: 'een lang wachtwoord voor jansen' }) });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await fingerprint()).toEqual(before);
  });
});

describe('session fixation', () => {
  const login = (password: string, cookie?: string, url = 'http://localhost/api/auth/login', origin = 'http://localhost') =>
    request(url, { method: 'POST', headers: { ...json, origin, ...(cookie ? { cookie: `pact_session=${cookie}` } : {}) }, body: JSON.stringify({ username: 'pietjes', password }) });
  const cookieOf = (res: Res) => res.headers.get('set-cookie')?.match(/pact_session=([^;]+)/)?.[1];
  const me = async (id: string) => (await request('/api/auth/me', { headers: { cookie: `pact_session=${id}` } })).status;

  beforeAll(() => t.auth.addUser('pietjes', 'raad', { gemeenten: [OWN], swvs: [] }, 'het wachtwoord van pietjes'));

  it('never adopts a session id the browser brings: a planted one stays invalid', async () => {
    const planted = 'x'.repeat(43);
    const res = await login('het wachtwoord van pietjes', planted);
    expect(res.status).toBe(200);
    const issued = cookieOf(res)!;
    expect(issued).not.toBe(planted);
    expect(await me(planted)).toBe(401);
    expect(await me(issued)).toBe(200);
  });

  it('ends the other sessions of a user who changes the password, and all of them on a reset', async () => {
    const [a, b] = [cookieOf(await login('het wachtwoord van pietjes'))!, cookieOf(await login('het wachtwoord van pietjes'))!];
    const changed = await request('/api/auth/password', {
      method: 'POST',
      headers: { ...json, origin: 'http://localhost', cookie: `pact_session=${a}` },
      body: JSON.stringify({ currentPassword: 'het wachtwoord van pietjes', newPassword: 'een nieuw en lang wachtwoord' }),
    });
    expect(changed.status).toBe(204);
    expect([await me(a), await me(b)]).toEqual([200, 401]);
    expect((await request('/api/admin/users/pietjes/reset-password', { method: 'POST', headers: await bearer('admin') })).status).toBe(200);
    expect(await me(a)).toBe(401);
  });

  it('marks the cookie Secure on https', async () => {
    await t.auth.addUser('secuur', 'raad', { gemeenten: [OWN], swvs: [] }, 'het wachtwoord van secuur');
    const res = await request('https://pact.example/api/auth/login', { method: 'POST', headers: { ...json, origin: 'https://pact.example' }, body: JSON.stringify({ username: 'secuur', password: 'het wachtwoord van secuur' }) });
    expect(res.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });
});

describe('scope tampering', () => {
  it('refuses another gemeente or samenwerkingsverband in a query, however it is written', async () => {
    const beleid = await bearer('beleid');
    const routes = ['/api/reports/year?year=2023-2024', '/api/reports/monthly?from=2024-01&to=2024-02', '/api/signals?on=2024-03-01', '/api/exports/cases?on=2024-06-30'];
    for (const route of routes) {
      for (const [query, status] of [
        [`gemeente=${OTHER}`, 403],
        ['swv=VO2602', 403],
        [`gemeente=${OTHER}&swv=PO2601`, 403],
        [`gemeente=${OWN}&gemeente=${OTHER}`, 400],
        [`gemeente=${OTHER.toLowerCase()}`, 400],
        [`gemeente=${OTHER}%00`, 400],
        [`gemeente=%20${OTHER}`, 400],
      ] as const) {
        const res = await request(`${route}&${query}`, { headers: beleid });
        expect(res.status, `${route}&${query}`).toBe(status);
      }
    }
  });

  it('narrows, never widens: its own gemeente with a foreign swv counts no more than its own gemeente', async () => {
    const beleid = await bearer('beleid');
    const get = async (q: string) => (await request(`/api/reports/year?year=2023-2024&${q}`, { headers: beleid })).json();
    const [own, mixed] = [await get(`gemeente=${OWN}`), await get(`gemeente=${OWN}&swv=VO2602`)];
    for (const m of METRICS.filter((m) => m.unit === 'kinderen' || m.unit === 'casussen')) expect(mixed.metrics[m.id], m.id).toBeLessThanOrEqual(own.metrics[m.id]);
  });

  it('answers another gemeente’s case exactly as an unknown one, for reading and for writing', async () => {
    const foreign = caseOf(OTHER);
    const registrator = await bearer('registrator');
    const read = async (id: string) => {
      const res = await request(`/api/cases/${id}`, { headers: registrator });
      return `${res.status} ${await res.text()}`;
    };
    expect(await read(foreign.stream.slice(5))).toBe(await read(crypto.randomUUID()));
    const write = async (stream: string, e: object) => {
      const res = await request('/api/events', { method: 'POST', headers: { ...json, ...registrator }, body: JSON.stringify([e]) });
      return `${res.status} ${await res.text()}`;
    };
    const unknown = caseStream();
    for (const make of [
      (s: string) => event(s, 'PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2025-11-01' }),
      (s: string) => event(s, 'EventRetracted', { retractedEventId: foreign.eventId, reason: 'invoerfout', effectiveOn: '2025-11-01' }),
      (s: string) => event(s, 'CaseClosed', { outcome: 'verhuisd', effectiveOn: '2025-11-01' }),
      (s: string) => event(s, 'Escalated', { level: 'bestuurlijk', effectiveOn: '2026-03-01' }), // in the future
    ]) {
      const e = make(foreign.stream);
      expect(await write(foreign.stream, e)).toBe(await write(unknown, { ...e, stream: unknown }));
    }
    expect(await t.runtime.store.readStream(foreign.stream)).toHaveLength(history.filter((e) => e.stream === foreign.stream).length);
  });

  it('refuses a registrator’s new case or meeting for another gemeente, also hidden among its own', async () => {
    const registrator = await bearer('registrator');
    const mine = opened(caseStream(), '2025-11-01');
    const foreignMeeting = event(meetingStream(), 'MeetingHeld', { forum: 'kernpartner', gemeente: OTHER, casesDiscussed: 3, effectiveOn: '2025-11-01' });
    const foreignCase = opened(caseStream(), '2025-11-01', { gemeente: OTHER, swv: 'VO2602' });
    for (const events of [[mine, foreignMeeting], [foreignCase, mine]]) {
      const res = await request('/api/events', { method: 'POST', headers: { ...json, ...registrator }, body: JSON.stringify(events) });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('OUT_OF_SCOPE');
    }
    expect(await t.runtime.store.readStream(mine.stream)).toEqual([]);
  });
});

describe('security headers', () => {
  const expectHeaders = (res: Res, what: string) => {
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    expect(res.headers.get('referrer-policy'), what).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security'), what).toMatch(/max-age=\d+/);
    return csp;
  };

  it('sets them on every documented route, its errors and its downloads, with default-src none on the API', async () => {
    const admin = await bearer('admin');
    const gets = Object.entries(doc.paths).flatMap(([path, methods]) => ('get' in methods ? [path] : []));
    const requests: [string, RequestInit][] = [
      ...gets.map((path): [string, RequestInit] => [path.replace('{caseId}', caseOf(OWN).stream.slice(5)), { headers: admin }]),
      ...gets.map((path): [string, RequestInit] => [path, {}]), // unauthenticated: 401 or 400
      ['/api/reports/year?year=2023-2024&format=csv', { headers: admin }],
      ['/api/reports/monthly?from=2024-01&to=2024-01&format=xlsx', { headers: admin }],
      ['/api/nope', { headers: admin }],
      ['/api/events', { method: 'POST', headers: { ...admin, ...json }, body: '[' }],
      ['/api/events', { method: 'POST', headers: { ...admin, 'content-type': 'text/plain' }, body: 'x' }],
    ];
    for (const [path, init] of requests) {
      const res = await request(path, init);
      const csp = expectHeaders(res, `${init.method ?? 'GET'} ${path} (${res.status})`);
      expect(csp, path).toContain("default-src 'none'");
      await res.arrayBuffer();
    }
  });

  it('sets them on the dashboard too', async () => {
    const res = await request('/');
    expectHeaders(res, 'GET /');
    await res.arrayBuffer();
  });
});
