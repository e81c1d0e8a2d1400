import { describe, expect, it } from 'vitest';
import type { Metric } from '../api/client.ts';
import { anySuppressed, catalogueMap, figureRow, figureText, figureValue, nothingRegistered, scopeText } from './figures.ts';
import metrics from './fixtures/metrics.json' with { type: 'json' };
import afterDemo from './fixtures/year-after-demo.json' with { type: 'json' };
import raad from './fixtures/year-raad.json' with { type: 'json' };

// The demo region's year report 2024-2025 as a raadslid gets it (GM0344): small numbers suppressed.
const catalogue = catalogueMap(metrics as Metric[]);
const current = raad;
const previous = raad.previous;

describe('figures as shown', () => {
  it('writes counts and shares by unit, with the change against the previous year', () => {
    expect(figureRow('norm_overschreden', catalogue, 5, current, previous)).toEqual({
      id: 'norm_overschreden',
      label: 'Langer dan 3 maanden zonder passend aanbod',
      unit: 'kinderen',
      value: 75,
      text: '75',
      previous: 72,
      previousText: '72',
      changeText: '+3',
    });
    const share = figureRow('plan_binnen_3m_aandeel', catalogue, 5, current, previous);
    expect([share.text, share.previousText, share.changeText]).toEqual(['87,5%', '86,4%', '+1,2 procentpunt']);
  });

  it('shows suppressed counts as <5 and complementary ones as ×, and no change for them', () => {
    // startkwalificatie: a small count (<5); verhuisd: not small, but hidden because the outcomes add up to the total
    const small = figureRow('uitstroom_startkwalificatie_cases', catalogue, 5, current, previous);
    expect([small.text, small.previousText, small.changeText, small.value]).toEqual(['<5', '0', '–', null]);
    const complementary = figureRow('uitstroom_verhuisd_cases', catalogue, 5, current, previous);
    expect([complementary.text, complementary.previousText, complementary.value]).toEqual(['×', '19', null]); // in 2023-2024 nothing small made it necessary
    expect(figureValue('uitstroom_verhuisd_cases', current)).toBeNull();
    expect(figureText('norm_overschreden', null, 'kinderen', 5)).toBe('–');
    // a region with suppressionK 10 marks the same hidden count as <10
    expect(figureText('uitstroom_startkwalificatie_cases', current, 'casussen', 10)).toBe('<10');
    expect(anySuppressed(current)).toBe(true);
    expect(anySuppressed({ ...current, suppressed: [] }, null)).toBe(false);
  });

  it('notices a period in which nothing was registered', () => {
    expect(nothingRegistered(current)).toBe(false);
    // the demo region's history ends in July 2025: in 2025-2026 its open cases still count, but nothing happens
    expect(nothingRegistered(afterDemo)).toBe(true);
    expect(afterDemo.metrics.thuiszitters).toBe(180);
  });

  it('names the scope', () => {
    expect(scopeText({ gemeente: 'GM0344' })).toBe('Gemeente GM0344');
    expect(scopeText({ swv: 'PO2601' })).toBe('Samenwerkingsverband PO2601');
    expect(scopeText({ gemeente: 'GM0344', swv: 'VO2602' })).toBe('Gemeente GM0344 en samenwerkingsverband VO2602');
    expect(scopeText({})).toBe('Hele regio');
  });
});
