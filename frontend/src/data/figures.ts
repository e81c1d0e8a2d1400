// One figure of a report as the dashboard shows it: its catalogue label, its value as text (suppressed counts
// as "<5", complementarily suppressed ones as "×", a share without denominator as "–"), the previous period's
// value and the change. Values come from the API as they are; nothing is recomputed here.
import type { Metric } from '../api/client.ts';
import { formatDelta, formatFigure, formatPointsDelta, MISSING, suppressedText } from '../format.ts';

/** The part of a report (or of one month of it) that holds figures. */
export interface Figures {
  metrics: Record<string, number | null>;
  suppressed: string[];
  complementary: string[];
}

export type Catalogue = ReadonlyMap<string, Metric>;

export interface FigureRow {
  id: string;
  label: string;
  unit: string;
  value: number | null;
  text: string;
  previous: number | null;
  previousText: string;
  changeText: string;
}

export interface RowGroup {
  heading: string;
  rows: FigureRow[];
}

export const catalogueMap = (metrics: readonly Metric[]): Catalogue => new Map(metrics.map((m) => [m.id, m]));

export const COMPLEMENTARY = '×';

/** A figure as text: "<k" (k: the region's suppressionK) or "×" when suppressed, else by its unit. */
export function figureText(id: string, figures: Figures | null | undefined, unit: string, k: number): string {
  if (!figures) return MISSING;
  if (figures.suppressed.includes(id)) return figures.complementary.includes(id) ? COMPLEMENTARY : suppressedText(k);
  return formatFigure(figures.metrics[id], unit);
}

/** A figure's value, or null when it is missing or suppressed. */
export function figureValue(id: string, figures: Figures | null | undefined): number | null {
  if (!figures || figures.suppressed.includes(id)) return null;
  return figures.metrics[id] ?? null;
}

export function figureRow(id: string, catalogue: Catalogue, k: number, current: Figures, previous?: Figures | null): FigureRow {
  const metric = catalogue.get(id);
  const unit = metric?.unit ?? 'kinderen';
  const value = figureValue(id, current);
  const before = figureValue(id, previous);
  const change = value === null || before === null ? MISSING : unit === 'aandeel' ? formatPointsDelta(value - before) : formatDelta(value - before);
  return {
    id,
    label: metric?.label ?? id,
    unit,
    value,
    text: figureText(id, current, unit, k),
    previous: before,
    previousText: figureText(id, previous, unit, k),
    changeText: change,
  };
}

/** The scope a report was computed for, in words. */
export function scopeText(scope: { gemeente?: string; swv?: string }): string {
  if (scope.gemeente && scope.swv) return `Gemeente ${scope.gemeente} en samenwerkingsverband ${scope.swv}`;
  if (scope.gemeente) return `Gemeente ${scope.gemeente}`;
  if (scope.swv) return `Samenwerkingsverband ${scope.swv}`;
  return 'Hele regio';
}

const ACTIVITY = ['instroom_cases', 'uitstroom_cases', 'escalaties_cases', 'drang_dwang', 'overleg_maanden', 'kernpartner_overleggen', 'oogo_overleggen'];

/**
 * Was nothing at all registered in the period: no case opened or closed, no escalation or enforcement, no
 * meeting? Then the figures are not wrong but empty, and the page says so instead of showing a row of zeros.
 */
export const nothingRegistered = (figures: Figures) => ACTIVITY.every((id) => figures.metrics[id] === 0);

/** Is anything in these figures suppressed (so the note explaining "<5" and "×" must be shown)? */
export const anySuppressed = (...figures: (Figures | null | undefined)[]) => figures.some((f) => (f?.suppressed.length ?? 0) > 0);
