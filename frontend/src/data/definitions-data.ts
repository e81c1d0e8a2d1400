// The metric catalogue for "Definities": searchable (accents and case ignored), grouped into stock and period
// figures, and the link every figure elsewhere points at.
import type { Metric, RegionConfig } from '../api/client.ts';
import { formatMonthName } from '../format.ts';
import { labelOf, PROFILE_LABELS } from '../labels.ts';

/** Where a figure's definition is: the catalogue page, at the figure's id. */
export const definitionHref = (id: string) => `/definities#${id}`;

export const UNIT_LABELS: Record<Metric['unit'], string> = {
  kinderen: 'aantal kinderen (elk kind één keer)',
  casussen: 'aantal casussen of gebeurtenissen',
  aandeel: 'aandeel, van 0 tot 100%',
  maanden: 'aantal maanden',
  blokken: 'aantal blokken van twee maanden',
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
    const text = fold(`${m.id} ${m.label} ${m.definition} ${m.formula} ${m.target ?? ''}`);
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

/** The region configuration (metrics.md "Region configuration") in words, for the Definities page. */
export function configRows(c: RegionConfig): [string, string][] {
  const swvs = Object.entries(c.swvGemeenten);
  return [
    ['Profiel als niets anders gekozen is', labelOf(PROFILE_LABELS, c.defaultProfile)],
    ['De norm', `${c.normMonths} maanden zonder passend aanbod; de signaalgrens ligt een maand eerder, op ${c.normMonths - 1} maanden`],
    ['Onderbrekingen', c.normGapDays === 0 ? 'Elke onderbreking zet de klok van de norm terug' : `Een onderbreking van hoogstens ${c.normGapDays} dagen (bijvoorbeeld een paar dagen gedeeltelijk naar school) zet de klok van de norm niet terug`],
    ['“4 weken”', `${c.fourWeeksDays} dagen`],
    ['Maanden zonder Leerplicht/SWV-overleg', c.overlegPauseMonths.length ? c.overlegPauseMonths.map(formatMonthName).join(', ') : 'Geen: elke maand een overleg'],
    ['Kleine aantallen', `Aantallen van 1 tot en met ${c.suppressionK - 1} worden voor bestuur, raad en in openbare uitvoer niet getoond`],
    ['Samenwerkingsverbanden', swvs.length ? swvs.map(([swv, gemeenten]) => `${swv}: ${gemeenten.join(', ')}`).join('; ') : 'Afgeleid uit de casussen: een gemeente hoort bij elk samenwerkingsverband waarmee een casus haar noemt'],
  ];
}
