// Fuzzing POST /api/events through the app (`app.request`): seeded hostile payloads (test/support/hostile.ts),
// each refused with a 4xx and a clear message (the line, field and reason of every bad event), never a 5xx, never
// echoing identifying data, and the log position unchanged after every one. `npm run test:hard` sends 10,000.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate, type Position } from '@pact/events';
import { hostileCall, hostileRequest, OWN_SWV, worldOf, type World } from '../support/hostile.ts';
import { prng, randomHistory } from '../support/random-history.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { caseStream, opened } from '../support/builders.ts';

const HARD = process.env.PACT_HARD === '1';
const PAYLOADS = HARD ? 10_000 : 2_000;
/** Valid events around one bad one in a huge batch (the API takes at most 5,000 events a request). */
const HUGE = HARD ? 4_990 : 1_500;
/** Hostile calls to the other routes. */
const CALLS = HARD ? 5_000 : 600;
const NOW = new Date('2025-12-01T12:00:00Z');
const OWN = 'GM0344';
const OTHER = 'GM0307';

let t: TestApp;
let world: World;
let tokens: Record<'admin' | 'registrator', string>;

beforeAll(async () => {
  t = await testApp({ clock: () => NOW });
  await t.load(randomHistory({ seed: 21, cases: 120, gemeenten: [OWN, OTHER] }));
  world = await worldOf(t.runtime.store, amsterdamDate(NOW), OWN, OTHER);
  tokens = { admin: await t.token('admin'), registrator: await t.token('registrator', [OWN, OWN_SWV]) };
});
afterAll(() => t.close());

interface Detail {
  line?: number;
  field?: unknown;
  code?: unknown;
  message?: unknown;
}

/** What is wrong with an answer to a hostile request (empty: nothing). */
function problemsOf(req: ReturnType<typeof hostileRequest>, status: number, text: string): string[] {
  const problems: string[] = [];
  if (status < 400 || status >= 500) return [`status ${status}: ${text.slice(0, 300)}`];
  if (req.status !== undefined && status !== req.status) problems.push(`status ${status}, expected ${req.status}: ${text.slice(0, 300)}`);
  let error: { code?: unknown; message?: unknown; details?: unknown };
  try {
    error = JSON.parse(text).error;
  } catch {
    return [`no JSON error body: ${text.slice(0, 200)}`];
  }
  if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length < 10) problems.push(`unclear error: ${text.slice(0, 300)}`);
  const details = (Array.isArray(error?.details) ? error.details : []) as Detail[];
  for (const d of details) {
    if (typeof d.field !== 'string' || typeof d.code !== 'string' || typeof d.message !== 'string' || d.message.length < 10) problems.push(`unclear detail: ${JSON.stringify(d).slice(0, 300)}`);
  }
  // a body too deep or too wide to parse is refused as it stands, naming the first such event only (nothing was read)
  const unread = error?.code === 'INVALID_JSON' && details.length === 1;
  if (!unread) for (const line of req.badLines) if (!details.some((d) => d.line === line)) problems.push(`line ${line} not named: ${text.slice(0, 300)}`);
  for (const d of details) if (req.badLines.length > 0 && !req.badLines.includes(d.line!)) problems.push(`a valid line named: ${JSON.stringify(d).slice(0, 300)}`);
  for (const line of unread ? [] : req.privacyLines) {
    if (!details.some((d) => d.line === line && String(d.code).startsWith('PRIVACY_'))) problems.push(`line ${line}: no privacy finding: ${text.slice(0, 300)}`);
  }
  for (const secret of req.secrets) if (text.includes(secret)) problems.push('identifying data echoed');
  if (req.conflict) {
    const { stream, currentRevision } = (error?.details ?? {}) as { stream?: string; currentRevision?: number };
    if (stream !== req.conflict.stream || currentRevision !== req.conflict.currentRevision) problems.push(`409 without the current revision: ${text.slice(0, 300)}`);
  }
  return problems;
}

describe('fuzzing POST /api/events', () => {
  it(`refuses ${PAYLOADS} hostile payloads with a clear 4xx, never a 5xx, and appends nothing`, async () => {
    const rng = prng(2025);
    const head: Position = await t.runtime.store.head();
    const statuses: Record<number, number> = {};
    const kinds: Record<string, number> = {};
    const problems: string[] = [];
    for (let i = 0; i < PAYLOADS; i++) {
      const req = hostileRequest(rng, world, { huge: HUGE });
      const res = await t.app.request(`/api/events${req.query}`, {
        method: 'POST',
        headers: { 'content-type': req.contentType, authorization: `Bearer ${tokens[req.as]}` },
        body: req.body,
      });
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      kinds[req.kind] = (kinds[req.kind] ?? 0) + 1;
      for (const problem of problemsOf(req, res.status, text)) problems.push(`#${i} ${req.kind}: ${problem}`);
      if ((await t.runtime.store.head()) !== head) {
        problems.push(`#${i} ${req.kind}: the log moved: ${req.body.slice(0, 300)}`);
        break;
      }
    }
    const rejected = Object.entries(statuses).filter(([s]) => Number(s) >= 400 && Number(s) < 500).reduce((n, [, c]) => n + c, 0);
    const serverErrors = Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
    console.log(`fuzz POST /api/events: ${PAYLOADS} tried, ${rejected} rejected, ${serverErrors} 5xx; by status ${JSON.stringify(statuses)}; by kind ${JSON.stringify(kinds)}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(rejected).toBe(PAYLOADS);
    expect(Object.keys(kinds).length).toBeGreaterThan(30);
  }, HARD ? 900_000 : 180_000);

  it(`answers ${CALLS} hostile calls to the other routes (parameters, NUL bytes, extreme dates, ranges) without a 5xx or an echo`, async () => {
    const rng = prng(2026);
    const tokenOf = { admin: tokens.admin, beleid: await t.token('beleid', [OWN]), raad: await t.token('raad', [OWN]) };
    await t.publications.publish({ gemeente: OWN }, 'fuzz');
    const statuses: Record<number, number> = {};
    const problems: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      const call = hostileCall(rng);
      const auth: Record<string, string> = call.as === 'none' ? {} : { authorization: `Bearer ${tokenOf[call.as]}` };
      const res = await t.app.request(call.path, { method: call.method, headers: { ...call.headers, ...auth }, body: call.body });
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) problems.push(`#${i} ${call.kind}: ${res.status} ${call.path.slice(0, 200)}: ${text.slice(0, 200)}`);
      if (res.status >= 400 && (text.includes('\u0000') || text.includes('123456782'))) problems.push(`#${i} ${call.kind}: echoed: ${text.slice(0, 200)}`);
    }
    console.log(`fuzz other routes: ${CALLS} calls, ${Object.entries(statuses).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0)} 5xx; by status ${JSON.stringify(statuses)}`);
    expect(problems.slice(0, 20)).toEqual([]);
  }, HARD ? 900_000 : 300_000);

  it('keeps working afterwards: a valid append lands', async () => {
    const stream = caseStream();
    const res = await t.app.request('/api/events', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.registrator}` }, body: JSON.stringify([opened(stream, '2025-11-01')]) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ appended: 1, duplicates: 0, revisions: { [stream]: 0 } });
  });
});
