// metrics.md "Targets and verdicts": the one place that judges a figure against the pact's target. Every output
// (API, CLI, CSV/xlsx, PDF, dashboard) shows these verdicts; none judges for itself.
import { METRICS, type Target } from './catalogue.ts';

export const VERDICTS = ['gehaald', 'niet_gehaald', 'tot_nu_toe_gehaald', 'nog_open'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface VerdictContext {
  /** School-year reports carry the OOGO verdict; month reports do not. */
  period: 'school_year' | 'month';
  /** The period's last day lies before today. */
  ended: boolean;
  /** Expected months that have ended without a Leerplicht/SWV overleg. */
  missedMonths: number;
  /** Kernpartner blocks that have ended without a meeting. */
  missedBlocks: number;
}

/** What ended without its meeting, for the targets that compare held against expected. */
const MISSED: Record<string, (c: VerdictContext) => number> = {
  overleg_maanden: (c) => c.missedMonths,
  kernpartner_blokken: (c) => c.missedBlocks,
};

function verdictOf(id: string, type: 'stock' | 'period', target: Target, metrics: Record<string, number | null>, c: VerdictContext): Verdict | undefined {
  const value = metrics[id];
  if (value === null || value === undefined) return undefined;
  if ('equals' in target) {
    if (value !== target.equals) return 'niet_gehaald';
    return type === 'stock' || c.ended ? 'gehaald' : 'tot_nu_toe_gehaald';
  }
  if ('equalsMetric' in target) {
    const expected = metrics[target.equalsMetric];
    if (!expected) return undefined; // nothing was expected (a pause month, a month in which no block ends)
    if (MISSED[id](c) > 0) return 'niet_gehaald';
    return c.ended ? (value === expected ? 'gehaald' : 'niet_gehaald') : 'tot_nu_toe_gehaald';
  }
  if (target.schoolYearOnly && c.period !== 'school_year') return undefined;
  if (value >= target.atLeast) return 'gehaald';
  return c.ended ? 'niet_gehaald' : 'nog_open';
}

/** The verdict of every figure with a target, on the unsuppressed figures of one period. */
export function verdictsOf(metrics: Record<string, number | null>, context: VerdictContext): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const m of METRICS) {
    if (!m.target) continue;
    const verdict = verdictOf(m.id, m.type, m.target, metrics, context);
    if (verdict) out[m.id] = verdict;
  }
  return out;
}
