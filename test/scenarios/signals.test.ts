// Golden scenario: the signal list v2 on 2024-01-31: every open case whose base condition (profile) holds and whose
// norm spell has lasted 4 weeks on that day, most urgent first (overschreden, dreigend, in_beeld, aanbod; within a
// level most days out first), then the group geoorloofd_thuis; daysOut = days from s* to the day inclusive, normOn =
// s* + 3 months. v2: only an aanbod takes a child off the norm (v1's level "gedekt" also took a plan); a plan shows as
// geldig or verlopen. Computed from the read models, also as known at an earlier moment. Hand-computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// S1: LRV-base from 2023-10-31: normOn 2024-01-31 (Jan has 31 days) → overschreden on the day itself; 93 days.
const S1 = caseOf(1, 'sigeen', { on: '2023-10-31' });
S1.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2024-01-09' });
// S2: LRV-base from 2023-11-30: 2 months 2024-01-30 ≤ 01-31 < normOn 2024-02-29 → dreigend; 63 days. Discussed on
//     01-20 (recorded that day), retracted as a mistake on 01-25: as known now never discussed.
const S2 = caseOf(2, 'sigtwee', { on: '2023-11-30' });
const discussedByMistake = S2.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2024-01-20' });
S2.add('EventRetracted', { retractedEventId: discussedByMistake.eventId, reason: 'dubbel', effectiveOn: '2024-01-25' });
// S3: AV from 2023-12-01 in GM0363: 4 weeks 12-29, 2 months 02-01 → in_beeld; 62 days; normOn 2024-03-01.
const S3 = caseOf(3, 'sigdrie', { on: '2023-12-01', enrolled: false, gemeente: 'GM0363' });
// S4: LRV-base from 2024-01-03: 4 weeks exactly on 01-31 → in_beeld; 29 days; normOn 2024-04-03.
const S4 = caseOf(4, 'sigvier', { on: '2024-01-03' });
// S5: LRV-base from 2024-01-04: 4 weeks only on 02-01 → not listed.
const S5 = caseOf(5, 'sigvijf', { on: '2024-01-04' });
// S6: LRV-base from 2023-09-01, plan since 2023-10-15 (review 2024-01-15: verlopen from 01-16), no aanbod → overschreden
//     (v1: gedekt by its plan); 153 days; normOn 2023-12-01.
const S6 = caseOf(6, 'sigzes', { on: '2023-09-01' });
S6.add('PlanAgreed', { accountableRole: 'school', planKind: 'onderwijs', reviewOn: '2024-01-15', effectiveOn: '2023-10-15' });
// S7: LRV-base from 2023-09-15, closed 2024-01-20 → not open → not listed.
const S7 = caseOf(7, 'sigzeven', { on: '2023-09-15' });
S7.add('CaseClosed', { outcome: 'verhuisd', effectiveOn: '2024-01-20' });
// S8: LRV-base from 2023-10-01: normOn 2024-01-01 → overschreden; 123 days.
const S8 = caseOf(8, 'sigacht', { on: '2023-10-01' });
// S9: LRV-base from 2023-09-20, offer from 2024-01-05 (within its spell) → aanbod; 134 days; normOn 2023-12-20.
const S9 = caseOf(9, 'signegen', { on: '2023-09-20' });
S9.add('OfferStarted', { offerKind: 'onderwijs_zorg', effectiveOn: '2024-01-05' });
// S10: minder_naar_school from 2023-10-02: not officieel; leerrecht: overschreden (normOn 2024-01-02), 122 days.
const S10 = caseOf(10, 'sigtien', { on: '2023-10-02', phase: 'minder_naar_school', authorised: false });
// S11: thuis, authorised from 2023-12-20: not counted by officieel, but listed (v2) in the group geoorloofd_thuis:
//      in_beeld (4 weeks 01-17, 2 months 02-20), 43 days, normOn 2024-03-20; leerrecht lists it in its own group.
const S11 = caseOf(11, 'sigelf', { on: '2023-12-20', authorised: true });
// S12: LRV-base from 2023-06-01, plan 2023-07-01 ended (verlopen) 2024-01-15 → overschreden again; 245 days; normOn 2023-09-01.
const S12 = caseOf(12, 'sigtwaalf', { on: '2023-06-01' });
S12.add('PlanAgreed', { accountableRole: 'leerplicht', planKind: 'maatwerk', reviewOn: '2023-12-01', effectiveOn: '2023-07-01' });
S12.add('WaitlistEntered', { waitingFor: 'so_vso', effectiveOn: '2023-11-01' });
S12.add('PlanEnded', { outcome: 'verlopen', effectiveOn: '2024-01-15' });

const all = [S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12].flatMap((c) => c.events);

describe.each(databaseKinds)('signal list on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, all, { now: '2024-02-15T12:00:00Z' })));
  afterAll(() => s.close());

  it('officieel on 2024-01-31: order, levels, days out, norm day', async () => {
    const list = await s.signals('2024-01-31');
    // overschreden by days out (S12 245, S6 153, S8 123, S1 93), dreigend (S2), in_beeld (S3 62, S4 29), aanbod (S9),
    // then the group geoorloofd_thuis (S11). v1: [S12, S8, S1, S2, S3, S4, S6, S9], S6 and S9 "gedekt", S11 not listed
    expect(list.map((x) => x.caseId)).toEqual([S12, S6, S8, S1, S2, S3, S4, S9, S11].map((c) => c.caseId));
    expect(list.map((x) => x.level)).toEqual(['overschreden', 'overschreden', 'overschreden', 'overschreden', 'dreigend', 'in_beeld', 'in_beeld', 'aanbod', 'in_beeld']);
    expect(list.map((x) => x.group)).toEqual([...Array(8).fill('profiel'), 'geoorloofd_thuis']);
    expect(list.map((x) => x.daysOut)).toEqual([245, 153, 123, 93, 63, 62, 29, 134, 43]); // s*..2024-01-31 inclusive
    expect(list.map((x) => x.spellStart)).toEqual(['2023-06-01', '2023-09-01', '2023-10-01', '2023-10-31', '2023-11-30', '2023-12-01', '2024-01-03', '2023-09-20', '2023-12-20']); // s* of each norm spell
    expect(list.map((x) => x.normOn)).toEqual(['2023-09-01', '2023-12-01', '2024-01-01', '2024-01-31', '2024-02-29', '2024-03-01', '2024-04-03', '2023-12-20', '2024-03-20']); // s* + 3 months, 11-30 → 02-29
  });

  it('the details of plan, offer, waiting list, escalation and last discussion', async () => {
    const list = await s.signals('2024-01-31');
    const of = (c: { caseId: string }) => list.find((x) => x.caseId === c.caseId)!;
    expect(of(S6).plan).toEqual({ status: 'verlopen', reviewOn: '2024-01-15', since: '2024-01-16' }); // its review day passed without a review
    expect(of(S12).plan).toBeNull(); // ended on 01-15
    expect(of(S9).offer).toEqual({ kind: 'onderwijs_zorg', start: '2024-01-05' }); // the running offer
    expect(of(S12).waitlists).toEqual(['so_vso']); // still on the list
    expect(of(S1).lastDiscussed).toEqual({ forum: 'leerplicht_swv', on: '2024-01-09' }); // its only discussion
    expect(of(S1).discussedThisMonth).toBe(true); // 01-09 lies in January
    expect(of(S2).lastDiscussed).toBeNull(); // its one discussion was retracted (v1 still showed it)
    expect(of(S2).discussedThisMonth).toBe(false);
    expect(of(S3).gemeente).toBe('GM0363'); // from its CaseOpened
    expect(of(S3)).toMatchObject({ sector: 'po', ageBand: '12_15', escalation: null }); // born 2012: 2024 − 2012 = 12
  });

  it('as known at an earlier moment: the list an overleg saw then', async () => {
    const then = await s.signals('2024-01-31', { asOf: '2024-01-22T23:00:00Z' });
    const of = (c: { caseId: string }) => then.find((x) => x.caseId === c.caseId)!;
    expect(of(S2).lastDiscussed).toEqual({ forum: 'leerplicht_swv', on: '2024-01-20' }); // the retraction came on 01-25
    expect(of(S2).discussedThisMonth).toBe(true);
    expect(then.map((x) => x.caseId)).toEqual([S12, S6, S8, S1, S2, S3, S4, S9, S11].map((c) => c.caseId)); // otherwise as now
    expect(JSON.stringify(await s.signals('2024-01-31', { asOf: '2024-01-22T23:00:00Z' }))).toBe(JSON.stringify(then)); // byte for byte, again
  });

  it('scope filters the list', async () => {
    const gm0363 = await s.signals('2024-01-31', { scope: { gemeente: 'GM0363' } });
    expect(gm0363.map((x) => x.caseId)).toEqual([S3.caseId]); // the only case of GM0363
    const gm0344 = await s.signals('2024-01-31', { scope: { gemeente: 'GM0344' } });
    expect(gm0344.map((x) => x.caseId)).toEqual([S12, S6, S8, S1, S2, S4, S9, S11].map((c) => c.caseId)); // all others, same order
  });

  it('leerrecht adds the partial and the authorised child', async () => {
    const list = await s.signals('2024-01-31', { profile: 'leerrecht' });
    // overschreden: S12 245, S6 153, S8 123, S10 122, S1 93; dreigend: S2; in_beeld: S3 62, S11 43, S4 29; aanbod: S9
    expect(list.map((x) => x.caseId)).toEqual([S12, S6, S8, S10, S1, S2, S3, S11, S4, S9].map((c) => c.caseId));
    const of = (c: { caseId: string }) => list.find((x) => x.caseId === c.caseId)!;
    expect(of(S10)).toMatchObject({ level: 'overschreden', daysOut: 122, normOn: '2024-01-02' }); // PARTIAL since 10-02
    expect(of(S11)).toMatchObject({ group: 'profiel', level: 'in_beeld', daysOut: 43, normOn: '2024-03-20' }); // THUIS-base since 12-20
  });

  it('a day earlier: S1 is still dreigend and S4 not yet listed', async () => {
    const list = await s.signals('2024-01-30');
    const of = (c: { caseId: string }) => list.find((x) => x.caseId === c.caseId);
    expect(of(S1)?.level).toBe('dreigend'); // 01-30 < normOn 01-31; 2 months on 12-31
    expect(of(S2)?.level).toBe('dreigend'); // its 2-month mark is 01-30 itself
    expect(of(S4)).toBeUndefined(); // 27 days on 01-30
    expect(of(S5)).toBeUndefined(); // 26 days
    expect(of(S7)?.level).toBeUndefined(); // closed 01-20
  });
});
