// The derived state of a case (events.md, "Derived case state at a date T"): a pure fold of its
// non-retracted events in `effectiveOn` order (ties: stream order).
import { addDays, type IsoDate } from './dates.ts';
import type { CaseEvent, EventData } from './schemas.ts';

type Data<T extends CaseEvent['type']> = EventData<T>;
type Article = Data<'ExemptionGranted'>['article'];
type WaitingFor = Data<'WaitlistEntered'>['waitingFor'];

/** What a case is on one day. */
export interface CaseFacts {
  childRef: string;
  gemeente: string;
  swv: string;
  sector: Data<'CaseOpened'>['sector'];
  birthYear: number;
  signalledBy: Data<'CaseOpened'>['signalledBy'];
  openedOn: IsoDate;
  enrolled: boolean;
  phase: Data<'PhaseChanged'>['phase'];
  /** Geoorloofd; only meaningful when the phase is not `op_school`. */
  authorised: boolean;
  reason: Data<'PhaseChanged'>['reason'] | null;
  exemption: { article: Article; since: IsoDate; until: IsoDate | null } | null;
  reducedTimetable: { hoursPerWeek: number; since: IsoDate } | null;
  /** The active plan (agreed, not ended), with its current review date (`reviewOn`, moved by each `PlanReviewed`). */
  plan: { accountableRole: Data<'PlanAgreed'>['accountableRole']; planKind: Data<'PlanAgreed'>['planKind']; since: IsoDate; reviewOn: IsoDate } | null;
  /** The running offer (started, not ended or replaced), with its start. */
  offer: { offerKind: Data<'OfferStarted'>['offerKind']; since: IsoDate } | null;
  /** Active waiting lists, each with the day it was entered. */
  waitlists: Partial<Record<WaitingFor, IsoDate>>;
}

export type CaseState =
  | { status: 'unopened' }
  | ({ status: 'open' } & CaseFacts)
  | ({ status: 'closed'; closedOn: IsoDate; outcome: Data<'CaseClosed'>['outcome'] } & CaseFacts);

export const UNOPENED: CaseState = { status: 'unopened' };

function assertNever(x: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(x)}`);
}

/** One step of the fold. Events that do not apply (e.g. before `CaseOpened`) leave the state as it is. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const d = event.data;
    return {
      status: 'open',
      childRef: d.childRef,
      gemeente: d.gemeente,
      swv: d.swv,
      sector: d.sector,
      birthYear: d.birthYear,
      signalledBy: d.signalledBy,
      openedOn: d.effectiveOn,
      enrolled: d.enrolled,
      phase: d.phase,
      authorised: d.phase !== 'op_school' && d.authorised === true,
      reason: d.reason ?? null,
      exemption: null,
      reducedTimetable: null,
      plan: null,
      offer: null,
      waitlists: {},
    };
  }
  if (state.status === 'unopened') return state;
  const on = event.data.effectiveOn;
  switch (event.type) {
    case 'PhaseChanged':
      return {
        ...state,
        phase: event.data.phase,
        authorised: event.data.phase !== 'op_school' && event.data.authorised === true,
        reason: event.data.reason ?? null,
      };
    case 'EnrolmentChanged':
      return { ...state, enrolled: event.data.enrolled };
    case 'ExemptionGranted':
      return { ...state, exemption: { article: event.data.article, since: on, until: event.data.until ?? null } };
    case 'ExemptionEnded':
      return { ...state, exemption: null };
    case 'ReducedTimetableGranted':
      return { ...state, reducedTimetable: { hoursPerWeek: event.data.hoursPerWeek, since: on } };
    case 'ReducedTimetableEnded':
      return { ...state, reducedTimetable: null };
    case 'PlanAgreed':
      return {
        ...state,
        plan: { accountableRole: event.data.accountableRole, planKind: event.data.planKind, since: on, reviewOn: event.data.reviewOn },
      };
    case 'PlanEnded':
      return { ...state, plan: null };
    case 'PlanReviewed':
      return state.plan ? { ...state, plan: { ...state.plan, reviewOn: event.data.nextReviewOn } } : state;
    case 'OfferStarted':
      return { ...state, offer: { offerKind: event.data.offerKind, since: on } };
    case 'OfferEnded':
      return { ...state, offer: null };
    case 'WaitlistEntered':
      return state.waitlists[event.data.waitingFor]
        ? state
        : { ...state, waitlists: { ...state.waitlists, [event.data.waitingFor]: on } };
    case 'WaitlistLeft': {
      const { [event.data.waitingFor]: _left, ...rest } = state.waitlists;
      return { ...state, waitlists: rest };
    }
    case 'CaseClosed':
      return { ...state, status: 'closed', closedOn: on, outcome: event.data.outcome };
    case 'Escalated':
    case 'CaseDiscussed':
    case 'EnforcementRecorded':
    case 'EventRetracted':
      return state; // happenings, counted from the events themselves; they change no state
    default:
      return assertNever(event);
  }
}

/** The events that count: not retracted (by a retraction in the list) and not retractions themselves. */
export function activeEvents<E extends CaseEvent>(events: readonly E[]): E[] {
  const retracted = new Set<string>();
  for (const e of events) if (e.type === 'EventRetracted') retracted.add(e.data.retractedEventId);
  return events.filter((e) => e.type !== 'EventRetracted' && !retracted.has(e.eventId));
}

/** Sort by `effectiveOn`, ties in stream order (the order of the given list). */
export function inEffectiveOrder<E extends CaseEvent>(events: readonly E[]): E[] {
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.data.effectiveOn < b.e.data.effectiveOn ? -1 : a.e.data.effectiveOn > b.e.data.effectiveOn ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

/** An exemption granted `until` a day lapses the day after. */
function lapse(state: CaseState, on: IsoDate): CaseState {
  if (state.status === 'unopened' || !state.exemption?.until || state.exemption.until >= on) return state;
  return { ...state, exemption: null };
}

/** The derived state on day `on`: the fold of the active events (given in stream order) with `effectiveOn ≤ on`. */
export function stateOn(events: readonly CaseEvent[], on: IsoDate): CaseState {
  let state = UNOPENED;
  for (const e of inEffectiveOrder(activeEvents(events))) {
    if (e.data.effectiveOn > on) break;
    state = evolve(lapse(state, e.data.effectiveOn), e);
  }
  return lapse(state, on);
}

/** A stretch of days with one state: `from` inclusive, `to` exclusive (null: open-ended). */
export interface Segment {
  from: IsoDate;
  to: IsoDate | null;
  state: CaseState;
}

/**
 * The whole history of a case as consecutive segments, one per change of state (events in stream order).
 * Starts at the opening day; empty when the case was never (validly) opened.
 */
export function timeline(events: readonly CaseEvent[]): Segment[] {
  return segmentsOf(inEffectiveOrder(activeEvents(events)));
}

/** `timeline` of events that are already active and in effective order. */
export function segmentsOf(ordered: readonly CaseEvent[]): Segment[] {
  const segments: Segment[] = [];
  let state = UNOPENED;
  let from: IsoDate | null = null;
  const close = (until: IsoDate) => {
    if (from !== null && state.status !== 'unopened' && from < until) segments.push({ from, to: until, state });
  };
  let i = 0;
  while (i < ordered.length) {
    const day = ordered[i].data.effectiveOn;
    // an exemption that lapses before this day ends a segment of its own
    const lapseDay = state.status !== 'unopened' && state.exemption?.until ? addDays(state.exemption.until, 1) : null;
    if (lapseDay && lapseDay < day) {
      close(lapseDay);
      state = lapse(state, lapseDay);
      from = lapseDay;
      continue;
    }
    close(day);
    state = lapse(state, day);
    while (i < ordered.length && ordered[i].data.effectiveOn === day) state = evolve(state, ordered[i++]);
    from = day;
  }
  if (from !== null && state.status !== 'unopened') {
    const lapseDay = state.exemption?.until ? addDays(state.exemption.until, 1) : null;
    if (lapseDay) {
      close(lapseDay);
      segments.push({ from: lapseDay, to: null, state: lapse(state, lapseDay) });
    } else {
      segments.push({ from, to: null, state });
    }
  }
  return segments;
}
