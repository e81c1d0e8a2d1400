import { describe, expect, it } from 'vitest';
import { METRICS } from '@pact/projections';
import { anySuppressed, catalogueMap, figureRow, figureText, figureValue, nothingRegistered, scopeText } from './figures.ts';
import afterDemo from './fixtures/year-after-demo.json' with { type: 'json' };
import raad from './fixtures/year-raad.json' with { type: 'json' };

// The demo region's year report 2024-2025 as a raadslid gets it (GM0344): small numbers suppressed.
const catalogue = catalogueMap(METRICS);
const current = raad;
const previous = raad.previous;

describe('figures as shown', () => {
  it('writes counts and shares by unit, with the change against the previous year', () => {
    expect(figureRow('norm_overschreden', catalogue, current, previous)).toEqual({
      id: 'norm_overschreden',
      label: 'Langer dan 3 maanden zonder plan',
      unit: 'kinderen',
      value: 16,
      text: '16',
      previous: 24,
      previousText: '24',
      changeText: '−8',
    });
    const share = figureRow('plan_binnen_3m_aandeel', catalogue, current, previous);
    expect([share.text, share.previousText, share.changeText]).toEqual(['74,9%', '77,4%', '−2,5 procentpunt']);
  });

  it('shows suppressed counts as <5 and complementary ones as ×, and no change for them', () => {
    // startkwalificatie: 1 (so <5); verhuisd: 17, but hidden because the outcomes add up to the total
    const small = figureRow('uitstroom_startkwalificatie_cases', catalogue, current, previous);
    expect([small.text, small.previousText, small.changeText, small.value]).toEqual(['<5', '<5', '–', null]);
    const complementary = figureRow('uitstroom_verhuisd_cases', catalogue, current, previous);
    expect([complementary.text, complementary.previousText, complementary.value]).toEqual(['×', '×', null]);
    expect(figureValue('uitstroom_verhuisd_cases', current)).toBeNull();
    expect(figureText('norm_overschreden', null, 'kinderen')).toBe('–');
    expect(anySuppressed(current)).toBe(true);
    expect(anySuppressed({ ...current, suppressed: [] }, null)).toBe(false);
  });

  it('notices a period in which nothing was registered', () => {
    expect(nothingRegistered(current)).toBe(false);
    // the demo region's history ends in July 2025: in 2025-2026 its open cases still count, but nothing happens
    expect(nothingRegistered(afterDemo)).toBe(true);
    expect(afterDemo.metrics.thuiszitters).toBe(183);
  });

  it('names the scope', () => {
    expect(scopeText({ gemeente: 'GM0344' })).toBe('Gemeente GM0344');
    expect(scopeText({ swv: 'PO2601' })).toBe('Samenwerkingsverband PO2601');
    expect(scopeText({ gemeente: 'GM0344', swv: 'VO2602' })).toBe('Gemeente GM0344 en samenwerkingsverband VO2602');
    expect(scopeText({})).toBe('Hele regio');
  });
});
