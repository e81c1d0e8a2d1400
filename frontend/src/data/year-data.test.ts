import { describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import type { MonthlyReport, YearReport } from '../api/client.ts';
import { catalogueMap } from './figures.ts';
import { monthPoints, NORM_IDS } from './monthly-data.ts';
import breed from './fixtures/year-breed.json' with { type: 'json' };
import leerrecht from './fixtures/year-leerrecht.json' with { type: 'json' };
import monthlyRaad from './fixtures/monthly-raad.json' with { type: 'json' };
import officieel from './fixtures/year-officieel.json' with { type: 'json' };
import raad from './fixtures/year-raad.json' with { type: 'json' };
import {
  allFigureGroups,
  icebergConclusion,
  icebergRows,
  keyFigures,
  leerplichttelling,
  meetingRows,
  normConclusion,
  outflowConclusion,
  outflowRows,
  profileColumns,
  reportMeta,
} from './year-data.ts';

// The demo region Utrecht (fictief), school year 2024-2025, as the API answers it (fixtures/).
const catalogue = catalogueMap(METRICS);
const report: YearReport = officieel;

describe('the year report page', () => {
  it('describes what the report is about', () => {
    expect(reportMeta(report)).toEqual([
      ['Schooljaar', '2024–2025: 1 augustus 2024 t/m 31 juli 2025'],
      ['Peildatum van de standcijfers', '31 juli 2025'],
      ['Profiel', 'Officieel (Leerplichttelling)'],
      ['Bereik', 'Gemeente GM0344'],
      ['Stand van registratie', 'Actueel: alles wat nu is geregistreerd'],
    ]);
    expect(reportMeta({ ...report, asOf: '2025-03-01T12:00:00.000Z' })[4][1]).toBe('1 maart 2025 om 13:00');
  });

  it('lays out the Leerplichttelling with the previous year', () => {
    const groups = leerplichttelling(report, catalogue);
    expect(groups.map((g) => g.rows.map((r) => [r.id, r.text, r.previousText, r.changeText]))).toEqual([
      [
        ['lrv_begin', '82', '86', '−4'],
        ['lrv_nieuw', '153', '129', '+24'],
        ['lrv_totaal', '235', '215', '+20'],
        ['lrv_3m', '176', '185', '−9'],
      ],
      [
        ['av_totaal', '170', '148', '+22'],
        ['av_3m', '138', '116', '+22'],
      ],
      [['vrijstelling_5a', '76', '64', '+12']],
    ]);
    expect(keyFigures(report, catalogue).map((r) => r.text)).toEqual(['16', '387', '743', '74,9%']);
  });

  it('follows the norm month by month and says what it shows', () => {
    const norm = monthPoints(monthlyRaad as MonthlyReport, NORM_IDS, catalogue);
    expect(normConclusion(report, norm)).toBe(
      'Op 31 juli 2025 zaten 16 kinderen langer dan 3 maanden thuis zonder plan, waar het pact 0 afspreekt, tegen 24 een jaar eerder; het hoogste aantal aan het eind van een maand was 33 (september 2024).',
    );
    const kept = { ...report, metrics: { ...report.metrics, norm_overschreden: 0 } };
    expect(normConclusion(kept, [])).toBe('Op 31 juli 2025 zat geen kind langer dan 3 maanden thuis zonder plan: de pactnorm van 0 is gehaald, tegen 24 een jaar eerder.');
  });

  it('puts the three profiles side by side: the iceberg under the official count', () => {
    const columns = profileColumns({ officieel, breed, leerrecht });
    expect(columns.map((c) => [c.label, c.totalText, c.nowText])).toEqual([
      ['Officieel', '387', '159'],
      ['Breed', '688', '287'],
      ['Leerrecht', '1.130', '427'],
    ]);
    expect(icebergConclusion(columns, report)).toBe(
      'Officieel waren in 2024–2025 387 kinderen thuiszitter, maar wie ieder kind zonder volledig onderwijs meetelt (leerrecht) komt op 1.130: 743 kinderen zonder volledig onderwijs vallen buiten de officiële telling.',
    );
    expect(icebergConclusion(profileColumns({ officieel }), report)).toBe('De telling per profiel voor 2024–2025 is nog niet (helemaal) geladen.');
    expect(icebergRows(report, catalogue).map((r) => r.text)).toEqual(['743', '268', '62,8%', '43,5%', '76']);
  });

  it('shows outflow by outcome, suppressed where the raad may not see it', () => {
    const outflow = outflowRows(raad, catalogue);
    expect(outflow.map((r) => [r.label, r.text])).toEqual([
      ['Terug naar school', '474'],
      ['Passend aanbod', '146'],
      ['Verhuisd', '×'],
      ['Leeftijd (niet meer leerplichtig)', '36'],
      ['Startkwalificatie behaald', '<5'],
      ['Overig', '56'],
    ]);
    expect(outflowConclusion(raad, outflow)).toBe('Van de 730 casussen die in 2024–2025 zijn afgesloten, eindigden er 474 met de uitkomst ‘terug naar school’, de meest voorkomende.');
    const none = { ...report, metrics: { ...report.metrics, uitstroom_cases: 0 } };
    expect(outflowConclusion(none, [])).toBe('In 2024–2025 is geen casus afgesloten.');
  });

  it('holds the meetings against the pact: 12 months, 6 kernpartner meetings, 1 OOGO', () => {
    expect(meetingRows(report).map((m) => [m.label, m.heldText, m.expectedText, m.met, m.previousText])).toEqual([
      ['Maanden met Leerplicht/SWV-overleg', '10', '12', false, '12'],
      ['Kernpartneroverleggen', '5', '6', false, '6'],
      ['OOGO', '1', '1', true, '1'],
    ]);
    const running = { ...report, metrics: { ...report.metrics, overleg_maanden: 4, overleg_maanden_verwacht: 4, kernpartner_overleggen: 2, oogo_overleggen: 0 } };
    expect(meetingRows(running).map((m) => [m.expectedText, m.met])).toEqual([
      ['4', true],
      ['2', true],
      ['–', null],
    ]);
  });

  it('lists every figure of the catalogue, stock figures first', () => {
    const groups = allFigureGroups(report, catalogue);
    expect(groups.map((g) => g.heading)).toEqual(['Stand op de peildatum (31 juli 2025)', 'Over het hele schooljaar']);
    expect(groups.flatMap((g) => g.rows).length).toBe(METRICS.length);
    expect(groups[0].rows[0]).toMatchObject({ id: 'thuiszitters', label: 'Thuiszitters', text: '159', previousText: '157', changeText: '+2' });
  });
});
