import { describe, expect, it } from 'vitest';
import { ADDITIVE_RELATIONS, complementaryCells, suppress, type AdditiveRelation } from './suppression.ts';

const RELATION: AdditiveRelation[] = [{ total: 't', parts: ['a', 'b', 'c'], why: 'test' }];

describe('primary suppression', () => {
  it('hides counts of 1 to 4 and shares built on them, shows 0, leaves beleid/admin output alone', () => {
    const metrics = { thuiszitters: 3, av: 0, lrv: 12, verborgen_aandeel: 0.5, geoorloofd_aandeel: 0.25, overleg_maanden: 2 };
    const parts = { verborgen_aandeel: { numerator: 6, denominator: 12 }, geoorloofd_aandeel: { numerator: 1, denominator: 4 } };
    const out = suppress(metrics, parts, 'small-numbers', 5);
    expect(out.metrics).toEqual({ thuiszitters: null, av: 0, lrv: 12, verborgen_aandeel: 0.5, geoorloofd_aandeel: null, overleg_maanden: 2 });
    expect(out.suppressed).toEqual(['thuiszitters', 'geoorloofd_aandeel']);
    expect(out.complementary).toEqual([]);
    expect(suppress(metrics, parts, 'none', 5)).toEqual({ metrics, suppressed: [], complementary: [] });
  });

  it("follows the region's k: with suppressionK 10 a count of 7 is hidden, 10 is shown, and a complement's bounds widen", () => {
    const metrics = { thuiszitters: 7, lrv: 10, av: 4 };
    expect(suppress(metrics, {}, 'small-numbers', 5).suppressed).toEqual(['av']);
    expect(suppress(metrics, {}, 'small-numbers', 10).suppressed).toEqual(['thuiszitters', 'av']);
    // two hidden parts of 9 (1..9 each) summing to 18 would both be pinned at their upper bound: hide a third
    expect(complementaryCells({ t: 28, a: 9, b: 9, c: 10 }, new Set(['a', 'b']), 10, RELATION)).toEqual(['c']);
    expect(complementaryCells({ t: 27, a: 8, b: 9, c: 10 }, new Set(['a', 'b']), 10, RELATION)).toEqual([]);
  });
});

describe('complementary suppression', () => {
  it('hides the smallest positive other part when one part is hidden', () => {
    // t = 20 = 3 + 7 + 10: a alone would be 20 - 7 - 10
    expect(complementaryCells({ t: 20, a: 3, b: 7, c: 10 }, new Set(['a']), 5, RELATION)).toEqual(['b']);
  });

  it('prefers a positive cell over a zero, and a part over the total', () => {
    expect(complementaryCells({ t: 13, a: 3, b: 0, c: 10 }, new Set(['a']), 5, RELATION)).toEqual(['c']);
    expect(complementaryCells({ t: 3, a: 3, b: 0, c: 0 }, new Set(['a']), 5, RELATION)).toEqual(['t']);
  });

  it('needs nothing more once the total and a part are hidden', () => {
    expect(complementaryCells({ t: 4, a: 0, b: 1, c: 3 }, new Set(['t', 'b', 'c']), 5, RELATION)).toEqual([]);
    expect(complementaryCells({ t: 3, a: 0, b: 0, c: 3 }, new Set(['t', 'c']), 5, RELATION)).toEqual([]);
    expect(complementaryCells({ t: 2, a: 2, b: 0, c: 0 }, new Set(['t', 'a']), 5, RELATION)).toEqual([]);
  });

  it('adds a cell when two small hidden parts allow one split only (1+1 or 4+4)', () => {
    expect(complementaryCells({ t: 12, a: 1, b: 1, c: 10 }, new Set(['a', 'b']), 5, RELATION)).toEqual(['c']);
    expect(complementaryCells({ t: 18, a: 4, b: 4, c: 10 }, new Set(['a', 'b']), 5, RELATION)).toEqual(['c']);
    expect(complementaryCells({ t: 15, a: 2, b: 3, c: 10 }, new Set(['a', 'b']), 5, RELATION)).toEqual([]);
  });

  it('needs nothing when no cell of a relation is hidden', () => {
    expect(complementaryCells({ t: 30, a: 10, b: 10, c: 10 }, new Set(), 5, RELATION)).toEqual([]);
  });

  it('no hidden cell of a catalogue relation can be recomputed after suppress()', () => {
    const metrics: Record<string, number> = {
      uitstroom_cases: 30, uitstroom_terug_naar_school_cases: 2, uitstroom_passend_aanbod_cases: 10, uitstroom_verhuisd_cases: 6,
      uitstroom_leeftijd_cases: 5, uitstroom_startkwalificatie_cases: 0, uitstroom_overig_cases: 7,
      escalaties_cases: 9, escalaties_actietafel_cases: 8, escalaties_bestuurlijk_cases: 1,
      lrv_totaal: 12, lrv_begin: 9, lrv_nieuw: 3,
    };
    const out = suppress(metrics, {}, 'small-numbers', 5);
    for (const { total, parts } of ADDITIVE_RELATIONS) {
      const cells = [total, ...parts];
      const hidden = cells.filter((id) => out.metrics[id] === null);
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
    expect(out.complementary).toEqual(['uitstroom_leeftijd_cases', 'escalaties_actietafel_cases', 'lrv_begin']);
    expect(out.metrics.uitstroom_cases).toBe(30);
  });

  it('knows the catalogue relations', () => {
    expect(ADDITIVE_RELATIONS.map((r) => [r.total, r.parts.length])).toEqual([
      ['uitstroom_cases', 6],
      ['escalaties_cases', 2],
      ['lrv_totaal', 2],
    ]);
  });
});
