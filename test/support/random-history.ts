// Seeded random, valid case histories for tests and benchmarks: every event passes the schema, the privacy
// guard and the write rules when appended in the order given.
import type { EventData, PactEvent } from '@pact/events';
import { addDays } from '@pact/events';

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof prng>;

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function ref(rng: Rng): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from({ length: 32 }, () => alphabet[rng.int(0, 31)]).join('');
}

export interface HistoryOptions {
  seed: number;
  cases: number;
  /** Opening days are drawn from [from, to]; later events follow within `spanDays`. */
  from?: string;
  to?: string;
  spanDays?: number;
  gemeenten?: readonly string[];
  swvs?: readonly string[];
  /** Share of cases whose child had an earlier case (repeat episodes share the childRef). */
  repeatShare?: number;
  /** Up to this many events per case (excluding CaseOpened). */
  maxEvents?: number;
  meetings?: boolean;
  /**
   * Give every event a `recordedAt` (for `--historical` imports): some days after its `effectiveOn`, never
   * earlier than the stream's previous one.
   */
  recorded?: boolean;
}

/** A list of events, stream by stream in a valid append order (each case's events in stream order). */
export function randomHistory(options: HistoryOptions): PactEvent[] {
  const rng = prng(options.seed);
  const from = options.from ?? '2022-08-01';
  const to = options.to ?? '2024-06-30';
  const span = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000));
  const gemeenten = options.gemeenten ?? ['GM0344', 'GM0307', 'GM0356'];
  const swvs = options.swvs ?? ['PO2601', 'VO2602'];
  const out: PactEvent[] = [];
  const children: string[] = [];
  for (let c = 0; c < options.cases; c++) {
    const stream = `case-${uuid(rng)}`;
    const child = children.length > 0 && rng.chance(options.repeatShare ?? 0.1) ? rng.pick(children) : ref(rng);
    children.push(child);
    const events = randomCase(rng, stream, child, addDays(from, rng.int(0, span)), options, rng.pick(gemeenten), rng.pick(swvs));
    out.push(...(options.recorded ? withRecordedAt(rng, events) : events));
  }
  if (options.meetings ?? true) {
    for (let day = from; day <= to; day = addDays(day, rng.int(20, 40))) {
      const stream = `meeting-${uuid(rng)}`;
      const meeting = ev(rng, stream, 'MeetingHeld', { forum: rng.pick(['leerplicht_swv', 'kernpartner', 'oogo'] as const), gemeente: rng.pick(gemeenten), casesDiscussed: rng.int(0, 30), effectiveOn: day });
      // now and then a meeting registered by mistake, retracted some days later
      const events = rng.chance(0.15) ? [meeting, ev(rng, stream, 'EventRetracted', { retractedEventId: meeting.eventId, reason: 'dubbel', effectiveOn: addDays(day, rng.int(0, 20)) })] : [meeting];
      out.push(...(options.recorded ? withRecordedAt(rng, events) : events));
    }
  }
  return out;
}

/** Registration some days after the fact (mostly within a week, sometimes weeks late), never going back per stream. */
function withRecordedAt(rng: Rng, events: PactEvent[]): PactEvent[] {
  let last = '';
  return events.map((e) => {
    const lag = rng.chance(0.85) ? rng.int(0, 7) : rng.int(8, 60);
    const at = `${addDays(e.data.effectiveOn, lag)}T${String(rng.int(7, 17)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`;
    last = at > last ? at : last;
    return { ...e, recordedAt: last };
  });
}

function ev<T extends PactEvent['type']>(rng: Rng, stream: string, type: T, data: EventData<T>): PactEvent {
  return { eventId: uuid(rng), type, stream, data, schemaVersion: 1 } as PactEvent;
}

function randomCase(rng: Rng, stream: string, childRef: string, openedOn: string, options: HistoryOptions, gemeente: string, swv: string): PactEvent[] {
  const events: PactEvent[] = [];
  const push = <T extends PactEvent['type']>(type: T, data: EventData<T>) => {
    const e = ev(rng, stream, type, data);
    events.push(e);
    return e;
  };
  const phase = rng.pick(['op_school', 'minder_naar_school', 'thuis'] as const);
  push('CaseOpened', {
    childRef,
    gemeente,
    swv,
    sector: rng.pick(['po', 'vo', 'so', 'vso', 'mbo'] as const),
    birthYear: rng.int(2006, 2018),
    signalledBy: rng.pick(['school', 'leerplicht', 'swv', 'ouders'] as const),
    enrolled: rng.chance(0.8),
    phase,
    ...(phase === 'op_school' ? {} : { authorised: rng.chance(0.3), reason: rng.pick(['ziekte', 'psychisch', 'wachtlijst', 'geen_passend_aanbod'] as const) }),
    effectiveOn: openedOn,
  });
  let day = openedOn;
  let exemption = false;
  let reduced = false;
  let plan = false;
  let offer = false;
  const waitlists = new Set<string>();
  const n = rng.int(1, options.maxEvents ?? 12);
  const spanDays = options.spanDays ?? 400;
  const last = addDays(openedOn, spanDays);
  for (let i = 0; i < n; i++) {
    day = addDays(day, rng.int(0, Math.max(1, Math.round(spanDays / n))));
    if (day > last) break;
    const when = rng.chance(0.1) ? addDays(day, -rng.int(0, 20)) : day; // a late registration now and then
    const on = when < openedOn ? openedOn : when;
    const r = rng.next();
    if (r < 0.3) {
      const p = rng.pick(['op_school', 'minder_naar_school', 'thuis', 'thuis'] as const);
      push('PhaseChanged', p === 'op_school' ? { phase: p, effectiveOn: on } : { phase: p, authorised: rng.chance(0.3), reason: rng.pick(['ziekte', 'schorsing', 'schooltrauma', 'overig'] as const), effectiveOn: on });
    } else if (r < 0.38) push('EnrolmentChanged', { enrolled: rng.chance(0.5), effectiveOn: on });
    else if (r < 0.43) {
      if (exemption && on === day) {
        push('ExemptionEnded', { effectiveOn: day });
        exemption = false;
      } else if (!exemption) {
        push('ExemptionGranted', { article: rng.pick(['5a', '5a', '5b', '15'] as const), effectiveOn: day });
        exemption = true;
      }
    } else if (r < 0.48) {
      if (reduced) push('ReducedTimetableEnded', { effectiveOn: day });
      else push('ReducedTimetableGranted', { hoursPerWeek: rng.int(4, 20), effectiveOn: day });
      reduced = !reduced;
    } else if (r < 0.6) {
      if (plan && rng.chance(0.4)) push('PlanReviewed', { nextReviewOn: addDays(day, rng.int(30, 120)), effectiveOn: day });
      else {
        if (plan) push('PlanEnded', { outcome: rng.pick(['uitgevoerd', 'mislukt', 'verlopen'] as const), effectiveOn: day });
        else push('PlanAgreed', { accountableRole: rng.pick(['school', 'swv', 'leerplicht'] as const), planKind: rng.pick(['onderwijs', 'zorg'] as const), reviewOn: addDays(day, rng.int(20, 90)), effectiveOn: day });
        plan = !plan;
      }
    } else if (r < 0.66) {
      if (offer && rng.chance(0.5)) {
        push('OfferEnded', { outcome: rng.pick(['afgerond', 'afgebroken', 'niet_gestart'] as const), effectiveOn: day });
        offer = false;
      } else {
        push('OfferStarted', { offerKind: rng.pick(['regulier', 'maatwerk', 'zorg'] as const), effectiveOn: day });
        offer = true;
      }
    } else if (r < 0.74) {
      const w = rng.pick(['so_vso', 'jeugdhulp', 'ggz'] as const);
      if (waitlists.has(w)) {
        push('WaitlistLeft', { waitingFor: w, effectiveOn: day });
        waitlists.delete(w);
      } else {
        push('WaitlistEntered', { waitingFor: w, effectiveOn: day });
        waitlists.add(w);
      }
    } else if (r < 0.8) push('Escalated', { level: rng.pick(['actietafel', 'bestuurlijk'] as const), effectiveOn: on });
    else if (r < 0.9) push('CaseDiscussed', { forum: rng.pick(['leerplicht_swv', 'kernpartner'] as const), effectiveOn: on });
    else if (r < 0.94) push('EnforcementRecorded', { measure: rng.pick(['waarschuwing', 'proces_verbaal'] as const), effectiveOn: on });
    else if (r < 0.97 && events.length > 2) {
      const target = rng.pick(events.slice(1).filter((e) => e.type === 'PhaseChanged' || e.type === 'Escalated' || e.type === 'OfferStarted' || e.type === 'CaseDiscussed'));
      if (target && !events.some((e) => e.type === 'EventRetracted' && e.data.retractedEventId === target.eventId)) {
        push('EventRetracted', { retractedEventId: target.eventId, reason: rng.pick(['invoerfout', 'dubbel'] as const), effectiveOn: day });
      }
    }
  }
  if (rng.chance(0.6)) push('CaseClosed', { outcome: rng.pick(['terug_naar_school', 'passend_aanbod', 'verhuisd', 'leeftijd', 'overig'] as const), effectiveOn: addDays(day, rng.int(0, 30)) });
  return events;
}
