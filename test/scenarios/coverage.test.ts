// Golden scenario: covered by a plan versus by an offer. An offer before the spell does not cover; an offer within
// the spell covers from its day on; a plan that ends leaves the child uncovered again. Hand-computed from
// metrics.md and the brief's rule for "covered".
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
// O3: LRV-base 2023-09-04..10-01 with an offer on 09-20, at school 10-02..10-08, LRV-base again from 10-09
//     (4w 11-06, 2m 12-09, 3m 2024-01-09): the offer lies in the earlier spell → the new spell is not covered.
const O3 = caseOf(4, 'aanbodoud', { on: '2023-09-04' });
O3.add('OfferStarted', { offerKind: 'regulier', effectiveOn: '2023-09-20' });
O3.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-10-02' });
O3.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-10-09' });

// Q: LRV-base from 2023-09-05 (2m 11-05, 3m 12-05); plan agreed on the mark day itself: never over the norm, but
//    not covered on a day *before* the mark.
const Q = caseOf(5, 'planopgrens', { on: '2023-09-05' });
Q.add('PlanAgreed', { accountableRole: 'leerplicht', planKind: 'maatwerk', reviewOn: '2024-03-01', effectiveOn: '2023-12-05' });
// R: at school with a plan from 2023-09-04; at home (unauthorised) from 2023-09-11 (4w 10-09, 3m 12-11). A plan that
//    is active covers, whenever it was agreed: covered throughout.
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

  it('November (officieel): P and R are covered by a plan, O1, O2 and Q are dreigend', async () => {
    const { nov } = await rows();
    expect(nov.thuiszitters).toBe(6); // P, O1 (LRV 10-02), O2 (10-16), O3 (11-06), Q (10-03), R (10-09)
    expect(nov.norm_dreigend).toBe(3); // O1 (11-04), O2 (11-18), Q (11-05); P covered since 11-15, R by its plan; O3 2m only 12-09
    expect(nov.norm_overschreden).toBe(0); // no 3-month mark before 12-04
    expect(nov.plan_binnen_3m_aandeel).toBeNull(); // no marks in November
  });

  it('December (officieel): the early offer does not cover O2, the late offer covers O1 from 12-10', async () => {
    const { dec } = await rows();
    expect(dec.norm_overschreden).toBe(1); // O2 (12-18, offer before its spell); P, Q, R plan; O1 offer since 12-10; O3 not yet
    expect(dec.norm_dreigend).toBe(1); // O3: 12-09 ≤ 12-31 < 2024-01-09
    expect(dec.norm_overschreden_totaal).toBe(2); // O1 (12-04..12-09), O2 (12-18..); P, R covered all month; Q covered on its mark day
    // marks: P 12-04 (plan 11-15 ✓), O1 12-04 (offer 12-10 ✗), Q 12-05 (plan on the mark, not before ✗), R 12-11 (plan ✓), O2 12-18 (✗): 2/5
    expect(dec.plan_binnen_3m_aandeel).toBe(0.4);
  });

  it('January (officieel): the ended plan leaves P uncovered again', async () => {
    const { jan } = await rows();
    expect(jan.norm_overschreden).toBe(3); // P (plan ended 01-10), O2, O3 (01-09); O1 offer, Q and R plans
    expect(jan.norm_dreigend).toBe(0); // O3 moved on to overschreden
    expect(jan.norm_overschreden_totaal).toBe(3); // P, O2, O3
    expect(jan.plan_binnen_3m_aandeel).toBe(0); // one mark: O3 on 01-09, the offer of 09-20 is not in its spell: 0/1
  });

  it('the same history under leerrecht: the early offer covers O2', async () => {
    const { dec, jan } = await rows('leerrecht');
    expect(dec.norm_overschreden).toBe(0); // P, Q, R plans, O1 offer since 12-10, O2 offer 09-11 within its leerrecht spell; O3 dreigend
    expect(dec.norm_dreigend).toBe(1); // O3
    expect(dec.norm_overschreden_totaal).toBe(1); // O1 (12-04..12-09)
    expect(dec.plan_binnen_3m_aandeel).toBe(0.6); // marks: P ✓, O1 ✗, O2 12-04 ✓ (spell from 09-04, offer 09-11), Q ✗, R ✓ (spell from 09-11): 3/5
    expect(jan.norm_overschreden).toBe(2); // P (plan ended), O3
    expect(jan.plan_binnen_3m_aandeel).toBe(0); // O3's mark 01-09, not covered: 0/1
  });

  it('the year (officieel, up to 2024-06-01)', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.norm_overschreden).toBe(3); // on 06-01: P, O2, O3
    expect(r.metrics.norm_overschreden_totaal).toBe(4); // P (from 01-10), O1 (12-04..12-09), O2, O3; never Q or R
    expect(r.metrics.plan_binnen_3m_aandeel).toBe(0.3333); // marks P ✓, O1 ✗, O2 ✗, O3 ✗, Q ✗, R ✓: 2/6
  });

  it('signals on 2023-12-31 show the levels per case', async () => {
    const list = await s.signals('2023-12-31');
    const level = Object.fromEntries(list.map((x) => [x.caseId, x.level]));
    expect(level).toEqual({ [O2.caseId]: 'overschreden', [O3.caseId]: 'dreigend', [P.caseId]: 'gedekt', [O1.caseId]: 'gedekt', [Q.caseId]: 'gedekt', [R.caseId]: 'gedekt' }); // as in the December figures
    expect(list.slice(0, 2).map((x) => x.caseId)).toEqual([O2.caseId, O3.caseId]); // overschreden, dreigend, then the covered ones
  });
});
