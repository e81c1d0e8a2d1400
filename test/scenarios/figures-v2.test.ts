// Golden scenarios for each change of metrics.md v2 ("What changed from v1"), hand-computed, a reason per figure:
// a plan that expires and is reviewed, an offer that breaks off, an offer of an earlier spell, interruptions of 10
// (joined) and 20 days (not joined), re-enrolment while at home, the cohort of the `_binnen_3m_` shares (a quick
// return, a move, an age-out, a return within the gap), exemptions per article, meetings through SWV membership, a
// retracted meeting, the pause months, the two-monthly blocks, the verdicts, and the region's time rules.
import type { PactEvent } from '@pact/events';
import { DEFAULT_CONFIG, monthlyReport, Projector, signalList, yearReport } from '@pact/projections';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { caseOf, openScenario, type Scenario } from '../support/scenario.ts';

const NOW = '2024-08-15T12:00:00Z';
const month = async (s: Scenario, m: string, args: Parameters<Scenario['monthly']>[2] = {}) => (await s.monthly(m, m, args)).rows[0];

// --- 1. plans and offers --------------------------------------------------------------------------------------
// A: at home (unauthorised) from 2023-09-04 (2 months 11-04, mark 12-04). Plan 09-20 with review 11-30, not reviewed
//    in time: verlopen 12-01..01-14; reviewed 01-15 (next review 04-15); verlopen again from 04-16; closed 05-31.
const A = caseOf(1, 'planverloopt', { on: '2023-09-04' });
A.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2023-11-30', effectiveOn: '2023-09-20' });
A.add('PlanReviewed', { nextReviewOn: '2024-04-15', effectiveOn: '2024-01-15' });
A.add('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2024-05-31' });
// B: at home from 2023-09-04 (mark 12-04). An offer 11-01 breaks off on 2024-01-10: without aanbod again from then.
const B = caseOf(2, 'aanbodstopt', { on: '2023-09-04' });
B.add('OfferStarted', { offerKind: 'maatwerk', effectiveOn: '2023-11-01' });
B.add('OfferEnded', { outcome: 'afgebroken', effectiveOn: '2024-01-10' });
// C: at home 2023-09-04..10-01 with an offer from 09-25 (still running, never ended); at school 10-02..10-22 (20 days,
//    more than normGapDays 14); at home again from 10-23: a new norm spell (4 weeks 11-20, 2 months 12-23, mark
//    2024-01-23) in which the old offer is no aanbod. The first spell's mark (12-04) finds C back: returned.
const C = caseOf(3, 'aanbodoud', { on: '2023-09-04' });
C.add('OfferStarted', { offerKind: 'regulier', effectiveOn: '2023-09-25' });
C.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-10-02' });
C.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-10-23' });

describe.each(databaseKinds)('figures v2: plans and offers on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...A.events, ...B.events, ...C.events], { now: NOW })));
  afterAll(() => s.close());

  it('November: A is dreigend although it has a valid plan (a plan is no aanbod); B has an aanbod', async () => {
    const nov = (await month(s, '2023-11')).metrics;
    expect(nov.norm_dreigend).toBe(1); // A (11-04 ≤ 11-30 < 12-04); B has an aanbod since 11-01; C's spell began 10-23
    expect(nov.norm_overschreden).toBe(0); // no mark before 12-04
    expect(nov.plan_verlopen).toBe(0); // A's plan is valid through 11-30
  });

  it('December: A over the norm, and without a plan, its review date passed', async () => {
    const dec = await month(s, '2023-12');
    expect(dec.metrics.norm_overschreden).toBe(1); // A; B has an aanbod; C's mark is 01-23
    expect(dec.metrics.norm_zonder_plan).toBe(1); // A: plan verlopen since 12-01
    expect(dec.metrics.plan_verlopen).toBe(1); // A
    expect(dec.metrics.norm_dreigend).toBe(1); // C (12-23 ≤ 12-31 < 01-23)
    expect(dec.metrics.norm_overschreden_totaal).toBe(1); // A from 12-04
    expect(dec.metrics.norm_zonder_plan_totaal).toBe(1); // A from 12-04
    // marks 12-04: A (valid plan 09-20..11-30 before it: plan ✓, aanbod ✗), B (aanbod from 11-01 ✓ ✓), C's first spell
    // (not at home on 12-04: returned ✓ ✓)
    expect(dec.metrics.plan_binnen_3m_aandeel).toBe(1);
    expect(dec.metrics.aanbod_binnen_3m_aandeel).toBe(0.6667); // 2/3
    expect(dec.verdicts).toMatchObject({ norm_overschreden_totaal: 'niet_gehaald', norm_zonder_plan_totaal: 'niet_gehaald', norm_overschreden: 'niet_gehaald' });
  });

  it('January: the review makes A’s plan valid again; B’s offer broke off; C’s old offer does not count', async () => {
    const jan = (await month(s, '2024-01')).metrics;
    expect(jan.norm_overschreden).toBe(3); // A (a plan is no aanbod), B (from 01-10), C (from 01-23)
    expect(jan.norm_zonder_plan).toBe(2); // B, C; A's plan is valid from its review 01-15 to 04-15
    expect(jan.plan_verlopen).toBe(0); // A reviewed
    expect(jan.norm_overschreden_totaal).toBe(3); // A, B, C
    expect(jan.norm_zonder_plan_totaal).toBe(3); // A (01-01..01-14), B (01-10..), C (01-23..)
    expect(jan.plan_binnen_3m_aandeel).toBe(0); // one mark: C's second spell on 01-23, no plan, no aanbod in it: 0/1
  });

  it('April: A’s plan expires again after its next review date', async () => {
    const apr = (await month(s, '2024-04')).metrics;
    expect(apr.plan_verlopen).toBe(1); // A since 04-16
    expect(apr.norm_zonder_plan).toBe(3); // A, B, C
  });

  it('the year: ever over the norm is the verdict, not the stock on 31 July', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.norm_overschreden).toBe(2); // on 07-31: B, C (A closed 05-31)
    expect(r.metrics.norm_overschreden_totaal).toBe(3); // A, B, C
    expect(r.metrics.norm_zonder_plan_totaal).toBe(3); // A, B, C
    expect(r.metrics.plan_binnen_3m_aandeel).toBe(0.75); // marks A ✓, B ✓, C (1st) ✓, C (2nd) ✗: 3/4
    expect(r.metrics.aanbod_binnen_3m_aandeel).toBe(0.5); // B, C (1st): 2/4
    expect(r.verdicts).toMatchObject({ norm_overschreden_totaal: 'niet_gehaald', norm_zonder_plan_totaal: 'niet_gehaald', norm_overschreden: 'niet_gehaald' });
  });

  it('the signal list on 2024-02-01 shows plan status and the running offer', async () => {
    const list = await s.signals('2024-02-01');
    expect(list.map((x) => [x.caseId, x.level, x.daysOut, x.spellStart, x.normOn])).toEqual([
      [A.caseId, 'overschreden', 151, '2023-09-04', '2023-12-04'], // 09-04..02-01 inclusive
      [B.caseId, 'overschreden', 151, '2023-09-04', '2023-12-04'], // equal days: by case id
      [C.caseId, 'overschreden', 102, '2023-10-23', '2024-01-23'], // its second norm spell
    ]);
    expect(list.map((x) => x.plan)).toEqual([{ status: 'geldig', reviewOn: '2024-04-15' }, null, null]);
    expect(list.map((x) => x.offer)).toEqual([null, null, { kind: 'regulier', start: '2023-09-25' }]); // C's offer runs but is no aanbod
  });
});

// --- 2. norm spells ---------------------------------------------------------------------------------------------
// D: at home 2023-10-02..10-31, at school 11-01..11-10 (10 days), at home from 11-11: one norm spell from 10-02
//    (2 months 12-02, mark 2024-01-02). The official LRV restarts: LRV from 12-09, LRV > 3 months from 2024-02-11.
const D = caseOf(4, 'tiendagen', { on: '2023-10-02' });
D.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-11-01' });
D.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-11-11' });
// E: at home 2023-10-02..10-31, at school 11-01..11-20 (20 days), at home from 11-21: a new norm spell from 11-21
//    (4 weeks 12-19, 2 months 2024-01-21, mark 02-21). The first spell's mark (01-02) finds E at home: not returned.
const E = caseOf(5, 'twintigdagen', { on: '2023-10-02' });
E.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2023-11-01' });
E.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2023-11-21' });
// F: not enrolled (AV) from 2023-09-04, enrolled again on 11-20 while still at home (unauthorised). Counted by
//    officieel as AV until 11-19 and as LRV from 12-18 (11-20 + 28); its base condition (AV or LRV-base) holds
//    throughout: one norm spell from 09-04 (2 months 11-04, mark 12-04).
const F = caseOf(6, 'herinschreven', { on: '2023-09-04', enrolled: false });
F.add('EnrolmentChanged', { enrolled: true, effectiveOn: '2023-11-20' });
const spellEvents = [...D.events, ...E.events, ...F.events];

describe.each(databaseKinds)('figures v2: norm spells on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, spellEvents, { now: NOW })));
  afterAll(() => s.close());

  it('November: F is dreigend though not counted as a thuiszitter that day (the norm reads the base condition)', async () => {
    const nov = (await month(s, '2023-11')).metrics;
    expect(nov.thuiszitters).toBe(0); // D's LRV only from 12-09, E's from 12-19, F between AV and LRV
    expect(nov.norm_dreigend).toBe(1); // F (11-04); D's 2 months fall on 12-02
  });

  it('December to February: D’s clock runs on over its 10 days at school, E’s restarts after 20', async () => {
    const dec = (await month(s, '2023-12')).metrics;
    expect(dec.thuiszitters).toBe(3); // D (12-09), E (12-19), F (12-18)
    expect(dec.norm_overschreden).toBe(1); // F (12-04)
    expect(dec.norm_dreigend).toBe(1); // D (12-02 ≤ 12-31 < 01-02)
    const jan = (await month(s, '2024-01')).metrics;
    expect(jan.norm_overschreden).toBe(2); // D (01-02), F
    expect(jan.norm_dreigend).toBe(1); // E (01-21)
    expect(jan.plan_binnen_3m_aandeel).toBe(0); // marks: D 01-02 ✗, E's first spell 01-02 (at home that day: not returned) ✗
    const feb = (await month(s, '2024-02')).metrics;
    expect(feb.norm_overschreden).toBe(3); // D, E (02-21), F
    expect(feb.lrv_3m).toBe(3); // the official runs are not joined: D from 11-11 (02-11), E from 11-21 (02-21), F from 11-20 (02-20)
  });

  it('the signal list on 2023-12-31 gives each case the start of its norm spell', async () => {
    const list = await s.signals('2023-12-31');
    expect(list.map((x) => [x.caseId, x.level, x.spellStart, x.daysOut, x.normOn])).toEqual([
      [F.caseId, 'overschreden', '2023-09-04', 119, '2023-12-04'],
      [D.caseId, 'dreigend', '2023-10-02', 91, '2024-01-02'], // the 10 days at school count in the days out
      [E.caseId, 'in_beeld', '2023-11-21', 41, '2024-02-21'],
    ]);
  });
});

describe.each(databaseKinds)('figures v2: the region’s time rules on $name', (kind) => {
  it('normGapDays 21 joins E’s 20 days at school; normGapDays 0 restarts D after its 10', async () => {
    const wide = await openScenario(kind, spellEvents, { now: NOW, config: { normGapDays: 21 } });
    try {
      expect((await month(wide, '2024-01')).metrics.norm_overschreden).toBe(3); // D, E (spell from 10-02, mark 01-02), F
      expect((await wide.monthly('2024-01', '2024-01')).config.normGapDays).toBe(21); // every report names its configuration
    } finally {
      await wide.close();
    }
    const none = await openScenario(kind, spellEvents, { now: NOW, config: { normGapDays: 0 } });
    try {
      expect((await month(none, '2024-01')).metrics.norm_overschreden).toBe(1); // F only: D's spell restarts on 11-11 (mark 02-11)
    } finally {
      await none.close();
    }
  });

  it('changing normMonths empties the read models at the next start; projected again, the figures follow', async () => {
    const s = await openScenario(kind, spellEvents, { now: NOW });
    try {
      expect((await month(s, '2024-01')).metrics.norm_overschreden).toBe(2); // D, F (3 months)
      const config = { ...DEFAULT_CONFIG, normMonths: 4 };
      const projector = new Projector(s.db, s.store, { config });
      expect(await projector.migrate()).toEqual({ from: JSON.stringify({ fourWeeksDays: 28, normMonths: 3, normGapDays: 14 }), to: JSON.stringify({ fourWeeksDays: 28, normMonths: 4, normGapDays: 14 }) });
      expect(await projector.migrate()).toBeNull(); // the same rules again: nothing to do
      await projector.catchUp();
      const options = { profile: 'officieel' as const, scope: {}, now: new Date(NOW), config };
      const jan = (await monthlyReport(s.db, '2024-01', '2024-01', options)).rows[0];
      expect(jan.metrics.norm_overschreden).toBe(1); // F (mark 01-04); D's mark is now 02-02
      expect(jan.metrics.norm_dreigend).toBe(1); // D ("2 months" is normMonths − 1: 3 months on 01-02); E's 3 months fall on 02-21
      const list = await signalList(s.db, '2024-01-31', options);
      expect(list.signals.map((x) => [x.caseId, x.level, x.normOn])).toEqual([
        [F.caseId, 'overschreden', '2024-01-04'],
        [D.caseId, 'dreigend', '2024-02-02'],
        [E.caseId, 'in_beeld', '2024-03-21'], // "2 months" is normMonths − 1: 3 months from 11-21 is 02-21
      ]);
      expect((await yearReport(s.db, '2023-2024', options)).config.normMonths).toBe(4);
    } finally {
      await s.close();
    }
  });
});

// --- 3. the cohort of the _binnen_3m_ shares ------------------------------------------------------------------------
// G: at home 2024-01-08..01-24, back at school 01-25: its mark (04-08) finds it back: a success of both shares.
const G = caseOf(7, 'snelterug', { on: '2024-01-08' });
G.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-01-25' });
// H: at home from 2024-02-05, case closed 03-01 because the child moved: not in the cohort.
const H = caseOf(8, 'verhuisd', { on: '2024-02-05' });
H.add('CaseClosed', { outcome: 'verhuisd', effectiveOn: '2024-03-01' });
// I: at home from 2024-02-05, case closed 03-01 for age: in the cohort (mark 05-05), no success.
const I = caseOf(9, 'teoud', { on: '2024-02-05' });
I.add('CaseClosed', { outcome: 'leeftijd', effectiveOn: '2024-03-01' });
// K: at home from 2024-02-05, plan 04-20 (mark 05-05: plan ✓, aanbod ✗), an offer from 05-20.
const K = caseOf(10, 'plantijdig', { on: '2024-02-05' });
K.add('PlanAgreed', { accountableRole: 'leerplicht', planKind: 'zorg', reviewOn: '2024-07-01', effectiveOn: '2024-04-20' });
K.add('OfferStarted', { offerKind: 'zorg', effectiveOn: '2024-05-20' });
// L: at home from 2024-02-05, at school 04-25..05-07 (13 days), at home again from 05-08: the mark (05-05) lies in
//    the gap, so the spell returned before it (decided on the mark day); home again within the gap, L is over the
//    norm at once (joined spell from 02-05).
const L = caseOf(11, 'kortterug', { on: '2024-02-05' });
L.add('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-04-25' });
L.add('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2024-05-08' });

describe.each(databaseKinds)('figures v2: the cohort on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [G, H, I, K, L].flatMap((c) => c.events), { now: NOW })));
  afterAll(() => s.close());

  it('April: the quick return is a success', async () => {
    const apr = (await month(s, '2024-04')).metrics;
    expect(apr.plan_binnen_3m_aandeel).toBe(1); // G 04-08, returned: 1/1 (v1 left it out: its spell ended before the mark)
    expect(apr.aanbod_binnen_3m_aandeel).toBe(1);
  });

  it('May: the move is left out, the age-out fails, the plan counts for one share, the return within the gap for both', async () => {
    const may = (await month(s, '2024-05')).metrics;
    expect(may.plan_binnen_3m_aandeel).toBe(0.6667); // marks 05-05: I ✗, K ✓ (plan 04-20), L ✓ (returned); H left out: 2/3
    expect(may.aanbod_binnen_3m_aandeel).toBe(0.3333); // L: 1/3 (K's offer came after the mark)
    expect(may.norm_overschreden).toBe(1); // on 05-31: L (since 05-08); K has an aanbod since 05-20
    expect(may.norm_overschreden_totaal).toBe(2); // K (05-05..05-19), L (05-08..)
  });

  it('the year pools its marks', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.plan_binnen_3m_aandeel).toBe(0.75); // G ✓, I ✗, K ✓, L ✓: 3/4
    expect(r.metrics.aanbod_binnen_3m_aandeel).toBe(0.5); // G, L: 2/4
  });
});

// --- 4. meetings, pause months, exemptions and verdicts -------------------------------------------------------------
let meetingNo = 0;
function meeting(forum: 'leerplicht_swv' | 'kernpartner' | 'oogo', effectiveOn: string, scope: { gemeente?: string; swv?: string }): PactEvent[] & { retract: (on: string) => void } {
  const id = String(++meetingNo).padStart(12, '0');
  const held = { eventId: `00000000-0000-4000-9100-${id}`, type: 'MeetingHeld', stream: `meeting-00000000-0000-4000-8100-${id}`, data: { forum, ...scope, casesDiscussed: 3, effectiveOn }, schemaVersion: 1, recordedAt: `${effectiveOn}T12:00:00.000Z` } as PactEvent;
  const events = [held] as PactEvent[] & { retract: (on: string) => void };
  events.retract = (on) =>
    events.push({ eventId: `00000000-0000-4000-9200-${id}`, type: 'EventRetracted', stream: held.stream, data: { retractedEventId: held.eventId, reason: 'dubbel', effectiveOn: on }, schemaVersion: 1, recordedAt: `${on}T12:00:00.000Z` } as PactEvent);
  return events;
}
const G344 = { gemeente: 'GM0344' };
const march = meeting('leerplicht_swv', '2024-03-12', G344);
march.retract('2024-03-20'); // registered twice by mistake: counts as never held
const meetings = [
  ...['2023-09-12', '2023-10-10', '2023-11-14'].flatMap((d) => meeting('leerplicht_swv', d, G344)), // December: none
  ...meeting('leerplicht_swv', '2024-01-16', { swv: 'PO2601' }), // only the swv: belongs to its member gemeenten
  ...meeting('leerplicht_swv', '2024-02-13', G344),
  ...march,
  ...['2024-04-09', '2024-05-14', '2024-06-11', '2024-07-09'].flatMap((d) => meeting('leerplicht_swv', d, G344)),
  ...['2023-09-20', '2023-11-15', '2024-01-17', '2024-02-14', '2024-06-12'].flatMap((d) => meeting('kernpartner', d, G344)), // April–May: none
  ...meeting('oogo', '2024-06-20', { swv: 'PO2601' }),
];
// M1 (GM0344, PO2601) and M2 (GM0363, PO2601) make both gemeenten members of PO2601. M1 at home from 2023-09-04
// (mark 12-04, never an aanbod). X1 gets a vrijstelling 5 onder b on 2023-10-01; X2 one under art. 15 from 11-01 to
// 2024-03-31 (it lapses on 04-01).
const M1 = caseOf(12, 'lidgemeente', { on: '2023-09-04' });
const M2 = caseOf(13, 'anderegemeente', { on: '2023-09-04', gemeente: 'GM0363', phase: 'op_school' });
const X1 = caseOf(14, 'vrijstellingb', { on: '2023-09-20' });
X1.add('ExemptionGranted', { article: '5b', effectiveOn: '2023-10-01' });
const X2 = caseOf(15, 'vrijstelling15', { on: '2023-09-20' });
X2.add('ExemptionGranted', { article: '15', effectiveOn: '2023-11-01', until: '2024-03-31' });

describe.each(databaseKinds)('figures v2: meetings and verdicts on $name', (kind) => {
  let s: Scenario;
  beforeAll(async () => (s = await openScenario(kind, [...M1.events, ...M2.events, ...X1.events, ...X2.events, ...meetings], { now: NOW, config: { overlegPauseMonths: [8] } })));
  afterAll(() => s.close());
  const gm0344 = { scope: G344 };

  it('the year of GM0344: the swv-only meetings count through membership, the retracted one nowhere', async () => {
    const r = await s.year('2023-2024', gm0344);
    expect(r.metrics.overleg_maanden_verwacht).toBe(11); // August is the region's pause month
    expect(r.metrics.overleg_maanden).toBe(9); // Sep, Oct, Nov, Jan (PO2601 only), Feb, Apr..Jul; December missed, March retracted
    expect(r.metrics.kernpartner_blokken_verwacht).toBe(6); // Aug–Sep … Jun–Jul
    expect(r.metrics.kernpartner_blokken).toBe(5); // all but April–May
    expect(r.metrics.kernpartner_overleggen).toBe(5);
    expect(r.metrics.oogo_overleggen).toBe(1); // named only PO2601, GM0344 is its member
    expect(r.verdicts).toMatchObject({ overleg_maanden: 'niet_gehaald', kernpartner_blokken: 'niet_gehaald', oogo_overleggen: 'gehaald', norm_overschreden_totaal: 'niet_gehaald' });
  });

  it('as known on 2024-03-15, in the running year: what is still possible', async () => {
    const r = await s.year('2023-2024', { ...gm0344, asOf: '2024-03-15T12:00:00Z' });
    expect(r.metrics.overleg_maanden_verwacht).toBe(7); // Sep..Mar
    expect(r.metrics.overleg_maanden).toBe(6); // Sep, Oct, Nov, Jan, Feb, Mar (retracted only on 03-20)
    expect(r.verdicts.overleg_maanden).toBe('niet_gehaald'); // December has ended without an overleg
    expect(r.metrics.kernpartner_blokken_verwacht).toBe(4); // the blocks ending in Sep, Nov, Jan, Mar
    expect(r.metrics.kernpartner_blokken).toBe(4);
    expect(r.verdicts.kernpartner_blokken).toBe('tot_nu_toe_gehaald'); // every block so far had one
    expect(r.verdicts.oogo_overleggen).toBe('nog_open'); // not yet held, still possible
  });

  it('months: a pause month expects nothing, a block is judged in the month it ends', async () => {
    const { rows } = await s.monthly('2023-08', '2024-05', gm0344);
    const by = Object.fromEntries(rows.map((r) => [r.month, r]));
    expect(by['2023-08'].metrics.overleg_maanden_verwacht).toBe(0); // pause month
    expect(by['2023-08'].verdicts.overleg_maanden).toBeUndefined(); // nothing expected: no verdict
    expect(by['2023-12'].verdicts.overleg_maanden).toBe('niet_gehaald');
    expect(by['2024-03'].verdicts.overleg_maanden).toBe('niet_gehaald'); // the March meeting was retracted
    expect(by['2024-03'].metrics.kernpartner_blokken).toBe(1); // Feb–Mar: the meeting of 02-14 lies in its first month, before the period
    expect(by['2024-03'].verdicts.kernpartner_blokken).toBe('gehaald');
    expect(by['2024-04'].verdicts.kernpartner_blokken).toBeUndefined(); // no block ends in April
    expect(by['2024-05'].verdicts.kernpartner_blokken).toBe('niet_gehaald'); // April–May without a meeting
    expect(by['2023-10'].verdicts.norm_overschreden_totaal).toBe('gehaald'); // M1's mark is 12-04
    expect(by['2023-12'].verdicts.norm_overschreden_totaal).toBe('niet_gehaald');
    expect(by['2023-12'].verdicts.oogo_overleggen).toBeUndefined(); // only school years carry the OOGO verdict
  });

  it('other scopes: the swv takes its members’ meetings, the other member only the swv’s own', async () => {
    const swv = await s.year('2023-2024', { scope: { swv: 'PO2601' } });
    expect(swv.metrics.overleg_maanden).toBe(9); // its own (January) and those naming only GM0344, a member
    const gm0363 = await s.year('2023-2024', { scope: { gemeente: 'GM0363' } });
    expect(gm0363.metrics.overleg_maanden).toBe(1); // January (PO2601 only)
    expect(gm0363.metrics.oogo_overleggen).toBe(1);
    expect(gm0363.metrics.kernpartner_blokken).toBe(0);
  });

  it('the region’s swvGemeenten decide membership when given', async () => {
    const other = await openScenario(kind, [...M1.events, ...M2.events, ...meetings], { now: NOW, config: { overlegPauseMonths: [8], swvGemeenten: { PO2601: ['GM0363'] } } });
    try {
      const r = await other.year('2023-2024', gm0344);
      expect(r.metrics.overleg_maanden).toBe(8); // January's meeting no longer belongs to GM0344
      expect(r.metrics.oogo_overleggen).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('as known on 2023-11-15, the norm is kept so far', async () => {
    const r = await s.year('2023-2024', { ...gm0344, asOf: '2023-11-15T12:00:00Z' });
    expect(r.metrics.norm_overschreden_totaal).toBe(0); // M1's mark is 12-04
    expect(r.verdicts.norm_overschreden_totaal).toBe('tot_nu_toe_gehaald');
    expect(r.verdicts.norm_overschreden).toBe('gehaald'); // nobody over the norm on 11-15
  });

  it('exemptions per article: the stock on the stock day, the grants in the period', async () => {
    const r = await s.year('2023-2024');
    expect(r.metrics.vrijstelling_5b).toBe(1); // X1 on 07-31
    expect(r.metrics.vrijstelling_15).toBe(0); // X2's lapsed on 04-01
    expect(r.metrics.vrijstelling_5b_verleend).toBe(1); // X1, 10-01
    expect(r.metrics.vrijstelling_15_verleend).toBe(1); // X2, 11-01
    expect(r.metrics.vrijstelling_5a_verleend).toBe(0);
    const feb = (await month(s, '2024-02')).metrics;
    expect(feb.vrijstelling_15).toBe(1); // X2 until 03-31
    expect(feb.thuiszitters).toBe(1); // M1 only: an exemption puts X1 and X2 outside every other count
  });
});
