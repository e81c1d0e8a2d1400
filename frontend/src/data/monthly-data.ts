// The monthly figures shaped for charts and tables: per month the values of some figures (null when suppressed,
// so a chart leaves a gap) with their text ("<5" where k is 5, "×"), the full table (figures as rows, months as columns), and
// the sentences that say what a chart shows. Values are the API's; nothing is summed or recomputed.
import type { MonthlyReport, RegionConfig } from '../api/client.ts';
import { formatCount, formatMonth, formatShortMonth } from '../format.ts';
import { figureText, figureValue, type Catalogue } from './figures.ts';

export interface MonthPoint {
  month: string;
  label: string;
  short: string;
  values: Record<string, number | null>;
  texts: Record<string, string>;
}

export function monthPoints(report: MonthlyReport | undefined, ids: readonly string[], catalogue: Catalogue): MonthPoint[] {
  return (report?.rows ?? []).map((r) => ({
    month: r.month,
    label: formatMonth(r.month),
    short: formatShortMonth(r.month),
    values: Object.fromEntries(ids.map((id) => [id, figureValue(id, r)])),
    texts: Object.fromEntries(ids.map((id) => [id, figureText(id, r, catalogue.get(id)?.unit ?? 'kinderen', report!.config.suppressionK)])),
  }));
}

/** What a chart draws: one object per month with the short month name and a value per figure. */
export const chartData = (points: MonthPoint[]) => points.map((p) => ({ short: p.short, ...p.values }));

/** The month with the highest value of a figure (the first, on a tie), if any value is known. */
export function peak(points: MonthPoint[], id: string): MonthPoint | undefined {
  return points.reduce<MonthPoint | undefined>((top, p) => {
    const v = p.values[id];
    return v !== null && v !== undefined && (top === undefined || v > (top.values[id] ?? -Infinity)) ? p : top;
  }, undefined);
}

export const STOCK_IDS = ['thuiszitters', 'av', 'lrv'] as const;
export const NORM_IDS = ['norm_overschreden', 'norm_dreigend'] as const;
export const FLOW_IDS = ['instroom_cases', 'uitstroom_cases'] as const;

const endOf = (p: MonthPoint) => `eind ${p.label}`;

export function stockConclusion(points: MonthPoint[], profileLabel: string): string {
  const last = points.at(-1);
  const first = points[0];
  if (!last) return 'Er zijn nog geen maanden om te tonen.';
  const t = last.texts;
  const start = first && first !== last ? `; ${endOf(first)} waren het er ${first.texts.thuiszitters}` : '';
  return `${capitalise(endOf(last))} telden ${t.thuiszitters} kinderen als thuiszitter (profiel ${profileLabel.toLowerCase()}), van wie ${t.av} in absoluut en ${t.lrv} in langdurig relatief verzuim${start}.`;
}

export function normMonthsConclusion(points: MonthPoint[], config: Pick<RegionConfig, 'normMonths'>): string {
  const last = points.at(-1);
  if (!last) return 'Er zijn nog geen maanden om te tonen.';
  const top = peak(points, 'norm_overschreden');
  const highest = top && top !== last && (top.values.norm_overschreden ?? 0) > 0 ? `; het hoogste aantal was ${formatCount(top.values.norm_overschreden)}, ${endOf(top)}` : '';
  return `${capitalise(endOf(last))} zaten ${last.texts.norm_overschreden} kinderen langer dan ${config.normMonths} maanden thuis zonder passend aanbod, waar het pact 0 afspreekt${highest}.`;
}

export function flowConclusion(points: MonthPoint[]): string {
  const last = points.at(-1);
  if (!last) return 'Er zijn nog geen maanden om te tonen.';
  const top = peak(points, 'instroom_cases');
  const most = top && points.length > 1 ? `; de meeste nieuwe casussen kwamen in ${top.label} (${formatCount(top.values.instroom_cases)})` : '';
  return `In ${last.label} werden ${last.texts.instroom_cases} casussen geopend en ${last.texts.uitstroom_cases} afgesloten${most}.`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export interface MonthlyTableRow {
  id: string;
  label: string;
  cells: string[];
}

export interface MonthlyTable {
  months: { month: string; label: string }[];
  groups: { heading: string; rows: MonthlyTableRow[] }[];
}

/** Every figure of the catalogue as a row, one column per month: stock figures at month end, then flows. */
export function monthlyTable(report: MonthlyReport, catalogue: Catalogue): MonthlyTable {
  const group = (heading: string, type: 'stock' | 'period') => ({
    heading,
    rows: [...catalogue.values()].filter((m) => m.type === type).map((m) => ({ id: m.id, label: m.label, cells: report.rows.map((r) => figureText(m.id, r, m.unit, report.config.suppressionK)) })),
  });
  return {
    months: report.rows.map((r) => ({ month: r.month, label: formatShortMonth(r.month) })),
    groups: [group('Stand aan het eind van de maand', 'stock'), group('In de maand', 'period')],
  };
}
