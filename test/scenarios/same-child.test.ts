// Golden scenario: one child (one childRef) in several cases is counted once; `instroom_cases` counts cases;
// `herhaald` links a new case to an earlier closed case of the same child within 365 days. Hand-computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// Child "dubbel" in two simultaneous cases: d1 in GM0344 from 2023-09-04 (LRV 10-02), d2 in GM0363 from 2023-09-18 (LRV 10-16).
const d1 = caseOf(1, 'dubbel', { on: '2023-09-04', gemeente: 'GM0344' });
const d2 = caseOf(2, 'dubbel', { on: '2023-09-18', gemeente: 'GM0363' });
d1.add('Escalated', { level: 'actietafel', effectiveOn: '2023-10-05' });
d1.add('EnforcementRecorded', { measure: 'waarschuwing', effectiveOn: '2023-10-10' });
d2.add('Escalated', { level: 'bestuurlijk', effectiveOn: '2023-10-20' });
d2.add('EnforcementRecorded', { measure: 'proces_verbaal', effectiveOn: '2023-10-25' });
// Child "herhaaly": closed 2023-03-01 (GM0344), new case 2024-02-29 (GM0363): 2024-02-29 − 365 days = 2023-03-01 → herhaald.
const h1a = caseOf(3, 'herhaaly', { on: '2022-10-03', gemeente: 'GM0344' });
h1a.add('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2023-03-01' });
const h1b = caseOf(4, 'herhaaly', { on: '2024-02-29', gemeente: 'GM0363' });
// Child "herhaalz": closed 2023-02-28, new case 2024-02-29: 366 days → not herhaald.
const h2a = caseOf(5, 'herhaalz', { on: '2022-10-03' });
h2a.add('CaseClosed', { outcome: 'overig', effectiveOn: '2023-02-28' });
const h2b = caseOf(6, 'herhaalz', { on: '2024-02-29' });
// Child "herhaalw": case from 2024-01-08 closed 2024-03-15, new case the same day 2024-03-15 → herhaald.
const h3a = caseOf(7, 'herhaalw', { on: '2024-01-08' });
h3a.add('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2024-03-15' });
const h3b = caseOf(8, 'herhaalw', { on: '2024-03-15' });
// Child "eenmalig": a first case on 2024-02-12 (LRV 03-11).
const h4 = caseOf(9, 'eenmalig', { on: '2024-02-12' });
// Child "overlap": case from 2024-01-08 (LRV 02-05); a second case opened 2024-03-01 (LRV 03-29) while the first is
// still open; the first closes on 2024-03-10 — after the second opened, so not herhaald.
const o1 = caseOf(10, 'overlap', { on: '2024-01-08' });
const o2 = caseOf(11, 'overlap', { on: '2024-03-01' });
o1.add('CaseClosed', { outcome: 'overig', effectiveOn: '2024-03-10' });

const all = [d1, d2, h1a, h1b, h2a, h2b, h3a, h3b, h4, o1, o2].flatMap((c) => c.events);

describe.each(databaseKinds)('the same child in several cases on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, all, { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  it('two simultaneous cases of one child count as one child, two cases', async () => {
    const [sep, oct] = (await s.monthly('2023-09', '2023-10')).rows;
    expect(sep.metrics.instroom_cases).toBe(2); // d1 and d2 are two cases
    expect(sep.metrics.thuiszitters).toBe(0); // on 09-30 neither case has lasted 4 weeks (d1: 10-02)
    expect(oct.metrics.lrv).toBe(1); // child dubbel, in LRV through d1 (and d2 from 10-16), once
    expect(oct.metrics.thuiszitters).toBe(1); // idem
    expect(oct.metrics.lrv_totaal).toBe(1); // idem over the month
    expect(oct.metrics.thuiszitters_totaal).toBe(1); // idem
    const [dec] = (await s.monthly('2023-12', '2023-12')).rows;
    expect(dec.metrics.norm_overschreden).toBe(1); // dubbel past 3 months in both cases (12-04, 12-18), counted once
    const gm0363 = (await s.monthly('2023-10', '2023-10', { scope: { gemeente: 'GM0363' } })).rows[0];
    expect(gm0363.metrics.lrv).toBe(1); // in scope GM0363 only d2 exists: LRV since 10-16
  });

  it('escalations count events, drang_dwang counts children', async () => {
    const [oct] = (await s.monthly('2023-10', '2023-10')).rows;
    expect(oct.metrics.escalaties_cases).toBe(2); // d1 actietafel 10-05, d2 bestuurlijk 10-20
    expect(oct.metrics.escalaties_actietafel_cases).toBe(1); // d1
    expect(oct.metrics.escalaties_bestuurlijk_cases).toBe(1); // d2
    expect(oct.metrics.drang_dwang).toBe(1); // two measures, one child
    const [gm] = (await s.monthly('2023-10', '2023-10', { scope: { gemeente: 'GM0363' } })).rows;
    expect(gm.metrics.escalaties_cases).toBe(1); // d2
    expect(gm.metrics.drang_dwang).toBe(1); // d2's proces-verbaal
    const [nov] = (await s.monthly('2023-11', '2023-11')).rows;
    expect(nov.metrics.escalaties_cases).toBe(0); // none in November
    expect(nov.metrics.drang_dwang).toBe(0); // idem
  });

  it('February 2024: a case opened exactly 365 days after the previous one closed is herhaald, 366 days is not', async () => {
    const [feb] = (await s.monthly('2024-02', '2024-02')).rows;
    expect(feb.metrics.instroom_cases).toBe(3); // h1b, h2b (02-29), h4 (02-12)
    expect(feb.metrics.herhaald).toBe(1); // herhaaly (closed 2023-03-01 = opening − 365); herhaalz closed 366 days before
    expect(feb.metrics.lrv).toBe(3); // dubbel; herhaalw and overlap (since 01-08, 4 weeks 02-05); h4 only 02-12+28 = 03-11
  });

  it('March 2024: closed and reopened on the same day is herhaald', async () => {
    const [mar] = (await s.monthly('2024-03', '2024-03')).rows;
    expect(mar.metrics.instroom_cases).toBe(2); // h3b, o2
    expect(mar.metrics.uitstroom_cases).toBe(2); // h3a, o1
    expect(mar.metrics.herhaald).toBe(1); // herhaalw: closing 03-15 lies in [opening − 365, opening]; overlap's o1 closed after o2 opened
    expect(mar.metrics.lrv).toBe(5); // on 03-31: dubbel, herhaaly (02-29+28 = 03-28), herhaalz (03-28), eenmalig (03-11), overlap (o2: 03-29); herhaalw's new spell 03-15 < 4 weeks
  });

  it('the year counts children once and cases each', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.instroom_cases).toBe(9); // d1, d2, h1b, h2b, h3a, h3b, h4, o1, o2
    expect(r.metrics.uitstroom_cases).toBe(2); // h3a, o1 (h1a and h2a closed in 2022-2023)
    expect(r.metrics.herhaald).toBe(2); // herhaaly, herhaalw (not overlap)
    expect(r.metrics.thuiszitters_totaal).toBe(6); // dubbel, herhaaly, herhaalz, herhaalw, eenmalig, overlap (each once)
    expect(r.metrics.lrv_totaal).toBe(6); // idem
    expect(r.previous!.metrics.instroom_cases).toBe(2); // h1a, h2a
    expect(r.previous!.metrics.uitstroom_cases).toBe(2); // h1a (2023-03-01), h2a (2023-02-28)
    expect(r.previous!.metrics.herhaald).toBe(0); // no earlier cases
    expect(r.previous!.metrics.thuiszitters_totaal).toBe(2); // herhaaly, herhaalz (LRV from 2022-10-31)
  });

  it('herhaald needs the earlier case in scope too', async () => {
    const gm0363 = await s.year('2023-2024', { scope: { gemeente: 'GM0363' } });
    expect(gm0363.metrics.herhaald).toBe(0); // herhaaly's new case is in GM0363, its earlier case in GM0344
    expect(gm0363.metrics.instroom_cases).toBe(2); // d2, h1b
    const gm0344 = await s.year('2023-2024', { scope: { gemeente: 'GM0344' } });
    expect(gm0344.metrics.herhaald).toBe(1); // herhaalw (both cases in GM0344); herhaaly's new case is outside the scope
  });
});
