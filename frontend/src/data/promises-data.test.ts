import { describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import type { MonthlyReport, YearReport } from '../api/client.ts';
import { catalogueMap } from './figures.ts';
import monthly from './fixtures/monthly-raad.json' with { type: 'json' };
import raad from './fixtures/year-raad.json' with { type: 'json' };
import { monthPoints } from './monthly-data.ts';
import { cardsSuppress, promiseCards } from './promises-data.ts';

// The demo region's school year 2024-2025 as a raadslid sees it (GM0344).
const report: YearReport = raad;
const months = monthPoints(monthly as MonthlyReport, ['norm_overschreden', 'plan_binnen_3m_aandeel'], catalogueMap(METRICS));

describe('the pact’s promises', () => {
  it('holds each promise against its target', () => {
    const cards = promiseCards(report, months);
    expect(cards.map((c) => [c.id, c.valueText, c.target, c.status])).toEqual([
      ['norm_overschreden', '16', '0 kinderen', 'niet_gehaald'],
      ['plan_binnen_3m_aandeel', '74,9%', '100%', 'niet_gehaald'],
      ['overleg_maanden', '10', 'elke maand', 'niet_gehaald'],
      ['kernpartner_overleggen', '5', '6 per schooljaar', 'niet_gehaald'],
      ['oogo_overleggen', '1', '1 per schooljaar', 'gehaald'],
    ]);
    expect(cards[0].trendText).toBe('Een jaar eerder (31 juli 2024): 24; verschil −8, beter dan toen.');
    expect(cards[1].trendText).toBe('Vorig schooljaar: 77,4%; verschil −2,5 procentpunt, slechter dan toen.');
    expect(cards[2]).toMatchObject({ valueNote: 'maanden met overleg, van de 12 afgesproken', explanation: 'Minder vaak gehouden dan afgesproken (10 van 12).', trendText: 'Vorig schooljaar: 12.' });
    expect(cards[0].trend).toHaveLength(12);
    expect(cards[0].trend[1]).toEqual({ label: 'september 2024', value: 33, text: '33' });
    // the raad's report hides small outflow counts, but none of the promises shows one
    expect(cardsSuppress(cards)).toBe(false);
  });

  it('calls the norm kept only at zero, and a suppressed count (1 to 4) not kept', () => {
    const kept = promiseCards({ ...report, metrics: { ...report.metrics, norm_overschreden: 0 } }, months)[0];
    expect([kept.status, kept.valueText]).toEqual(['gehaald', '0']);
    const small = promiseCards({ ...report, metrics: { ...report.metrics, norm_overschreden: null }, suppressed: [...report.suppressed, 'norm_overschreden'] }, months)[0];
    expect([small.status, small.valueText]).toEqual(['niet_gehaald', '<5']);
    expect(cardsSuppress([small])).toBe(true);
  });

  it('does not judge the yearly OOGO while the school year runs', () => {
    const running = { ...report, metrics: { ...report.metrics, overleg_maanden: 4, overleg_maanden_verwacht: 4, kernpartner_overleggen: 1, oogo_overleggen: 0, plan_binnen_3m_aandeel: null } };
    const cards = promiseCards(running, []);
    expect(cards.map((c) => c.status)).toEqual(['niet_gehaald', 'open', 'gehaald', 'niet_gehaald', 'open']);
    expect(cards[1].explanation).toBe('Dit schooljaar bereikte nog geen kind de 3 maanden.');
    expect(cards[4].explanation).toBe('Het schooljaar loopt nog; dit overleg kan nog komen.');
  });
});
