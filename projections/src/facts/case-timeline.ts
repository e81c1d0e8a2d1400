// One case's history in the terms of metrics.md, as a pure function of its events and the region's time rules:
// the runs of each condition, the norm spells (runs joined across short interruptions, with their start s* and
// mark), valid and expired plans, running offers and which of them count as aanbod. Every time rule of the figures
// lives here (and in case-facts.ts, which turns this into flags per day).
import {
  activeEvents,
  addDays,
  addMonths,
  daysBetween,
  inEffectiveOrder,
  segmentsOf,
  waitingFor,
  type CaseEvent,
  type CaseState,
  type EventData,
  type IsoDate,
  type Segment,
} from '@pact/events';
import { LEERPLICHTTELLING_MONTHS, type RegionConfig } from '../config.ts';
import { intersect, union, type Interval } from '../intervals.ts';
import { baseOf, CONDITION_IDS, CONDITIONS, NORM_CONDITIONS, type ConditionId, type NormCondition, type OpenState } from './conditions.ts';

export type TimeRules = Pick<RegionConfig, 'fourWeeksDays' | 'normMonths' | 'normGapDays'>;
type WaitingFor = EventData<'WaitlistEntered'>['waitingFor'];
type Outcome = EventData<'CaseClosed'>['outcome'];

// --- the time rules (metrics.md "Time") ------------------------------------------------------------------------

/** The first day on which a run that began on `start` has lasted 4 weeks (`fourWeeksDays`). */
export const fourWeeksFrom = (start: IsoDate, rules: TimeRules): IsoDate => addDays(start, rules.fourWeeksDays);
/** The norm spell's mark: `normMonths` after its start s*. */
export const markOf = (spellStart: IsoDate, rules: TimeRules): IsoDate => addMonths(spellStart, rules.normMonths);
/** "2 months" of `norm_dreigend` and the signal list: `normMonths − 1` after s*. */
export const threatFrom = (spellStart: IsoDate, rules: TimeRules): IsoDate => addMonths(spellStart, rules.normMonths - 1);
/** The Leerplichttelling's "langer dan 3 maanden" (`av_3m`, `lrv_3m`), whatever the region's norm. */
export const threeMonthsFrom = (start: IsoDate): IsoDate => addMonths(start, LEERPLICHTTELLING_MONTHS);

// ---------------------------------------------------------------------------------------------------------------

export interface CaseIdentity {
  childRef: string;
  gemeente: string;
  swv: string;
}

/** A norm spell: runs of a norm condition's base joined across gaps of at most `normGapDays` days. */
export interface NormSpell {
  /** s*: the first day of its earliest run. */
  start: IsoDate;
  /** The last day of its last run (null while it lasts). */
  end: IsoDate | null;
  /** Its days (the gap days between the runs are not days of the spell). */
  runs: Interval[];
  mark: IsoDate;
  /** The days with an aanbod: a running offer that started within this spell (s* ≤ start), on a day of the spell. */
  aanbod: Interval[];
}

export interface PlanDays extends Interval {
  /** The review date in force on these days. */
  reviewOn: IsoDate;
}

export interface RunningOffer extends Interval {
  kind: EventData<'OfferStarted'>['offerKind'];
  /** The offer's first day. */
  since: IsoDate;
}

/** Days of one run of a phase, with the reason of the phase change (or opening) that began it. */
export interface ReasonDays extends Interval {
  reason: string | null;
}

export interface CaseTimeline {
  identity: CaseIdentity;
  openedOn: IsoDate;
  closed: { on: IsoDate; outcome: Outcome } | null;
  runs: Record<ConditionId, Interval[]>;
  waitlists: Record<WaitingFor, Interval[]>;
  /** Days with a valid plan: agreed, not ended, on or before its review date. */
  validPlan: PlanDays[];
  /** Days with an active plan past its review date (verlopen): it covers nothing. */
  expiredPlan: PlanDays[];
  /** Days with a running offer; an offer later ended `niet_gestart` never was one. */
  offers: RunningOffer[];
  normSpells: Record<NormCondition, NormSpell[]>;
  /** The open days cut into runs of one phase, each with the reason that began it (the breakdown `reden`). */
  reasons: ReasonDays[];
}

const isOpen = (s: CaseState): s is OpenState => s.status === 'open';
const lastDay = (seg: Segment) => (seg.to === null ? null : addDays(seg.to, -1));

/** The case's history, or null when it was never (validly) opened. */
export function caseTimeline(events: readonly CaseEvent[], rules: TimeRules): CaseTimeline | null {
  const ordered = inEffectiveOrder(activeEvents(events));
  const segments = segmentsOf(ordered);
  const first = segments[0]?.state;
  if (!first || first.status === 'unopened') return null;
  const last = segments[segments.length - 1].state;

  const runs = Object.fromEntries(CONDITION_IDS.map((id) => [id, runsWhere(segments, CONDITIONS[id])])) as Record<ConditionId, Interval[]>;
  const waitlists = Object.fromEntries(waitingFor.options.map((w) => [w, runsWhere(segments, (s) => s.waitlists[w] !== undefined)])) as Record<WaitingFor, Interval[]>;
  const { validPlan, expiredPlan } = plansOf(segments);
  const offers = offersOf(segments, voidOffers(ordered));
  const normSpells = Object.fromEntries(
    NORM_CONDITIONS.map((c) => [c, normSpellsOf(union(...baseOf(c).map((id) => runs[id])), offers, rules)]),
  ) as Record<NormCondition, NormSpell[]>;
  return {
    identity: { childRef: first.childRef, gemeente: first.gemeente, swv: first.swv },
    openedOn: first.openedOn,
    closed: last.status === 'closed' ? { on: last.closedOn, outcome: last.outcome } : null,
    runs,
    waitlists,
    validPlan,
    expiredPlan,
    offers,
    normSpells,
    reasons: reasonsOf(segments),
  };
}

/** Runs of one phase on open days; a run keeps the reason of the segment that began it. */
function reasonsOf(segments: readonly Segment[]): ReasonDays[] {
  const out: ReasonDays[] = [];
  let phase: string | null = null;
  for (const seg of segments) {
    if (!isOpen(seg.state)) {
      phase = null;
      continue;
    }
    if (seg.state.phase === phase) out[out.length - 1].end = lastDay(seg);
    else out.push({ start: seg.from, end: lastDay(seg), reason: seg.state.reason ?? null });
    phase = seg.state.phase;
  }
  return out;
}

/** The maximal runs of days of open segments on which `holds`. */
function runsWhere(segments: readonly Segment[], holds: (s: OpenState) => boolean): Interval[] {
  const out: Interval[] = [];
  let running = false;
  for (const seg of segments) {
    const on = isOpen(seg.state) && holds(seg.state);
    if (on && running) out[out.length - 1].end = lastDay(seg);
    else if (on) out.push({ start: seg.from, end: lastDay(seg) });
    running = on;
  }
  return out;
}

/** A plan is verlopen from the day after its review date (metrics.md: valid while t ≤ review date). */
export const expiredFrom = (reviewOn: IsoDate): IsoDate => addDays(reviewOn, 1);

/** A plan covers from its agreement through its review date; after that it is verlopen until a review moves the date. */
function plansOf(segments: readonly Segment[]): { validPlan: PlanDays[]; expiredPlan: PlanDays[] } {
  const valid: PlanDays[] = [];
  const expired: PlanDays[] = [];
  const extend = (list: PlanDays[], start: IsoDate, end: IsoDate | null, reviewOn: IsoDate) => {
    const previous = list[list.length - 1];
    if (previous && previous.reviewOn === reviewOn && previous.end !== null && addDays(previous.end, 1) === start) previous.end = end;
    else list.push({ start, end, reviewOn });
  };
  for (const seg of segments) {
    if (!isOpen(seg.state) || !seg.state.plan) continue;
    const { reviewOn } = seg.state.plan;
    const end = lastDay(seg);
    if (seg.from <= reviewOn) extend(valid, seg.from, end !== null && end < reviewOn ? end : reviewOn, reviewOn);
    const from = expiredFrom(reviewOn);
    if (end === null || end >= from) extend(expired, seg.from > from ? seg.from : from, end, reviewOn);
  }
  return { validPlan: valid, expiredPlan: expired };
}

/** The first days of the offers that were ended `niet_gestart`: they count as never having been an aanbod. */
function voidOffers(ordered: readonly CaseEvent[]): Set<IsoDate> {
  const never = new Set<IsoDate>();
  let running: IsoDate | null = null;
  for (const e of ordered) {
    if (e.type === 'OfferStarted') running = e.data.effectiveOn;
    else if (e.type === 'OfferEnded') {
      if (running !== null && e.data.outcome === 'niet_gestart') never.add(running);
      running = null;
    }
  }
  return never;
}

function offersOf(segments: readonly Segment[], never: ReadonlySet<IsoDate>): RunningOffer[] {
  const out: RunningOffer[] = [];
  for (const seg of segments) {
    const offer = isOpen(seg.state) ? seg.state.offer : null;
    if (!offer || never.has(offer.since)) continue;
    const previous = out[out.length - 1];
    if (previous && previous.since === offer.since && previous.end !== null && addDays(previous.end, 1) === seg.from) previous.end = lastDay(seg);
    else out.push({ start: seg.from, end: lastDay(seg), kind: offer.offerKind, since: offer.since });
  }
  return out;
}

/** metrics.md "Norm spells": runs joined wherever the gap between two is at most `normGapDays` days. */
function normSpellsOf(base: readonly Interval[], offers: readonly RunningOffer[], rules: TimeRules): NormSpell[] {
  const spells: { start: IsoDate; runs: Interval[] }[] = [];
  for (const run of base) {
    const current = spells[spells.length - 1];
    const previous = current?.runs[current.runs.length - 1];
    const gap = previous && previous.end !== null ? daysBetween(previous.end, run.start) - 1 : Infinity;
    if (current && gap <= rules.normGapDays) current.runs.push(run);
    else spells.push({ start: run.start, runs: [run] });
  }
  return spells.map(({ start, runs }) => ({
    start,
    end: runs[runs.length - 1].end,
    runs,
    mark: markOf(start, rules),
    aanbod: intersect(
      runs,
      offers.filter((o) => o.since >= start),
    ),
  }));
}
