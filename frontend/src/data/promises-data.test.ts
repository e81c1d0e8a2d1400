import { describe, expect, it } from 'vitest';
import type { Metric, MonthlyReport, YearReport } from '../api/client.ts';
import { catalogueMap } from './figures.ts';
import metrics from './fixtures/metrics.json' with { type: 'json' };
import monthly from './fixtures/monthly-raad.json' with { type: 'json' };
import raad from './fixtures/year-raad.json' with { type: 'json' };
import { monthPoints } from './monthly-data.ts';
import { cardsSuppress, normSentence, PROMISE_TREND_IDS, promiseCards } from './promises-data.ts';

// The demo region's school year 2024-2025 as a raadslid sees it (GM0344).
const report = raad as YearReport;
const months = monthPoints(monthly as MonthlyReport, PROMISE_TREND_IDS, catalogueMap(metrics as Metric[]));

describe('the pact’s promises', () => {
  it('leads with the pact’s verdict (ever over the norm in the year), the verdicts all the API’s', () => {
    const cards = promiseCards(report, months);
    expect(cards.map((c) => [c.id, c.valueText, c.target, c.status])).toEqual([
      ['norm_overschreden_totaal', '263', '0 kinderen', 'niet_gehaald'],
      ['norm_zonder_plan_totaal', '182', '0 kinderen', 'niet_gehaald'],
      ['overleg_maanden', '10', 'elke maand', 'niet_gehaald'],
      ['kernpartner_blokken', '5', 'elk blok van twee maanden', 'niet_gehaald'],
      ['oogo_overleggen', '1', '1 per schooljaar', 'gehaald'],
    ]);
    expect(cards[0].promise).toBe('Geen kind langer dan 3 maanden thuis zonder passend aanbod');
    expect(normSentence(report, 'norm_overschreden_totaal')).toBe('Niet gehaald: 263 kinderen waren langer dan 3 maanden thuis zonder passend aanbod; nu (31 juli 2025): 75.');
    expect(cards[0].valueNote).toBe('kinderen waren dit schooljaar langer dan 3 maanden thuis zonder passend aanbod');
    expect(cards[0].explanation).toBe('Nu (31 juli 2025): 75.'); // the stock beside the verdict
    expect(cards[0].trendText).toBe('Vorig schooljaar (2023–2024): 243; verschil +20, slechter dan toen.');
    expect(cards[1].explanation).toBe('Nu (31 juli 2025): 29. Binnen 3 maanden een plan of aanbod: 87,5% van de thuiszitperiodes.');
    expect(cards[2]).toMatchObject({ valueNote: 'maanden met overleg, van de 12 verwacht', explanation: 'Minder vaak gehouden dan afgesproken (10 van 12).', trendText: 'Vorig schooljaar (2023–2024): 12; verschil −2, slechter dan toen.' });
    expect(cards[0].trend).toHaveLength(12);
    expect(cards[0].trend[1]).toEqual({ label: 'september 2024', value: 74, text: '74' });
    expect(cardsSuppress(cards, 5)).toBe(false); // the raad's report hides small counts, but none of the promises shows one
  });

  it('says the verdict plainly for each state, with a suppressed count as "minder dan 5"', () => {
    const kept = { ...report, metrics: { ...report.metrics, norm_overschreden_totaal: 0 }, verdicts: { ...report.verdicts, norm_overschreden_totaal: 'gehaald' as const } };
    expect(promiseCards(kept, months)[0]).toMatchObject({ status: 'gehaald', valueText: '0' });
    expect(normSentence(kept, 'norm_overschreden_totaal')).toBe('Gehaald: geen kind was langer dan 3 maanden thuis zonder passend aanbod.');
    const soFar = { ...kept, verdicts: { ...kept.verdicts, norm_overschreden_totaal: 'tot_nu_toe_gehaald' as const } };
    expect(normSentence(soFar, 'norm_overschreden_totaal')).toBe('Tot nu toe gehaald: dit schooljaar was nog geen kind langer dan 3 maanden thuis zonder passend aanbod.');
    const small = { ...report, metrics: { ...report.metrics, norm_overschreden_totaal: null }, suppressed: [...report.suppressed, 'norm_overschreden_totaal'] };
    const card = promiseCards(small, months)[0];
    expect([card.status, card.valueText]).toEqual(['niet_gehaald', '<5']);
    expect(normSentence(small, 'norm_overschreden_totaal')).toBe('Niet gehaald: minder dan 5 kinderen waren langer dan 3 maanden thuis zonder passend aanbod; nu (31 juli 2025): 75.');
    expect(cardsSuppress([card], 5)).toBe(true);
    const k10 = { ...small, config: { ...small.config, suppressionK: 10 } };
    expect(normSentence(k10, 'norm_overschreden_totaal')).toBe('Niet gehaald: minder dan 10 kinderen waren langer dan 3 maanden thuis zonder passend aanbod; nu (31 juli 2025): 75.');
  });

  it('shows a running year’s meetings as the API judges them, and names the configured norm', () => {
    const running = { ...report, verdicts: { ...report.verdicts, overleg_maanden: 'tot_nu_toe_gehaald' as const, kernpartner_blokken: 'tot_nu_toe_gehaald' as const, oogo_overleggen: 'nog_open' as const } };
    const cards = promiseCards(running, []);
    expect(cards.slice(2).map((c) => c.status)).toEqual(['tot_nu_toe_gehaald', 'tot_nu_toe_gehaald', 'nog_open']);
    expect(cards[4].explanation).toBe('Het schooljaar loopt nog; dit overleg kan nog komen.');
    expect(cards[2].valueNote).toBe('maanden met overleg, van de 12 verwacht tot nu toe');
    expect(promiseCards({ ...report, config: { ...report.config, normMonths: 6 } }, [])[0].promise).toBe('Geen kind langer dan 6 maanden thuis zonder passend aanbod');
  });
});
