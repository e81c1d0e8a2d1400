// Golden scenario: late registrations (early effectiveOn, late recordedAt) change history from their effectiveOn;
// asOf before the recordedAt reproduces the figures as they were known then. Hand-computed from metrics.md v2 /
// events.md; where v2 changed a value (a plan is no aanbod; a spell that ended before its mark is in the cohort) the
// comment says what v1 gave.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// l1: LRV-base from 2023-09-04 (4 weeks 10-02, 3 months 12-04). A plan agreed on 2023-10-20 (review 2024-03-01, never
// reviewed: verlopen from 03-02) is registered only on 2024-02-15. No offer ever: over the norm from 12-04 (v2).
const l1 = caseOf(1, 'laatplan', { on: '2023-09-04' });
l1.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-03-01', effectiveOn: '2023-10-20' }, '2024-02-15T12:00:00.000Z');
// l2: opened at school on 2023-09-04; at home (unauthorised) from 2023-09-11, registered only on 2023-11-20
// (4 weeks: 10-09). Back at school on 2023-11-27 (registered that day): its mark 12-11 finds it back (v2: a success).
const l2 = caseOf(2, 'laatfase', { on: '2023-09-04', phase: 'op_school' });
l2.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-09-11' }, '2023-11-20T12:00:00.000Z');
l2.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-11-27' });
// l3: a whole case registered late: not enrolled (AV) from 2023-09-04, recorded on 2023-12-01. 3 months: 12-04.
const l3 = caseOf(3, 'laatopen', { on: '2023-09-04', enrolled: false, recordedAt: '2023-12-01T12:00:00.000Z' });
// l3 is closed on 2024-01-05, registered only on 2024-02-20.
l3.add('CaseClosed', { outcome: 'verhuisd', effectiveOn: '2024-01-05' }, '2024-02-20T12:00:00.000Z');

describe.each(databaseKinds)('late registrations on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...l1.events, ...l2.events, ...l3.events], { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  it('September/October as known on 2023-11-01: neither l2 at home nor l3 exist yet', async () => {
    const [sep, oct] = (await s.monthly('2023-09', '2023-10', { asOf: '2023-11-01T12:00:00Z' })).rows;
    expect(sep.metrics.instroom_cases).toBe(2); // l1, l2 (l3 recorded 12-01)
    expect(sep.metrics.av_totaal).toBe(0); // l3 unknown
    expect(oct.metrics.lrv).toBe(1); // l1 only (l2 still op_school as far as known)
    expect(oct.metrics.lrv_totaal).toBe(1); // l1
  });

  it('September/October as known now: l2 in LRV from 10-09, l3 in AV from 09-04', async () => {
    const [sep, oct] = (await s.monthly('2023-09', '2023-10')).rows;
    expect(sep.metrics.instroom_cases).toBe(3); // l1, l2, l3 all opened in September
    expect(sep.metrics.av_totaal).toBe(1); // l3
    expect(oct.metrics.lrv).toBe(2); // l1 (since 10-02) and l2 (since 10-09)
    expect(oct.metrics.lrv_totaal).toBe(2); // l1, l2
    expect(oct.metrics.lrv_begin).toBe(0); // on 10-01 l1 has lasted 27 days, l2 20 days
    expect(oct.metrics.lrv_nieuw).toBe(2); // both
    expect(oct.metrics.thuiszitters).toBe(3); // l1, l2 (LRV), l3 (AV)
  });

  it('December as known on 2024-01-15: l1 and l3 over the norm without plan', async () => {
    const [dec] = (await s.monthly('2023-12', '2023-12', { asOf: '2024-01-15T12:00:00Z' })).rows;
    expect(dec.metrics.norm_overschreden).toBe(2); // l1 and l3: marks 12-04, no aanbod; l2 back at school since 11-27
    expect(dec.metrics.norm_zonder_plan).toBe(2); // no plan known yet either
    expect(dec.metrics.norm_overschreden_totaal).toBe(2); // idem over December
    // marks in Dec: l1, l3 (12-04, neither had a plan or aanbod as known) and l2 (12-11, back at school: returned): 1/3.
    // v1: 0/2 (l2 left out because its spell ended before its mark)
    expect(dec.metrics.plan_binnen_3m_aandeel).toBe(0.3333);
  });

  it('December as known now: l1 had a plan from 10-20, but no aanbod', async () => {
    const [dec] = (await s.monthly('2023-12', '2023-12')).rows;
    expect(dec.metrics.norm_overschreden).toBe(2); // l1 and l3: a plan is no passend aanbod (v1: 1, l3 only)
    expect(dec.metrics.norm_zonder_plan).toBe(1); // l3: l1's plan is valid until 2024-03-01
    expect(dec.metrics.norm_overschreden_totaal).toBe(2); // l1, l3 (v1: 1)
    expect(dec.metrics.plan_binnen_3m_aandeel).toBe(0.6667); // l1 (plan 10-20 < 12-04) and l2 (returned); l3 not: 2/3 (v1: 1/2)
  });

  it('the year report reproduces what was known at asOf', async () => {
    const before = await s.year('2023-2024', { asOf: '2023-11-01T12:00:00Z' });
    expect(before.period.stockOn).toBe('2023-11-01'); // today = date of asOf
    expect(before.asOf).toBe('2023-11-01T12:00:00.000Z'); // the report names its asOf
    expect(before.metrics.thuiszitters_totaal).toBe(1); // l1 only (l2 at home unknown, l3 unknown)
    expect(before.metrics.instroom_cases).toBe(2); // l1, l2
    const then = await s.year('2023-2024', { asOf: '2024-01-15T12:00:00Z' });
    expect(then.metrics.norm_overschreden).toBe(2); // on 2024-01-15: l1 and l3, no plan known
    const feb1 = await s.year('2023-2024', { asOf: '2024-02-01T12:00:00Z' });
    expect(feb1.metrics.norm_overschreden).toBe(2); // on 02-01: l1 (plan recorded 02-15), l3 (closing recorded 02-20)
    expect(feb1.metrics.uitstroom_cases).toBe(0); // l3's closing not yet known
    const feb16 = await s.year('2023-2024', { asOf: '2024-02-16T12:00:00Z' });
    expect(feb16.metrics.norm_overschreden).toBe(2); // on 02-16: l1's plan is known since 02-15 but is no aanbod (v1: 1), l3
    expect(feb16.metrics.norm_zonder_plan).toBe(1); // l3; l1 has a valid plan now
    const after = await s.year('2023-2024');
    expect(after.metrics.thuiszitters_totaal).toBe(3); // l1, l2, l3
    expect(after.metrics.instroom_cases).toBe(3); // l1, l2, l3
    expect(after.metrics.uitstroom_cases).toBe(1); // l3
    expect(after.metrics.uitstroom_verhuisd_cases).toBe(1); // l3's outcome
    expect(after.metrics.norm_overschreden).toBe(1); // on 2024-06-01 (today): l1, still at home without aanbod (v1: 0, "covered" by its plan); l3 closed
    expect(after.metrics.plan_verlopen).toBe(1); // l1: review due 03-01, never reviewed
    expect(after.verdicts.norm_overschreden).toBe('niet_gehaald'); // the stock on the year's stock day is not 0
  });

  it('January as known now: the late closing ends l3 on 01-05', async () => {
    const [jan] = (await s.monthly('2024-01', '2024-01')).rows;
    expect(jan.metrics.norm_overschreden).toBe(1); // l1 (no aanbod; v1: 0, covered by its plan); l3 closed 01-05
    expect(jan.metrics.norm_overschreden_totaal).toBe(2); // l1 all month, l3 on 01-01..01-04 (v1: 1)
    expect(jan.metrics.av).toBe(0); // l3 closed
    expect(jan.metrics.av_totaal).toBe(1); // l3 until 01-04
    const [known] = (await s.monthly('2024-01', '2024-01', { asOf: '2024-02-01T12:00:00Z' })).rows;
    expect(known.metrics.norm_overschreden).toBe(2); // on 01-31 as known on 02-01: l1 (no plan known), l3 (not closed as known)
    expect(known.metrics.av).toBe(1); // l3
  });
});
