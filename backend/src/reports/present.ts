// Reports as they leave the program (JSON of interface.md): the figures with their verdicts and the region
// configuration, small numbers suppressed for the roles and outputs that need it.
import type { MonthlyReport, PeriodFigures, RegionConfig, Verdict, YearReport } from '@pact/projections';
import { suppress, type Suppression } from './suppression.ts';

export interface PresentedFigures {
  period: PeriodFigures['period'];
  metrics: Record<string, number | null>;
  verdicts: Record<string, Verdict>;
  suppressed: string[];
  complementary: string[];
}

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
  rows: { month: string; stockOn: string; metrics: Record<string, number | null>; verdicts: Record<string, Verdict>; suppressed: string[]; complementary: string[] }[];
  suppressed: string[];
}

const head = (r: YearReport | MonthlyReport): PresentedHead => ({ profile: r.profile, scope: r.scope, asOf: r.asOf, config: r.config });

function presentFigures(f: PeriodFigures, suppression: Suppression, k: number): PresentedFigures {
  return { period: f.period, verdicts: f.verdicts, ...suppress(f.metrics, f.parts, suppression, k) };
}

export function presentYearReport(report: YearReport, suppression: Suppression): PresentedYearReport {
  return {
    ...head(report),
    ...presentFigures(report, suppression, report.config.suppressionK),
    previous: report.previous ? presentFigures(report.previous, suppression, report.config.suppressionK) : null,
  };
}

export function presentMonthlyReport(report: MonthlyReport, suppression: Suppression): PresentedMonthlyReport {
  const rows = report.rows.map((r) => ({ month: r.month, stockOn: r.stockOn, verdicts: r.verdicts, ...suppress(r.metrics, r.parts, suppression, report.config.suppressionK) }));
  return { ...head(report), period: report.period, rows, suppressed: [...new Set(rows.flatMap((r) => r.suppressed))] };
}
