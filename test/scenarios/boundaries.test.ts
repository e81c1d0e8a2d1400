// Golden scenario: the 4-week and 3-month boundaries to the day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// A: enrolled, at home unauthorised from 2023-09-02 (LRV-base). 4 weeks: 09-30. 2 months: 11-02. 3 months: 12-02.
const a = caseOf(1, 'kinda', { on: '2023-09-02' });
a.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-01-15' });
// B: the same from 2023-09-03. 4 weeks: 10-01. 3 months: 12-03, the day its plan is agreed.
const b = caseOf(2, 'kindb', { on: '2023-09-03' });
b.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-03-01', effectiveOn: '2023-12-03' });

describe.each(databaseKinds)('boundaries to the day on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...a.events, ...b.events], { now: '2025-01-10T12:00:00Z' })));
  afterAll(() => s.close());

  it('counts LRV from day s + 28: A on 30 September, B only from 1 October', async () => {
    const { rows } = await s.monthly('2023-09', '2023-10');
    expect(rows[0].metrics.lrv).toBe(1); // A: 09-02 + 28 = 09-30 ≤ 09-30; B: 10-01 > 09-30
    expect(rows[0].metrics.lrv_totaal).toBe(1); // only A reached 4 weeks in September
    expect(rows[1].metrics.lrv).toBe(2); // both on 10-31
    expect(rows[1].metrics.lrv_begin).toBe(2); // on 10-01 A is in LRV (since 09-30) and B starts that very day (09-03 + 28)
  });
});
