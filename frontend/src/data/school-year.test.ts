import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isAsOf, monthChoices, isDay, isMonth, isSchoolYear, lastCompletedSchoolYear, lastTwelveMonths, schoolYearChoices, schoolYearLabel, schoolYearMonths, schoolYearOf } from './school-year.ts';

describe('school years, months and days', () => {
  it('recognises the API formats, and only real dates', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(isDay('2024-3-1')).toBe(false);
    expect(isDay(null)).toBe(false);
    expect(isMonth('2024-12')).toBe(true);
    expect(isMonth('2024-13')).toBe(false);
    expect(isSchoolYear('2023-2024')).toBe(true);
    expect(isSchoolYear('2023-2025')).toBe(false);
    expect(isAsOf('2024-07-31')).toBe(true);
    expect(isAsOf('2024-07-31T12:00:00.000Z')).toBe(true);
    expect(isAsOf('2024-07-31T12:00:00+02:00')).toBe(true);
    expect(isAsOf('2024-07-31T12:00')).toBe(false);
    expect(isAsOf('gisteren')).toBe(false);
  });

  it('puts a day in its school year, August to July', () => {
    expect(schoolYearOf('2024-07-31')).toBe('2023-2024');
    expect(schoolYearOf('2024-08-01')).toBe('2024-2025');
    expect(lastCompletedSchoolYear('2026-12-01')).toBe('2025-2026');
    expect(lastCompletedSchoolYear('2026-07-31')).toBe('2024-2025');
    expect(schoolYearChoices('2026-12-01', 3)).toEqual(['2026-2027', '2025-2026', '2024-2025']);
    expect(schoolYearMonths('2023-2024')).toEqual({ from: '2023-08', to: '2024-07' });
    expect(schoolYearLabel('2023-2024')).toBe('2023–2024');
  });

  it('counts months and days across year ends', () => {
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2023-08', 11)).toBe('2024-07');
    expect(lastTwelveMonths('2024-03-15')).toEqual({ from: '2023-04', to: '2024-03' });
    expect(monthChoices('2024-02-10', 3)).toEqual(['2024-02', '2024-01', '2023-12']);
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });
});
