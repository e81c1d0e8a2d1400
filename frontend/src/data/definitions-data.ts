// The metric catalogue for "Definities": searchable (accents and case ignored), grouped into stock and period
// figures, and the link every figure elsewhere points at.
import type { Metric } from '../api/client.ts';

/** Where a figure's definition is: the catalogue page, at the figure's id. */
export const definitionHref = (id: string) => `/definities#${id}`;

export const UNIT_LABELS: Record<Metric['unit'], string> = {
  kinderen: 'aantal kinderen (elk kind één keer)',
  casussen: 'aantal casussen of gebeurtenissen',
  aandeel: 'aandeel, van 0 tot 100%',
  maanden: 'aantal maanden',
  overleggen: 'aantal overleggen',
};

export const TYPE_LABELS: Record<Metric['type'], string> = {
  stock: 'Standcijfer: geteld op één dag (het eind van de periode, of vandaag)',
  period: 'Periodecijfer: over alle dagen van de periode',
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();

/** The figures whose id, label, definition or formula contain every word of the query. */
export function searchMetrics(metrics: readonly Metric[], query: string): Metric[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...metrics];
  return metrics.filter((m) => {
    const text = fold(`${m.id} ${m.label} ${m.definition} ${m.formula}`);
    return words.every((w) => text.includes(w));
  });
}

export interface MetricGroup {
  type: Metric['type'];
  heading: string;
  metrics: Metric[];
}

export function groupMetrics(metrics: readonly Metric[]): MetricGroup[] {
  const groups: MetricGroup[] = [
    { type: 'stock', heading: 'Standcijfers', metrics: metrics.filter((m) => m.type === 'stock') },
    { type: 'period', heading: 'Periodecijfers', metrics: metrics.filter((m) => m.type === 'period') },
  ];
  return groups.filter((g) => g.metrics.length > 0);
}

/** "3 van de 38 cijfers" for the live region under the search box. */
export const resultText = (found: number, total: number) => (found === total ? `Alle ${total} cijfers` : found === 0 ? 'Geen cijfer gevonden' : `${found} van de ${total} cijfers`);
