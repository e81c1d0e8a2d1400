// Golden scenario: besproken_aandeel. Per month: among children counted by officieel on the month's last day (or
// today) whose officieel norm spell has lasted ≥ 28 days, the share with a CaseDiscussed forum leerplicht_swv in that
// month; for a year (v2): its months pooled, the sum of the numerators over the sum of the denominators (v1: the
// mean of the months' shares). Hand-computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// A: AV from 2023-08-21 (28 days on 09-18). Discussed leerplicht_swv 10-10, actietafel 11-14.
const A = caseOf(1, 'bespra', { on: '2023-08-21', enrolled: false });
A.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2023-10-10' });
A.add('CaseDiscussed', { forum: 'actietafel', effectiveOn: '2023-11-14' });
// B: LRV-base from 2023-08-21 (LRV 09-18). Discussed only at the kernpartner overleg (10-10).
const B = caseOf(2, 'besprb', { on: '2023-08-21' });
B.add('CaseDiscussed', { forum: 'kernpartner', effectiveOn: '2023-10-10' });
// C: LRV-base from 2023-10-03: LRV on 10-31 (10-03 + 28), exactly 28 days. Discussed leerplicht_swv 11-02.
const C = caseOf(3, 'besprc', { on: '2023-10-03' });
C.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2023-11-02' });
// D: AV from 2023-10-04 (28 days on 11-01). Discussed leerplicht_swv 10-20, before it had lasted 28 days.
const D = caseOf(4, 'besprd', { on: '2023-10-04', enrolled: false });
D.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2023-10-20' });
// E: AV from 2023-08-21, discussed leerplicht_swv 09-26, closed 2023-12-15.
const E = caseOf(5, 'bespre', { on: '2023-08-21', enrolled: false });
E.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2023-09-26' });
E.add('CaseClosed', { outcome: 'passend_aanbod', effectiveOn: '2023-12-15' });
// G: at school, discussed leerplicht_swv 10-10: not counted, so not in the denominator.
const G = caseOf(6, 'besprg', { on: '2023-09-04', phase: 'op_school' });
G.add('CaseDiscussed', { forum: 'leerplicht_swv', effectiveOn: '2023-10-10' });

const all = [A, B, C, D, E, G].flatMap((c) => c.events);

describe.each(databaseKinds)('besproken_aandeel on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, all, { now: '2024-01-10T12:00:00Z' })));
  afterAll(() => s.close());

  it('per month', async () => {
    const { rows } = await s.monthly('2023-08', '2024-01');
    const by = Object.fromEntries(rows.map((r) => [r.month, r.metrics.besproken_aandeel]));
    expect(by['2023-08']).toBeNull(); // on 08-31 A, E (AV) are counted but only 10 days in: empty denominator
    expect(by['2023-09']).toBe(0.3333); // A, B (LRV 09-18), E; discussed in Sep: E → 1/3
    expect(by['2023-10']).toBe(0.25); // A, B, C (exactly 28 days on 10-31), E; D only 27 days; discussed: A (B kernpartner, G not counted) → 1/4
    expect(by['2023-11']).toBe(0.2); // A, B, C, D, E; discussed leerplicht_swv in Nov: C (A's was actietafel) → 1/5
    expect(by['2023-12']).toBe(0); // A, B, C, D (E closed 12-15); nobody discussed → 0/4
    expect(by['2024-01']).toBe(0); // on today (01-10): A, B, C, D; nobody discussed → 0/4
  });

  it('for the year: its months pooled (child-months)', async () => {
    const r = await s.year('2023-2024');
    // (0 + 1 + 1 + 1 + 0 + 0) / (0 + 3 + 4 + 5 + 4 + 4) = 3/20 (v1: the mean of the monthly shares, 0.1567)
    expect(r.metrics.besproken_aandeel).toBe(0.15);
    expect(r.previous!.metrics.besproken_aandeel).toBeNull(); // no month of 2022-2023 has a value
  });
});
