// The role matrix: every route × every role (and no login) × a scope of its own / another's, through
// `app.request()`, with API tokens and with session cookies. Each cell asserts the exact status code.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PactEvent } from '@pact/events';
import type { Role } from '../../backend/src/auth/roles.ts';
import { caseStream, opened } from '../support/builders.ts';
import { randomHistory } from '../support/random-history.ts';
import { testApp, type TestApp } from '../support/app.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const OWN = 'GM0344';
const OTHER = 'GM0307';
type Who = Role | 'anoniem';
const WHO: Who[] = ['anoniem', 'registrator', 'beleid', 'bestuur', 'raad', 'admin'];

interface Probe {
  name: string;
  /** The request for a scope (own gemeente or another's). */
  request(scope: 'own' | 'other'): { method?: string; path: string; body?: unknown };
  /** Expected status per role: [own scope, other scope]. */
  expect: Record<Who, [number, number]>;
}

const all = (own: number, other = own): [number, number] => [own, other];
const newCase = (gemeente: string): PactEvent[] => [opened(caseStream(), '2025-11-01', { gemeente })];

let t: TestApp;
const ids = { own: '', other: '' };
let published = 0;

const PROBES: Probe[] = [
  { name: 'GET /api/health', request: () => ({ path: '/api/health' }), expect: { anoniem: all(200), registrator: all(200), beleid: all(200), bestuur: all(200), raad: all(200), admin: all(200) } },
  { name: 'GET /api/openapi.json', request: () => ({ path: '/api/openapi.json' }), expect: { anoniem: all(200), registrator: all(200), beleid: all(200), bestuur: all(200), raad: all(200), admin: all(200) } },
  { name: 'GET /api/metrics', request: () => ({ path: '/api/metrics' }), expect: { anoniem: all(401), registrator: all(200), beleid: all(200), bestuur: all(200), raad: all(200), admin: all(200) } },
  { name: 'GET /api/config', request: () => ({ path: '/api/config' }), expect: { anoniem: all(401), registrator: all(200), beleid: all(200), bestuur: all(200), raad: all(200), admin: all(200) } },
  {
    name: 'GET /api/meetings',
    request: (s) => ({ path: `/api/meetings?from=2024-01-01&to=2024-03-31&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: [200, 403], beleid: [200, 403], bestuur: all(403), raad: all(403), admin: all(200) },
  },
  { name: 'GET /api/auth/me', request: () => ({ path: '/api/auth/me' }), expect: { anoniem: all(401), registrator: all(200), beleid: all(200), bestuur: all(200), raad: all(200), admin: all(200) } },
  {
    name: 'GET /api/reports/year',
    request: (s) => ({ path: `/api/reports/year?year=2023-2024&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: [200, 403], raad: [200, 403], admin: all(200) },
  },
  {
    name: 'GET /api/reports/range',
    request: (s) => ({ path: `/api/reports/range?gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: [200, 403], raad: [200, 403], admin: all(200) },
  },
  {
    name: 'GET /api/reports/year?format=csv',
    request: (s) => ({ path: `/api/reports/year?year=2023-2024&format=csv&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: [200, 403], raad: [200, 403], admin: all(200) },
  },
  {
    name: 'GET /api/reports/monthly',
    request: (s) => ({ path: `/api/reports/monthly?from=2024-01&to=2024-02&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: [200, 403], raad: [200, 403], admin: all(200) },
  },
  {
    name: 'GET /api/reports/monthly?format=xlsx',
    request: (s) => ({ path: `/api/reports/monthly?from=2024-01&to=2024-01&format=xlsx&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: [200, 403], raad: [200, 403], admin: all(200) },
  },
  {
    name: 'GET /api/signals',
    request: (s) => ({ path: `/api/signals?on=2024-03-01&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: [200, 403], beleid: [200, 403], bestuur: all(403), raad: all(403), admin: all(200) },
  },
  {
    name: 'GET /api/cases/:caseId',
    request: (s) => ({ path: `/api/cases/${ids[s]}` }),
    expect: { anoniem: all(401), registrator: [200, 404], beleid: [200, 404], bestuur: all(403), raad: all(403), admin: all(200) },
  },
  {
    name: 'GET /api/cases/:caseId (unknown)',
    request: () => ({ path: `/api/cases/${randomUUID()}` }),
    expect: { anoniem: all(401), registrator: all(404), beleid: all(404), bestuur: all(403), raad: all(403), admin: all(404) },
  },
  {
    name: 'GET /api/exports/cases',
    request: (s) => ({ path: `/api/exports/cases?on=2024-06-30&gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: all(403), raad: all(403), admin: all(200) },
  },
  {
    name: 'POST /api/events',
    request: (s) => ({ method: 'POST', path: '/api/events', body: newCase(s === 'own' ? OWN : OTHER) }),
    expect: { anoniem: all(401), registrator: [200, 403], beleid: all(403), bestuur: all(403), raad: all(403), admin: all(200) },
  },
  {
    name: 'POST /api/events?historical=true',
    request: (s) => ({ method: 'POST', path: '/api/events?historical=true', body: newCase(s === 'own' ? OWN : OTHER).map((e) => ({ ...e, recordedAt: '2025-11-02T10:00:00Z' })) }),
    expect: { anoniem: all(401), registrator: all(403), beleid: all(403), bestuur: all(403), raad: all(403), admin: all(200) },
  },
  {
    name: 'GET /api/publications',
    request: (s) => ({ path: `/api/publications?gemeente=${s === 'own' ? OWN : OTHER}` }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [200, 403], bestuur: [200, 403], raad: [200, 403], admin: all(200) },
  },
  {
    name: 'POST /api/publications',
    // each at its own moment (a scope has one publication per moment)
    request: (s) => ({ method: 'POST', path: '/api/publications', body: { gemeente: s === 'own' ? OWN : OTHER, asOf: new Date(NOW.getTime() - ++published * 60_000).toISOString() } }),
    expect: { anoniem: all(401), registrator: all(403), beleid: [201, 403], bestuur: all(403), raad: all(403), admin: all(201) },
  },
  { name: 'GET /api/admin/users', request: () => ({ path: '/api/admin/users' }), expect: { anoniem: all(401), registrator: all(403), beleid: all(403), bestuur: all(403), raad: all(403), admin: all(200) } },
  {
    name: 'POST /api/admin/tokens',
    request: () => ({ method: 'POST', path: '/api/admin/tokens', body: { name: 'import', role: 'registrator', scope: [OWN] } }),
    expect: { anoniem: all(401), registrator: all(403), beleid: all(403), bestuur: all(403), raad: all(403), admin: all(201) },
  },
  { name: 'GET /api/admin/audit', request: () => ({ path: '/api/admin/audit' }), expect: { anoniem: all(401), registrator: all(403), beleid: all(403), bestuur: all(403), raad: all(403), admin: all(200) } },
];

beforeAll(async () => {
  t = await testApp({ clock: () => NOW });
  const history = randomHistory({ seed: 11, cases: 80, gemeenten: [OWN, OTHER] });
  await t.load(history);
  // the principals work for gemeente OWN only, so every case of OTHER lies outside their scope
  const caseOf = (gemeente: string) => history.find((e) => e.type === 'CaseOpened' && e.data.gemeente === gemeente)!.stream.slice('case-'.length);
  ids.own = caseOf(OWN);
  ids.other = caseOf(OTHER);
  // what bestuur and raad read
  for (const gemeente of [OWN, OTHER]) await t.publications.publish({ gemeente }, 'test');
});
afterAll(() => t.close());

async function credentials(kind: 'token' | 'session'): Promise<Record<Who, Record<string, string>>> {
  const out = { anoniem: {} } as Record<Who, Record<string, string>>;
  for (const role of WHO.filter((w): w is Role => w !== 'anoniem')) {
    const codes = role === 'admin' ? [] : [OWN];
    if (kind === 'token') out[role] = { authorization: `Bearer ${await t.token(role, codes)}` };
    else out[role] = { cookie: `pact_session=${await t.auth.createSession({ subject: `${role}-user`, role, scope: { gemeenten: codes, swvs: [] } })}`, origin: 'http://localhost' };
  }
  return out;
}

for (const kind of ['token', 'session'] as const) {
  describe(`role matrix (${kind === 'token' ? 'API tokens' : 'session cookies'})`, () => {
    it('answers every route, role and scope with the expected status', async () => {
      const creds = await credentials(kind);
      const seen: string[] = [];
      const expected: string[] = [];
      for (const probe of PROBES) {
        for (const who of WHO) {
          for (const [i, scope] of (['own', 'other'] as const).entries()) {
            const { method = 'GET', path, body } = probe.request(scope);
            const res = await t.app.request(path, {
              method,
              headers: { ...creds[who], ...(body ? { 'content-type': 'application/json' } : {}) },
              ...(body ? { body: JSON.stringify(body) } : {}),
            });
            const json = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.arrayBuffer();
            if (res.status >= 400) expect(json, `${probe.name} ${who} ${scope}`).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
            seen.push(`${probe.name} | ${who} | ${scope} | ${res.status}`);
            expected.push(`${probe.name} | ${who} | ${scope} | ${probe.expect[who][i]}`);
          }
        }
      }
      expect(seen).toEqual(expected);
    });
  });
}
