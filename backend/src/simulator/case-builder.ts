// One case's facts as the simulator plans them: scripts schedule dated facts in any order, `finish` sorts
// them and keeps the case valid under the write rules (an end needs an active start, nothing after the
// closing, nothing after the horizon), tidying up at the closing day as a registrator would (the plan is
// ended, waiting lists left).
import { addDays, type CaseEvent, type EventData, type IsoDate } from '@pact/events';

type CaseType = CaseEvent['type'];
type DataOf<T extends CaseType> = Omit<EventData<T>, 'effectiveOn'>;

/** A planned fact of a case: its type, its data without `effectiveOn`, and the day it became true. */
export interface Planned {
  type: CaseType;
  data: Record<string, unknown>;
  on: IsoDate;
  /** Order among facts of the same day: ends before starts, closing last. */
  rank: number;
  seq: number;
  /** Set for facts that are registration errors; `finish` keeps them, `recording.ts` retracts them. */
  mistake?: 'invoerfout' | 'dubbel';
}

const RANK: Record<CaseType, number> = {
  CaseOpened: 0,
  PlanEnded: 1,
  OfferEnded: 1,
  WaitlistLeft: 1,
  ExemptionEnded: 1,
  ReducedTimetableEnded: 1,
  EnrolmentChanged: 2,
  PhaseChanged: 3,
  PlanAgreed: 4,
  PlanReviewed: 5,
  OfferStarted: 4,
  WaitlistEntered: 4,
  ExemptionGranted: 4,
  ReducedTimetableGranted: 4,
  Escalated: 5,
  EnforcementRecorded: 5,
  CaseDiscussed: 5,
  EventRetracted: 8,
  CaseClosed: 9,
};

/** Facts that change a case's state (the rest are happenings: counted, but they change nothing). */
export const STATE_TYPES: ReadonlySet<CaseType> = new Set<CaseType>([
  'CaseOpened',
  'PhaseChanged',
  'EnrolmentChanged',
  'ExemptionGranted',
  'ExemptionEnded',
  'ReducedTimetableGranted',
  'ReducedTimetableEnded',
  'PlanAgreed',
  'PlanEnded',
  'PlanReviewed',
  'OfferStarted',
  'OfferEnded',
  'WaitlistEntered',
  'WaitlistLeft',
  'CaseClosed',
]);

export class CaseSchedule {
  private readonly facts: Planned[] = [];
  private seq = 0;

  constructor(readonly opened: EventData<'CaseOpened'>) {
    this.facts.push({ type: 'CaseOpened', data: { ...opened }, on: opened.effectiveOn, rank: 0, seq: this.seq++ });
  }

  get openedOn(): IsoDate {
    return this.opened.effectiveOn;
  }

  add<T extends CaseType>(on: IsoDate, type: T, data: DataOf<T>, mistake?: Planned['mistake']): void {
    if (type === 'CaseOpened') throw new Error('CaseOpened comes from the constructor');
    const day = on < this.openedOn ? this.openedOn : on;
    this.facts.push({ type, data: data as Record<string, unknown>, on: day, rank: RANK[type], seq: this.seq++, ...(mistake ? { mistake } : {}) });
  }

  /**
   * The facts in effective order, valid under the write rules: facts after `horizon` or after the closing are
   * dropped, an end without an active start is dropped, a second plan replaces the first (`vervangen`), and
   * the closing day ends the plan and (mostly) leaves the waiting lists.
   */
  finish(horizon: IsoDate, leaveWaitlistsAtClose: boolean): Planned[] {
    const sorted = this.facts.filter((f) => f.on <= horizon).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.rank - b.rank || a.seq - b.seq));
    const out: Planned[] = [];
    const s = {
      enrolled: this.opened.enrolled,
      phase: this.opened.phase as string,
      authorised: this.opened.authorised ?? false,
      plan: false,
      offer: false,
      reduced: false,
      exemption: null as { until: IsoDate | null } | null,
      waitlists: new Set<string>(),
    };
    const exempt = (on: IsoDate) => s.exemption !== null && (s.exemption.until === null || s.exemption.until >= on);
    const keep = (f: Planned) => out.push(f);
    const synthetic = (on: IsoDate, type: CaseType, data: Record<string, unknown>) => keep({ type, data, on, rank: RANK[type], seq: -1 });
    for (const f of sorted) {
      const d = f.data;
      switch (f.type) {
        case 'CaseOpened':
          keep(f);
          break;
        case 'PhaseChanged': {
          const authorised = d.phase === 'op_school' ? false : (d.authorised as boolean);
          if (!f.mistake && d.phase === s.phase && authorised === s.authorised) break;
          if (!f.mistake) [s.phase, s.authorised] = [d.phase as string, authorised];
          keep(f);
          break;
        }
        case 'EnrolmentChanged':
          if (d.enrolled === s.enrolled) break;
          s.enrolled = d.enrolled as boolean;
          keep(f);
          break;
        case 'ExemptionGranted':
          if (exempt(f.on)) break;
          s.exemption = { until: (d.until as IsoDate | undefined) ?? null };
          keep(f);
          break;
        case 'ExemptionEnded':
          if (!exempt(f.on)) break;
          s.exemption = null;
          keep(f);
          break;
        case 'ReducedTimetableGranted':
          if (s.reduced) break;
          s.reduced = true;
          keep(f);
          break;
        case 'ReducedTimetableEnded':
          if (!s.reduced) break;
          s.reduced = false;
          keep(f);
          break;
        case 'PlanAgreed':
          if (s.plan) synthetic(f.on, 'PlanEnded', { outcome: 'vervangen' });
          s.plan = true;
          keep(f);
          break;
        case 'PlanEnded':
          if (!s.plan) break;
          s.plan = false;
          keep(f);
          break;
        case 'PlanReviewed':
          if (s.plan) keep(f);
          break;
        case 'OfferStarted':
          s.offer = true;
          keep(f);
          break;
        case 'OfferEnded':
          if (!s.offer) break;
          s.offer = false;
          keep(f);
          break;
        case 'WaitlistEntered':
          if (s.waitlists.has(d.waitingFor as string)) break;
          s.waitlists.add(d.waitingFor as string);
          keep(f);
          break;
        case 'WaitlistLeft':
          if (!s.waitlists.has(d.waitingFor as string)) break;
          s.waitlists.delete(d.waitingFor as string);
          keep(f);
          break;
        case 'CaseClosed':
          if (s.plan) synthetic(f.on, 'PlanEnded', { outcome: 'uitgevoerd' });
          if (s.reduced) synthetic(f.on, 'ReducedTimetableEnded', {});
          if (leaveWaitlistsAtClose) for (const w of [...s.waitlists].sort()) synthetic(f.on, 'WaitlistLeft', { waitingFor: w });
          keep(f);
          return out;
        default:
          keep(f);
      }
    }
    return out;
  }
}

/** A date `days` after `on`, or undefined when that is after `limit`. */
export function within(on: IsoDate, days: number, limit: IsoDate | null): IsoDate | undefined {
  const day = addDays(on, days);
  return limit !== null && day > limit ? undefined : day;
}
