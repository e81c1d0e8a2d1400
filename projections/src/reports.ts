// The reports of interface.md: the yearly OOGO report, the monthly figures, and the registered range.
import { sql } from 'kysely';
import { amsterdamDate, monthBounds, monthsBetween, previousSchoolYear, schoolYearBounds, type Db, type IsoDate } from '@pact/events';
import type { Profile, RegionConfig } from './config.ts';
import { computeBreakdowns, type Breakdowns, type Dimension } from './metrics/breakdowns.ts';
import { computeFigures, type Figures, type FigureQuery, type Scope } from './metrics/figures.ts';

export interface ReportOptions {
  profile: Profile;
  scope: Scope;
  /** System time of the report; undefined: now. */
  asOf?: Date;
  /** The clock, for "today" when there is no `asOf`. */
  now: Date;
  config: RegionConfig;
  /** Breakdowns (interface.md "Breakdowns") of the report's period (monthly: of each month), one per dimension. */
  by?: readonly Dimension[];
}

export interface PeriodFigures {
  period: { label: string; start: IsoDate; end: IsoDate; stockOn: IsoDate };
  metrics: Figures['metrics'];
  parts: Figures['parts'];
  verdicts: Figures['verdicts'];
}

interface ReportHead {
  profile: Profile;
  scope: Scope;
  asOf: string | null;
  config: RegionConfig;
}

export interface YearReport extends PeriodFigures, ReportHead {
  breakdowns?: Breakdowns;
  previous: PeriodFigures | null;
}

export interface MonthlyReport extends ReportHead {
  period: { from: string; to: string };
  rows: { month: string; stockOn: IsoDate; metrics: Figures['metrics']; parts: Figures['parts']; verdicts: Figures['verdicts']; breakdowns?: Breakdowns }[];
}

export const todayOf = (options: Pick<ReportOptions, 'asOf' | 'now'>): IsoDate => amsterdamDate(options.asOf ?? options.now);

const headOf = (options: ReportOptions): ReportHead => ({ profile: options.profile, scope: options.scope, asOf: options.asOf?.toISOString() ?? null, config: options.config });

/** The figures of each period (label, first and last day), computed together; with `options.by`, their breakdowns. */
async function periodFigures(db: Db, kind: 'school_year' | 'month', periods: { label: string; start: IsoDate; end: IsoDate }[], options: ReportOptions): Promise<(PeriodFigures & { breakdowns?: Breakdowns })[]> {
  const query: FigureQuery = { periods, kind, profile: options.profile, scope: options.scope, asOf: options.asOf, today: todayOf(options), config: options.config };
  const by = options.by ?? [];
  const [figures, breakdowns] = await Promise.all([computeFigures(db, query), computeBreakdowns(db, query, by)]);
  return figures.map((f, i) => ({
    period: { label: periods[i].label, start: periods[i].start, end: periods[i].end, stockOn: f.stockOn },
    metrics: f.metrics,
    parts: f.parts,
    verdicts: f.verdicts,
    ...(by.length > 0 ? { breakdowns: breakdowns[i] } : {}),
  }));
}

/** The OOGO year report: every figure over the school year, and the same for the previous one under `previous`. */
export async function yearReport(db: Db, year: string, options: ReportOptions): Promise<YearReport> {
  const previousYear = previousSchoolYear(year);
  const [current, previous] = await periodFigures(db, 'school_year', [{ label: year, ...schoolYearBounds(year) }, { label: previousYear, ...schoolYearBounds(previousYear) }], options);
  const { breakdowns: _ignored, ...previousFigures } = previous;
  return { ...current, ...headOf(options), previous: previousFigures };
}

/** One row per month of [from, to] that has begun by today: stock figures at month end, flows of the month. */
export async function monthlyReport(db: Db, from: string, to: string, options: ReportOptions): Promise<MonthlyReport> {
  const today = todayOf(options);
  const months = monthsBetween(from, to)
    .map((month) => ({ label: month, ...monthBounds(month) }))
    .filter((m) => m.start <= today);
  const figures = await periodFigures(db, 'month', months, options);
  const rows = figures.map(({ period, metrics, parts, verdicts, breakdowns }) => ({ month: period.label, stockOn: period.stockOn, metrics, parts, verdicts, ...(breakdowns ? { breakdowns } : {}) }));
  return { period: { from, to }, ...headOf(options), rows };
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
