// From planned facts to the events a registrator sends: event ids, the time each fact was recorded (late
// registrations with a lag distribution; per stream `recordedAt` never goes back), a few registration
// errors that are retracted later, and the order of the stream (the order of recording).
import { addDays, type CaseEvent, type IsoDate, type PactEvent } from '@pact/events';
import { STATE_TYPES, type Planned } from './case-builder.ts';
import type { Random } from './random.ts';

interface Draft {
  event: CaseEvent;
  /** Position in effective order (ties on one recordedAt keep it). */
  index: number;
  at: string;
}

/** Days between the fact and its registration. */
function lag(rng: Random, type: CaseEvent['type']): number {
  const r = rng.next();
  if (type === 'CaseOpened') return r < 0.5 ? rng.int(0, 2) : r < 0.82 ? rng.int(3, 14) : r < 0.96 ? rng.int(15, 45) : rng.int(46, 120);
  if (type === 'CaseDiscussed') return rng.int(0, 3);
  return r < 0.6 ? 0 : r < 0.85 ? rng.int(1, 7) : r < 0.95 ? rng.int(8, 30) : r < 0.99 ? rng.int(31, 90) : rng.int(91, 180);
}

/** An instant on `day` during office hours (07:00–15:59 UTC, the same calendar day in Amsterdam). */
export function officeTime(rng: Random, day: IsoDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day}T${two(rng.int(7, 15))}:${two(rng.int(0, 59))}:${two(rng.int(0, 59))}.000Z`;
}

const later = (a: string, b: string) => (a > b ? a : b);

export interface RecordOptions {
  /** The caller's clock: nothing is recorded after it. */
  now: string;
  /** Retract the CaseOpened a few days later (a case opened twice or for the wrong child). */
  voided?: 'dubbel' | 'verkeerd_kind';
  /** Chance that the case holds a registration error that is retracted later. */
  mistakeChance: number;
}

/** The case's events in stream order, each with its `recordedAt`. */
export function recordCase(rng: Random, stream: string, planned: readonly Planned[], options: RecordOptions): PactEvent[] {
  const today = options.now.slice(0, 10);
  const make = (p: Planned): CaseEvent => ({ eventId: rng.uuid(), type: p.type, stream, data: { ...p.data, effectiveOn: p.on }, schemaVersion: 1 }) as CaseEvent;
  const facts = [...planned];
  const mistakes = options.mistakeChance > 0 && rng.chance(options.mistakeChance) ? [mistakeOf(rng, facts)].filter((m) => m !== undefined) : [];
  for (const m of mistakes) facts.splice(m.after + 1, 0, m.fact);

  // recordedAt in effective order: state facts never before an earlier state fact (the write rules judge an
  // end against the state at its day), happenings whenever they were typed in, the closing after everything
  const drafts: Draft[] = facts.map((p, index) => ({ event: make(p), index, at: '' }));
  let state = '';
  let last = '';
  for (const d of drafts) {
    const own = officeTime(rng, addDays(d.event.data.effectiveOn, lag(rng, d.event.type)));
    if (d.event.type === 'CaseClosed') d.at = later(own, last);
    else if (STATE_TYPES.has(d.event.type)) d.at = state = later(own, state);
    else d.at = later(own, drafts[0].at);
    last = later(last, d.at);
  }
  const retractions: Draft[] = [];
  const retract = (target: Draft, reason: 'invoerfout' | 'dubbel' | 'verkeerd_kind', after: string) => {
    const at = officeTime(rng, addDays(after.slice(0, 10), rng.int(1, 40)));
    const event = { eventId: rng.uuid(), type: 'EventRetracted', stream, data: { retractedEventId: target.event.eventId, reason, effectiveOn: at.slice(0, 10) }, schemaVersion: 1 } as CaseEvent;
    retractions.push({ event, index: drafts.length + retractions.length, at });
  };
  for (const d of drafts) {
    const mistake = facts[d.index].mistake;
    if (mistake) retract(d, mistake, d.at);
  }
  if (options.voided) retract(drafts[0], options.voided, retractions.reduce((max, r) => later(max, r.at), last));

  const all = [...drafts, ...retractions];
  for (const d of all) {
    // nothing after the caller's clock; an event dated on its day of recording stays on or before today
    if (d.at > options.now) d.at = options.now;
    if (d.event.data.effectiveOn > today) (d.event.data as { effectiveOn: IsoDate }).effectiveOn = today;
  }
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.index - b.index)).map((d) => ({ ...d.event, recordedAt: d.at }));
}

/** A registration error to add after fact `after`: a second copy of a discussion, a wrong warning, or a phase with the wrong authorisation. */
function mistakeOf(rng: Random, facts: readonly Planned[]): { after: number; fact: Planned } | undefined {
  const closing = facts.findIndex((f) => f.type === 'CaseClosed');
  const open = closing < 0 ? facts.length : closing;
  const candidates = facts.slice(0, open).map((f, i) => ({ f, i }));
  const discussed = candidates.filter(({ f }) => f.type === 'CaseDiscussed');
  const home = candidates.filter(({ f }) => f.type === 'PhaseChanged' && f.data.phase === 'thuis');
  const kind = rng.weighted({ dubbel: discussed.length > 0 ? 4 : 0, fase: home.length > 0 ? 3 : 0, waarschuwing: 3 });
  if (kind === 'dubbel') {
    const { f, i } = rng.pick(discussed);
    return { after: i, fact: { ...f, seq: f.seq + 0.5, mistake: 'dubbel' } };
  }
  if (kind === 'fase') {
    const { f, i } = rng.pick(home);
    return { after: i, fact: { ...f, data: { ...f.data, authorised: !f.data.authorised }, seq: f.seq + 0.5, mistake: 'invoerfout' } };
  }
  const { f, i } = rng.pick(candidates);
  return { after: i, fact: { type: 'EnforcementRecorded', data: { measure: 'waarschuwing' }, on: f.on, rank: 5, seq: f.seq + 0.5, mistake: 'invoerfout' } };
}
