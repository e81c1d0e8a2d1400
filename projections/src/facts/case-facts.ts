// What a case contributes to the figures (metrics.md), as a pure function of its events and the region's time
// rules: stretches of days with a constant set of flags (flags.ts) and the details the signal list shows, and the
// dated happenings that are counted (occurrences). The read models store exactly this; SQL only counts.
import { activeEvents, addDays, waitingFor, type CaseEvent, type IsoDate } from '@pact/events';
import { PROFILES } from '../config.ts';
import { before, covers, from, intersect, lasted, subtract, union, type Interval } from '../intervals.ts';
import { PROFILE_RULES, NORM_CONDITIONS, type Counted, type NormCondition } from './conditions.ts';
import { caseTimeline, fourWeeksFrom, threatFrom, threeMonthsFrom, type CaseIdentity, type CaseTimeline, type NormSpell, type TimeRules } from './case-timeline.ts';
import { bit, flagOf, type Flag } from './flags.ts';

/** A stretch of days (`end` inclusive, null: still going) on which a case's flags and details stay the same. */
export interface FlagStretch extends Interval {
  mask: bigint;
  /** s* of the norm spell each norm condition is in on these days (absent: not in its base condition). */
  spellStart: Partial<Record<NormCondition, IsoDate>>;
  /** The review date of the active plan (valid through it, verlopen after it). */
  reviewOn: IsoDate | null;
  /** The running offer. */
  offer: { kind: string; since: IsoDate } | null;
  /** The reason of the phase change that began the current run of the phase (the breakdown `reden`). */
  reason: string | null;
}

/**
 * Counted happenings: `opened`, `closed_<outcome>`, `escalated_<level>`, `enforcement`, `discussed_<forum>`,
 * `exemption_<article>` (granted), and per profile the norm spell's mark (the cohort of the `_binnen_3m_` shares):
 * `mark_<p>`, with `mark_<p>_plan` / `mark_<p>_aanbod` when the spell succeeded in time.
 */
export interface Occurrence {
  kind: string;
  on: IsoDate;
  /** Ordinal among occurrences of the same kind on the same day. */
  n: number;
}

export interface CaseFacts {
  identity: CaseIdentity | null;
  stretches: FlagStretch[];
  occurrences: Occurrence[];
}

const NOTHING: CaseFacts = { identity: null, stretches: [], occurrences: [] };

export function caseFacts(events: readonly CaseEvent[], rules: TimeRules): CaseFacts {
  const timeline = caseTimeline(events, rules);
  if (!timeline) return NOTHING;
  return { identity: timeline.identity, stretches: stretchesOf(flagDays(timeline, rules), timeline), occurrences: occurrencesOf(events, timeline) };
}

/** The days on which each flag holds. */
export function flagDays(t: CaseTimeline, rules: TimeRules): Map<Flag, Interval[]> {
  const days = new Map<Flag, Interval[]>();
  const set = (flag: Flag, intervals: Interval[]) => intervals.length > 0 && days.set(flag, intervals);
  const { runs } = t;
  const validPlan = t.validPlan.map(({ start, end }) => ({ start, end }));
  const fourWeeks = (start: IsoDate) => fourWeeksFrom(start, rules);

  set('av', runs.av);
  set('av_3m', lasted(runs.av, threeMonthsFrom));
  set('lrv', lasted(runs.lrv_base, fourWeeks));
  set('lrv_3m', lasted(runs.lrv_base, threeMonthsFrom));
  for (const v of ['v5a', 'v5b', 'v5c', 'v15'] as const) set(v, runs[v]);
  set('absent', runs.absent);
  set('absent_authorised', runs.absent_authorised);
  set('plan_valid', validPlan);
  const expiredPlan = t.expiredPlan.map(({ start, end }) => ({ start, end }));
  set('plan_verlopen', expiredPlan);
  set('offer', t.offers.map(({ start, end }) => ({ start, end })));
  for (const w of waitingFor.options) set(`waitlist_${w}`, t.waitlists[w]);
  set('wachtlijst', intersect(union(...PROFILE_RULES.leerrecht.base.map((id) => runs[id])), union(...Object.values(t.waitlists))));

  const countedDays = (c: Counted) => (typeof c === 'string' ? runs[c] : lasted(runs[c.lasted4Weeks], fourWeeks));
  for (const c of NORM_CONDITIONS) {
    const spells = t.normSpells[c];
    const spellDays = union(...spells.map((s) => s.runs));
    const listed = union(...spells.map((s) => from(s.runs, fourWeeks(s.start))));
    const aanbod = union(...spells.map((s) => s.aanbod));
    const over = union(...spells.map((s) => subtract(from(s.runs, s.mark), s.aanbod)));
    set(flagOf('listed', c), listed);
    set(flagOf('aanbod', c), aanbod);
    set(flagOf('norm_over', c), over);
    set(flagOf('norm_threat', c), union(...spells.map((s) => subtract(before(from(s.runs, threatFrom(s.start, rules)), s.mark), s.aanbod))));
    if (c === 'geoorloofd_thuis') continue;
    const counted = union(...PROFILE_RULES[c].counted.map(countedDays));
    set(flagOf('counted', c), counted);
    set(flagOf('norm_zonder_plan', c), subtract(over, validPlan));
    set(flagOf('plan_verlopen', c), intersect(spellDays, expiredPlan));
    set(flagOf('due', c), intersect(counted, listed));
  }
  return days;
}

/** Cuts the days into stretches on which every flag and detail stays the same; days without any flag are left out. */
function stretchesOf(days: Map<Flag, Interval[]>, t: CaseTimeline): FlagStretch[] {
  const cuts = new Set<IsoDate>();
  const cut = (intervals: readonly Interval[]) => {
    for (const i of intervals) {
      cuts.add(i.start);
      if (i.end !== null) cuts.add(addDays(i.end, 1));
    }
  };
  for (const intervals of days.values()) cut(intervals);
  for (const c of NORM_CONDITIONS) cut(t.normSpells[c].flatMap((s) => s.runs));
  cut(t.validPlan);
  cut(t.expiredPlan);
  cut(t.offers);
  cut(t.reasons);
  const points = [...cuts].sort();
  const flags = [...days];
  const out: FlagStretch[] = [];
  for (let i = 0; i < points.length; i++) {
    const day = points[i];
    let mask = 0n;
    for (const [flag, intervals] of flags) if (covers(intervals, day)) mask |= bit(flag);
    if (mask === 0n) continue;
    const spellStart: FlagStretch['spellStart'] = {};
    for (const c of NORM_CONDITIONS) {
      const spell = t.normSpells[c].find((s: NormSpell) => covers(s.runs, day));
      if (spell) spellStart[c] = spell.start;
    }
    const plan = t.validPlan.find((p) => covers([p], day)) ?? t.expiredPlan.find((p) => covers([p], day));
    const offer = t.offers.find((o) => covers([o], day));
    const reason = t.reasons.find((r) => covers([r], day))?.reason ?? null;
    out.push({
      start: day,
      end: i + 1 < points.length ? addDays(points[i + 1], -1) : null,
      mask,
      spellStart,
      reviewOn: plan?.reviewOn ?? null,
      offer: offer ? { kind: offer.kind, since: offer.since } : null,
      reason,
    });
  }
  return out;
}

function occurrencesOf(events: readonly CaseEvent[], t: CaseTimeline): Occurrence[] {
  const list: Omit<Occurrence, 'n'>[] = [];
  for (const e of activeEvents(events)) {
    const on = e.data.effectiveOn;
    if (e.type === 'CaseOpened') list.push({ kind: 'opened', on });
    else if (e.type === 'CaseClosed') list.push({ kind: `closed_${e.data.outcome}`, on });
    else if (e.type === 'Escalated') list.push({ kind: `escalated_${e.data.level}`, on });
    else if (e.type === 'EnforcementRecorded') list.push({ kind: 'enforcement', on });
    else if (e.type === 'CaseDiscussed') list.push({ kind: `discussed_${e.data.forum}`, on });
    else if (e.type === 'ExemptionGranted') list.push({ kind: `exemption_${e.data.article}`, on });
  }
  const validPlan = t.validPlan.map(({ start, end }) => ({ start, end }));
  for (const p of PROFILES) {
    const baseDays = union(...t.normSpells[p].map((s) => s.runs));
    for (const spell of t.normSpells[p]) {
      const outcome = cohortOutcome(spell, t, baseDays, validPlan);
      if (!outcome) continue;
      list.push({ kind: `mark_${p}`, on: spell.mark });
      if (outcome.plan) list.push({ kind: `mark_${p}_plan`, on: spell.mark });
      if (outcome.aanbod) list.push({ kind: `mark_${p}_aanbod`, on: spell.mark });
    }
  }
  return numbered(list);
}

/**
 * metrics.md "The cohort of P": a norm spell is in the cohort of the period holding its mark, unless its case closed
 * before the mark with outcome `verhuisd`. It succeeded (`plan`: a valid plan or an aanbod; `aanbod`: an aanbod) on
 * some day of the spell before the mark, or it returned before the mark: the base condition does not hold on the
 * mark day and the case was not closed before it with outcome `leeftijd` or `overig`. "Closed before the mark" is
 * read as: closed on or before the mark day (from its closing day on, nothing holds). Decided on the mark day.
 */
function cohortOutcome(spell: NormSpell, t: CaseTimeline, baseDays: Interval[], validPlan: Interval[]): { plan: boolean; aanbod: boolean } | null {
  const closedBy = t.closed && t.closed.on <= spell.mark ? t.closed.outcome : null;
  if (closedBy === 'verhuisd') return null;
  // the base condition, not this spell: a later spell may already hold on the mark day
  const returned = !covers(baseDays, spell.mark) && closedBy !== 'leeftijd' && closedBy !== 'overig';
  const beforeMark = before(spell.runs, spell.mark);
  const hadAanbod = intersect(beforeMark, spell.aanbod).length > 0;
  const hadPlan = intersect(beforeMark, validPlan).length > 0;
  return { plan: returned || hadAanbod || hadPlan, aanbod: returned || hadAanbod };
}

/** Gives same-kind, same-day occurrences their ordinal, in a stable order. */
function numbered(list: Omit<Occurrence, 'n'>[]): Occurrence[] {
  const seen = new Map<string, number>();
  return [...list]
    .sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
    .map((o) => {
      const key = `${o.kind}|${o.on}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return { kind: o.kind, on: o.on, n };
    });
}
