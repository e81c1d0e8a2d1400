// Reports as tables, one model for every export: CSV, xlsx and the printed (PDF) report show the same cells.
// A cell is text, a typed number (a count or a share 0..1) or a date; suppressed figures are text (`<k`, `×`).
import { breakdownMetrics, describeCatalogue, DIMENSIONS, metricById, VERDICT_LABELS, type RegionConfig, type Verdict } from '@pact/projections';
import { cellLabels, DIMENSION_LABELS } from '@pact/projections/labels';
import type { PresentedBreakdown, PresentedFigures, PresentedMonthlyReport, PresentedYearReport } from './present.ts';

export type Cell = string | { number: number; share: boolean } | { date: string };

export interface ExportTable {
  title: string;
  /** The header block: period, profile, scope, asOf, generation time (and suppression when applied). */
  meta: [string, string][];
  /** Column headings; a second row may give the ids. */
  head: string[][];
  rows: Cell[][];
  /** The region configuration the figures were computed with (the Definities sheet's labels follow it). */
  config: RegionConfig;
}

/** What `<k` and `×` mean, for the header of a table that shows them (k: the region's `suppressionK`). */
export const suppressionNote = (k: number) =>
  `<${k}: een aantal van 1 tot en met ${k - 1} (of een aandeel daarvan), niet getoond; ×: niet getoond omdat anders een klein aantal uit de andere cijfers te berekenen is`;

/** How a suppressed figure is shown outside JSON: `<k`, or `×` for a complement. */
export function suppressedMark(id: string, figures: Pick<PresentedFigures, 'complementary'>, k: number): string {
  return figures.complementary.includes(id) ? '×' : `<${k}`;
}

/** One figure as a cell: `<k`/`×` when suppressed, `–` for a share without denominator, else the number. */
export function figureCell(id: string, figures: Pick<PresentedFigures, 'metrics' | 'suppressed' | 'complementary'>, k: number): Cell {
  if (figures.suppressed.includes(id)) return suppressedMark(id, figures, k);
  const value = figures.metrics[id];
  if (value === null || value === undefined) return '–';
  return { number: value, share: metricById.get(id)?.unit === 'aandeel' };
}

interface Described {
  profile: string;
  scope: { gemeente?: string; swv?: string };
  asOf: string | null;
  config: RegionConfig;
}

const MONTH_NAMES = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The region configuration a report was computed with, in words (every report's header names it). */
export function configRows(c: RegionConfig): [string, string][] {
  return [
    ['Norm', `${c.normMonths} maanden zonder passend aanbod; onderbrekingen tot ${c.normGapDays} dagen zetten de klok niet terug`],
    ['4 weken', `${c.fourWeeksDays} dagen`],
    ['Geen overleg verwacht in', c.overlegPauseMonths.length ? c.overlegPauseMonths.map((m) => MONTH_NAMES[m - 1]).join(', ') : 'geen maand'],
    ['Kleine aantallen onderdrukt', `1 tot en met ${c.suppressionK - 1}`],
  ];
}

export function metaRows(report: Described, period: string, generatedAt: Date, suppressed: boolean): [string, string][] {
  return [
    ['Periode', period],
    ['Profiel', report.profile],
    ['Gemeente', report.scope.gemeente ?? 'alle'],
    ['Samenwerkingsverband', report.scope.swv ?? 'alle'],
    ['Stand van registratie (asOf)', report.asOf ?? 'actueel'],
    ['Gemaakt op', generatedAt.toISOString()],
    ...configRows(report.config),
    ...(suppressed ? [['Kleine aantallen', suppressionNote(report.config.suppressionK)] as [string, string]] : []),
  ];
}

const verdictCell = (verdict: Verdict | undefined): Cell => (verdict ? VERDICT_LABELS[verdict] : '');

export const yearPeriodText = (report: PresentedYearReport) => `${report.period.label} (${report.period.start} t/m ${report.period.end}, stand op ${report.period.stockOn})`;

export function yearTable(report: PresentedYearReport, generatedAt: Date, suppressed: boolean): ExportTable {
  const previous = report.previous;
  return {
    title: 'Jaarrapportage (OOGO)',
    config: report.config,
    meta: metaRows(report, yearPeriodText(report), generatedAt, suppressed),
    head: [['id', 'Cijfer', 'Soort', 'Eenheid', report.period.label, 'Doel', 'Oordeel', ...(previous ? [previous.period.label, `Oordeel ${previous.period.label}`] : [])]],
    rows: describeCatalogue(report.config).map((m) => [
      m.id,
      m.label,
      m.type === 'stock' ? 'stand' : 'periode',
      m.unit,
      figureCell(m.id, report, report.config.suppressionK),
      m.target ?? '',
      verdictCell(report.verdicts[m.id]),
      ...(previous ? [figureCell(m.id, previous, report.config.suppressionK), verdictCell(previous.verdicts[m.id])] : []),
    ]),
  };
}

export function monthlyTable(report: PresentedMonthlyReport, generatedAt: Date, suppressed: boolean): ExportTable {
  const catalogue = describeCatalogue(report.config);
  const judged = catalogue.filter((m) => m.target !== null);
  return {
    title: 'Maandcijfers',
    config: report.config,
    meta: metaRows(report, `${report.period.from} t/m ${report.period.to}`, generatedAt, suppressed),
    head: [
      ['Maand', 'Peildatum', ...catalogue.map((m) => m.label), ...judged.map((m) => `Oordeel: ${m.label}`)],
      ['month', 'stockOn', ...catalogue.map((m) => m.id), ...judged.map((m) => `verdict_${m.id}`)],
    ],
    rows: report.rows.map((r) => [r.month, { date: r.stockOn }, ...catalogue.map((m) => figureCell(m.id, r, report.config.suppressionK)), ...judged.map((m) => verdictCell(r.verdicts[m.id]))]),
  };
}

/** A breakdown's cell as a table row's figures: the cell's values, its hidden ones as `<k`/`×`. */
function cellFigures(b: PresentedBreakdown, cell: string): Pick<PresentedFigures, 'metrics' | 'suppressed' | 'complementary'> {
  const mine = (list: string[]) => list.filter((c) => c.startsWith(`${cell}/`)).map((c) => c.slice(cell.length + 1));
  return { metrics: b.cells[cell] ?? {}, suppressed: mine(b.suppressedCells), complementary: mine(b.complementaryCells) };
}

/**
 * A breakdown as a table (its own sheet): a row per cell (monthly: per month and cell), a column per figure it splits,
 * and for a partitioning dimension a total row that the cells add up to.
 */
export function breakdownTable(report: PresentedYearReport | PresentedMonthlyReport, generatedAt: Date, suppressed: boolean): ExportTable | undefined {
  const tables: { month?: string; figures: PresentedFigures | PresentedMonthlyReport['rows'][number] }[] = 'rows' in report ? report.rows.map((r) => ({ month: r.month, figures: r })) : [{ figures: report }];
  const by = tables[0]?.figures.by;
  if (!by) return undefined;
  const k = report.config.suppressionK;
  const ids = breakdownMetrics(by);
  const labels = cellLabels(by, report.config);
  const catalogue = new Map(describeCatalogue(report.config).map((m) => [m.id, m.label]));
  const monthly = 'rows' in report;
  const period = monthly ? `${report.period.from} t/m ${report.period.to}` : yearPeriodText(report);
  const rows: Cell[][] = [];
  for (const { month, figures } of tables) {
    const b = figures as PresentedBreakdown & PresentedFigures;
    const lead = monthly ? [month ?? ''] : [];
    for (const cell of Object.keys(b.cells)) rows.push([...lead, cell, labels[cell] ?? cell, ...ids.map((id) => figureCell(id, cellFigures(b, cell), k))]);
    if (DIMENSIONS[by].partition) rows.push([...lead, 'totaal', 'Totaal', ...ids.map((id) => figureCell(id, b, k))]);
  }
  return {
    title: `Uitsplitsing naar ${DIMENSION_LABELS[by].toLowerCase()}`,
    config: report.config,
    meta: [
      ...metaRows(report, period, generatedAt, suppressed),
      ['Uitsplitsing', DIMENSIONS[by].partition ? 'ieder kind staat in precies één cel; de cellen tellen op tot het totaal' : 'een kind kan op meer wachtlijsten tegelijk staan; de cellen tellen niet op tot het totaal'],
    ],
    head: [
      [...(monthly ? ['Maand'] : []), 'Cel', DIMENSION_LABELS[by], ...ids.map((id) => catalogue.get(id) ?? id)],
      [...(monthly ? ['month'] : []), by, 'label', ...ids],
    ],
    rows,
  };
}
