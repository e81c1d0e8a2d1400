// Golden scenario: scope filters (gemeente, swv, both) keep the cases of that gemeente/swv (by their CaseOpened);
// GM0344 lies in two samenwerkingsverbanden and one child has a case under each: counted once regionally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

// All from 2023-09-04 unless said: LRV-base → LRV from 10-02, 3 months 12-04.
const k1 = caseOf(1, 'kindeen', { on: '2023-09-04', gemeente: 'GM0344', swv: 'PO2601' });
const k2 = caseOf(2, 'kindtwee', { on: '2023-09-04', gemeente: 'GM0344', swv: 'PO2602' });
const k3 = caseOf(3, 'kinddrie', { on: '2023-09-04', gemeente: 'GM0363', swv: 'PO2601', enrolled: false }); // AV
// The child "gedeeld": a case under PO2601 and, from 2023-09-11 (LRV 10-09, 3 months 12-11), one under PO2602, both in GM0344.
const sa = caseOf(4, 'gedeeld', { on: '2023-09-04', gemeente: 'GM0344', swv: 'PO2601' });
const sb = caseOf(5, 'gedeeld', { on: '2023-09-11', gemeente: 'GM0344', swv: 'PO2602' });

describe.each(databaseKinds)('scope filtering on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...k1.events, ...k2.events, ...k3.events, ...sa.events, ...sb.events], { now: '2024-06-01T12:00:00Z' })));
  afterAll(() => s.close());

  const october = async (scope: { gemeente?: string; swv?: string }) => (await s.monthly('2023-09', '2023-10', { scope })).rows;

  it('the whole region counts the shared child once', async () => {
    const [sep, oct] = await october({});
    expect(sep.metrics.instroom_cases).toBe(5); // five cases opened
    expect(sep.metrics.av).toBe(1); // k3 on 09-30
    expect(sep.metrics.lrv).toBe(0); // LRV starts 10-02 at the earliest
    expect(oct.metrics.thuiszitters).toBe(4); // k1, k2, k3, gedeeld (once, though in two cases)
    expect(oct.metrics.lrv).toBe(3); // k1, k2, gedeeld
    expect(oct.metrics.av).toBe(1); // k3
    expect(oct.metrics.thuiszitters_totaal).toBe(4); // idem over October
  });

  it('gemeente GM0344 (in PO2601 and PO2602) counts the shared child once too', async () => {
    const [sep, oct] = await october({ gemeente: 'GM0344' });
    expect(sep.metrics.instroom_cases).toBe(4); // k1, k2, sa, sb
    expect(oct.metrics.thuiszitters).toBe(3); // k1, k2, gedeeld
    expect(oct.metrics.av).toBe(0); // k3 is in GM0363
  });

  it('gemeente GM0363', async () => {
    const [sep, oct] = await october({ gemeente: 'GM0363' });
    expect(sep.metrics.instroom_cases).toBe(1); // k3
    expect(oct.metrics.thuiszitters).toBe(1); // k3 (AV)
    expect(oct.metrics.lrv).toBe(0); // none
  });

  it('swv PO2601 and swv PO2602 each see the shared child through their own case', async () => {
    const [sep1, oct1] = await october({ swv: 'PO2601' });
    expect(sep1.metrics.instroom_cases).toBe(3); // k1, k3, sa
    expect(oct1.metrics.thuiszitters).toBe(3); // k1, k3, gedeeld (via sa)
    expect(oct1.metrics.lrv).toBe(2); // k1, gedeeld
    const [sep2, oct2] = await october({ swv: 'PO2602' });
    expect(sep2.metrics.instroom_cases).toBe(2); // k2, sb
    expect(oct2.metrics.thuiszitters).toBe(2); // k2, gedeeld (via sb, LRV since 10-09)
  });

  it('gemeente and swv together keep the cases that match both', async () => {
    const [sep, oct] = await october({ gemeente: 'GM0344', swv: 'PO2601' });
    expect(sep.metrics.instroom_cases).toBe(2); // k1, sa
    expect(oct.metrics.thuiszitters).toBe(2); // k1, gedeeld
    expect(oct.metrics.av).toBe(0); // k3 is GM0363
    const [sepNone, octNone] = await october({ gemeente: 'GM0363', swv: 'PO2602' });
    expect(sepNone.metrics.instroom_cases).toBe(0); // no case in GM0363 and PO2602
    expect(octNone.metrics.thuiszitters).toBe(0); // idem
  });

  it('December: the norm per scope, the shared child once', async () => {
    const [dec] = (await s.monthly('2023-12', '2023-12')).rows;
    expect(dec.metrics.norm_overschreden).toBe(4); // k1, k2, k3 (12-04), gedeeld (12-04 via sa, 12-11 via sb), once
    const [decGm] = (await s.monthly('2023-12', '2023-12', { scope: { gemeente: 'GM0344' } })).rows;
    expect(decGm.metrics.norm_overschreden).toBe(3); // k1, k2, gedeeld
    const year = await s.year('2023-2024', { scope: { swv: 'PO2602' } });
    expect(year.metrics.thuiszitters_totaal).toBe(2); // k2, gedeeld
    expect((await s.year('2023-2024')).metrics.thuiszitters_totaal).toBe(4); // k1, k2, k3, gedeeld
  });

  it('the signal list is per case and follows the scope', async () => {
    const all = await s.signals('2023-12-31');
    expect(all).toHaveLength(5); // five open cases whose spells have lasted 4 weeks (signals are cases, not children)
    const list = await s.signals('2023-12-31', { scope: { swv: 'PO2602' } });
    expect(list.map((x) => x.caseId)).toEqual([k2.caseId, sb.caseId]); // both overschreden; k2 more days out
    expect(list.map((x) => x.daysOut)).toEqual([119, 112]); // 09-04..12-31 = 119 days; 09-11..12-31 = 112 days
    expect(list.map((x) => x.level)).toEqual(['overschreden', 'overschreden']); // marks 12-04 and 12-11, no plan
  });
});
