import { describe, expect, it } from 'vitest';
import type { Metric } from '../api/client.ts';
import { definitionHref, groupMetrics, resultText, searchMetrics } from './definitions-data.ts';
import catalogue from './fixtures/metrics.json' with { type: 'json' };

const METRICS = catalogue as Metric[];

describe('the metric catalogue', () => {
  it('finds figures by any word of id, label or definition, ignoring case and accents', () => {
    expect(searchMetrics(METRICS, 'VERBORGEN').map((m) => m.id)).toEqual(expect.arrayContaining(['verborgen', 'verborgen_aandeel', 'verborgen_totaal']));
    expect(searchMetrics(METRICS, 'officiele telling').map((m) => m.id)).toContain('verborgen');
    expect(searchMetrics(METRICS, 'plan 3 maanden').map((m) => m.id)).toContain('plan_binnen_3m_aandeel');
    expect(searchMetrics(METRICS, 'passend aanbod 0 kinderen').map((m) => m.id)).toEqual(['norm_overschreden', 'norm_overschreden_totaal', 'norm_zonder_plan_totaal']); // v2: the targets are searchable
    expect(searchMetrics(METRICS, 'kernpartner').map((m) => m.id)).toEqual(['kernpartner_blokken', 'kernpartner_blokken_verwacht', 'kernpartner_overleggen']);
    expect(searchMetrics(METRICS, 'xyzzy')).toEqual([]);
    expect(searchMetrics(METRICS, '  ')).toHaveLength(METRICS.length);
  });

  it('groups stock figures before period figures and links to each by id', () => {
    const groups = groupMetrics(METRICS);
    expect(groups.map((g) => g.heading)).toEqual(['Standcijfers', 'Periodecijfers']);
    expect(groups[0].metrics[0].id).toBe('thuiszitters');
    expect(groupMetrics(searchMetrics(METRICS, 'kernpartner')).map((g) => g.type)).toEqual(['period']);
    expect(METRICS).toHaveLength(51); // v2's catalogue (v1: 38)
    expect(definitionHref('norm_overschreden')).toBe('/definities#norm_overschreden');
    expect(resultText(3, 38)).toBe('3 van de 38 cijfers');
    expect(resultText(38, 38)).toBe('Alle 38 cijfers');
    expect(resultText(0, 38)).toBe('Geen cijfer gevonden');
  });
});

describe('the region configuration in words', () => {
  it('names every key of the configuration, with the defaults as the demo region has them', async () => {
    const { configRows } = await import('./definitions-data.ts');
    const { default: config } = await import('./fixtures/config.json', { with: { type: 'json' } });
    expect(configRows(config as Parameters<typeof configRows>[0])).toEqual([
      ['Profiel als niets anders gekozen is', 'Officieel (Leerplichttelling)'],
      ['De norm', '3 maanden zonder passend aanbod; de signaalgrens ligt een maand eerder, op 2 maanden'],
      ['Onderbrekingen', 'Een onderbreking van hoogstens 14 dagen (bijvoorbeeld een paar dagen gedeeltelijk naar school) zet de klok van de norm niet terug'],
      ['“4 weken”', '28 dagen'],
      ['Maanden zonder Leerplicht/SWV-overleg', 'Geen: elke maand een overleg'],
      ['Kleine aantallen', 'Aantallen van 1 tot en met 4 worden voor bestuur, raad en in openbare uitvoer niet getoond'],
      ['Samenwerkingsverbanden', 'Afgeleid uit de casussen: een gemeente hoort bij elk samenwerkingsverband waarmee een casus haar noemt'],
    ]);
  });
});
