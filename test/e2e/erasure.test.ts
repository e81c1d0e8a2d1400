// Erasure on request (AVG) through POST /api/admin/erasures, on PGlite and (with TEST_DATABASE_URL) PostgreSQL:
// every case of the child leaves the log and the read models, no table of any schema holds the child's childRef, a
// case id or an event id afterwards, the audit entry is anonymous, and the figures equal those of the log without
// the child; a rebuild gives the same read models, and the checkpoint carries on.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingIdOf, type EventStore, type PactEvent, type StoredEvent } from '@pact/events';
import { Projector } from '@pact/projections';
import { ERASED_CASE } from '../../backend/src/auth/store.ts';
import { testApp, type TestApp } from '../support/app.ts';
import { caseStream, childRef, event, opened } from '../support/builders.ts';
import { databaseKinds } from '../support/databases.ts';
import { dumpReadModels, tablesContaining } from '../support/dump.ts';
import { randomHistory } from '../support/random-history.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const CHILD = childRef('het kind dat gewist wil worden');
const background = randomHistory({ seed: 41, cases: 60, gemeenten: ['GM0344', 'GM0307'] });
const meetingId = meetingIdOf(background.find((e) => e.type === 'MeetingHeld')!.stream)!;

/** The child's cases: closed, with a retraction, one opened for the wrong child (retracted), one never projected. */
function childCases(): { projected: PactEvent[]; late: PactEvent[] } {
  const [a, b, c, d] = [caseStream(), caseStream(), caseStream(), caseStream()];
  const caseA = [
    opened(a, '2024-01-10', { childRef: CHILD }),
    event(a, 'PhaseChanged', { phase: 'thuis', authorised: false, reason: 'schooltrauma', effectiveOn: '2024-01-15' }),
    event(a, 'CaseDiscussed', { forum: 'leerplicht_swv', meetingId, effectiveOn: '2024-02-05' }),
    event(a, 'PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-04-01', effectiveOn: '2024-02-20' }),
    event(a, 'CaseClosed', { outcome: 'passend_aanbod', effectiveOn: '2024-05-01' }),
  ];
  const phase = event(b, 'PhaseChanged', { phase: 'minder_naar_school', authorised: true, effectiveOn: '2024-09-10' });
  const caseB = [opened(b, '2024-09-01', { childRef: CHILD, gemeente: 'GM0307' }), phase, event(b, 'EventRetracted', { retractedEventId: phase.eventId, reason: 'invoerfout', effectiveOn: '2024-09-12' })];
  const openedC = opened(c, '2024-10-01', { childRef: CHILD });
  const caseC = [openedC, event(c, 'EventRetracted', { retractedEventId: openedC.eventId, reason: 'verkeerd_kind', effectiveOn: '2024-10-02' })];
  return { projected: [...caseA, ...caseB, ...caseC], late: [opened(d, '2025-11-01', { childRef: CHILD, phase: 'thuis', authorised: false })] };
}

type Res = Omit<Response, 'json'> & { json(): Promise<any> };

describe.each(databaseKinds)('erasure on $name', (kind) => {
  let t: TestApp;
  let reference: TestApp;
  let admin: string;
  const { projected, late } = childCases();
  const child = [...projected, ...late];
  const request = (path: string, init: RequestInit = {}) => t.app.request(path, init) as Promise<Res>;
  const erase = (body: unknown, token = admin) => request('/api/admin/erasures', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const figures = async (app: TestApp, year: string) =>
    (await (app.app.request(`/api/reports/year?year=${year}`, { headers: { authorization: `Bearer ${await app.token('admin')}` } }) as Promise<Res>)).json();
  // the child, its cases and its events: none may be found anywhere afterwards
  const needles = [CHILD, ...new Set(child.map((e) => e.stream.slice('case-'.length))), ...child.map((e) => e.eventId)];
  let erasedEvents: StoredEvent[];

  beforeAll(async () => {
    t = await testApp({ clock: () => NOW, database: await kind.open() });
    admin = await t.token('admin');
    await t.load([...background, ...projected]);
    const appended = await request('/api/events', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify(late) });
    expect(appended.status).toBe(200); // in the log, not yet projected
    const viewed = await request(`/api/cases/${projected[0].stream.slice('case-'.length)}`, { headers: { authorization: `Bearer ${await t.token('beleid', ['GM0344'])}` } });
    expect(viewed.status).toBe(200); // audited with the case id
    await sql`analyze`.execute(t.runtime.db); // as autovacuum would: the statistics sample the tables' values
    erasedEvents = [...(await t.runtime.store.readStreams([...new Set(child.map((e) => e.stream))])).values()].flat();
    reference = await testApp({ clock: () => NOW });
    await reference.load(background);
  });
  afterAll(async () => {
    await t.close();
    await reference.close();
  });

  it('finds the child everywhere before (the scan works)', async () => {
    expect(await tablesContaining(t.runtime.db, needles)).toEqual(expect.arrayContaining(['eventlog.events', 'readmodel.cases', 'readmodel.stretches', 'app.audit', 'pg_catalog.pg_statistic']));
  });

  it('is for admin only, and refuses a childRef that is none without echoing it', async () => {
    for (const role of ['registrator', 'beleid', 'bestuur', 'raad'] as const) expect((await erase({ childRef: CHILD }, await t.token(role, ['GM0344']))).status).toBe(403);
    expect((await request('/api/admin/erasures', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ childRef: CHILD }) })).status).toBe(401);
    for (const body of [{ childRef: '123456782' }, { childRef: 'Kind Jansen' }, {}, { childRef: CHILD, extra: 1 }]) {
      const res = await erase(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const text = await res.text();
      expect(text).not.toContain('123456782');
      expect(text).not.toContain('Jansen');
    }
  });

  it('erases every case of the child from the log and every read model, and recomputes the figures', async () => {
    const before = await figures(t, '2023-2024');
    const res = await erase({ childRef: CHILD });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ cases: 4, events: child.length });
    expect(await tablesContaining(t.runtime.db, needles)).toEqual([]);
    for (const year of ['2023-2024', '2024-2025']) expect(await figures(t, year)).toEqual(await figures(reference, year));
    expect(before).not.toEqual(await figures(t, '2023-2024'));
    expect(await dumpReadModels(t.runtime.db).then(({ 'readmodel.checkpoints': _, ...rows }) => rows)).toEqual(
      await dumpReadModels(reference.runtime.db).then(({ 'readmodel.checkpoints': _, ...rows }) => rows),
    );
  });

  it('keeps the meeting the child was discussed in, and an anonymous audit entry', async () => {
    expect(await t.runtime.store.readStream(`meeting-${meetingId}`)).toHaveLength(1);
    const audit = await (await request('/api/admin/audit?limit=1000', { headers: { authorization: `Bearer ${admin}` } })).json();
    const erasures = audit.filter((a: { action: string }) => a.action === 'erase');
    expect(erasures).toEqual([{ at: NOW.toISOString(), subject: expect.stringMatching(/^token:/), role: 'admin', action: 'erase', target: null, params: { cases: 4, events: child.length } }]);
    expect(audit.filter((a: { target: string }) => a.target === ERASED_CASE)).toHaveLength(1);
  });

  it('leaves a consistent checkpoint: nothing behind it, a rebuild gives the same read models, new events are projected once', async () => {
    const rows = async () => (({ 'readmodel.checkpoints': _, ...rest }) => rest)(await dumpReadModels(t.runtime.db));
    expect((await t.projector.status()).lag).toBe(0);
    const erased = await rows();
    await t.projector.rebuild();
    expect(await rows()).toEqual(erased);
    const stream = caseStream();
    await t.runtime.store.append([{ stream, events: [opened(stream, '2025-11-20')] }]);
    expect(await t.projector.catchUp()).toBe(1);
    expect(await t.projector.catchUp()).toBe(0);
  });

  it('finds nothing the second time; a batch read before an erasure and projected after it does not bring the child back', async () => {
    const before = await dumpReadModels(t.runtime.db);
    expect(await (await erase({ childRef: CHILD })).json()).toEqual({ cases: 0, events: 0 });
    await t.projector.apply(erasedEvents, await t.projector.checkpoint());
    expect(await dumpReadModels(t.runtime.db)).toEqual(before);
    expect(await tablesContaining(t.runtime.db, needles)).toEqual([]);
  });

  it('does not project erased events from a log that still delivers them (as KurrentDB does until its scavenge)', async () => {
    const before = await dumpReadModels(t.runtime.db);
    // the real store, saying what the KurrentDB adapter says of its log
    const lingering = Object.assign(Object.create(t.runtime.store) as EventStore, { deletedEventsLinger: true });
    const projector = new Projector(t.runtime.db, lingering);
    await projector.apply(erasedEvents, await projector.checkpoint());
    expect(await dumpReadModels(t.runtime.db)).toEqual(before);
  });
});
