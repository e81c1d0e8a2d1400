// Golden scenario: a profile's norm spell is the run of days of its *base condition* (a union: AV or LRV-base),
// while LRV / breed's "4 weeks" run on the spell of their own condition. And a late registration that splits a
// spell in two restarts the official clocks (LRV, LRV > 3 months) but, v2, not the norm's: an interruption of at
// most normGapDays (14) is bridged. Hand-computed from metrics.md v2.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// T1: not enrolled (AV) 2023-09-04..10-15, enrolled from 10-16 (phase thuis, unauthorised): LRV-base from 10-16,
//     LRV from 11-13 (10-16 + 28), LRV-base 3 months 2024-01-16. The officieel base (AV or LRV-base) holds without a
//     break from 09-04: norm 2 months 11-04, 3 months 12-04. Not counted by officieel 10-16..11-12.
//     breed: AV, then THUIS-base from 10-16 (4 weeks 11-13); breed base spell from 09-04.
const T1 = caseOf(1, 'avdaninschr', { on: '2023-09-04', enrolled: false });
T1.add('EnrolmentChanged', { enrolled: true, effectiveOn: '2023-10-16' });
// T2: thuis, authorised from 2023-09-04; unauthorised from 2023-10-16. officieel: LRV-base from 10-16 (LRV 11-13,
//     2 months 12-16, 3 months 2024-01-16). breed: THUIS-base from 09-04 (4 weeks 10-02, 3 months 12-04).
const T2 = caseOf(2, 'geoorloofddanniet', { on: '2023-09-04', authorised: true });
T2.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-10-16' });
// T3: LRV-base from 2023-09-04. Registered late (2023-12-20): at school 10-23..10-29, at home again from 10-30.
//     As known before: one spell from 09-04 (LRV 10-02, 3 months 12-04). Now: LRV-base runs 09-04..10-22 (LRV
//     10-02..10-22) and from 10-30 (LRV 11-27, LRV-base 3 months 2024-01-30). The 7 days at school are bridged, so
//     the officieel and breed norm spells still run from 09-04 (2 months 11-04, mark 12-04): v1 restarted them on 10-30.
const T3 = caseOf(3, 'onderbroken', { on: '2023-09-04' });
T3.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-10-23' }, '2023-12-20T12:00:00.000Z');
T3.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-10-30' }, '2023-12-20T12:00:00.000Z');

describe.each(databaseKinds)('phase transitions and spells on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...T1.events, ...T2.events, ...T3.events], { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  const row = async (m: string, profile: 'officieel' | 'breed' | 'leerrecht' = 'officieel', asOf?: string) => (await s.monthly(m, m, { profile, asOf })).rows[0].metrics;

  it('September: geoorloofd_aandeel sees T2 (authorised) and T3; T1 is not enrolled', async () => {
    const m = await row('2023-09');
    expect(m.geoorloofd_aandeel).toBe(0.5); // denominator T2 (authorised), T3 (not): 1/2
    expect(m.thuiszitters).toBe(1); // T1 (AV); T3 reaches 4 weeks on 10-02
  });

  it('October 31: nobody is counted by officieel, though T1 has been out since 09-04', async () => {
    const m = await row('2023-10');
    expect(m.thuiszitters).toBe(0); // T1 LRV-base only 16 days (10-16..10-31); T2 idem; T3 new spell since 10-30
    expect(m.av).toBe(0); // T1 enrolled since 10-16
    expect(m.lrv).toBe(0); // see above
    expect(m.av_totaal).toBe(1); // T1 10-01..10-15
    expect(m.lrv_totaal).toBe(1); // T3 10-01..10-22 (LRV since 10-02 in its first spell)
    expect(m.thuiszitters_totaal).toBe(2); // T1 (AV), T3 (LRV)
    expect(m.lrv_begin).toBe(0); // on 10-01 T3 has lasted 27 days
    expect(m.geoorloofd_aandeel).toBe(0); // T1 (enrolled now, unauthorised), T2 (unauthorised since 10-16), T3 (thuis again): 0/3
    expect((await row('2023-10', 'breed')).thuiszitters).toBe(1); // T2 (THUIS-base since 09-04); T1's THUIS-base began 10-16, T3's 10-30
    expect((await row('2023-10', 'leerrecht')).thuiszitters).toBe(3); // T1, T2, T3
    expect(m.verborgen).toBe(3); // all three counted by leerrecht, none by officieel
  });

  it('October 31 as known on 2023-12-10: T3 still one spell', async () => {
    const m = await row('2023-10', 'officieel', '2023-12-10T12:00:00Z');
    expect(m.lrv).toBe(1); // T3 since 10-02
    expect(m.thuiszitters).toBe(1); // T3
  });

  it('November 30: the officieel norm spell of T1 runs from 09-04', async () => {
    const m = await row('2023-11');
    expect(m.lrv).toBe(3); // T1, T2 (11-13), T3 (10-30 + 28 = 11-27)
    expect(m.norm_dreigend).toBe(2); // T1 and T3: 11-04 ≤ 11-30 < 12-04 (v2: T3's norm spell bridges its 7 days at school; v1: 1); T2's spell from 10-16
    expect(m.norm_overschreden).toBe(0); // no 3-month mark yet
  });

  it('December 31, officieel and breed', async () => {
    const m = await row('2023-12');
    expect(m.norm_overschreden).toBe(2); // T1 and T3 (marks 12-04; v2: T3's norm spell runs from 09-04; v1: T1 only)
    expect(m.norm_dreigend).toBe(1); // T2 (12-16 ≤ 12-31 < 01-16) (v1: 2, with T3)
    expect(m.norm_overschreden_totaal).toBe(2); // T1, T3 (v1: 1)
    expect(m.lrv_3m).toBe(0); // LRV-base runs, not bridged: T1, T2 from 10-16 (3 months 01-16), T3 from 10-30
    expect(m.av_3m).toBe(0); // T1's AV spell ended 10-15
    expect(m.plan_binnen_3m_aandeel).toBe(0); // officieel marks in December: T1 and T3 on 12-04, both uncovered: 0/2 (v1: 0/1)
    const b = await row('2023-12', 'breed');
    expect(b.norm_overschreden).toBe(3); // T1, T2 and T3: breed spells from 09-04, marks 12-04 (v1: 2, T3's spell began 10-30)
    expect(b.norm_dreigend).toBe(0); // (v1: 1, T3)
  });

  it('December as known on 2023-12-10 (today): T3 over the norm in its old, unbroken spell', async () => {
    const m = await row('2023-12', 'officieel', '2023-12-10T12:00:00Z');
    expect(m.norm_overschreden).toBe(2); // T1 and T3 (both marks 12-04 ≤ 12-10)
    expect(m.norm_dreigend).toBe(0); // T2's 2-month mark 12-16 is after today
    expect(m.norm_overschreden_totaal).toBe(2); // T1, T3
  });

  it('January: the LRV-base spells reach 3 months', async () => {
    const m = await row('2024-01');
    expect(m.norm_overschreden).toBe(3); // T1, T2 (01-16), T3 (since 12-04)
    expect(m.lrv_3m).toBe(3); // T1 and T2 on 01-16, T3 on 01-30 (its LRV-base run from 10-30)
    expect(m.plan_binnen_3m_aandeel).toBe(0); // one mark: T2 01-16, uncovered: 0/1 (v1: 0/2, with T3's mark 01-30)
  });

  it('signals on 2023-12-31', async () => {
    const list = await s.signals('2023-12-31');
    // v2: T3's norm spell runs from 09-04 (7 days at school bridged): overschreden with T1 (v1: dreigend, from 10-30)
    expect(list.map((x) => x.caseId)).toEqual([T1.caseId, T3.caseId, T2.caseId]); // overschreden (equal days: by case id), then dreigend
    expect(list.map((x) => x.level)).toEqual(['overschreden', 'overschreden', 'dreigend']); // as norm_overschreden / norm_dreigend
    expect(list.map((x) => x.spellStart)).toEqual(['2023-09-04', '2023-09-04', '2023-10-16']); // s* of the officieel norm spells
    expect(list.map((x) => x.daysOut)).toEqual([119, 119, 77]); // s*..12-31 inclusive, T3's days at school included
    expect(list.map((x) => x.normOn)).toEqual(['2023-12-04', '2023-12-04', '2024-01-16']); // the marks: s* + 3 months
  });
});
