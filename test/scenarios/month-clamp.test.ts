// Golden scenario: the end-of-month clamp of "N months" (metrics.md, Time) and the 2-/3-month marks to the day.
// Expected figures are computed by hand from metrics.md; "today" is moved with asOf to the day before a mark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// c1: enrolled, thuis, unauthorised from 2023-11-30 (LRV-base). 4 weeks: 12-28. 2 months: 2024-01-30.
//     3 months: addMonths(2023-11-30, 3) = 2024-02-30 → clamped to 2024-02-29 (leap year).
const c1 = caseOf(1, 'clampnov', { on: '2023-11-30' });
// c2: not enrolled (AV) from 2024-01-31. 4 weeks: 02-28. 2 months: 2024-03-31. 3 months: 2024-04-31 → 2024-04-30.
const c2 = caseOf(2, 'clampjan', { on: '2024-01-31', enrolled: false });
// c3: LRV-base from 2024-02-01. 4 weeks: 02-29 (month end). 2 months: 04-01. 3 months: 05-01.
const c3 = caseOf(3, 'vierweken', { on: '2024-02-01' });

describe.each(databaseKinds)('end-of-month clamp on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...c1.events, ...c2.events, ...c3.events], { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  it('January: c1 passes its 2-month mark on 01-30 (dreigend), c2 counts from its first day', async () => {
    const [jan] = (await s.monthly('2024-01', '2024-01')).rows;
    expect(jan.stockOn).toBe('2024-01-31'); // a month's stock day is its last day
    expect(jan.metrics.thuiszitters).toBe(2); // c1 LRV (since 12-28) + c2 AV (counts from day one); c3 not open yet
    expect(jan.metrics.norm_dreigend).toBe(1); // c1: 01-30 ≤ 01-31 < 02-29; c2: 2-month mark 03-31 not reached
    expect(jan.metrics.norm_overschreden).toBe(0); // nobody at 3 months yet
    expect(jan.metrics.plan_binnen_3m_aandeel).toBeNull(); // no norm spell reaches its 3-month mark in January: 0 denominator
  });

  it('February: c1 reaches 3 months on 02-29 (clamped), c3 reaches 4 weeks on 02-29', async () => {
    const [feb] = (await s.monthly('2024-02', '2024-02')).rows;
    expect(feb.stockOn).toBe('2024-02-29'); // leap year month end
    expect(feb.metrics.norm_overschreden).toBe(1); // c1: 02-29 ≥ addMonths(11-30, 3) = 02-29, not covered
    expect(feb.metrics.norm_dreigend).toBe(0); // c1 is past 3 months; c2's 2-month mark is 03-31; c3's 04-01
    expect(feb.metrics.norm_overschreden_totaal).toBe(1); // c1 on 02-29 only
    expect(feb.metrics.lrv_3m).toBe(1); // c1's LRV-base spell lasts 3 months on 02-29
    expect(feb.metrics.plan_binnen_3m_aandeel).toBe(0); // one mark in Feb (c1, 02-29), never covered: 0/1
    expect(feb.metrics.lrv).toBe(2); // c1, and c3 whose 4 weeks (02-01 + 28) fall exactly on 02-29
    expect(feb.metrics.lrv_begin).toBe(1); // on 02-01 only c1 is in LRV
    expect(feb.metrics.lrv_totaal).toBe(2); // c1 and c3
    expect(feb.metrics.lrv_nieuw).toBe(1); // c3
    expect(feb.metrics.thuiszitters).toBe(3); // c1, c2 (AV), c3
  });

  it('February as known on 02-28: the day before both marks nothing has happened yet', async () => {
    const [feb] = (await s.monthly('2024-02', '2024-02', { asOf: '2024-02-28T12:00:00Z' })).rows;
    expect(feb.stockOn).toBe('2024-02-28'); // the period stops at today (the date of asOf)
    expect(feb.metrics.norm_overschreden).toBe(0); // c1: 02-28 < 02-29
    expect(feb.metrics.norm_dreigend).toBe(1); // c1: 01-30 ≤ 02-28 < 02-29
    expect(feb.metrics.norm_overschreden_totaal).toBe(0); // no day of 02-01..02-28 is past c1's 3-month mark
    expect(feb.metrics.lrv_3m).toBe(0); // idem
    expect(feb.metrics.plan_binnen_3m_aandeel).toBeNull(); // c1's mark 02-29 lies after today: no mark in the period
    expect(feb.metrics.lrv).toBe(1); // c1 only; c3 has lasted 27 days (02-28 < 02-29)
    expect(feb.metrics.thuiszitters).toBe(2); // c1, c2
  });

  it('March: c2 reaches 2 months on 03-31, not on 03-30', async () => {
    const [mar] = (await s.monthly('2024-03', '2024-03')).rows;
    expect(mar.metrics.norm_dreigend).toBe(1); // c2: addMonths(01-31, 2) = 03-31 ≤ 03-31; c3: 04-01 > 03-31
    expect(mar.metrics.norm_overschreden).toBe(1); // c1
    expect(mar.metrics.plan_binnen_3m_aandeel).toBeNull(); // no 3-month marks in March
    const [early] = (await s.monthly('2024-03', '2024-03', { asOf: '2024-03-30T12:00:00Z' })).rows;
    expect(early.metrics.norm_dreigend).toBe(0); // c2: 03-30 < 03-31; c3 not yet
    expect(early.metrics.norm_overschreden).toBe(1); // c1
  });

  it('April: c2 reaches 3 months on 04-30 (clamped from 04-31), c3 passes 2 months on 04-01', async () => {
    const [apr] = (await s.monthly('2024-04', '2024-04')).rows;
    expect(apr.metrics.norm_overschreden).toBe(2); // c1, and c2 on 04-30
    expect(apr.metrics.norm_dreigend).toBe(1); // c3: 04-01 ≤ 04-30 < 05-01; c2 moved on to overschreden
    expect(apr.metrics.av_3m).toBe(1); // c2's AV spell lasts 3 months on 04-30
    expect(apr.metrics.plan_binnen_3m_aandeel).toBe(0); // c2's mark 04-30, uncovered: 0/1
    const [early] = (await s.monthly('2024-04', '2024-04', { asOf: '2024-04-29T12:00:00Z' })).rows;
    expect(early.metrics.norm_overschreden).toBe(1); // c1 only: c2 at 04-29 < 04-30
    expect(early.metrics.norm_dreigend).toBe(2); // c2 (03-31 ≤ 04-29 < 04-30) and c3 (04-01 ≤ 04-29)
    expect(early.metrics.av_3m).toBe(0); // c2 not yet 3 months on any day up to 04-29
  });

  it('today is the Amsterdam date of asOf', async () => {
    // 2024-02-28T23:30Z is 00:30 on 02-29 in Amsterdam (CET, UTC+1): today is 02-29
    const [feb] = (await s.monthly('2024-02', '2024-02', { asOf: '2024-02-28T23:30:00Z' })).rows;
    expect(feb.stockOn).toBe('2024-02-29'); // Amsterdam date
    expect(feb.metrics.norm_overschreden).toBe(1); // c1 on 02-29
    // 2024-04-29T22:30Z is 00:30 on 04-30 in Amsterdam (CEST, UTC+2): today is 04-30
    const [apr] = (await s.monthly('2024-04', '2024-04', { asOf: '2024-04-29T22:30:00Z' })).rows;
    expect(apr.stockOn).toBe('2024-04-30'); // Amsterdam date
    expect(apr.metrics.norm_overschreden).toBe(2); // c1, c2 (04-30)
  });

  it('signal list on 2024-02-29: normOn shows the clamped marks', async () => {
    const list = await s.signals('2024-02-29');
    expect(list.map((x) => x.caseId)).toEqual([c1.caseId, c2.caseId, c3.caseId]); // c1 overschreden first; then in_beeld by days out: c2 30, c3 29
    // c1 at 3 months; c2, c3 under 2 months (interface.md v2 names that level in_beeld; v1: aandacht)
    expect(list.map((x) => x.level)).toEqual(['overschreden', 'in_beeld', 'in_beeld']);
    expect(list.map((x) => x.normOn)).toEqual(['2024-02-29', '2024-04-30', '2024-05-01']); // addMonths(s, 3) clamped
    expect(list.map((x) => x.daysOut)).toEqual([92, 30, 29]); // 11-30..02-29 = 92 days; 01-31..02-29 = 30; 02-01..02-29 = 29
  });
});
