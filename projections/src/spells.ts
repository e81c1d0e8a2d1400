// The facts a case contributes to the figures (metrics.md), as a pure function of its events:
// spells (runs of days on which a condition holds) and occurrences (dated happenings that are counted).
import { addDays, addMonths, activeEvents, inEffectiveOrder, segmentsOf, type CaseEvent, type CaseState, type IsoDate } from '@pact/events';
import { betweenDays, fromDay, intersect, normalise, subtract, union, type Interval } from './intervals.ts';

export const PROFILES = ['officieel', 'breed', 'leerrecht'] as const;
export type Profile = (typeof PROFILES)[number];

/** Region defaults of metrics.md ("Configuration per region"). */
export const FOUR_WEEKS_DAYS = 28;
export const NORM_MONTHS = 3;

/**
 * Spell kinds. Conditions of metrics.md on one day: `av`, `lrv_base`, `thuis_base`, `v5a`, `partial`,
 * `waitlist`, `absent` (enrolled, no exemption, not fully at school) and `absent_authorised` (that, geoorloofd).
 * Per profile p: `base_<p>` (its base condition), `covered_<p>` (a plan, or an offer started in the current base
 * spell), `norm_over_<p>` (counted, base spell ≥ 3 months, not covered), `norm_threat_<p>` (the same at 2 to 3
 * months). Derived: `officieel_4w` (counted by officieel with its base spell ≥ 4 weeks), `wachtlijst` (counted by
 * leerrecht and on a waiting list). "Spell has lasted 4 weeks / 3 months" of a stored spell (LRV, AV > 3
 * months) is derived from its start in SQL.
 */
export type SpellKind = string;

export interface Spell extends Interval {
  kind: SpellKind;
}

/**
 * Occurrence kinds: `opened`, `closed_<outcome>`, `escalated_<level>`, `enforcement`, `discussed_<forum>`,
 * `mark_<p>` (a base spell reaching its 3-month mark) and `mark_<p>_covered` (one that was covered before it).
 */
export interface Occurrence {
  kind: string;
  on: IsoDate;
  /** Ordinal among occurrences of the same kind on the same day. */
  n: number;
}

export interface CaseIdentity {
  childRef: string;
  gemeente: string;
  swv: string;
}

export interface CaseFacts {
  identity: CaseIdentity | null;
  spells: Spell[];
  occurrences: Occurrence[];
}

type Open = Exclude<CaseState, { status: 'unopened' }>;
type Condition = (s: Open) => boolean;

const live = (s: CaseState): s is Open => s.status === 'open';
const noExemption = (s: Open) => s.exemption === null;
const conditions = {
  av: (s) => !s.enrolled && noExemption(s),
  lrv_base: (s) => s.enrolled && noExemption(s) && s.phase === 'thuis' && !s.authorised,
  thuis_base: (s) => s.enrolled && noExemption(s) && s.phase === 'thuis',
  v5a: (s) => s.exemption?.article === '5a',
  partial: (s) => s.enrolled && noExemption(s) && (s.phase === 'minder_naar_school' || s.reducedTimetable !== null),
  absent: (s) => s.enrolled && noExemption(s) && s.phase !== 'op_school',
  absent_authorised: (s) => s.enrolled && noExemption(s) && s.phase !== 'op_school' && s.authorised,
  waitlist: (s) => Object.keys(s.waitlists).length > 0,
} satisfies Record<string, Condition>;
type ConditionKind = keyof typeof conditions;
const CONDITIONS = Object.entries(conditions) as [ConditionKind, Condition][];

/** The kinds that make a child counted by each profile, on a day (metrics.md, "Profiles"). */
export const COUNTED_KINDS: Record<Profile, readonly SpellKind[]> = {
  officieel: ['av', 'lrv'],
  breed: ['av', 'v5a', 'thuis_4w'],
  leerrecht: ['av', 'v5a', 'thuis_base', 'partial'],
};

const plus28 = (d: IsoDate) => addDays(d, FOUR_WEEKS_DAYS);
const months = (n: number) => (d: IsoDate) => addMonths(d, n);

export function caseFacts(events: readonly CaseEvent[]): CaseFacts {
  const active = inEffectiveOrder(activeEvents(events));
  const segments = segmentsOf(active);
  const first = segments[0]?.state;
  if (!first || first.status === 'unopened') return { identity: null, spells: [], occurrences: [] };

  // One pass over the segments (consecutive, in order): extend the current run of a condition or start one.
  const c = Object.fromEntries(CONDITIONS.map(([k]) => [k, [] as Interval[]])) as Record<ConditionKind, Interval[]>;
  const plans: Interval[] = [];
  const checks: [Interval[], Condition][] = [...CONDITIONS.map(([k, holds]): [Interval[], Condition] => [c[k], holds]), [plans, (s) => s.plan !== null]];
  const running = checks.map(() => false);
  for (const seg of segments) {
    const end = seg.to === null ? null : addDays(seg.to, -1);
    const state = seg.state;
    checks.forEach(([runs, holds], i) => {
      const on = live(state) && holds(state);
      if (on && running[i]) runs[runs.length - 1].end = end;
      else if (on) runs.push({ start: seg.from, end });
      running[i] = on;
    });
  }

  // Conditions that hold once a spell has lasted 4 weeks; `lrv` and `thuis_4w` are computed here for the
  // profiles, but not stored: SQL derives them from the start of the stored spell.
  const after4Weeks: Record<string, Interval[]> = { lrv: fromDay(c.lrv_base, plus28), thuis_4w: fromDay(c.thuis_base, plus28) };
  const base: Record<Profile, Interval[]> = {
    officieel: union(c.av, c.lrv_base),
    breed: union(c.av, c.v5a, c.thuis_base),
    leerrecht: union(c.av, c.v5a, c.thuis_base, c.partial),
  };
  const counted = Object.fromEntries(PROFILES.map((p) => [p, union(...COUNTED_KINDS[p].map((k) => c[k as ConditionKind] ?? after4Weeks[k]))])) as Record<Profile, Interval[]>;

  const offers = active.filter((e) => e.type === 'OfferStarted').map((e) => e.data.effectiveOn);
  const perProfile: Record<string, Interval[]> = {};
  const occurrences: Omit<Occurrence, 'n'>[] = [];
  for (const p of PROFILES) {
    // covered: a plan is active, or an offer started within the current base spell (from that day on)
    const offerCover = base[p].flatMap((spell) => {
      const o = offers.find((d) => d >= spell.start && (spell.end === null || d <= spell.end));
      return o ? [{ start: o, end: spell.end }] : [];
    });
    const covered = union(plans, offerCover);
    perProfile[`base_${p}`] = base[p];
    perProfile[`covered_${p}`] = covered;
    perProfile[`norm_over_${p}`] = subtract(intersect(counted[p], fromDay(base[p], months(NORM_MONTHS))), covered);
    perProfile[`norm_threat_${p}`] = subtract(intersect(counted[p], betweenDays(base[p], months(NORM_MONTHS - 1), months(NORM_MONTHS))), covered);
    for (const spell of base[p]) {
      const mark = addMonths(spell.start, NORM_MONTHS);
      if (spell.end !== null && spell.end < mark) continue;
      occurrences.push({ kind: `mark_${p}`, on: mark });
      if (intersect(covered, [{ start: spell.start, end: addDays(mark, -1) }]).length > 0) occurrences.push({ kind: `mark_${p}_covered`, on: mark });
    }
  }
  const derived = {
    officieel_4w: intersect(counted.officieel, fromDay(base.officieel, plus28)),
    wachtlijst: intersect(base.leerrecht, c.waitlist),
  };

  for (const e of active) {
    const on = e.data.effectiveOn;
    switch (e.type) {
      case 'CaseOpened':
        occurrences.push({ kind: 'opened', on });
        break;
      case 'CaseClosed':
        occurrences.push({ kind: `closed_${e.data.outcome}`, on });
        break;
      case 'Escalated':
        occurrences.push({ kind: `escalated_${e.data.level}`, on });
        break;
      case 'EnforcementRecorded':
        occurrences.push({ kind: 'enforcement', on });
        break;
      case 'CaseDiscussed':
        occurrences.push({ kind: `discussed_${e.data.forum}`, on });
        break;
      default:
        break;
    }
  }

  // (plain loops and literal objects: this runs for every version of every case, and object spread is slow)
  const spells: Spell[] = [];
  for (const group of [c, derived, perProfile] as Record<string, Interval[]>[]) {
    for (const kind in group) for (const i of group[kind]) spells.push({ kind, start: i.start, end: i.end });
  }
  return { identity: { childRef: first.childRef, gemeente: first.gemeente, swv: first.swv }, spells, occurrences: numbered(occurrences) };
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
