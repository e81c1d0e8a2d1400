// Concurrency through the API, on PGlite and (with TEST_DATABASE_URL) PostgreSQL: 50 clients append to the same
// 10 cases with expected revisions while the projections follow the log. Every write lands at the revision after
// the one it expected, or gets 409 with the current revision; nothing is lost or stored twice; and the read models
// and figures equal those of a serial replay of what landed. `npm run test:hard`: more rounds per client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START, type PactEvent, type StoredEvent } from '@pact/events';
import { testApp, type TestApp } from '../support/app.ts';
import { caseStream, event, opened } from '../support/builders.ts';
import { databaseKinds } from '../support/databases.ts';
import { dumpReadModels } from '../support/dump.ts';
import { prng, type Rng } from '../support/random-history.ts';

const HARD = process.env.PACT_HARD === '1';
const CLIENTS = 50;
const CASES = 10;
const ROUNDS = HARD ? 60 : 8;
const START_AT = Date.parse('2025-11-01T08:00:00Z');

/** An event that any open case takes, whatever happened before. */
function anyEvent(rng: Rng, stream: string): PactEvent {
  const effectiveOn = `2025-10-${String(rng.int(2, 31)).padStart(2, '0')}`;
  switch (rng.int(0, 4)) {
    case 0:
      return event(stream, 'PhaseChanged', { phase: rng.pick(['minder_naar_school', 'thuis'] as const), authorised: rng.chance(0.5), effectiveOn });
    case 1:
      return event(stream, 'EnrolmentChanged', { enrolled: rng.chance(0.5), effectiveOn });
    case 2:
      return event(stream, 'Escalated', { level: 'actietafel', effectiveOn });
    case 3:
      return event(stream, 'CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn });
    default:
      return event(stream, 'OfferStarted', { offerKind: 'maatwerk', effectiveOn });
  }
}

async function allEvents(t: TestApp): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let position = START; ; ) {
    const batch = await t.runtime.store.readAll(position, 1000);
    if (batch.events.length === 0) return out;
    out.push(...batch.events);
    position = batch.next;
  }
}

describe.each(databaseKinds)('50 clients on 10 cases ($name)', (kind) => {
  let t: TestApp;
  let token: string;
  // a clock that moves: each append gets its own recordedAt (the bitemporal rows must replay exactly)
  let now = START_AT;
  const clock = () => new Date((now += 1000));
  const streams = Array.from({ length: CASES }, () => caseStream());

  beforeAll(async () => {
    t = await testApp({ clock, database: await kind.open() });
    token = await t.token('registrator', ['GM0344']);
    await t.load(streams.map((s) => opened(s, '2025-10-01')));
  });
  afterAll(() => t.close());

  it('lands every write at the next revision or answers 409 with the current one; loses and doubles nothing', async () => {
    const landed: { stream: string; eventId: string; revision: number }[] = [];
    const conflicts: { stream: string; expected: number; current: number }[] = [];
    const other: string[] = [];
    const following = new AbortController();
    const projecting = t.projector.run(following.signal);
    const post = (stream: string, e: PactEvent, expected: number) =>
      t.app.request('/api/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ events: [e], expectedRevision: { [stream]: expected } }),
      });
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        const rng = prng(1000 + client);
        const known = new Map(streams.map((s) => [s, 0])); // what this client last saw of each case
        for (let round = 0; round < ROUNDS; round++) {
          const stream = rng.pick(streams);
          if (rng.chance(0.3)) {
            const res = await t.app.request(`/api/cases/${stream.slice('case-'.length)}`, { headers: { authorization: `Bearer ${token}` } });
            const { events } = (await res.json()) as { events: { revision: number }[] };
            known.set(stream, events[events.length - 1].revision);
          }
          // on a conflict, try once more with the revision the 409 named
          for (let attempt = 0; attempt < 2; attempt++) {
            const expected = known.get(stream)!;
            const e = anyEvent(rng, stream);
            const res = await post(stream, e, expected);
            const body = (await res.json()) as { revisions?: Record<string, number>; error?: { code: string; details: { currentRevision: number } } };
            if (res.status === 200) {
              landed.push({ stream, eventId: e.eventId, revision: body.revisions![stream] });
              expect(body.revisions![stream]).toBe(expected + 1);
              known.set(stream, expected + 1);
              break;
            }
            if (res.status !== 409 || body.error?.code !== 'CONCURRENCY') {
              other.push(`${res.status} ${JSON.stringify(body).slice(0, 200)}`);
              break;
            }
            conflicts.push({ stream, expected, current: body.error.details.currentRevision });
            known.set(stream, body.error.details.currentRevision);
          }
        }
      }),
    );
    following.abort();
    await projecting;

    expect(other).toEqual([]);
    expect(landed.length).toBeGreaterThan(CASES);
    expect(conflicts.length).toBeGreaterThan(0);
    console.log(`${kind.name}: ${landed.length + conflicts.length} writes by ${CLIENTS} clients on ${CASES} cases: ${landed.length} landed, ${conflicts.length} got 409`);

    const stored = await allEvents(t);
    const ids = stored.map((e) => e.eventId);
    expect(new Set(ids).size).toBe(ids.length); // nothing stored twice
    for (const stream of streams) {
      const revisions = stored.filter((e) => e.stream === stream).map((e) => e.revision);
      expect(revisions.sort((a, b) => a - b)).toEqual(revisions.map((_, i) => i)); // no gaps, no doubles
    }
    // every write that landed is stored at the revision it was told; nothing else was stored
    const byId = new Map(stored.map((e) => [e.eventId, e]));
    for (const w of landed) expect(byId.get(w.eventId)).toMatchObject({ stream: w.stream, revision: w.revision });
    expect(stored.length).toBe(CASES + landed.length);
    // a 409 named a revision the case really had, other than the one expected
    const had = new Set([...streams.map((s) => `${s}@0`), ...landed.map((w) => `${w.stream}@${w.revision}`)]);
    for (const c of conflicts) {
      expect(c.current).not.toBe(c.expected);
      expect(had.has(`${c.stream}@${c.current}`)).toBe(true);
    }
  });

  it('projects what landed exactly as a serial replay of it does', async () => {
    await t.projector.catchUp();
    const stored = await allEvents(t);
    const serial = await testApp({ clock: () => new Date(now + 60_000) });
    const admin = await serial.token('admin');
    for (const e of stored) {
      const { revision: _r, position: _p, ...sent } = e;
      const res = await serial.app.request('/api/events?historical=true', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify([sent]) });
      expect(res.status).toBe(200);
    }
    await serial.projector.catchUp();
    const rows = async (app: TestApp) => (({ 'readmodel.checkpoints': _, ...rest }) => rest)(await dumpReadModels(app.runtime.db));
    expect(await rows(t)).toEqual(await rows(serial));
    const report = async (app: TestApp) =>
      (await app.app.request('/api/reports/monthly?from=2025-10&to=2025-11&gemeente=GM0344', { headers: { authorization: `Bearer ${await app.token('admin')}` } })).json();
    expect(await report(t)).toEqual(await report(serial));
    await serial.close();
  });
});
