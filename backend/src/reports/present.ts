// Reports as they leave the program (JSON of interface.md): the figures with their verdicts and the region
// configuration, small numbers suppressed for the roles and outputs that need it.
import type { Breakdowns, Dimension, MonthlyReport, PeriodFigures, RegionConfig, Verdict, YearReport } from '@pact/projections';
import type { PublishedCells } from './family.ts';
import { suppress, type Suppression } from './suppression.ts';

/** A breakdown as the JSON shows it: `by`, `cells`, and the hidden cells as `<cell>/<metric id>`. */
export interface PresentedBreakdown {
  by: Dimension;
  cells: Record<string, Record<string, number | null>>;
  suppressedCells: string[];
  complementaryCells: string[];
}

export interface PresentedFigures extends Partial<PresentedBreakdown> {
  period: PeriodFigures['period'];
  metrics: Record<string, number | null>;
  verdicts: Record<string, Verdict>;
  suppressed: string[];
  complementary: string[];
}

/** One breakdown of a table, suppressed (a publication's) or not. */
export function breakdownOf(by: Dimension, cells: PublishedCells): PresentedBreakdown {
  return { by, cells: cells.cells, suppressedCells: cells.suppressed, complementaryCells: cells.complementary };
}

/** The breakdown asked for, of figures shown without suppression (beleid, admin). */
const unsuppressed = (breakdowns: Breakdowns | undefined, by: Dimension | undefined) => {
  const cells = by ? breakdowns?.[by] : undefined;
  if (!by || !cells) return {};
  return breakdownOf(by, { cells, suppressed: [], complementary: [] });
};

interface PresentedHead {
  profile: string;
  scope: { gemeente?: string; swv?: string };
  asOf: string | null;
  config: RegionConfig;
}

export interface PresentedYearReport extends PresentedFigures, PresentedHead {
  previous: PresentedFigures | null;
}

export interface PresentedMonthlyReport extends PresentedHead {
  period: { from: string; to: string };
  rows: ({ month: string; stockOn: string; metrics: Record<string, number | null>; verdicts: Record<string, Verdict>; suppressed: string[]; complementary: string[] } & Partial<PresentedBreakdown>)[];
  suppressed: string[];
}

const head = (r: YearReport | MonthlyReport): PresentedHead => ({ profile: r.profile, scope: r.scope, asOf: r.asOf, config: r.config });

function presentFigures(f: PeriodFigures, suppression: Suppression, k: number): PresentedFigures {
  return { period: f.period, verdicts: f.verdicts, ...suppress(f.metrics, f.parts, suppression, k) };
}

/**
 * A report as computed, for `suppression`. Breakdowns (`by`) only unsuppressed: the public roles' breakdowns come
 * from a publication, suppressed with all its tables (./family.ts).
 */
export function presentYearReport(report: YearReport, suppression: Suppression, by?: Dimension): PresentedYearReport {
  if (by && suppression !== 'none') throw new Error('a suppressed breakdown comes from a publication');
  return {
    ...head(report),
    ...presentFigures(report, suppression, report.config.suppressionK),
    ...unsuppressed(report.breakdowns, by),
    previous: report.previous ? presentFigures(report.previous, suppression, report.config.suppressionK) : null,
  };
}

export function presentMonthlyReport(report: MonthlyReport, suppression: Suppression, by?: Dimension): PresentedMonthlyReport {
  if (by && suppression !== 'none') throw new Error('a suppressed breakdown comes from a publication');
  const rows = report.rows.map((r) => ({ month: r.month, stockOn: r.stockOn, verdicts: r.verdicts, ...suppress(r.metrics, r.parts, suppression, report.config.suppressionK), ...unsuppressed(r.breakdowns, by) }));
  return { ...head(report), period: report.period, rows, suppressed: [...new Set(rows.flatMap((r) => r.suppressed))] };
}
