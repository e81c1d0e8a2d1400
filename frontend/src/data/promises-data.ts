// The pact's promises for the gemeenteraad, one card each: what was promised, the target, the value now, the
// trend and whether it is kept. The promises are those of the Utrecht pact (shared/context/002, "Onze
// afspraken"): no child longer than three months at home without a plan, and the monthly, two-monthly and
// yearly meetings that monitor it. Figures come from the API, suppressed where the role needs it.
import type { YearReport } from '../api/client.ts';
import { formatDate, formatDelta, formatPointsDelta, SUPPRESSED } from '../format.ts';
import { COMPLEMENTARY, figureText, figureValue } from './figures.ts';
import { type MonthPoint } from './monthly-data.ts';
import { meetingRows } from './year-data.ts';

export type PromiseStatus = 'gehaald' | 'niet_gehaald' | 'open';

export const STATUS_TEXT: Record<PromiseStatus, string> = { gehaald: 'Gehaald', niet_gehaald: 'Niet gehaald', open: 'Nog niet te beoordelen' };

export interface PromiseCard {
  id: string;
  promise: string;
  target: string;
  valueText: string;
  valueNote: string;
  status: PromiseStatus;
  /** Why the status is what it is, in one sentence. */
  explanation: string;
  trendText: string;
  /** The figure month by month (empty for the meetings, which the card states as held against expected). */
  trend: { label: string; value: number | null; text: string }[];
}

const trendOf = (months: MonthPoint[], id: string) => months.map((m) => ({ label: m.label, value: m.values[id] ?? null, text: m.texts[id] ?? '–' }));

/** "Een jaar eerder (31 juli 2024): 24; nu 8 minder." */
function yearAgo(report: YearReport, id: string, unit: string, fewerIsBetter: boolean): string {
  const previous = report.previous;
  if (!previous) return 'Geen cijfer van een jaar eerder.';
  const now = figureValue(id, report);
  const before = figureValue(id, previous);
  const head = `${unit === 'aandeel' ? 'Vorig schooljaar' : `Een jaar eerder (${formatDate(previous.period.stockOn)})`}: ${figureText(id, previous, unit)}`;
  if (now === null || before === null || now === before) return `${head}.`;
  const change = unit === 'aandeel' ? formatPointsDelta(now - before) : formatDelta(now - before);
  const better = fewerIsBetter ? now < before : now > before;
  return `${head}; verschil ${change}, ${better ? 'beter' : 'slechter'} dan toen.`;
}

export function promiseCards(report: YearReport, months: MonthPoint[]): PromiseCard[] {
  const norm = figureValue('norm_overschreden', report);
  const normSuppressed = report.suppressed.includes('norm_overschreden');
  const share = figureValue('plan_binnen_3m_aandeel', report);
  const shareSuppressed = report.suppressed.includes('plan_binnen_3m_aandeel');
  const [monthly, kernpartner, oogo] = meetingRows(report);
  const complete = report.metrics.overleg_maanden_verwacht === 12;
  const meeting = (row: typeof monthly, promise: string, target: string, unit: string): PromiseCard => ({
    id: row.id,
    promise,
    target,
    valueText: row.heldText,
    valueNote: complete ? `${unit}, van de ${row.expectedText} afgesproken` : row.met === null ? `${unit} tot nu toe dit schooljaar` : `${unit} tot nu toe; verwacht: ${row.expectedText}`,
    status: row.met === null ? 'open' : row.met ? 'gehaald' : 'niet_gehaald',
    explanation: row.met === null ? 'Het schooljaar loopt nog; dit overleg kan nog komen.' : row.met ? 'Zo vaak gehouden als afgesproken.' : `Minder vaak gehouden dan afgesproken (${row.heldText} van ${row.expectedText}).`,
    trendText: `Vorig schooljaar: ${row.previousText}.`,
    trend: [],
  });
  return [
    {
      id: 'norm_overschreden',
      promise: 'Geen kind langer dan 3 maanden thuis zonder plan of passend aanbod',
      target: '0 kinderen',
      valueText: figureText('norm_overschreden', report, 'kinderen'),
      valueNote: `kinderen op ${formatDate(report.period.stockOn)}`,
      status: norm === 0 ? 'gehaald' : norm !== null || normSuppressed ? 'niet_gehaald' : 'open',
      explanation: norm === 0 ? 'Geen enkel kind zit langer dan 3 maanden thuis zonder plan.' : 'Er zijn kinderen die langer dan 3 maanden thuis zitten zonder plan of aanbod.',
      trendText: yearAgo(report, 'norm_overschreden', 'kinderen', true),
      trend: trendOf(months, 'norm_overschreden'),
    },
    {
      id: 'plan_binnen_3m_aandeel',
      promise: 'Binnen 3 maanden een plan voor ieder kind dat thuis zit',
      target: '100%',
      valueText: figureText('plan_binnen_3m_aandeel', report, 'aandeel'),
      valueNote: 'van de kinderen die in het schooljaar 3 maanden thuis waren, had binnen die 3 maanden een plan of aanbod',
      status: share === 1 ? 'gehaald' : share !== null ? 'niet_gehaald' : 'open',
      explanation:
        share === null
          ? shareSuppressed
            ? 'Te weinig kinderen om het aandeel te tonen.'
            : 'Dit schooljaar bereikte nog geen kind de 3 maanden.'
          : share === 1
            ? 'Ieder kind had binnen 3 maanden een plan of aanbod.'
            : 'Niet ieder kind had binnen 3 maanden een plan of aanbod.',
      trendText: yearAgo(report, 'plan_binnen_3m_aandeel', 'aandeel', false),
      trend: trendOf(months, 'plan_binnen_3m_aandeel'),
    },
    meeting(monthly, 'Elke maand het Leerplicht/SWV-overleg over de thuiszitters', 'elke maand', 'maanden met overleg'),
    meeting(kernpartner, 'Elke twee maanden het overleg van de kernpartners', '6 per schooljaar', 'overleggen'),
    meeting(oogo, 'Elk jaar bestuurlijk overleg (OOGO) over de resultaten', '1 per schooljaar', 'overleggen'),
  ];
}

/** Does any card show a suppressed value (so the note explaining "<5" and "×" belongs on the page)? */
export const cardsSuppress = (cards: PromiseCard[]) => cards.some((c) => [c.valueText, ...c.trend.map((t) => t.text)].some((t) => t === SUPPRESSED || t === COMPLEMENTARY));
