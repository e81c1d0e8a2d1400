// Golden scenario: the three profiles side by side (officieel, breed, leerrecht), verborgen, geoorloofd_aandeel,
// wachtlijst, and the norm per profile. Hand-computed from metrics.md ("Conditions", "Profiles", stock figures).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// A: not enrolled (AV) from 2023-09-04. Spell 09-04: 2 months 11-04, 3 months 12-04.
const A = caseOf(1, 'profa', { on: '2023-09-04', enrolled: false });
// B: thuis, unauthorised from 2023-09-04: LRV from 10-02.
const B = caseOf(2, 'profb', { on: '2023-09-04' });
// C: thuis, authorised (ziek) from 2023-09-04: THUIS-base, 4 weeks on 10-02; never LRV.
const C = caseOf(3, 'profc', { on: '2023-09-04', authorised: true });
// D: thuis, authorised from 2023-10-20 (4 weeks 11-17, 2 months 12-20); on a waiting list 10-25..10-29 only.
const D = caseOf(4, 'profd', { on: '2023-10-20', authorised: true });
D.add('WaitlistEntered', { waitingFor: 'jeugdhulp', effectiveOn: '2023-10-25' });
D.add('WaitlistLeft', { waitingFor: 'jeugdhulp', effectiveOn: '2023-10-30' });
// E: minder_naar_school, unauthorised from 2023-09-04 (PARTIAL); waiting list from 10-01.
const E = caseOf(5, 'profe', { on: '2023-09-04', phase: 'minder_naar_school', authorised: false });
E.add('WaitlistEntered', { waitingFor: 'ggz', effectiveOn: '2023-10-01' });
// F: op_school with a reduced timetable from 2023-09-04 (PARTIAL).
const F = caseOf(6, 'proff', { on: '2023-09-04', phase: 'op_school' });
F.add('ReducedTimetableGranted', { hoursPerWeek: 12, effectiveOn: '2023-09-04' });
// G: thuis, unauthorised from 2023-10-10: LRV from 11-07; 2 months 12-10, 3 months 2024-01-10.
const G = caseOf(7, 'profg', { on: '2023-10-10' });
// H: not enrolled with exemption 5a from 2023-09-04 (the day the case opens): V5A, never AV.
const H = caseOf(8, 'profh', { on: '2023-09-04', enrolled: false });
H.add('ExemptionGranted', { article: '5a', effectiveOn: '2023-09-04' });
// I: op_school, on a waiting list from 2023-09-10: counted by no profile, so not in wachtlijst.
const I = caseOf(9, 'profi', { on: '2023-09-04', phase: 'op_school' });
I.add('WaitlistEntered', { waitingFor: 'diagnostiek', effectiveOn: '2023-09-10' });

const all = [A, B, C, D, E, F, G, H, I].flatMap((c) => c.events);

describe.each(databaseKinds)('three profiles side by side on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, all, { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  const month = async (m: string, profile: 'officieel' | 'breed' | 'leerrecht' = 'officieel') => (await s.monthly(m, m, { profile })).rows[0].metrics;

  it('on 2023-09-30', async () => {
    const m = await month('2023-09');
    expect(m.thuiszitters).toBe(1); // officieel: A (AV); B reaches 4 weeks on 10-02
    expect(m.av).toBe(1); // A
    expect(m.lrv).toBe(0); // B not yet 4 weeks
    expect(m.vrijstelling_5a).toBe(1); // H
    expect((await month('2023-09', 'breed')).thuiszitters).toBe(2); // A (AV), H (V5A); B, C 4 weeks on 10-02
    expect((await month('2023-09', 'leerrecht')).thuiszitters).toBe(6); // A, B, C, E, F, H (D, G not yet opened)
    expect(m.verborgen).toBe(5); // leerrecht but not officieel: B, C, E, F, H
    expect(m.verborgen_aandeel).toBe(0.8333); // 5/6
    expect(m.geoorloofd_aandeel).toBe(0.3333); // enrolled, no exemption, phase ≠ op_school: B, C, E; authorised: C → 1/3
    expect(m.wachtlijst).toBe(0); // E's entry starts 10-01; I is not counted by leerrecht
  });

  it('on 2023-10-31', async () => {
    const m = await month('2023-10');
    expect(m.thuiszitters).toBe(2); // officieel: A (AV), B (LRV since 10-02)
    expect(m.av).toBe(1); // A
    expect(m.lrv).toBe(1); // B; G's LRV-base from 10-10 has lasted 21 days
    expect(m.vrijstelling_5a).toBe(1); // H
    expect((await month('2023-10', 'breed')).thuiszitters).toBe(4); // A, H, B and C (THUIS-base ≥ 4 weeks); D, G < 4 weeks
    expect((await month('2023-10', 'leerrecht')).thuiszitters).toBe(8); // A..H; not I
    expect(m.verborgen).toBe(6); // C, D, E, F, G, H
    expect(m.verborgen_aandeel).toBe(0.75); // 6/8
    expect(m.geoorloofd_aandeel).toBe(0.4); // B, C, D, E, G in the denominator (F is op_school); authorised C, D → 2/5
    expect(m.wachtlijst).toBe(1); // E; D left its list on 10-30; I not counted by leerrecht
  });

  it('period October 2023 per profile', async () => {
    expect((await month('2023-10')).thuiszitters_totaal).toBe(2); // officieel: A, B
    expect((await month('2023-10', 'breed')).thuiszitters_totaal).toBe(4); // A, B, C, H
    expect((await month('2023-10', 'leerrecht')).thuiszitters_totaal).toBe(8); // A..H
    expect((await month('2023-10')).verborgen_totaal).toBe(6); // C, D, E, F, G, H: never officieel in October
  });

  it('on 2023-12-31: the norm per profile', async () => {
    const off = await month('2023-12');
    expect(off.thuiszitters).toBe(3); // A, B, G (LRV since 11-07)
    expect(off.norm_overschreden).toBe(2); // A, B (marks 12-04)
    expect(off.norm_dreigend).toBe(1); // G: 12-10 ≤ 12-31 < 2024-01-10
    const breed = await month('2023-12', 'breed');
    expect(breed.thuiszitters).toBe(6); // A, B, C, D (4 weeks 11-17), G (11-07), H
    expect(breed.norm_overschreden).toBe(4); // A, B, C, H (spells from 09-04)
    expect(breed.norm_dreigend).toBe(2); // D (12-20 ≤ 12-31), G (12-10 ≤ 12-31)
    const leerrecht = await month('2023-12', 'leerrecht');
    expect(leerrecht.thuiszitters).toBe(8); // A..H
    expect(leerrecht.norm_overschreden).toBe(6); // A, B, C, E, F, H
    expect(leerrecht.norm_dreigend).toBe(2); // D, G
    expect(off.verborgen).toBe(5); // C, D, E, F, H (G is now officieel)
    expect(off.verborgen_aandeel).toBe(0.625); // 5/8
  });

  it('the year per profile', async () => {
    expect((await s.year('2023-2024')).metrics.thuiszitters_totaal).toBe(3); // A, B, G
    expect((await s.year('2023-2024', { profile: 'breed' })).metrics.thuiszitters_totaal).toBe(6); // A, B, C, D, G, H
    expect((await s.year('2023-2024', { profile: 'leerrecht' })).metrics.thuiszitters_totaal).toBe(8); // A..H
    expect((await s.year('2023-2024')).metrics.verborgen_totaal).toBe(5); // C, D, E, F, H: never officieel; G officieel from 11-07
  });
});
