// Golden scenario: EventRetracted makes the named event count as never having happened, from the retraction's
// recordedAt on (asOf before it gives the old figures). Hand-computed from metrics.md / events.md / README choices.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// r1: LRV-base from 2023-09-04 (3 months: 12-04). Plan 2023-10-02, retracted (invoerfout) on 2024-01-10.
const r1 = caseOf(1, 'ingetrokkenplan', { on: '2023-09-04' });
const plan = r1.add('PlanAgreed', { accountableRole: 'leerplicht', planKind: 'onderwijs', reviewOn: '2024-01-01', effectiveOn: '2023-10-02' });
r1.add('EventRetracted', { retractedEventId: plan.eventId, reason: 'invoerfout', effectiveOn: '2024-01-10' });
// r2: AV from 2023-09-04; the whole case is retracted (verkeerd_kind) on 2023-11-20.
const r2 = caseOf(2, 'verkeerdkind', { on: '2023-09-04', enrolled: false });
r2.add('EventRetracted', { retractedEventId: r2.events[0].eventId, reason: 'verkeerd_kind', effectiveOn: '2023-11-20' });
// r3: LRV-base from 2023-09-04, closed 2023-10-16; the closing is retracted on 2023-11-20 (the case reopens).
const r3 = caseOf(3, 'heropend', { on: '2023-09-04' });
const closed = r3.add('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2023-10-16' });
r3.add('EventRetracted', { retractedEventId: closed.eventId, reason: 'invoerfout', effectiveOn: '2023-11-20' });

describe.each(databaseKinds)('retractions on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...r1.events, ...r2.events, ...r3.events], { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  it('as known on 2023-11-15: r2 exists, r3 is closed', async () => {
    const [sep, oct] = (await s.monthly('2023-09', '2023-10', { asOf: '2023-11-15T12:00:00Z' })).rows;
    expect(sep.metrics.instroom_cases).toBe(3); // r1, r2, r3
    expect(sep.metrics.av_totaal).toBe(1); // r2
    expect(oct.metrics.av).toBe(1); // r2 on 10-31
    expect(oct.metrics.lrv).toBe(1); // r1; r3 closed on 10-16 satisfies nothing from then on
    expect(oct.metrics.lrv_totaal).toBe(2); // r1 (from 10-02) and r3 (10-02..10-15)
    expect(oct.metrics.uitstroom_cases).toBe(1); // r3 closed 10-16
    expect(oct.metrics.uitstroom_terug_naar_school_cases).toBe(1); // r3's outcome
  });

  it('as known now: r2 never existed, r3 never closed', async () => {
    const [sep, oct] = (await s.monthly('2023-09', '2023-10')).rows;
    expect(sep.metrics.instroom_cases).toBe(2); // r1, r3: a retracted CaseOpened voids the case
    expect(sep.metrics.av_totaal).toBe(0); // r2 gone
    expect(oct.metrics.av).toBe(0); // r2 gone
    expect(oct.metrics.lrv).toBe(2); // r1 and r3 (reopened: LRV-base since 09-04 without a break)
    expect(oct.metrics.uitstroom_cases).toBe(0); // the closing was retracted
    expect(oct.metrics.uitstroom_terug_naar_school_cases).toBe(0); // idem
  });

  it('December as known on 2024-01-05: r1 has a valid plan, but no aanbod', async () => {
    const [dec] = (await s.monthly('2023-12', '2023-12', { asOf: '2024-01-05T12:00:00Z' })).rows;
    expect(dec.metrics.norm_overschreden).toBe(2); // r1 and r3 (marks 12-04): v2, a plan is no aanbod (v1: 1, r1 "covered")
    expect(dec.metrics.norm_zonder_plan).toBe(1); // r3; r1's plan is valid through its review date 2024-01-01
    expect(dec.metrics.norm_overschreden_totaal).toBe(2); // r1, r3 (v1: 1)
    expect(dec.metrics.plan_binnen_3m_aandeel).toBe(0.5); // marks 12-04 of r1 (covered on 10-02) and r3 (not): 1/2
  });

  it('December as known now: the plan never existed', async () => {
    const [dec] = (await s.monthly('2023-12', '2023-12')).rows;
    expect(dec.metrics.norm_overschreden).toBe(2); // r1 and r3
    expect(dec.metrics.norm_overschreden_totaal).toBe(2); // r1 and r3
    expect(dec.metrics.plan_binnen_3m_aandeel).toBe(0); // neither covered before 12-04: 0/2
  });

  it('the signal list follows the current knowledge', async () => {
    const list = await s.signals('2023-12-31');
    expect(list.map((x) => x.caseId).sort()).toEqual([r1.caseId, r3.caseId].sort()); // r2 void; r1 and r3 open, spells ≥ 4 weeks
    expect(list.map((x) => x.level)).toEqual(['overschreden', 'overschreden']); // both past 12-04 and uncovered
    expect(list.every((x) => x.daysOut === 119)).toBe(true); // 2023-09-04..2023-12-31 inclusive = 119 days
  });
});
