import { describe, it, expect } from 'vitest';
import {
  addDays,
  addMonths,
  amsterdamDate,
  endOfAmsterdamDay,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isSchoolYear,
  isYearMonth,
  maxDate,
  minDate,
  monthBounds,
  monthOf,
  monthsBetween,
  previousSchoolYear,
  schoolYearBounds,
  schoolYearOf,
} from './dates.ts';

describe('addMonths', () => {
  it('keeps the day of the month when the target month has it', () => {
    expect(addMonths('2024-01-15', 1)).toBe('2024-02-15');
    expect(addMonths('2024-03-31', 2)).toBe('2024-05-31');
    expect(addMonths('2024-01-31', 0)).toBe('2024-01-31');
  });

  it('clamps to the last day of a shorter month (leap February)', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-30', 1)).toBe('2024-02-29');
    expect(addMonths('2024-01-29', 1)).toBe('2024-02-29');
  });

  it('clamps to 28 February in a non-leap year', () => {
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2023-01-29', 1)).toBe('2023-02-28');
  });

  it('clamps to 30 days in April, June, September, November', () => {
    expect(addMonths('2024-03-31', 1)).toBe('2024-04-30');
    expect(addMonths('2024-05-31', 1)).toBe('2024-06-30');
    expect(addMonths('2024-08-31', 1)).toBe('2024-09-30');
    expect(addMonths('2024-10-31', 1)).toBe('2024-11-30');
  });

  it('clamps 29 February + 12 months to 28 February of the next year', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('crosses the year end', () => {
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 1)).toBe('2024-01-31');
    expect(addMonths('2023-08-01', 12)).toBe('2024-08-01');
    expect(addMonths('2023-09-15', 6)).toBe('2024-03-15');
  });

  it('goes back with negative months, also clamped and across the year start', () => {
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2024-01-31', -2)).toBe('2023-11-30');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2024-05-31', -13)).toBe('2023-04-30');
  });

  it('is not reversible after a clamp (31 Jan + 1 − 1 = 29 Jan)', () => {
    expect(addMonths(addMonths('2024-01-31', 1), -1)).toBe('2024-01-29');
  });

  it('rejects a string that is not a date', () => {
    expect(() => addMonths('2024-1-31', 1)).toThrow('not a date');
  });
});

describe('addDays', () => {
  it('crosses month ends', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-04-30', 1)).toBe('2024-05-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
  });

  it('crosses year ends', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(addDays('2023-12-20', 28)).toBe('2024-01-17');
  });

  it('handles leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    expect(addDays('2023-01-01', 365)).toBe('2024-01-01');
  });

  it('is unaffected by the daylight-saving switches in Amsterdam', () => {
    expect(addDays('2024-03-30', 1)).toBe('2024-03-31');
    expect(addDays('2024-03-31', 1)).toBe('2024-04-01');
    expect(addDays('2024-10-27', 1)).toBe('2024-10-28');
  });

  it('adds zero days as the same date', () => {
    expect(addDays('2024-02-29', 0)).toBe('2024-02-29');
  });
});

describe('daysBetween', () => {
  it('counts b − a in whole days', () => {
    expect(daysBetween('2024-01-01', '2024-01-01')).toBe(0);
    expect(daysBetween('2024-01-31', '2024-02-01')).toBe(1);
    expect(daysBetween('2024-02-01', '2024-01-31')).toBe(-1);
  });

  it('counts the leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2023-01-01', '2024-01-01')).toBe(365);
  });

  it('crosses a year end and DST switches', () => {
    expect(daysBetween('2023-12-31', '2024-01-01')).toBe(1);
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(daysBetween('2023-08-01', '2024-07-31')).toBe(365);
  });

  it('is the inverse of addDays (4 weeks = 28 days)', () => {
    expect(daysBetween('2024-02-10', addDays('2024-02-10', 28))).toBe(28);
    expect(addDays('2024-02-10', 28)).toBe('2024-03-09');
  });
});

describe('daysInMonth', () => {
  it('knows February in leap and non-leap years, including centuries', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });
});

describe('minDate / maxDate', () => {
  it('compares calendar dates', () => {
    expect(minDate('2024-02-29', '2024-03-01')).toBe('2024-02-29');
    expect(maxDate('2024-02-29', '2024-03-01')).toBe('2024-03-01');
    expect(minDate('2023-12-31', '2023-12-31')).toBe('2023-12-31');
  });
});

describe('school years', () => {
  it('schoolYearOf: 31 July is the old year, 1 August the new one', () => {
    expect(schoolYearOf('2024-07-31')).toBe('2023-2024');
    expect(schoolYearOf('2024-08-01')).toBe('2024-2025');
    expect(schoolYearOf('2023-07-31')).toBe('2022-2023');
    expect(schoolYearOf('2023-08-01')).toBe('2023-2024');
  });

  it('schoolYearOf: January and December fall in the same school year', () => {
    expect(schoolYearOf('2023-12-31')).toBe('2023-2024');
    expect(schoolYearOf('2024-01-01')).toBe('2023-2024');
    expect(schoolYearOf('2024-02-29')).toBe('2023-2024');
  });

  it('schoolYearBounds: 1 August to 31 July', () => {
    expect(schoolYearBounds('2023-2024')).toEqual({ start: '2023-08-01', end: '2024-07-31' });
    expect(schoolYearBounds('2024-2025')).toEqual({ start: '2024-08-01', end: '2025-07-31' });
  });

  it('schoolYearBounds rejects a non-school-year', () => {
    expect(() => schoolYearBounds('2023-2025')).toThrow('not a school year');
    expect(() => schoolYearBounds('2023/2024')).toThrow('not a school year');
    expect(isSchoolYear('2023-2024')).toBe(true);
    expect(isSchoolYear('2023-2023')).toBe(false);
  });

  it('previousSchoolYear', () => {
    expect(previousSchoolYear('2024-2025')).toBe('2023-2024');
    expect(previousSchoolYear('2000-2001')).toBe('1999-2000');
  });
});

describe('months', () => {
  it('monthBounds: February in a leap year and a non-leap year', () => {
    expect(monthBounds('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthBounds('2023-02')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
  });

  it('monthBounds: 30- and 31-day months', () => {
    expect(monthBounds('2024-03')).toEqual({ start: '2024-03-01', end: '2024-03-31' });
    expect(monthBounds('2024-04')).toEqual({ start: '2024-04-01', end: '2024-04-30' });
    expect(monthBounds('2024-12')).toEqual({ start: '2024-12-01', end: '2024-12-31' });
  });

  it('monthBounds rejects a non-month', () => {
    expect(() => monthBounds('2024-13')).toThrow('not a month');
    expect(() => monthBounds('2024-3')).toThrow('not a month');
    expect(isYearMonth('2024-00')).toBe(false);
    expect(isYearMonth('2024-10')).toBe(true);
  });

  it('monthOf', () => {
    expect(monthOf('2024-02-29')).toBe('2024-02');
  });

  it('monthsBetween includes both ends and crosses the year end', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-03', '2024-03')).toEqual(['2024-03']);
    expect(monthsBetween('2024-04', '2024-03')).toEqual([]);
  });

  it('monthsBetween over a whole school year gives 12 months', () => {
    const months = monthsBetween('2023-08', '2024-07');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2023-08');
    expect(months[11]).toBe('2024-07');
  });
});

describe('isIsoDate', () => {
  it('accepts real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-12-31')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-00-10')).toBe(false);
    expect(isIsoDate('2024-01-00')).toBe(false);
  });

  it('rejects other formats', () => {
    expect(isIsoDate('2024-2-29')).toBe(false);
    expect(isIsoDate('29-02-2024')).toBe(false);
    expect(isIsoDate('2024-02-29T00:00:00Z')).toBe(false);
    expect(isIsoDate(' 2024-02-29')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
});

describe('amsterdamDate', () => {
  it('in winter (UTC+1): 23:00 UTC is already the next day', () => {
    expect(amsterdamDate(new Date('2024-01-15T22:59:59Z'))).toBe('2024-01-15');
    expect(amsterdamDate(new Date('2024-01-15T23:00:00Z'))).toBe('2024-01-16');
    expect(amsterdamDate(new Date('2024-01-16T00:30:00Z'))).toBe('2024-01-16');
  });

  it('in summer (UTC+2): 22:00 UTC is already the next day', () => {
    expect(amsterdamDate(new Date('2024-07-15T21:59:59Z'))).toBe('2024-07-15');
    expect(amsterdamDate(new Date('2024-07-15T22:00:00Z'))).toBe('2024-07-16');
    expect(amsterdamDate(new Date('2024-07-15T23:30:00Z'))).toBe('2024-07-16');
  });

  it('on New Year’s Eve and the last day of the school year', () => {
    expect(amsterdamDate(new Date('2023-12-31T23:00:00Z'))).toBe('2024-01-01');
    expect(amsterdamDate(new Date('2023-12-31T22:59:59.999Z'))).toBe('2023-12-31');
    expect(amsterdamDate(new Date('2024-07-31T22:00:00Z'))).toBe('2024-08-01');
    expect(amsterdamDate(new Date('2024-02-28T23:00:00Z'))).toBe('2024-02-29');
  });
});

describe('endOfAmsterdamDay', () => {
  it('is 23:59:59.999 local time: UTC+1 in winter, UTC+2 in summer', () => {
    expect(endOfAmsterdamDay('2024-01-31').toISOString()).toBe('2024-01-31T22:59:59.999Z');
    expect(endOfAmsterdamDay('2024-07-31').toISOString()).toBe('2024-07-31T21:59:59.999Z'); // end of a school year
  });

  it('on the days the clocks change (the day itself has 23 or 25 hours; its end is in the new offset)', () => {
    expect(endOfAmsterdamDay('2024-03-31').toISOString()).toBe('2024-03-31T21:59:59.999Z'); // CEST from 02:00
    expect(endOfAmsterdamDay('2024-10-27').toISOString()).toBe('2024-10-27T22:59:59.999Z'); // CET from 03:00
    expect(endOfAmsterdamDay('2024-03-30').toISOString()).toBe('2024-03-30T22:59:59.999Z');
  });
});
