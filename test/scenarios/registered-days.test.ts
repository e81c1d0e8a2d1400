// Golden scenario: the first and last day on which something registered in scope happened, which the dashboard
// uses for its default period (a log that ends in the past opens on its last school year, not on an empty one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredDays } from '@pact/projections';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// A (GM0344): at home unauthorised from 2023-09-04, back at school on 2024-02-01.
const A = caseOf(1, 'eerste', { on: '2023-09-04' });
A.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-02-01' });
// B (GM0307): not enrolled from 2024-05-06, closed 2024-06-10.
const B = caseOf(2, 'tweede', { on: '2024-05-06', gemeente: 'GM0307', enrolled: false });
B.add('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2024-06-10' });
// C (GM0344): at home from 2024-07-01, an exemption 5a granted on 2024-07-15 until 2025-01-31: its lapse (and what
//   follows from it, AV from 2025-02-01) is no registration; the last one is the grant.
const C = caseOf(3, 'derde', { on: '2024-07-01' });
C.add('ExemptionGranted', { article: '5a', until: '2025-01-31', effectiveOn: '2024-07-15' });

describe.each(databaseKinds)('registered days on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...A.events, ...B.events, ...C.events], { now: '2024-12-01T12:00:00Z' })));
  afterAll(() => s.close());

  it('spans the region from the first opening to the last event', async () => {
    expect(await registeredDays(s.db, {})).toEqual({ first: '2023-09-04', last: '2024-07-15' });
  });

  it('in one gemeente: its own cases only', async () => {
    expect(await registeredDays(s.db, { gemeente: 'GM0307' })).toEqual({ first: '2024-05-06', last: '2024-06-10' }); // B opened, closed
  });

  it('before C existed: A back at school on 2024-02-01 is the last registration', async () => {
    const early = await openScenario(kind, A.events, { now: '2024-12-01T12:00:00Z' });
    try {
      expect(await registeredDays(early.db, {})).toEqual({ first: '2023-09-04', last: '2024-02-01' });
    } finally {
      await early.close();
    }
  });

  it('is null for a scope without cases', async () => {
    expect(await registeredDays(s.db, { gemeente: 'GM0014' })).toBeNull();
  });
});
