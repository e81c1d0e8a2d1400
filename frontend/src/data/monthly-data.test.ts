import { describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import type { MonthlyReport } from '../api/client.ts';
import { catalogueMap } from './figures.ts';
import fixture from './fixtures/monthly-raad.json' with { type: 'json' };
import { chartData, flowConclusion, FLOW_IDS, monthlyTable, monthPoints, NORM_IDS, normMonthsConclusion, peak, stockConclusion, STOCK_IDS } from './monthly-data.ts';

// The demo region's months August 2024 to July 2025 as a raadslid gets them (GM0344): small numbers suppressed.
const report = fixture as MonthlyReport;
const catalogue = catalogueMap(METRICS);

describe('monthly figures', () => {
  it('gives each month its values for the chart and its texts for the table', () => {
    const points = monthPoints(report, NORM_IDS, catalogue);
    expect(points).toHaveLength(12);
    expect(points[1]).toEqual({
      month: '2024-09',
      label: 'september 2024',
      short: "sep '24",
      values: { norm_overschreden: 33, norm_dreigend: null },
      texts: { norm_overschreden: '33', norm_dreigend: '<5' },
    });
    expect(chartData(points)[1]).toEqual({ short: "sep '24", norm_overschreden: 33, norm_dreigend: null });
    expect(peak(points, 'norm_overschreden')?.month).toBe('2024-09');
    expect(monthPoints(undefined, NORM_IDS, catalogue)).toEqual([]);
  });

  it('says in one sentence what each chart shows', () => {
    expect(stockConclusion(monthPoints(report, STOCK_IDS, catalogue), 'Officieel')).toBe(
      'Eind juli 2025 telden 159 kinderen als thuiszitter (profiel officieel), van wie 62 in absoluut en 97 in langdurig relatief verzuim; eind augustus 2024 waren het er 148.',
    );
    expect(normMonthsConclusion(monthPoints(report, NORM_IDS, catalogue))).toBe(
      'Eind juli 2025 zaten 16 kinderen langer dan 3 maanden thuis zonder plan, waar het pact 0 afspreekt; het hoogste aantal was 33, eind september 2024.',
    );
    const flow = monthPoints(report, FLOW_IDS, catalogue);
    expect(flowConclusion(flow)).toMatch(/^In juli 2025 werden \d+ casussen geopend en \d+ afgesloten; de meeste nieuwe casussen kwamen in \w+ \d{4} \(\d+\)\.$/);
    expect(flowConclusion([])).toBe('Er zijn nog geen maanden om te tonen.');
  });

  it('lays out every figure by month, suppressed ones as <5 or ×', () => {
    const table = monthlyTable(report, catalogue);
    expect(table.months.map((m) => m.label).slice(0, 2)).toEqual(["aug '24", "sep '24"]);
    expect(table.groups.map((g) => g.rows.length).reduce((a, b) => a + b)).toBe(METRICS.length);
    const overig = table.groups[1].rows.find((r) => r.id === 'uitstroom_overig_cases')!;
    expect(overig.cells[1]).toBe('×'); // September 2024: hidden so the outcomes cannot be recomputed from their total
    const dreigend = table.groups[0].rows.find((r) => r.id === 'norm_dreigend')!;
    expect(dreigend.cells.slice(0, 3)).toEqual(['10', '<5', '6']);
    const share = table.groups[0].rows.find((r) => r.id === 'verborgen_aandeel')!;
    expect(share.cells[0]).toMatch(/^\d+(,\d)?%$/);
  });
});
