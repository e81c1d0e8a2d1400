import { describe, expect, it } from 'vitest';
import type { Metric, MonthlyReport } from '../api/client.ts';
import { catalogueMap } from './figures.ts';
import metrics from './fixtures/metrics.json' with { type: 'json' };
import fixture from './fixtures/monthly-raad.json' with { type: 'json' };
import { chartData, flowConclusion, FLOW_IDS, monthlyTable, monthPoints, NORM_IDS, normMonthsConclusion, peak, stockConclusion, STOCK_IDS } from './monthly-data.ts';

// The demo region's months August 2024 to July 2025 as a raadslid gets them (GM0344): small numbers suppressed.
const report = fixture as MonthlyReport;
const catalogue = catalogueMap(metrics as Metric[]);

describe('monthly figures', () => {
  it('gives each month its values for the chart and its texts for the table', () => {
    const points = monthPoints(report, NORM_IDS, catalogue);
    expect(points).toHaveLength(12);
    expect(points[1]).toEqual({
      month: '2024-09',
      label: 'september 2024',
      short: "sep '24",
      values: { norm_overschreden: 62, norm_dreigend: 19 },
      texts: { norm_overschreden: '62', norm_dreigend: '19' },
    });
    expect(chartData(points)[1]).toEqual({ short: "sep '24", norm_overschreden: 62, norm_dreigend: 19 });
    expect(peak(points, 'norm_overschreden')?.month).toBe('2025-06');
    const suppressed = monthPoints(report, ['vrijstelling_5b'], catalogue)[0]; // a suppressed count: no value for the chart
    expect([suppressed.values.vrijstelling_5b, suppressed.texts.vrijstelling_5b]).toEqual([null, '<5']);
    expect(monthPoints(undefined, NORM_IDS, catalogue)).toEqual([]);
  });

  it('says in one sentence what each chart shows', () => {
    expect(stockConclusion(monthPoints(report, STOCK_IDS, catalogue), 'Officieel')).toBe(
      'Eind juli 2025 telden 163 kinderen als thuiszitter (profiel officieel), van wie 70 in absoluut en 93 in langdurig relatief verzuim; eind augustus 2024 waren het er 147.',
    );
    expect(normMonthsConclusion(monthPoints(report, NORM_IDS, catalogue), report.config)).toBe(
      'Eind juli 2025 zaten 75 kinderen langer dan 3 maanden thuis zonder passend aanbod, waar het pact 0 afspreekt; het hoogste aantal was 83, eind juni 2025.',
    );
    const flow = monthPoints(report, FLOW_IDS, catalogue);
    expect(flowConclusion(flow)).toMatch(/^In juli 2025 werden \d+ casussen geopend en \d+ afgesloten; de meeste nieuwe casussen kwamen in \w+ \d{4} \(\d+\)\.$/);
    expect(flowConclusion([])).toBe('Er zijn nog geen maanden om te tonen.');
  });

  it('lays out every figure by month, suppressed ones as <5 or ×', () => {
    const table = monthlyTable(report, catalogue);
    expect(table.months.map((m) => m.label).slice(0, 2)).toEqual(["aug '24", "sep '24"]);
    expect(table.groups.map((g) => g.rows.length).reduce((a, b) => a + b)).toBe(metrics.length);
    const verhuisd = table.groups[1].rows.find((r) => r.id === 'uitstroom_verhuisd_cases')!;
    expect(verhuisd.cells.slice(0, 2)).toEqual(['0', '<5']); // August 2024: none; September 2024: a small count
    const dreigend = table.groups[0].rows.find((r) => r.id === 'norm_dreigend')!;
    expect(dreigend.cells.slice(0, 3)).toEqual(['10', '19', '17']);
    const share = table.groups[0].rows.find((r) => r.id === 'verborgen_aandeel')!;
    expect(share.cells[0]).toMatch(/^\d+(,\d)?%$/);
  });
});
