// Golden scenario: a plan versus an offer. v2 (metrics.md "Norm spells, plans and offers"): the pact's norm is
// "zonder passend aanbod", so only an aanbod keeps a child from `norm_overschreden` (v1: a plan or an offer
// "covered"); a valid plan keeps it from `norm_zonder_plan` and counts for `plan_binnen_3m_aandeel`. An offer
// before the norm spell does not count; one within the spell counts from its day on; interruptions of at most 14
// days are bridged. Hand-computed from metrics.md v2; each value v2 changed says what v1 gave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// P: LRV-base from 2023-09-04 (2m 11-04, 3m 12-04). Plan 2023-11-15, ended (mislukt) 2024-01-10.
const P = caseOf(1, 'planeinde', { on: '2023-09-04' });
P.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs_zorg', reviewOn: '2024-02-01', effectiveOn: '2023-11-15' });
P.add('PlanEnded', { outcome: 'mislukt', effectiveOn: '2024-01-10' });
// O1: LRV-base from 2023-09-04 (3m 12-04). Offer starts 2023-12-10: covered from 12-10, not before.
const O1 = caseOf(2, 'aanbodlaat', { on: '2023-09-04' });
O1.add('OfferStarted', { offerKind: 'speciaal_onderwijs', effectiveOn: '2023-12-10' });
// O2: minder_naar_school (PARTIAL) from 2023-09-04, offer 2023-09-11, thuis unauthorised from 2023-09-18.
//     officieel spell (LRV-base) from 09-18: the offer lies before it → not covered (4w 10-16, 2m 11-18, 3m 12-18).
//     leerrecht spell (PARTIAL then THUIS-base) from 09-04: the offer lies within it → covered from 09-11.
const O2 = caseOf(3, 'aanbodvooraf', { on: '2023-09-04', phase: 'minder_naar_school', authorised: false });
O2.add('OfferStarted', { offerKind: 'maatwerk', effectiveOn: '2023-09-11' });
O2.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-09-18' });
// O3: LRV-base 2023-09-04..10-01 with an offer on 09-20, at school 10-02..10-08, LRV-base again from 10-09.
//     v1: a new spell from 10-09 (3m 2024-01-09) that the offer did not cover. v2: the 7 days at school are bridged,
//     one norm spell from 09-04 (mark 12-04) and the running offer (since 09-20, within it) is an aanbod throughout.
//     (An offer of a really earlier spell, after more than 14 days back at school: test/scenarios/figures-v2.test.ts.)
const O3 = caseOf(4, 'aanbodoud', { on: '2023-09-04' });
O3.add('OfferStarted', { offerKind: 'regulier', effectiveOn: '2023-09-20' });
O3.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-10-02' });
O3.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-10-09' });

// Q: LRV-base from 2023-09-05 (2m 11-05, 3m 12-05); plan agreed on the mark day itself (review 2024-03-01, never
//    reviewed: verlopen from 03-02). v2: a plan is no aanbod, so Q is over the norm from 12-05 (v1: never).
const Q = caseOf(5, 'planopgrens', { on: '2023-09-05' });
Q.add('PlanAgreed', { accountableRole: 'leerplicht', planKind: 'maatwerk', reviewOn: '2024-03-01', effectiveOn: '2023-12-05' });
// R: at school with a plan from 2023-09-04 (review 2024-03-01, never reviewed); at home (unauthorised) from
//    2023-09-11 (4w 10-09, 2m 11-11, 3m 12-11). Over the norm from 12-11 (no aanbod), with a valid plan until 03-01.
const R = caseOf(6, 'planvooraf', { on: '2023-09-04', phase: 'op_school' });
R.add('PlanAgreed', { accountableRole: 'school', planKind: 'onderwijs', reviewOn: '2024-03-01', effectiveOn: '2023-09-04' });
R.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-09-11' });

const all = [P, O1, O2, O3, Q, R].flatMap((c) => c.events);

describe.each(databaseKinds)('covered by plan or offer on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, all, { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  const rows = async (profile: 'officieel' | 'leerrecht' = 'officieel') => {
    const [nov, dec, jan] = (await s.monthly('2023-11', '2024-01', { profile })).rows;
    return { nov: nov.metrics, dec: dec.metrics, jan: jan.metrics };
  };

  it('November (officieel): nobody over the norm yet; everybody without an aanbod at 2 months is dreigend', async () => {
    const { nov } = await rows();
    expect(nov.thuiszitters).toBe(6); // P, O1 (LRV 10-02), O2 (10-16), O3 (11-06: its LRV run restarts on 10-09), Q (10-03), R (10-09)
    // P (11-04), O1 (11-04), O2 (11-18), Q (11-05), R (11-11); O3 has an aanbod. v1: 3 (P and R were covered by a plan)
    expect(nov.norm_dreigend).toBe(5);
    expect(nov.norm_overschreden).toBe(0); // no mark before 12-04
    expect(nov.plan_binnen_3m_aandeel).toBeNull(); // no marks in November
  });

  it('December (officieel): a plan is no aanbod; the early offer does not count for O2, the late offer for O1 from 12-10', async () => {
    const { dec } = await rows();
    expect(dec.norm_overschreden).toBe(4); // P (plan, no aanbod), O2 (offer before its spell), Q, R (plans); v1: 1 (O2)
    expect(dec.norm_zonder_plan).toBe(1); // O2: P, Q and R have a valid plan on 12-31
    expect(dec.norm_dreigend).toBe(0); // every mark lies on or before 12-18 (v1: 1, O3's spell from 10-09)
    expect(dec.norm_overschreden_totaal).toBe(5); // P, O1 (12-04..12-09), O2, Q (from 12-05), R (from 12-11); O3 never; v1: 2
    expect(dec.norm_zonder_plan_totaal).toBe(2); // O1 (12-04..12-09) and O2; Q's plan starts on its mark day
    // marks: P 12-04 (plan 11-15 ✓), O1 12-04 (offer 12-10 ✗), O3 12-04 (aanbod 09-20 ✓), Q 12-05 (plan on the mark ✗),
    // R 12-11 (plan ✓), O2 12-18 (✗): 3/6 (v1: 2/5, O3's mark fell in January)
    expect(dec.plan_binnen_3m_aandeel).toBe(0.5);
    expect(dec.aanbod_binnen_3m_aandeel).toBe(0.1667); // only O3 had an aanbod before its mark: 1/6
  });

  it('January (officieel): the ended plan changes nothing for the norm; no marks', async () => {
    const { jan } = await rows();
    expect(jan.norm_overschreden).toBe(4); // P, O2, Q, R; O1 and O3 have an aanbod (v1: 3: P, O2, O3)
    expect(jan.norm_zonder_plan).toBe(2); // P (plan ended 01-10), O2
    expect(jan.norm_dreigend).toBe(0);
    expect(jan.norm_overschreden_totaal).toBe(4); // P, O2, Q, R (v1: 3)
    expect(jan.plan_binnen_3m_aandeel).toBeNull(); // no mark in January: O3's is 12-04 in v2 (v1: 0/1, O3 on 01-09)
  });

  it('the same history under leerrecht: the early offer counts for O2', async () => {
    const { dec, jan } = await rows('leerrecht');
    expect(dec.norm_overschreden).toBe(3); // P, Q, R (plans are no aanbod); O1, O2 and O3 have one (v1: 0)
    expect(dec.norm_dreigend).toBe(0); // (v1: 1, O3)
    expect(dec.norm_overschreden_totaal).toBe(4); // P, O1 (12-04..12-09), Q, R (v1: 1, O1)
    // marks: P 12-04 ✓ (plan), O1 12-04 ✗, O2 12-04 ✓ (spell from 09-04, aanbod 09-11), O3 12-04 ✓, Q 12-05 ✗, R 12-11 ✓: 4/6
    expect(dec.plan_binnen_3m_aandeel).toBe(0.6667); // (v1: 3/5)
    expect(jan.norm_overschreden).toBe(3); // P, Q, R (v1: 2, P and O3)
    expect(jan.plan_binnen_3m_aandeel).toBeNull(); // no mark in January (v1: 0/1)
  });

  it('the year (officieel, up to 2024-06-01)', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.norm_overschreden).toBe(4); // on 06-01: P, O2, Q, R (v1: 3: P, O2, O3)
    expect(r.metrics.norm_zonder_plan).toBe(4); // P (ended), O2 (none), Q and R (verlopen since 03-02)
    expect(r.metrics.plan_verlopen).toBe(2); // Q and R: reviews due 03-01, never reviewed
    expect(r.metrics.norm_overschreden_totaal).toBe(5); // P, O1, O2, Q, R; never O3 (v1: 4)
    expect(r.metrics.norm_zonder_plan_totaal).toBe(5); // P (from 01-10), O1 (12-04..12-09), O2, Q and R (from 03-02)
    expect(r.metrics.plan_binnen_3m_aandeel).toBe(0.5); // the six December marks above: 3/6 (v1: 2/6)
    expect(r.metrics.aanbod_binnen_3m_aandeel).toBe(0.1667); // O3: 1/6
    expect(r.verdicts.norm_overschreden_totaal).toBe('niet_gehaald'); // five children were over the norm
  });

  it('signals on 2023-12-31 show the levels per case', async () => {
    const list = await s.signals('2023-12-31');
    const level = Object.fromEntries(list.map((x) => [x.caseId, x.level]));
    // as in the December figures; v1: O2 overschreden, O3 dreigend, the rest "gedekt" by a plan or offer
    expect(level).toEqual({ [P.caseId]: 'overschreden', [Q.caseId]: 'overschreden', [R.caseId]: 'overschreden', [O2.caseId]: 'overschreden', [O1.caseId]: 'aanbod', [O3.caseId]: 'aanbod' });
    // overschreden by days out (P 119, Q 118, R 112, O2 105), then aanbod (O1 and O3 119 days: by case id)
    expect(list.map((x) => x.caseId)).toEqual([P.caseId, Q.caseId, R.caseId, O2.caseId, O1.caseId, O3.caseId]);
    expect(list.find((x) => x.caseId === P.caseId)?.plan).toEqual({ status: 'geldig', reviewOn: '2024-02-01' });
    expect(list.find((x) => x.caseId === O3.caseId)?.offer).toEqual({ kind: 'regulier', start: '2023-09-20' });
  });
});
