import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDelta, formatFigure, formatMoment, formatMonth, formatPointsDelta, formatShare, formatShortMonth, suppressedText, todayIso } from './format.ts';

describe('format (nl-NL, Europe/Amsterdam)', () => {
  it('writes numbers the Dutch way', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('–');
    expect(formatShare(0.125)).toBe('12,5%');
    expect(formatShare(1)).toBe('100,0%');
    expect(formatShare(0.48)).toBe('48,0%');
    expect(formatDelta(3)).toBe('+3');
    expect(formatDelta(-2)).toBe('−2');
    expect(formatDelta(0)).toBe('0');
    expect(formatPointsDelta(-0.025)).toBe('−2,5 procentpunt');
  });

  it('writes dates the Dutch way, whatever the machine zone', () => {
    expect(formatDate('2024-07-31')).toBe('31 juli 2024');
    expect(formatDate('2024-01-01')).toBe('1 januari 2024');
    expect(formatMonth('2024-03')).toBe('maart 2024');
    expect(formatShortMonth('2024-03')).toBe("mrt '24");
    expect(formatMoment('2024-07-31T22:30:00Z')).toBe('1 augustus 2024 om 00:30');
    expect(todayIso(new Date('2024-07-31T22:30:00Z'))).toBe('2024-08-01');
  });

  it("marks suppressed counts as <k (the region's k) and shares by unit", () => {
    expect([suppressedText(5), suppressedText(10)]).toEqual(['<5', '<10']);
    expect(formatFigure(null, 'kinderen')).toBe('–');
    expect(formatFigure(0.5, 'aandeel')).toBe('50,0%');
    expect(formatFigure(12, 'casussen')).toBe('12');
  });
});
