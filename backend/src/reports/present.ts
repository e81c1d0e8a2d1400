// Reports as they leave the program (JSON of interface.md): the figures, with small numbers suppressed for
// the roles and outputs that need it.
import type { MonthlyReport, PeriodFigures, YearReport } from '@pact/projections';
import { suppress, type Suppression } from './suppression.ts';

export interface PresentedFigures {
  period: PeriodFigures['period'];
  metrics: Record<string, number | null>;
  suppressed: string[];
  complementary: string[];
}

export interface PresentedYearReport extends PresentedFigures {
  profile: string;
  scope: { gemeente?: string; swv?: string };
  asOf: string | null;
  previous: PresentedFigures | null;
}

export interface PresentedMonthlyReport {
  period: { from: string; to: string };
  profile: string;
  scope: { gemeente?: string; swv?: string };
  asOf: string | null;
  rows: { month: string; stockOn: string; metrics: Record<string, number | null>; suppressed: string[]; complementary: string[] }[];
  suppressed: string[];
}

function presentFigures(f: PeriodFigures, suppression: Suppression): PresentedFigures {
  return { period: f.period, ...suppress(f.metrics, f.parts, suppression) };
}

export function presentYearReport(report: YearReport, suppression: Suppression): PresentedYearReport {
  return {
    period: report.period,
    profile: report.profile,
    scope: report.scope,
    asOf: report.asOf,
    ...suppress(report.metrics, report.parts, suppression),
    previous: report.previous ? presentFigures(report.previous, suppression) : null,
  };
}

export function presentMonthlyReport(report: MonthlyReport, suppression: Suppression): PresentedMonthlyReport {
  const rows = report.rows.map((r) => ({ month: r.month, stockOn: r.stockOn, ...suppress(r.metrics, r.parts, suppression) }));
  return {
    period: report.period,
    profile: report.profile,
    scope: report.scope,
    asOf: report.asOf,
    rows,
    suppressed: [...new Set(rows.flatMap((r) => r.suppressed))],
  };
}
