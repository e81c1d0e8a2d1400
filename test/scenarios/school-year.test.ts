// Golden scenario: spells crossing 1 August (school year 2023-2024 and its `previous`), lrv_begin, and a year that
// has not ended yet (stock on today, months up to today). Expected figures computed by hand from metrics.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// y1: LRV-base 2023-06-10 .. 2023-10-15 (back at school 10-16). 4 weeks: 07-08. 3 months: 09-10.
const y1 = caseOf(1, 'zomera', { on: '2023-06-10' });
y1.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-10-16' });
// y2: LRV-base 2023-07-20 .. 2023-09-24. 4 weeks: 08-17. 3 months would be 10-20, after the spell ended.
const y2 = caseOf(2, 'zomerb', { on: '2023-07-20' });
y2.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-09-25' });
// y3: LRV-base from 2024-12-01, ongoing. 4 weeks: 12-29.
const y3 = caseOf(3, 'winter', { on: '2024-12-01' });

describe.each(databaseKinds)('a spell crossing 1 August on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...y1.events, ...y2.events, ...y3.events], { now: '2025-01-10T12:00:00Z' })));
  afterAll(() => s.close());

  it('year 2023-2024: y1 is in LRV on its first day, y2 becomes LRV in August', async () => {
    const r = await s.year('2023-2024');
    expect(r.period.start).toBe('2023-08-01'); // school year bounds
    expect(r.period.end).toBe('2024-07-31');
    expect(r.period.stockOn).toBe('2024-07-31'); // the year has ended before today (2025-01-10)
    expect(r.metrics.lrv_begin).toBe(1); // y1 (LRV since 07-08) on 08-01; y2 reaches 4 weeks only on 08-17
    expect(r.metrics.lrv_totaal).toBe(2); // y1 08-01..10-15, y2 08-17..09-24
    expect(r.metrics.lrv_nieuw).toBe(1); // lrv_totaal − lrv_begin: y2
    expect(r.metrics.lrv_3m).toBe(1); // y1 reaches 3 months on 09-10; y2's spell ended before its mark 10-20
    expect(r.metrics.thuiszitters_totaal).toBe(2); // officieel: y1, y2
    expect(r.metrics.norm_overschreden_totaal).toBe(1); // y1 from 09-10 to 10-15, never covered
    // marks in the year: y1 09-10 (still at home, no plan: ✗) and y2 10-20 (back at school since 09-25: returned, ✓).
    // v2 counts a spell that ended before its mark; v1 left y2 out: 0/1
    expect(r.metrics.plan_binnen_3m_aandeel).toBe(0.5);
    expect(r.metrics.instroom_cases).toBe(0); // both cases opened before 08-01 (y3 in 2024-2025)
    expect(r.metrics.lrv).toBe(0); // on 2024-07-31 both are back at school
    expect(r.metrics.thuiszitters).toBe(0); // idem
  });

  it('previous (2022-2023): y1 in LRV from 07-08, y2 not yet (only 12 days in July)', async () => {
    const p = (await s.year('2023-2024')).previous!;
    expect(p.period.label).toBe('2022-2023'); // the previous school year
    expect(p.period.stockOn).toBe('2023-07-31'); // its last day
    expect(p.metrics.lrv).toBe(1); // y1 on 07-31 (since 07-08)
    expect(p.metrics.lrv_totaal).toBe(1); // y1 only: y2's 4 weeks fall on 08-17
    expect(p.metrics.lrv_begin).toBe(0); // nobody on 2022-08-01
    expect(p.metrics.lrv_nieuw).toBe(1); // y1
    expect(p.metrics.lrv_3m).toBe(0); // y1's mark 09-10 is in the next year
    expect(p.metrics.instroom_cases).toBe(2); // y1 opened 06-10, y2 07-20
    expect(p.metrics.norm_overschreden_totaal).toBe(0); // no 3-month mark reached by 07-31
    expect(p.metrics.plan_binnen_3m_aandeel).toBeNull(); // no mark in the year: denominator 0
  });

  it('the profiles see the July starts differently', async () => {
    const breed = await s.year('2023-2024', { profile: 'breed' });
    expect(breed.previous!.metrics.thuiszitters_totaal).toBe(1); // breed: THUIS-base lasting 4 weeks: y1 from 07-08; y2 from 08-17
    expect(breed.metrics.thuiszitters_totaal).toBe(2); // y1 and y2 in 2023-2024
    const leerrecht = await s.year('2023-2024', { profile: 'leerrecht' });
    expect(leerrecht.previous!.metrics.thuiszitters_totaal).toBe(2); // leerrecht counts THUIS-base from day one: both in July
    expect(leerrecht.previous!.metrics.verborgen_totaal).toBe(1); // y2: leerrecht in July, never officieel in 2022-2023
    expect(leerrecht.metrics.verborgen_totaal).toBe(0); // both counted by officieel in 2023-2024
  });

  it('monthly July/August 2023 around the turn of the year', async () => {
    const [jul, aug] = (await s.monthly('2023-07', '2023-08')).rows;
    expect(jul.metrics.lrv).toBe(1); // y1 on 07-31
    expect(jul.metrics.lrv_begin).toBe(0); // on 07-01 y1 has lasted 21 days
    expect(aug.metrics.lrv_begin).toBe(1); // y1 on 08-01
    expect(aug.metrics.lrv).toBe(2); // y1 and y2 on 08-31
    expect(aug.metrics.lrv_nieuw).toBe(1); // y2 from 08-17
  });

  it('the running year 2024-2025 stops at today (2025-01-10)', async () => {
    const r = await s.year('2024-2025');
    expect(r.period.stockOn).toBe('2025-01-10'); // stock figures on today, the year has not ended
    expect(r.metrics.lrv).toBe(1); // y3: 12-01 + 28 = 12-29 ≤ 01-10
    expect(r.metrics.thuiszitters).toBe(1); // y3
    expect(r.metrics.lrv_begin).toBe(0); // nobody on 2024-08-01
    expect(r.metrics.instroom_cases).toBe(1); // y3
    expect(r.metrics.overleg_maanden_verwacht).toBe(6); // Aug, Sep, Oct, Nov, Dec, Jan (up to today)
    expect(r.metrics.overleg_maanden).toBe(0); // no meetings at all
    expect(r.previous!.metrics.lrv_begin).toBe(1); // previous = 2023-2024: y1 on 2023-08-01
    expect(r.previous!.metrics.overleg_maanden_verwacht).toBe(12); // a whole past year
  });
});
