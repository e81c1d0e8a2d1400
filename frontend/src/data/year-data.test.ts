import { describe, expect, it } from 'vitest';
import type { Metric, MonthlyReport, YearReport } from '../api/client.ts';
import { catalogueMap } from './figures.ts';
import metrics from './fixtures/metrics.json' with { type: 'json' };
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
const catalogue = catalogueMap(metrics as Metric[]);
const report = officieel as YearReport;

describe('the year report page', () => {
  it('describes what the report is about, its region configuration included', () => {
    expect(reportMeta(report)).toEqual([
      ['Schooljaar', '2024–2025: 1 augustus 2024 t/m 31 juli 2025'],
      ['Peildatum van de standcijfers', '31 juli 2025'],
      ['Profiel', 'Officieel (Leerplichttelling)'],
      ['Bereik', 'Gemeente GM0344'],
      ['Stand van registratie', 'Actueel: alles wat nu is geregistreerd'],
      ['Norm', '3 maanden zonder passend aanbod; een onderbreking tot 14 dagen zet de klok niet terug'],
      ['Overleg niet verwacht in', 'geen enkele maand'],
    ]);
    expect(reportMeta({ ...report, asOf: '2025-03-01T12:00:00.000Z' })[4][1]).toBe('1 maart 2025 om 13:00');
    expect(reportMeta({ ...report, config: { ...report.config, overlegPauseMonths: [7, 8] } })[6][1]).toBe('juli, augustus');
  });

  it('lays out the Leerplichttelling with the previous year, exemptions per article', () => {
    const groups = leerplichttelling(report, catalogue);
    expect(groups.map((g) => g.rows.map((r) => [r.id, r.text, r.previousText, r.changeText]))).toEqual([
      [
        ['lrv_begin', '92', '66', '+26'],
        ['lrv_nieuw', '175', '149', '+26'],
        ['lrv_totaal', '267', '215', '+52'],
        ['lrv_3m', '216', '185', '+31'],
      ],
      [
        ['av_totaal', '153', '148', '+5'],
        ['av_3m', '124', '116', '+8'],
      ],
      [
        ['vrijstelling_5a', '96', '85', '+11'],
        ['vrijstelling_5b', '2', '2', '0'],
        ['vrijstelling_5c', '0', '0', '0'],
        ['vrijstelling_15', '0', '0', '0'],
      ],
      [
        ['vrijstelling_5a_verleend', '92', '82', '+10'],
        ['vrijstelling_5b_verleend', '2', '3', '−1'],
        ['vrijstelling_5c_verleend', '0', '1', '−1'],
        ['vrijstelling_15_verleend', '0', '0', '0'],
      ],
    ]);
    // the verdict first: ever over the norm in the year, then the norm now, the children, the hidden ones, aanbod in time
    expect(keyFigures(report, catalogue).map((r) => [r.id, r.text])).toEqual([
      ['norm_overschreden_totaal', '263'],
      ['norm_overschreden', '75'],
      ['thuiszitters_totaal', '401'],
      ['verborgen_totaal', '745'],
      ['aanbod_binnen_3m_aandeel', '45,1%'],
    ]);
  });

  it('follows the norm month by month and says the verdict in plain words', () => {
    const norm = monthPoints(monthlyRaad as MonthlyReport, NORM_IDS, catalogue);
    expect(normConclusion(report, norm)).toBe(
      'Niet gehaald: 263 kinderen waren langer dan 3 maanden thuis zonder passend aanbod; nu (31 juli 2025): 75. Het hoogste aantal aan het eind van een maand was 83 (juni 2025).',
    );
    const kept = { ...report, metrics: { ...report.metrics, norm_overschreden_totaal: 0 }, verdicts: { ...report.verdicts, norm_overschreden_totaal: 'gehaald' as const } };
    expect(normConclusion(kept, [])).toBe('Gehaald: geen kind was langer dan 3 maanden thuis zonder passend aanbod.');
    const longer = { ...report, config: { ...report.config, normMonths: 4 } };
    expect(normConclusion(longer, [])).toMatch(/^Niet gehaald: 263 kinderen waren langer dan 4 maanden thuis/);
  });

  it('puts the three profiles side by side: the iceberg under the official count', () => {
    const columns = profileColumns({ officieel: report, breed: breed as YearReport, leerrecht: leerrecht as YearReport });
    expect(columns.map((c) => [c.label, c.totalText, c.nowText])).toEqual([
      ['Officieel', '401', '163'],
      ['Breed', '709', '306'],
      ['Leerrecht', '1.146', '453'],
    ]);
    expect(icebergConclusion(columns, report)).toBe(
      'Officieel waren in 2024–2025 401 kinderen thuiszitter, maar wie ieder kind zonder volledig onderwijs meetelt (leerrecht) komt op 1.146: 745 kinderen zonder volledig onderwijs vallen buiten de officiële telling.',
    );
    expect(icebergConclusion(profileColumns({ officieel: report }), report)).toBe('De telling per profiel voor 2024–2025 is nog niet (helemaal) geladen.');
    expect(icebergRows(report, catalogue).map((r) => r.text)).toEqual(['745', '290', '64,0%', '41,3%', '96']);
  });

  it('shows outflow by outcome, suppressed where the raad may not see it', () => {
    const outflow = outflowRows(raad as YearReport, catalogue);
    expect(outflow.map((r) => [r.label, r.text])).toEqual([
      ['Terug naar school', '466'],
      ['Passend aanbod', '159'],
      ['Verhuisd', '×'],
      ['Leeftijd (niet meer leerplichtig)', '37'],
      ['Startkwalificatie behaald', '<5'],
      ['Overig', '49'],
    ]);
    expect(outflowConclusion(raad as YearReport, outflow)).toBe('Van de 720 casussen die in 2024–2025 zijn afgesloten, eindigden er 466 met de uitkomst ‘terug naar school’, de meest voorkomende.');
    const none = { ...report, metrics: { ...report.metrics, uitstroom_cases: 0 } };
    expect(outflowConclusion(none, [])).toBe('In 2024–2025 is geen casus afgesloten.');
  });

  it('holds the meetings against the pact with the catalogue’s verdicts: months, two-monthly blocks, the OOGO', () => {
    expect(meetingRows(report, catalogue).map((m) => [m.label, m.heldText, m.expectedText, m.verdict, m.previousText])).toEqual([
      ['Maanden met Leerplicht/SWV-overleg', '10', '12', 'niet_gehaald', '12'],
      ['Tweemaandelijkse kernpartnerblokken met overleg', '5', '6', 'niet_gehaald', '6'],
      ['OOGO', '1', '1', 'gehaald', '1'],
    ]);
    const running = { ...report, verdicts: { overleg_maanden: 'tot_nu_toe_gehaald' as const, oogo_overleggen: 'nog_open' as const } };
    expect(meetingRows(running, catalogue).map((m) => m.verdict)).toEqual(['tot_nu_toe_gehaald', null, 'nog_open']);
  });

  it('lists every figure of the catalogue, stock figures first', () => {
    const groups = allFigureGroups(report, catalogue);
    expect(groups.map((g) => g.heading)).toEqual(['Stand op de peildatum (31 juli 2025)', 'Over het hele schooljaar']);
    expect(groups.flatMap((g) => g.rows).length).toBe(metrics.length);
    expect(groups[0].rows[0]).toMatchObject({ id: 'thuiszitters', label: 'Thuiszitters', text: '163', previousText: '147', changeText: '+16' });
  });
});
