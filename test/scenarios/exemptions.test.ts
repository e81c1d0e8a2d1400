// Golden scenario: exemption 5a (counts in vrijstelling_5a, breed, leerrecht, not officieel) versus 5b (outside
// every count); `until` is the last day of the exemption. Hand-computed from metrics.md.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// x1: not enrolled from 2023-09-04 (AV); 5a from 2023-10-02 until 2024-01-31 (V5A), AV again from 2024-02-01.
//     officieel spells: 09-04..10-01 and from 02-01 (2 months 04-01, 3 months 05-01);
//     breed/leerrecht: one spell from 09-04 (AV → V5A → AV), 3 months 12-04.
const x1 = caseOf(1, 'vrijstellinga', { on: '2023-09-04', enrolled: false });
x1.add('ExemptionGranted', { article: '5a', effectiveOn: '2023-10-02', until: '2024-01-31' });
// x2: enrolled, thuis, unauthorised from 2023-09-04 (LRV-base); 5b from 2023-10-02 — the very day it would have
//     reached 4 weeks (09-04 + 28 = 10-02), so it never is LRV.
const x2 = caseOf(2, 'vrijstellingb', { on: '2023-09-04' });
x2.add('ExemptionGranted', { article: '5b', effectiveOn: '2023-10-02' });
// x3: enrolled, thuis, unauthorised from 2023-09-04; 5a from 2023-09-18, ended (ExemptionEnded) 2023-11-13.
//     LRV-base 09-04..09-17 and from 11-13 (LRV 12-11, 2 months 01-13, 3 months 02-13); V5A 09-18..11-12.
//     breed/leerrecht base spell from 09-04 without a break (3 months 12-04); breed's THUIS-base-4-weeks only from 12-11.
const x3 = caseOf(3, 'vrijstellingc', { on: '2023-09-04' });
x3.add('ExemptionGranted', { article: '5a', effectiveOn: '2023-09-18' });
x3.add('ExemptionEnded', { effectiveOn: '2023-11-13' });

describe.each(databaseKinds)('exemptions 5a and 5b on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...x1.events, ...x2.events, ...x3.events], { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  const row = async (m: string, profile: 'officieel' | 'breed' | 'leerrecht' = 'officieel') => (await s.monthly(m, m, { profile })).rows[0].metrics;

  it('September: x1 in AV, x2 at home but not yet 4 weeks, x3 exempted (5a)', async () => {
    const m = await row('2023-09');
    expect(m.av).toBe(1); // x1
    expect(m.lrv).toBe(0); // x2 only from 10-02, which never comes; x3's LRV-base lasted 14 days
    expect(m.vrijstelling_5a).toBe(1); // x3
    expect(m.thuiszitters).toBe(1); // officieel: x1
    expect((await row('2023-09', 'breed')).thuiszitters).toBe(2); // x1 (AV), x3 (V5A); x2's THUIS-base not 4 weeks by 09-30
    expect((await row('2023-09', 'leerrecht')).thuiszitters).toBe(3); // x1, x2, x3
    expect(m.verborgen).toBe(2); // x2, x3
    expect(m.verborgen_aandeel).toBe(0.6667); // 2/3
    expect(m.geoorloofd_aandeel).toBe(0); // denominator x2 only (x3 has an exemption), unauthorised: 0/1
  });

  it('October: 5a counts in vrijstelling_5a, breed and leerrecht; 5b in nothing', async () => {
    const m = await row('2023-10');
    expect(m.av).toBe(0); // x1 has an exemption
    expect(m.vrijstelling_5a).toBe(2); // x1, x3
    expect(m.thuiszitters).toBe(0); // officieel: x1, x3 V5A, x2 5b
    expect((await row('2023-10', 'breed')).thuiszitters).toBe(2); // x1, x3 (V5A)
    expect((await row('2023-10', 'leerrecht')).thuiszitters).toBe(2); // x1, x3; x2 (5b) is outside every count
    expect(m.verborgen).toBe(2); // x1, x3
    expect(m.verborgen_aandeel).toBe(1); // 2/2
    expect(m.geoorloofd_aandeel).toBeNull(); // x2, x3 have an exemption, x1 not enrolled: empty denominator
    expect(m.lrv_totaal).toBe(0); // x2 never reached 4 weeks; x3 exempted
    expect(m.thuiszitters_totaal).toBe(1); // x1 (AV on 10-01)
    expect(m.av_totaal).toBe(1); // x1 on 10-01
    expect(m.verborgen_totaal).toBe(2); // x2 (leerrecht on 10-01, officieel never), x3; x1 was officieel on 10-01
  });

  it('November: after ExemptionEnded x3 is back at home, but its LRV and breed clocks restart', async () => {
    const m = await row('2023-11');
    expect(m.vrijstelling_5a).toBe(1); // x1; x3's exemption ended 11-13
    expect(m.thuiszitters).toBe(0); // x3's LRV-base since 11-13 has lasted 17 days
    expect((await row('2023-11', 'breed')).thuiszitters).toBe(1); // x1 (V5A); x3's THUIS-base since 11-13 < 4 weeks
    expect((await row('2023-11', 'leerrecht')).thuiszitters).toBe(2); // x1, x3
    expect(m.geoorloofd_aandeel).toBe(0); // x3 (enrolled, no exemption, thuis, unauthorised): 0/1
  });

  it('December: the norm runs on for breed, not for officieel', async () => {
    const m = await row('2023-12');
    expect(m.thuiszitters).toBe(1); // x3 (LRV since 12-11)
    expect(m.norm_overschreden).toBe(0); // officieel does not count x1; x3's LRV-base spell from 11-13
    expect(m.norm_dreigend).toBe(0); // x3: 2 months on 01-13
    expect((await row('2023-12', 'breed')).norm_overschreden).toBe(2); // x1 and x3: breed spells from 09-04, marks 12-04; x3 counted again from 12-11
    expect((await row('2023-12', 'leerrecht')).norm_overschreden).toBe(2); // idem
  });

  it('until is the last day: V5A on 2024-01-31, AV from 2024-02-01', async () => {
    const jan = await row('2024-01');
    expect(jan.vrijstelling_5a).toBe(1); // x1 on 01-31 (the until day)
    expect(jan.av).toBe(0); // idem
    const feb = await row('2024-02');
    expect(feb.vrijstelling_5a).toBe(0); // lapsed on 02-01
    expect(feb.av).toBe(1); // x1
    expect(feb.thuiszitters).toBe(2); // x1 (AV), x3 (LRV)
    expect(feb.norm_dreigend).toBe(0); // x1's officieel spell starts anew on 02-01 (2 months 04-01); x3 past 3 months
    expect(feb.norm_overschreden).toBe(1); // x3 (02-13)
    expect((await row('2024-02', 'breed')).norm_overschreden).toBe(2); // x1's breed spell continues from 09-04; x3
    const apr = await row('2024-04');
    expect(apr.norm_dreigend).toBe(1); // x1: 04-01 ≤ 04-30 < 05-01
    expect(apr.norm_overschreden).toBe(1); // x3
  });

  it('the year', async () => {
    const r = await s.year('2023-2024');
    expect(r.period.stockOn).toBe('2024-06-01'); // the year has not ended: today
    expect(r.metrics.thuiszitters_totaal).toBe(2); // x1, x3 (from 12-11)
    expect(r.metrics.verborgen_totaal).toBe(1); // x2; x3 is officieel from 12-11
    expect(r.metrics.vrijstelling_5a).toBe(0); // on 2024-06-01 x1 is back in AV
    expect(r.metrics.av).toBe(1); // x1
    expect((await s.year('2023-2024', { profile: 'leerrecht' })).metrics.thuiszitters_totaal).toBe(3); // x1, x2 (September), x3
    expect((await s.year('2023-2024', { profile: 'breed' })).metrics.thuiszitters_totaal).toBe(2); // x1, x3; x2 never 4 weeks
  });
});
