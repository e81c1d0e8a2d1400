// The reports of interface.md: the yearly OOGO report, monthly figures and the signal list.
import { sql } from 'kysely';
import {
  addMonths,
  amsterdamDate,
  daysBetween,
  monthBounds,
  monthsBetween,
  previousSchoolYear,
  schoolYearBounds,
  stateOn,
  type CaseEvent,
  type Db,
  type EventStore,
  type IsoDate,
} from '@pact/events';
import { computeFigures, type Figures, type Scope } from './metrics/figures.ts';
import { FOUR_WEEKS_DAYS, NORM_MONTHS, type Profile } from './spells.ts';

export interface ReportOptions {
  profile: Profile;
  scope: Scope;
  /** System time of the report; undefined: now. */
  asOf?: Date;
  /** The clock, for "today" when there is no `asOf`. */
  now: Date;
}

export interface PeriodFigures {
  period: { label: string; start: IsoDate; end: IsoDate; stockOn: IsoDate };
  metrics: Figures['metrics'];
  parts: Figures['parts'];
}

export interface YearReport extends PeriodFigures {
  profile: Profile;
  scope: Scope;
  asOf: string | null;
  previous: PeriodFigures | null;
}

export interface MonthlyReport {
  period: { from: string; to: string };
  profile: Profile;
  scope: Scope;
  asOf: string | null;
  rows: { month: string; stockOn: IsoDate; metrics: Figures['metrics']; parts: Figures['parts'] }[];
}

export const todayOf = (options: Pick<ReportOptions, 'asOf' | 'now'>): IsoDate => amsterdamDate(options.asOf ?? options.now);

/** The figures of each period (label, first and last day), computed together. */
async function periodFigures(db: Db, periods: { label: string; start: IsoDate; end: IsoDate }[], options: ReportOptions): Promise<PeriodFigures[]> {
  const figures = await computeFigures(db, { periods, profile: options.profile, scope: options.scope, asOf: options.asOf, today: todayOf(options) });
  return figures.map((f, i) => ({ period: { label: periods[i].label, start: periods[i].start, end: periods[i].end, stockOn: f.stockOn }, metrics: f.metrics, parts: f.parts }));
}

/** The OOGO year report: every figure over the school year, and the same for the previous one under `previous`. */
export async function yearReport(db: Db, year: string, options: ReportOptions): Promise<YearReport> {
  const previousYear = previousSchoolYear(year);
  const [current, previous] = await periodFigures(db, [{ label: year, ...schoolYearBounds(year) }, { label: previousYear, ...schoolYearBounds(previousYear) }], options);
  return { ...current, profile: options.profile, scope: options.scope, asOf: options.asOf?.toISOString() ?? null, previous };
}

/** One row per month of [from, to] that has begun by today: stock figures at month end, flows of the month. */
export async function monthlyReport(db: Db, from: string, to: string, options: ReportOptions): Promise<MonthlyReport> {
  const today = todayOf(options);
  const months = monthsBetween(from, to)
    .map((month) => ({ label: month, ...monthBounds(month) }))
    .filter((m) => m.start <= today);
  const figures = await periodFigures(db, months, options);
  const rows = figures.map(({ period, metrics, parts }) => ({ month: period.label, stockOn: period.stockOn, metrics, parts }));
  return { period: { from, to }, profile: options.profile, scope: options.scope, asOf: options.asOf?.toISOString() ?? null, rows };
}

/**
 * The first and last day on which something registered in scope happened (business time: the `effectiveOn` of
 * the events of its cases and meetings), as believed now; null when nothing is. The dashboard picks its default
 * period with it, so a log that ends in the past (the demo region ends on 2025-07-31) opens on its figures.
 */
export async function registeredDays(db: Db, scope: Scope): Promise<{ first: IsoDate; last: IsoDate } | null> {
  const where = (alias: string) =>
    sql.join([...(scope.gemeente ? [sql`${sql.ref(`${alias}.gemeente`)} = ${scope.gemeente}`] : []), ...(scope.swv ? [sql`${sql.ref(`${alias}.swv`)} = ${scope.swv}`] : []), sql`true`], sql` and `);
  const { rows } = await sql<{ first: string | null; last: string | null }>`
    select to_char(min(d.first), 'YYYY-MM-DD') as first, to_char(max(d.last), 'YYYY-MM-DD') as last from (
      select min(c.opened_on) as first, max(c.last_event_on) as last from readmodel.cases c where c.status <> 'retracted' and ${where('c')}
      union all
      select min(m.on_date), max(m.on_date) from readmodel.occurrences m where m.child_ref is null and m.recorded_to is null and ${where('m')}
    ) d`.execute(db);
  const { first, last } = rows[0] ?? {};
  return first && last ? { first, last } : null;
}

export type SignalLevel = 'overschreden' | 'dreigend' | 'aandacht' | 'gedekt';
const LEVEL_ORDER: SignalLevel[] = ['overschreden', 'dreigend', 'aandacht', 'gedekt'];

export interface Signal {
  caseId: string;
  gemeente: string;
  swv: string;
  sector: string;
  level: SignalLevel;
  /** First day of the norm spell (the run of days without full education under the profile). */
  spellStart: IsoDate;
  /** Days out of school on the day of the list: from the spell's first day up to that day. */
  daysOut: number;
  /** The day the spell reaches 3 months (the pact's norm). */
  normOn: IsoDate;
  covered: boolean;
  plan: { accountableRole: string; planKind: string; since: IsoDate; reviewOn: IsoDate; reviewOverdue: boolean } | null;
  offer: { offerKind: string; since: IsoDate } | null;
  waitlists: { waitingFor: string; since: IsoDate }[];
  lastDiscussed: { forum: string; on: IsoDate } | null;
}

/**
 * The signal list for the monthly overleg on day `on`: every case open on that day (a spell ends before the case
 * closes, so a case closed later still shows on an earlier day) whose norm spell (profile) has lasted 4 weeks, most urgent first: over the 3-month norm without plan, 2 to 3 months without
 * plan, at least 4 weeks without plan, then those covered by a plan or offer.
 */
export async function signalList(db: Db, store: EventStore, on: IsoDate, options: { profile: Profile; scope: Scope }): Promise<Signal[]> {
  const { gemeente, swv } = options.scope;
  const { rows } = await sql<{ case_id: string; gemeente: string; swv: string; sector: string; start_on: string; covered: boolean }>`
    select s.case_id::text as case_id, s.gemeente, s.swv, c.sector, s.start_on,
      exists (select 1 from readmodel.spells v where v.case_id = s.case_id and v.kind = ${`covered_${options.profile}`}
              and v.recorded_to is null and v.start_on <= ${on}::date and coalesce(v.end_on, 'infinity'::date) >= ${on}::date) as covered
    from readmodel.spells s join readmodel.cases c on c.case_id = s.case_id
    where s.kind = ${`base_${options.profile}`} and s.recorded_to is null
      and s.start_on <= ${on}::date - ${FOUR_WEEKS_DAYS}::integer and coalesce(s.end_on, 'infinity'::date) >= ${on}::date
      ${gemeente ? sql`and s.gemeente = ${gemeente}` : sql``} ${swv ? sql`and s.swv = ${swv}` : sql``}`.execute(db);
  const histories = await store.readStreams(rows.map((r) => `case-${r.case_id}`));
  const signals = rows.map((r): Signal => {
    const events = (histories.get(`case-${r.case_id}`) ?? []) as CaseEvent[];
    const state = stateOn(events, on);
    const normOn = addMonths(r.start_on, NORM_MONTHS);
    const level: SignalLevel = r.covered ? 'gedekt' : on >= normOn ? 'overschreden' : on >= addMonths(r.start_on, NORM_MONTHS - 1) ? 'dreigend' : 'aandacht';
    const discussed = events.filter((e): e is Extract<CaseEvent, { type: 'CaseDiscussed' }> => e.type === 'CaseDiscussed' && e.data.effectiveOn <= on);
    const last = discussed.sort((a, b) => (a.data.effectiveOn < b.data.effectiveOn ? -1 : 1)).at(-1);
    const open = state.status === 'open' ? state : null;
    return {
      caseId: r.case_id,
      gemeente: r.gemeente,
      swv: r.swv,
      sector: r.sector,
      level,
      spellStart: r.start_on,
      daysOut: daysBetween(r.start_on, on) + 1,
      normOn,
      covered: r.covered,
      plan: open?.plan ? { ...open.plan, reviewOverdue: open.plan.reviewOn < on } : null,
      offer: open?.offer ?? null,
      waitlists: open ? Object.entries(open.waitlists).map(([waitingFor, since]) => ({ waitingFor, since: since! })) : [],
      lastDiscussed: last ? { forum: last.data.forum, on: last.data.effectiveOn } : null,
    };
  });
  return signals.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || b.daysOut - a.daysOut || (a.caseId < b.caseId ? -1 : 1));
}
