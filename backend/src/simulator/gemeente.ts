// One gemeente over several school years: children coming in month by month (quiet in summer, peaks after
// the autumn and spring holidays), their cases (repeat episodes reuse the childRef), the monthly
// Leerplicht/SWV overleg per samenwerkingsverband (now and then a month without one), the two-monthly
// kernpartner overleg, the yearly OOGO, and which cases each overleg discussed.
import { addDays, addMonths, daysInMonth, schoolYearBounds, type CaseEvent, type EventData, type IsoDate, type PactEvent } from '@pact/events';
import type { Flag } from '@pact/projections';
import { AGE_BY_SECTOR, scriptCase, type Archetype, type ChildProfile } from './archetypes.ts';
import type { Planned } from './case-builder.ts';
import { flagDuring, stretchesOf } from './official.ts';
import type { Random } from './random.ts';
import { officeTime, recordCase } from './recording.ts';

export interface SwvShare {
  code: string;
  /** Share of the gemeente's children of this sector group in this samenwerkingsverband. */
  share: number;
}

export interface GemeenteSpec {
  code: string;
  name: string;
  /** The PO samenwerkingsverband(en) (po, so) and the VO one(s) (vo, vso, mbo). */
  po: SwvShare[];
  vo: SwvShare[];
}

export interface Rates {
  /** Relative share of new children per archetype. */
  archetypes: Readonly<Record<Archetype, number>>;
  /** Chance that a closed case is followed by another case of the same child. */
  repeatChance: number;
  /** Chance that a case holds a registration error that is retracted later. */
  mistakeChance: number;
}

export const DEFAULT_RATES: Rates = {
  archetypes: { dreigend: 50, geoorloofd: 28, lrv: 16, av: 13, kort: 11, vrijstelling: 6, vergissing: 0.5 },
  repeatChance: 0.14,
  mistakeChance: 0.02,
};

export interface Period {
  /** First school year, e.g. `2021-2022`. */
  firstYear: string;
  years: number;
  /** The caller's clock (ISO instant): nothing happens or is recorded after it. */
  now: string;
}

/** Relative inflow per calendar month (index 0 = January): quiet in summer, peaks after autumn and spring holidays. */
export const MONTH_WEIGHTS = [1.15, 1.05, 1.2, 1.0, 1.35, 1.15, 0.45, 0.35, 1.0, 1.15, 1.45, 1.0];

export interface Meeting {
  id: string;
  forum: 'leerplicht_swv' | 'kernpartner' | 'oogo';
  swv?: string;
  on: IsoDate;
  discussed: number;
}

/** A child's cases (each in stream order, with recordedAt) and the meetings that discussed them. */
export interface ChildHistory {
  childRef: string;
  cases: PactEvent[][];
  discussedAt: string[];
}

export function periodBounds(period: Period): { start: IsoDate; horizon: IsoDate; years: string[] } {
  const first = Number(period.firstYear.slice(0, 4));
  const years = Array.from({ length: period.years }, (_, i) => `${first + i}-${first + i + 1}`);
  const start = schoolYearBounds(years[0]).start;
  const end = schoolYearBounds(years[years.length - 1]).end;
  const today = period.now.slice(0, 10);
  return { start, horizon: end < today ? end : today, years };
}

const weekday = (day: IsoDate) => new Date(`${day}T12:00:00Z`).getUTCDay();
/** Saturday and Sunday move to Monday. */
export const onWorkday = (day: IsoDate) => (weekday(day) === 6 ? addDays(day, 2) : weekday(day) === 0 ? addDays(day, 1) : day);

export class GemeenteSimulation {
  readonly start: IsoDate;
  readonly horizon: IsoDate;
  readonly years: string[];
  private readonly meetings: Meeting[] = [];
  private readonly byId = new Map<string, Meeting>();

  constructor(
    readonly spec: GemeenteSpec,
    readonly period: Period,
    readonly rates: Rates,
    private readonly rng: Random,
  ) {
    ({ start: this.start, horizon: this.horizon, years: this.years } = periodBounds(period));
    this.scheduleMeetings(rng.fork('overleg'));
  }

  private scheduleMeetings(rng: Random) {
    const add = (forum: Meeting['forum'], on: IsoDate, swv?: string) => {
      if (on > this.horizon) return;
      const m: Meeting = { id: rng.uuid(), forum, on, discussed: 0, ...(swv ? { swv } : {}) };
      this.meetings.push(m);
      this.byId.set(m.id, m);
    };
    for (let month = this.start; month <= this.horizon; month = addMonths(month, 1)) {
      const m = Number(month.slice(5, 7));
      // Leerplicht/SWV: monthly, on a Tuesday in the second week; August often skipped, any month now and then
      if (!rng.chance(m === 8 ? 0.65 : 0.025)) {
        const tuesday = addDays(month, 7 + ((2 - weekday(month) + 7) % 7));
        for (const swv of [...this.spec.po, ...this.spec.vo]) add('leerplicht_swv', addDays(tuesday, rng.int(0, 2)), swv.code);
      }
      // kernpartners: every two months
      if (m % 2 === 1 && m !== 8 && !rng.chance(0.07)) add('kernpartner', onWorkday(addDays(month, rng.int(8, 24))));
      // OOGO: once a school year, in the autumn
      if (m === 8) add('oogo', onWorkday(addDays(addMonths(month, rng.int(2, 4)), rng.int(3, 25))));
    }
    this.meetings.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  }

  /** The whole population: each school year's new children, in order of their first opening. */
  *population(childrenPerYear: (year: string, index: number) => number): Generator<ChildHistory> {
    for (const [index, year] of this.years.entries()) {
      const rng = this.rng.fork(year);
      const openings = inflowDays(rng, year, childrenPerYear(year, index)).filter((d) => d <= this.horizon);
      for (const on of openings) {
        const child = this.child(rng, on);
        this.commit(child);
        yield child;
      }
    }
  }

  /** A new child whose first case opens on `on` (not yet counted in the meetings: see `commit`). */
  child(rng: Random, on: IsoDate, archetype?: Archetype): ChildHistory {
    const first = archetype ?? rng.weighted(this.rates.archetypes);
    const sector = rng.weighted(first === 'av' ? { po: 15, vo: 35, so: 8, vso: 17, mbo: 10, geen: 15 } : { po: 28, vo: 47, so: 4, vso: 9, mbo: 12, geen: 0 });
    const [youngest, oldest] = AGE_BY_SECTOR[sector];
    const group = sector === 'po' || sector === 'so' ? this.spec.po : this.spec.vo;
    const profile: ChildProfile = {
      childRef: rng.childRef(),
      gemeente: this.spec.code,
      swv: pickShare(rng, group),
      sector,
      birthYear: Number(on.slice(0, 4)) - rng.int(youngest, oldest),
      signalledBy: rng.weighted({ school: 55, leerplicht: 15, swv: 10, ouders: 10, jeugdhulp: 5, jgz: 4, overig: 1 }),
    };
    const history: ChildHistory = { childRef: profile.childRef, cases: [], discussedAt: [] };
    let kind: Archetype = first;
    let openedOn = on;
    for (let n = 0; n < 3; n++) {
      const scripted = scriptCase(rng, kind, profile, openedOn);
      let planned = scripted.schedule.finish(this.horizon, rng.chance(0.8));
      planned = scripted.voided ? planned : this.discussions(rng, profile, planned, history.discussedAt);
      history.cases.push(recordCase(rng, `case-${rng.uuid()}`, planned, { now: this.period.now, voided: scripted.voided, mistakeChance: this.rates.mistakeChance }));
      const closing = planned.find((p) => p.type === 'CaseClosed');
      const outcome = closing?.data.outcome;
      if (!closing || outcome === 'verhuisd' || outcome === 'leeftijd' || outcome === 'startkwalificatie' || !rng.chance(this.rates.repeatChance)) break;
      openedOn = onWorkday(addDays(closing.on, rng.days(100, 0.8, 7, 720)));
      if (openedOn > this.horizon || Number(openedOn.slice(0, 4)) - profile.birthYear > 17) break;
      kind = rng.chance(0.5) && kind !== 'vergissing' ? kind : rng.weighted({ ...this.rates.archetypes, vergissing: 0 });
    }
    return history;
  }

  /** Counts the child's discussions in the meetings' `casesDiscussed` (`-1`: takes a child out again). */
  commit(child: ChildHistory, sign: 1 | -1 = 1) {
    for (const id of child.discussedAt) this.byId.get(id)!.discussed += sign;
  }

  /** The MeetingHeld events, with the number of cases each discussed. */
  meetingEvents(rng: Random = this.rng.fork('overleg-events')): PactEvent[] {
    return this.meetings.map((m) => {
      const at = officeTime(rng, addDays(m.on, rng.weighted({ same: 6, week: 3, later: 1 }) === 'same' ? 0 : rng.int(1, 14)));
      return {
        eventId: rng.uuid(),
        type: 'MeetingHeld',
        stream: `meeting-${m.id}`,
        data: { forum: m.forum, gemeente: this.spec.code, ...(m.swv ? { swv: m.swv } : {}), casesDiscussed: m.discussed, effectiveOn: m.on },
        schemaVersion: 1,
        recordedAt: at > this.period.now ? this.period.now : at,
      } as PactEvent;
    });
  }

  /**
   * The overleggen that discuss the case: the monthly Leerplicht/SWV overleg of its samenwerkingsverband
   * mostly discusses children counted officially for 4 weeks or more, sometimes others out of school; the
   * kernpartners the long ones.
   */
  private discussions(rng: Random, child: ChildProfile, planned: Planned[], discussedAt: string[]): Planned[] {
    const events = planned.map((p) => ({ eventId: '', type: p.type, stream: '', data: { ...p.data, effectiveOn: p.on }, schemaVersion: 1 }) as CaseEvent);
    const stretches = stretchesOf(events);
    const closing = planned.find((p) => p.type === 'CaseClosed')?.on ?? addDays(this.horizon, 1);
    const on = (day: IsoDate, ...flags: Flag[]) => flags.some((f) => flagDuring(stretches, f, day, day));
    const added: Planned[] = [];
    let seq = planned.length;
    for (const m of this.meetings) {
      if (m.on < planned[0].on || m.on >= closing) continue;
      if (m.forum === 'leerplicht_swv' && m.swv === child.swv) {
        // on the signal list (norm spell of 4 weeks), or otherwise without full education
        const p = on(m.on, 'listed_officieel') ? 0.85 : on(m.on, 'counted_leerrecht') ? 0.15 : 0;
        if (!rng.chance(p)) continue;
      } else if (m.forum === 'kernpartner') {
        // the long ones: 2 months or more without an aanbod
        if (!(on(m.on, 'norm_threat_officieel', 'norm_over_officieel') && rng.chance(0.35))) continue;
      } else continue;
      added.push({ type: 'CaseDiscussed', data: { forum: m.forum, meetingId: m.id } satisfies Omit<EventData<'CaseDiscussed'>, 'effectiveOn'>, on: m.on, rank: 5, seq: seq++ });
      discussedAt.push(m.id);
    }
    return [...planned, ...added].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.rank - b.rank || a.seq - b.seq));
  }
}

function pickShare(rng: Random, shares: readonly SwvShare[]): string {
  let r = rng.next() * shares.reduce((sum, s) => sum + s.share, 0);
  for (const s of shares) if ((r -= s.share) < 0) return s.code;
  return shares[shares.length - 1].code;
}

/** `n` opening days in the school year, by MONTH_WEIGHTS, on workdays, in order. */
export function inflowDays(rng: Random, year: string, n: number): IsoDate[] {
  const { start } = schoolYearBounds(year);
  const months = Array.from({ length: 12 }, (_, i) => addMonths(start, i));
  const weights = Object.fromEntries(months.map((m) => [m, MONTH_WEIGHTS[Number(m.slice(5, 7)) - 1]]));
  const days: IsoDate[] = [];
  for (let i = 0; i < n; i++) {
    const month = rng.weighted(weights);
    days.push(onWorkday(addDays(month, rng.int(0, daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) - 1))));
  }
  return days.sort();
}
