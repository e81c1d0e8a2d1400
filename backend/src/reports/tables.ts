// Reports as tables, one model for every export: CSV, xlsx and the printed (PDF) report show the same cells.
// A cell is text, a typed number (a count or a share 0..1) or a date; suppressed figures are text (`<5`, `×`).
import { METRICS, metricById } from '@pact/projections';
import type { PresentedFigures, PresentedMonthlyReport, PresentedYearReport } from './present.ts';

export type Cell = string | { number: number; share: boolean } | { date: string };

export interface ExportTable {
  title: string;
  /** The header block: period, profile, scope, asOf, generation time (and suppression when applied). */
  meta: [string, string][];
  /** Column headings; a second row may give the ids. */
  head: string[][];
  rows: Cell[][];
}

export const SUPPRESSION_NOTE = '<5: een aantal van 1 tot 4 (of een aandeel daarvan), niet getoond; ×: niet getoond omdat anders een klein aantal uit de andere cijfers te berekenen is';

/** How a suppressed figure is shown outside JSON. */
export function suppressedMark(id: string, figures: Pick<PresentedFigures, 'complementary'>): string {
  return figures.complementary.includes(id) ? '×' : '<5';
}

/** One figure as a cell: `<5`/`×` when suppressed, `–` for a share without denominator, else the number. */
export function figureCell(id: string, figures: Pick<PresentedFigures, 'metrics' | 'suppressed' | 'complementary'>): Cell {
  if (figures.suppressed.includes(id)) return suppressedMark(id, figures);
  const value = figures.metrics[id];
  if (value === null || value === undefined) return '–';
  return { number: value, share: metricById.get(id)?.unit === 'aandeel' };
}

interface Described {
  profile: string;
  scope: { gemeente?: string; swv?: string };
  asOf: string | null;
}

export function metaRows(report: Described, period: string, generatedAt: Date, suppressed: boolean): [string, string][] {
  return [
    ['Periode', period],
    ['Profiel', report.profile],
    ['Gemeente', report.scope.gemeente ?? 'alle'],
    ['Samenwerkingsverband', report.scope.swv ?? 'alle'],
    ['Stand van registratie (asOf)', report.asOf ?? 'actueel'],
    ['Gemaakt op', generatedAt.toISOString()],
    ...(suppressed ? [['Kleine aantallen', SUPPRESSION_NOTE] as [string, string]] : []),
  ];
}

export const yearPeriodText = (report: PresentedYearReport) => `${report.period.label} (${report.period.start} t/m ${report.period.end}, stand op ${report.period.stockOn})`;

export function yearTable(report: PresentedYearReport, generatedAt: Date, suppressed: boolean): ExportTable {
  const previous = report.previous;
  return {
    title: 'Jaarrapportage (OOGO)',
    meta: metaRows(report, yearPeriodText(report), generatedAt, suppressed),
    head: [['id', 'Cijfer', 'Soort', 'Eenheid', report.period.label, ...(previous ? [previous.period.label] : [])]],
    rows: METRICS.map((m) => [m.id, m.label, m.type === 'stock' ? 'stand' : 'periode', m.unit, figureCell(m.id, report), ...(previous ? [figureCell(m.id, previous)] : [])]),
  };
}

export function monthlyTable(report: PresentedMonthlyReport, generatedAt: Date, suppressed: boolean): ExportTable {
  return {
    title: 'Maandcijfers',
    meta: metaRows(report, `${report.period.from} t/m ${report.period.to}`, generatedAt, suppressed),
    head: [
      ['Maand', 'Peildatum', ...METRICS.map((m) => m.label)],
      ['month', 'stockOn', ...METRICS.map((m) => m.id)],
    ],
    rows: report.rows.map((r) => [r.month, { date: r.stockOn }, ...METRICS.map((m) => figureCell(m.id, r))]),
  };
}
