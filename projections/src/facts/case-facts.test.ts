// The case facts, Given(events) / Then(flags and spells), pure and fast: every time rule of metrics.md v2 on one case.
import { describe, expect, it } from 'vitest';
import type { CaseEvent, EventData, EventType } from '@pact/events';
import { DEFAULT_CONFIG, projectionSettings } from '../config.ts';
import { caseFacts, type FlagStretch } from './case-facts.ts';
import { caseTimeline } from './case-timeline.ts';
import { FLAGS, has, type Flag } from './flags.ts';

const RULES = projectionSettings(DEFAULT_CONFIG);
const STREAM = 'case-3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c';

/** A case given as its events, in stream order. */
function given(opened: { on: string; enrolled?: boolean; phase?: 'op_school' | 'minder_naar_school' | 'thuis'; authorised?: boolean }) {
  let n = 0;
  const events: CaseEvent[] = [];
  const add = <T extends Exclude<EventType, 'MeetingHeld'>>(type: T, data: EventData<T>) => {
    const e = { eventId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, type, stream: STREAM, data, schemaVersion: 1 } as CaseEvent;
    events.push(e);
    return e;
  };
  const phase = opened.phase ?? 'thuis';
  add('CaseOpened', {
    childRef: 'kw4gcr72s4c5g5li74idpulmdyiwlxf4',
    gemeente: 'GM0344',
    swv: 'PO2601',
    sector: 'po',
    birthYear: 2012,
    signalledBy: 'school',
    enrolled: opened.enrolled ?? true,
    phase,
    ...(phase === 'op_school' ? {} : { authorised: opened.authorised ?? false }),
    effectiveOn: opened.on,
  });
  const home = (on: string, authorised = false) => add('PhaseChanged', { phase: 'thuis', authorised, effectiveOn: on });
  const school = (on: string) => add('PhaseChanged', { phase: 'op_school', effectiveOn: on });
  const partly = (on: string) => add('PhaseChanged', { phase: 'minder_naar_school', authorised: false, effectiveOn: on });
  return { events, add, home, school, partly };
}

/** The stretch of `day`, or undefined when no flag holds then. */
const stretchOn = (events: CaseEvent[], day: string, rules = RULES): FlagStretch | undefined =>
  caseFacts(events, rules).stretches.find((s) => s.start <= day && (s.end === null || day <= s.end));

/** The flags on `day`. */
const flagsOn = (events: CaseEvent[], day: string, rules = RULES): Flag[] => {
  const stretch = stretchOn(events, day, rules);
  return stretch ? FLAGS.filter((f) => has(stretch.mask, f)) : [];
};

/** The first day from `from` (up to a year later) on which `flag` holds. */
function firstDay(events: CaseEvent[], flag: Flag, from: string, rules = RULES): string | null {
  for (const s of caseFacts(events, rules).stretches) {
    if (has(s.mask, flag) && (s.end === null || s.end >= from)) return s.start > from ? s.start : from;
  }
  return null;
}

const occurrences = (events: CaseEvent[]) => caseFacts(events, RULES).occurrences.map((o) => `${o.kind}@${o.on}`);

describe('officieel: an unauthorised spell at home from 2023-09-04', () => {
  const c = given({ on: '2023-09-04' });

  it('is LRV from 4 weeks on, dreigend from 2 months, over the norm at 3 months, LRV > 3 months too', () => {
    expect(firstDay(c.events, 'lrv', '2023-09-01')).toBe('2023-10-02'); // 09-04 + 28 days
    expect(firstDay(c.events, 'counted_officieel', '2023-09-01')).toBe('2023-10-02');
    expect(firstDay(c.events, 'listed_officieel', '2023-09-01')).toBe('2023-10-02'); // norm spell ≥ 4 weeks
    expect(firstDay(c.events, 'norm_threat_officieel', '2023-09-01')).toBe('2023-11-04'); // 09-04 + 2 months
    expect(firstDay(c.events, 'norm_over_officieel', '2023-09-01')).toBe('2023-12-04'); // 09-04 + 3 months
    expect(flagsOn(c.events, '2023-12-03')).toContain('norm_threat_officieel');
    expect(flagsOn(c.events, '2023-12-04')).not.toContain('norm_threat_officieel');
    expect(firstDay(c.events, 'lrv_3m', '2023-09-01')).toBe('2023-12-04');
    expect(stretchOn(c.events, '2024-01-10')?.spellStart.officieel).toBe('2023-09-04');
  });

  it('without a plan it is also over the norm without a plan', () => {
    expect(flagsOn(c.events, '2023-12-04')).toEqual(expect.arrayContaining(['norm_over_officieel', 'norm_zonder_plan_officieel']));
  });

  it('has its mark in the cohort, not a success (no plan, no aanbod, still at home)', () => {
    expect(occurrences(c.events)).toContain('mark_officieel@2023-12-04');
    expect(occurrences(c.events)).not.toContain('mark_officieel_plan@2023-12-04');
  });
});

describe('norm spells bridge short interruptions (normGapDays 14)', () => {
  it('10 days at school: the clock runs on from 2023-09-04; LRV itself starts again', () => {
    const c = given({ on: '2023-09-04' });
    c.school('2023-11-01');
    c.home('2023-11-11'); // at school 11-01 … 11-10: a gap of 10 days
    expect(stretchOn(c.events, '2023-11-20')?.spellStart.officieel).toBe('2023-09-04');
    expect(flagsOn(c.events, '2023-11-20')).toContain('norm_threat_officieel'); // 2 months since 09-04
    expect(flagsOn(c.events, '2023-12-04')).toContain('norm_over_officieel'); // the mark of 09-04
    expect(flagsOn(c.events, '2023-11-05')).not.toContain('norm_over_officieel'); // a gap day is no day of the spell
    expect(firstDay(c.events, 'lrv', '2023-11-11')).toBe('2023-12-09'); // the official LRV run restarts: 11-11 + 28
  });

  it('20 days at school: a new norm spell from the day home again', () => {
    const c = given({ on: '2023-09-04' });
    c.school('2023-11-01');
    c.home('2023-11-21'); // a gap of 20 days
    expect(stretchOn(c.events, '2023-12-20')?.spellStart.officieel).toBe('2023-11-21');
    expect(firstDay(c.events, 'norm_over_officieel', '2023-11-21')).toBe('2024-02-21');
  });

  it('normGapDays 0 turns joining off', () => {
    const c = given({ on: '2023-09-04' });
    c.school('2023-11-01');
    c.home('2023-11-03');
    expect(stretchOn(c.events, '2023-12-20', { ...RULES, normGapDays: 0 })?.spellStart.officieel).toBe('2023-11-03');
    expect(stretchOn(c.events, '2023-12-20')?.spellStart.officieel).toBe('2023-09-04');
  });

  it('joins days of partial attendance under leerrecht: the base holds throughout, one spell', () => {
    const c = given({ on: '2023-09-04' });
    c.partly('2023-10-01');
    c.home('2023-10-05');
    expect(stretchOn(c.events, '2023-12-10')?.spellStart.leerrecht).toBe('2023-09-04');
    expect(stretchOn(c.events, '2023-12-10')?.spellStart.officieel).toBe('2023-09-04'); // officieel: 4 days gap, joined
  });
});

describe('re-enrolment while at home: the norm reads the base condition, not the count', () => {
  const c = given({ on: '2023-09-04', enrolled: false }); // AV from 09-04
  c.add('EnrolmentChanged', { enrolled: true, effectiveOn: '2023-10-15' }); // enrolled, still at home, unauthorised

  it('stays in one norm spell from 09-04 and is over the norm on 12-04', () => {
    expect(flagsOn(c.events, '2023-12-04')).toContain('norm_over_officieel');
    expect(stretchOn(c.events, '2023-12-04')?.spellStart.officieel).toBe('2023-09-04');
  });

  it('is not counted officially for the 4 weeks before its LRV begins (AV ended, LRV from 11-12)', () => {
    expect(flagsOn(c.events, '2023-10-20')).not.toContain('counted_officieel');
    expect(firstDay(c.events, 'lrv', '2023-10-15')).toBe('2023-11-12');
  });
});

describe('a plan covers only while it is valid', () => {
  const c = given({ on: '2023-09-04' });
  c.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2023-11-01', effectiveOn: '2023-10-01' });

  it('is valid through its review date and verlopen from the day after', () => {
    expect(flagsOn(c.events, '2023-11-01')).toContain('plan_valid');
    expect(flagsOn(c.events, '2023-11-02')).toEqual(expect.arrayContaining(['plan_verlopen', 'plan_verlopen_officieel']));
    expect(flagsOn(c.events, '2023-11-02')).not.toContain('plan_valid');
    expect(stretchOn(c.events, '2023-11-02')?.reviewOn).toBe('2023-11-01');
  });

  it('an expired plan covers nothing: over the norm without a plan on 12-04', () => {
    expect(flagsOn(c.events, '2023-12-04')).toEqual(expect.arrayContaining(['norm_over_officieel', 'norm_zonder_plan_officieel']));
  });

  it('a review gives it a new date from the review on', () => {
    const r = given({ on: '2023-09-04' });
    r.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2023-11-01', effectiveOn: '2023-10-01' });
    r.add('PlanReviewed', { nextReviewOn: '2024-03-01', effectiveOn: '2023-12-10' });
    expect(flagsOn(r.events, '2023-12-09')).toContain('norm_zonder_plan_officieel');
    expect(flagsOn(r.events, '2023-12-10')).toContain('plan_valid');
    expect(flagsOn(r.events, '2023-12-10')).toContain('norm_over_officieel'); // a plan is no aanbod
    expect(flagsOn(r.events, '2023-12-10')).not.toContain('norm_zonder_plan_officieel');
    expect(stretchOn(r.events, '2023-12-10')?.reviewOn).toBe('2024-03-01');
  });
});

describe('an offer covers while it runs and only when it started in the current norm spell', () => {
  it('an offer that breaks off leaves the child without aanbod again', () => {
    const c = given({ on: '2023-09-04' });
    c.add('OfferStarted', { offerKind: 'maatwerk', effectiveOn: '2023-12-10' });
    c.add('OfferEnded', { outcome: 'afgebroken', effectiveOn: '2024-01-15' });
    expect(flagsOn(c.events, '2023-12-09')).toContain('norm_over_officieel');
    expect(flagsOn(c.events, '2023-12-10')).toEqual(expect.arrayContaining(['aanbod_officieel', 'offer']));
    expect(flagsOn(c.events, '2023-12-10')).not.toContain('norm_over_officieel');
    expect(flagsOn(c.events, '2024-01-15')).toContain('norm_over_officieel');
    expect(stretchOn(c.events, '2023-12-20')?.offer).toEqual({ kind: 'maatwerk', since: '2023-12-10' });
  });

  it('an offer ended niet_gestart never was one', () => {
    const c = given({ on: '2023-09-04' });
    c.add('OfferStarted', { offerKind: 'zorg', effectiveOn: '2023-12-10' });
    c.add('OfferEnded', { outcome: 'niet_gestart', effectiveOn: '2023-12-20' });
    expect(flagsOn(c.events, '2023-12-15')).toContain('norm_over_officieel');
    expect(flagsOn(c.events, '2023-12-15')).not.toContain('offer');
  });

  it('an offer of an earlier spell does not cover a new one (gap over 14 days)', () => {
    const c = given({ on: '2023-09-04' });
    c.add('OfferStarted', { offerKind: 'regulier', effectiveOn: '2023-09-20' });
    c.school('2023-10-02');
    c.home('2023-10-30'); // 28 days at school
    expect(flagsOn(c.events, '2023-09-25')).toContain('aanbod_officieel');
    expect(flagsOn(c.events, '2024-01-30')).toEqual(expect.arrayContaining(['norm_over_officieel', 'offer']));
    expect(flagsOn(c.events, '2024-01-30')).not.toContain('aanbod_officieel');
  });

  it('an offer started in a joined spell’s earlier run still covers its later runs', () => {
    const c = given({ on: '2023-09-04' });
    c.add('OfferStarted', { offerKind: 'regulier', effectiveOn: '2023-10-20' });
    c.school('2023-11-01');
    c.home('2023-11-08');
    expect(flagsOn(c.events, '2023-12-10')).toContain('aanbod_officieel');
    expect(flagsOn(c.events, '2023-12-10')).not.toContain('norm_over_officieel');
  });
});

describe('the cohort of the `_binnen_3m_` shares', () => {
  it('a quick return is a success of both shares', () => {
    const c = given({ on: '2023-09-04' });
    c.school('2023-09-20');
    expect(occurrences(c.events)).toEqual(expect.arrayContaining(['mark_officieel@2023-12-04', 'mark_officieel_plan@2023-12-04', 'mark_officieel_aanbod@2023-12-04']));
  });

  it('a plan before the mark is a success for the plan share only', () => {
    const c = given({ on: '2023-09-04' });
    c.add('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-01-01', effectiveOn: '2023-11-01' });
    expect(occurrences(c.events)).toContain('mark_officieel_plan@2023-12-04');
    expect(occurrences(c.events)).not.toContain('mark_officieel_aanbod@2023-12-04');
  });

  it('a case closed before the mark because the child moved is no part of it; one closed for age is no success', () => {
    const moved = given({ on: '2023-09-04' });
    moved.add('CaseClosed', { outcome: 'verhuisd', effectiveOn: '2023-10-01' });
    expect(occurrences(moved.events).filter((o) => o.startsWith('mark_officieel'))).toEqual([]);
    const aged = given({ on: '2023-09-04' });
    aged.add('CaseClosed', { outcome: 'leeftijd', effectiveOn: '2023-10-01' });
    expect(occurrences(aged.events).filter((o) => o.startsWith('mark_officieel'))).toEqual(['mark_officieel@2023-12-04']);
  });

  it('the status is decided on the mark day: coming home again within the gap does not change it', () => {
    const c = given({ on: '2023-09-04' });
    c.school('2023-11-28');
    c.home('2023-12-08'); // 10 days later: joined, over the norm at once
    expect(occurrences(c.events)).toContain('mark_officieel_plan@2023-12-04'); // not at home on the mark day
    expect(flagsOn(c.events, '2023-12-08')).toContain('norm_over_officieel');
  });
});

describe('geoorloofd at home: the signal list’s own group', () => {
  it('is listed after 4 weeks at home authorised, with its own norm spell; officieel does not count it', () => {
    const c = given({ on: '2023-09-04', authorised: true });
    expect(flagsOn(c.events, '2023-10-02')).toContain('listed_geoorloofd_thuis');
    expect(flagsOn(c.events, '2023-10-02')).not.toContain('listed_officieel');
    expect(flagsOn(c.events, '2023-12-04')).toContain('norm_over_geoorloofd_thuis');
    expect(flagsOn(c.events, '2023-12-04')).toEqual(expect.arrayContaining(['counted_breed', 'absent_authorised']));
  });
});

describe('closing and exemptions', () => {
  it('a closed case satisfies nothing from its closing day on', () => {
    const c = given({ on: '2023-09-04' });
    c.add('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2023-12-01' });
    expect(flagsOn(c.events, '2023-11-30')).toContain('lrv');
    expect(flagsOn(c.events, '2023-12-01')).toEqual([]);
  });

  it('an exemption takes the child out of every count but its own, and is counted when granted', () => {
    const c = given({ on: '2023-09-04' });
    c.add('ExemptionGranted', { article: '5b', effectiveOn: '2023-10-01' });
    expect(flagsOn(c.events, '2023-10-10')).toEqual(['v5b']);
    expect(occurrences(c.events)).toContain('exemption_5b@2023-10-01');
  });
});

describe('the timeline', () => {
  it('is null for a case whose opening was retracted', () => {
    const c = given({ on: '2023-09-04' });
    c.add('EventRetracted', { retractedEventId: c.events[0].eventId, reason: 'verkeerd_kind', effectiveOn: '2023-09-10' });
    expect(caseTimeline(c.events, RULES)).toBeNull();
    expect(caseFacts(c.events, RULES)).toEqual({ identity: null, stretches: [], occurrences: [] });
  });
});

describe('the cohort: returned is judged on the base condition of the case', () => {
  it('a spell whose mark falls in a later spell (gap over normGapDays) did not return', () => {
    const c = given({ on: '2023-10-02' });
    c.school('2023-11-01');
    c.home('2023-11-21'); // 20 days at school: a new spell from 11-21; the first spell's mark 01-02 finds the child at home
    expect(occurrences(c.events)).toContain('mark_officieel@2024-01-02');
    expect(occurrences(c.events)).not.toContain('mark_officieel_plan@2024-01-02');
    expect(occurrences(c.events)).toContain('mark_officieel@2024-02-21');
  });
});

describe('the reason of a run (breakdown reden)', () => {
  it('is the reason of the change that began the run of the phase, kept while the phase stays, gone with a new run', () => {
    const c = given({ on: '2023-09-04', phase: 'op_school' });
    c.add('PhaseChanged', { phase: 'thuis', authorised: false, reason: 'geen_passend_aanbod', effectiveOn: '2023-10-02' });
    c.add('PhaseChanged', { phase: 'thuis', authorised: false, reason: 'wachtlijst', effectiveOn: '2023-11-01' }); // same phase: the run goes on
    c.school('2024-01-08');
    c.home('2024-02-05'); // a new run without a reason
    expect(stretchOn(c.events, '2023-10-15')?.reason).toBe('geen_passend_aanbod');
    expect(stretchOn(c.events, '2023-12-01')?.reason).toBe('geen_passend_aanbod');
    expect(stretchOn(c.events, '2024-03-01')?.reason).toBeNull();
    expect(caseTimeline(c.events, RULES)!.reasons.map((r) => [r.start, r.end, r.reason])).toEqual([
      ['2023-09-04', '2023-10-01', null],
      ['2023-10-02', '2024-01-07', 'geen_passend_aanbod'],
      ['2024-01-08', '2024-02-04', null],
      ['2024-02-05', null, null],
    ]);
  });
});
