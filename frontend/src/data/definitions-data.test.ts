import { describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import { definitionHref, groupMetrics, resultText, searchMetrics } from './definitions-data.ts';

describe('the metric catalogue', () => {
  it('finds figures by any word of id, label or definition, ignoring case and accents', () => {
    expect(searchMetrics(METRICS, 'VERBORGEN').map((m) => m.id)).toEqual(expect.arrayContaining(['verborgen', 'verborgen_aandeel', 'verborgen_totaal']));
    expect(searchMetrics(METRICS, 'officiele telling').map((m) => m.id)).toContain('verborgen');
    expect(searchMetrics(METRICS, 'plan 3 maanden').map((m) => m.id)).toContain('plan_binnen_3m_aandeel');
    expect(searchMetrics(METRICS, 'kernpartner').map((m) => m.id)).toEqual(['kernpartner_overleggen']);
    expect(searchMetrics(METRICS, 'xyzzy')).toEqual([]);
    expect(searchMetrics(METRICS, '  ')).toHaveLength(METRICS.length);
  });

  it('groups stock figures before period figures and links to each by id', () => {
    const groups = groupMetrics(METRICS);
    expect(groups.map((g) => g.heading)).toEqual(['Standcijfers', 'Periodecijfers']);
    expect(groups[0].metrics[0].id).toBe('thuiszitters');
    expect(groupMetrics(searchMetrics(METRICS, 'kernpartner')).map((g) => g.type)).toEqual(['period']);
    expect(definitionHref('norm_overschreden')).toBe('/definities#norm_overschreden');
    expect(resultText(3, 38)).toBe('3 van de 38 cijfers');
    expect(resultText(38, 38)).toBe('Alle 38 cijfers');
    expect(resultText(0, 38)).toBe('Geen cijfer gevonden');
  });
});
