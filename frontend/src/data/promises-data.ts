// The pact's promises for the gemeenteraad, one card each: what was promised, the target, the value, the trend and
// the verdict. The promises are those of the Utrecht pact (shared/context/002, "Onze afspraken"): no child longer
// than three months at home without a passend aanbod (and none without a plan), and the monthly, two-monthly and
// yearly meetings that monitor it. Figures and verdicts come from the API (the catalogue judges, never the page),
// suppressed where the role needs it.
import { VERDICT_LABELS } from '@pact/projections/labels';
import type { Verdict, YearReport } from '../api/client.ts';
import { formatDate, formatDelta, formatPointsDelta, suppressedText } from '../format.ts';
import { COMPLEMENTARY, figureText, figureValue } from './figures.ts';
import { type MonthPoint } from './monthly-data.ts';
import { schoolYearLabel } from './school-year.ts';

/** A verdict of the catalogue, or none (nothing was expected, or the figure has no target). */
export type PromiseStatus = Verdict | 'geen';

export const STATUS_TEXT: Record<PromiseStatus, string> = { ...VERDICT_LABELS, geen: 'Geen oordeel' };

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

const months = (n: number) => (n === 1 ? '1 maand' : `${n} maanden`);
const trendOf = (points: MonthPoint[], id: string) => points.map((m) => ({ label: m.label, value: m.values[id] ?? null, text: m.texts[id] ?? '–' }));
const statusOf = (report: YearReport, id: string): PromiseStatus => report.verdicts[id] ?? 'geen';

/** "Vorig schooljaar: 24; verschil −8, beter dan toen." */
function lastYear(report: YearReport, id: string, unit: string, fewerIsBetter: boolean): string {
  const previous = report.previous;
  if (!previous) return 'Geen cijfer van het vorige schooljaar.';
  const now = figureValue(id, report);
  const before = figureValue(id, previous);
  const head = `Vorig schooljaar (${schoolYearLabel(previous.period.label)}): ${figureText(id, previous, unit, report.config.suppressionK)}`;
  if (now === null || before === null || now === before) return `${head}.`;
  const change = unit === 'aandeel' ? formatPointsDelta(now - before) : formatDelta(now - before);
  const better = fewerIsBetter ? now < before : now > before;
  return `${head}; verschil ${change}, ${better ? 'beter' : 'slechter'} dan toen.`;
}

/** The norm's verdict in plain words: how many children were over it in the period, and how many are now. */
export function normSentence(report: YearReport, id: 'norm_overschreden_totaal' | 'norm_zonder_plan_totaal'): string {
  const n = months(report.config.normMonths);
  const without = id === 'norm_overschreden_totaal' ? 'zonder passend aanbod' : 'zonder passend aanbod en zonder geldig plan';
  const k = report.config.suppressionK;
  const count = figureText(id, report, 'kinderen', k);
  const children = count === suppressedText(k) || count === COMPLEMENTARY ? `minder dan ${k} kinderen` : count === '1' ? '1 kind' : `${count} kinderen`;
  const stockId = id === 'norm_overschreden_totaal' ? 'norm_overschreden' : 'norm_zonder_plan';
  const now = `nu (${formatDate(report.period.stockOn)}): ${figureText(stockId, report, 'kinderen', k)}`;
  switch (statusOf(report, id)) {
    case 'gehaald':
      return `Gehaald: geen kind was langer dan ${n} thuis ${without}.`;
    case 'tot_nu_toe_gehaald':
      return `Tot nu toe gehaald: dit schooljaar was nog geen kind langer dan ${n} thuis ${without}.`;
    case 'niet_gehaald':
      return `Niet gehaald: ${children} ${children === '1 kind' ? 'was' : 'waren'} langer dan ${n} thuis ${without}; ${now}.`;
    default:
      return `${count} kinderen langer dan ${n} thuis ${without}; ${now}.`;
  }
}

export function promiseCards(report: YearReport, points: MonthPoint[]): PromiseCard[] {
  const n = months(report.config.normMonths);
  const text = (id: string, unit: string) => figureText(id, report, unit, report.config.suppressionK);
  const meeting = (id: string, expectedId: string | null, promise: string, target: string, unit: string): PromiseCard => {
    const status = statusOf(report, id);
    const held = text(id, 'overleggen');
    const expected = expectedId ? text(expectedId, 'overleggen') : '1';
    return {
      id,
      promise,
      target,
      valueText: held,
      valueNote: `${unit}, van de ${expected} verwacht${status === 'tot_nu_toe_gehaald' || status === 'nog_open' ? ' tot nu toe' : ''}`,
      status,
      explanation: {
        gehaald: 'Zo vaak gehouden als afgesproken.',
        tot_nu_toe_gehaald: 'Tot nu toe zo vaak gehouden als afgesproken; het schooljaar loopt nog.',
        nog_open: 'Het schooljaar loopt nog; dit overleg kan nog komen.',
        niet_gehaald: `Minder vaak gehouden dan afgesproken (${held} van ${expected}).`,
        geen: 'In deze periode was dit overleg niet afgesproken.',
      }[status],
      trendText: lastYear(report, id, 'overleggen', false),
      trend: [],
    };
  };
  return [
    {
      id: 'norm_overschreden_totaal',
      promise: `Geen kind langer dan ${n} thuis zonder passend aanbod`,
      target: '0 kinderen',
      valueText: text('norm_overschreden_totaal', 'kinderen'),
      valueNote: `kinderen waren dit schooljaar langer dan ${n} thuis zonder passend aanbod`,
      status: statusOf(report, 'norm_overschreden_totaal'),
      explanation: `Nu (${formatDate(report.period.stockOn)}): ${text('norm_overschreden', 'kinderen')}.`,
      trendText: lastYear(report, 'norm_overschreden_totaal', 'kinderen', true),
      trend: trendOf(points, 'norm_overschreden_totaal'),
    },
    {
      id: 'norm_zonder_plan_totaal',
      promise: `Geen kind langer dan ${n} thuis zonder plan`,
      target: '0 kinderen',
      valueText: text('norm_zonder_plan_totaal', 'kinderen'),
      valueNote: `kinderen waren dit schooljaar langer dan ${n} thuis zonder passend aanbod én zonder geldig plan`,
      status: statusOf(report, 'norm_zonder_plan_totaal'),
      explanation: `Nu (${formatDate(report.period.stockOn)}): ${text('norm_zonder_plan', 'kinderen')}. Binnen ${n} een plan of aanbod: ${text('plan_binnen_3m_aandeel', 'aandeel')} van de thuiszitperiodes.`,
      trendText: lastYear(report, 'norm_zonder_plan_totaal', 'kinderen', true),
      trend: trendOf(points, 'norm_zonder_plan_totaal'),
    },
    meeting('overleg_maanden', 'overleg_maanden_verwacht', 'Elke maand het Leerplicht/SWV-overleg over de thuiszitters', 'elke maand', 'maanden met overleg'),
    meeting('kernpartner_blokken', 'kernpartner_blokken_verwacht', 'Elke twee maanden het overleg van de kernpartners', 'elk blok van twee maanden', 'blokken van twee maanden met overleg'),
    meeting('oogo_overleggen', null, 'Elk jaar bestuurlijk overleg (OOGO) over de resultaten', '1 per schooljaar', 'overleggen'),
  ];
}

/** The monthly figures the cards' trends show. */
export const PROMISE_TREND_IDS = ['norm_overschreden_totaal', 'norm_zonder_plan_totaal'] as const;

/** Does any card show a suppressed value (so the note explaining "<k" and "×" belongs on the page)? */
export const cardsSuppress = (cards: PromiseCard[], k: number) =>
  cards.some((c) => [c.valueText, ...c.trend.map((t) => t.text)].some((t) => t === suppressedText(k) || t === COMPLEMENTARY));
