// Calendar dates as `YYYY-MM-DD` strings (Europe/Amsterdam business days). Pure helpers, no clock.

export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2023-02-30 is not). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtc(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

/** Memoised: projections shift the same few thousand dates by the same few offsets millions of times. */
function memo(fn: (date: IsoDate, n: number) => IsoDate): (date: IsoDate, n: number) => IsoDate {
  const byShift = new Map<number, Map<IsoDate, IsoDate>>(); // keyed by the shift, then the date: no key strings to build
  return (date, n) => {
    let cache = byShift.get(n);
    if (!cache) byShift.set(n, (cache = new Map()));
    let result = cache.get(date);
    if (result === undefined) {
      if (cache.size > 100_000) cache.clear();
      result = fn(date, n);
      cache.set(date, result);
    }
    return result;
  };
}

export const addDays: (date: IsoDate, days: number) => IsoDate = memo((date, days) => fromUtc(toUtc(date) + days * DAY_MS));

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** Same day-of-month N months later; when that month is shorter, its last day (31 Jan + 1 = 28/29 Feb). */
export const addMonths: (date: IsoDate, months: number) => IsoDate = memo((date, months) => {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
});

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** events.md "Field formats": a `birthYear` lies 4 to 23 years before the year of the case's opening day. */
export function birthYearRange(openedOn: IsoDate): { min: number; max: number } {
  const year = Number(openedOn.slice(0, 4));
  return { min: year - 23, max: year - 4 };
}

/** A school year `2023-2024` runs from 1 August 2023 to 31 July 2024. */
export type SchoolYear = string;
const SCHOOL_YEAR_RE = /^(\d{4})-(\d{4})$/;

export function isSchoolYear(s: string): boolean {
  const m = SCHOOL_YEAR_RE.exec(s);
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

export function schoolYearOf(date: IsoDate): SchoolYear {
  const [y, m] = parts(date);
  const start = m >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}

export function schoolYearBounds(year: SchoolYear): { start: IsoDate; end: IsoDate } {
  const m = SCHOOL_YEAR_RE.exec(year);
  if (!m || !isSchoolYear(year)) throw new Error(`not a school year: ${year}`);
  return { start: `${m[1]}-08-01`, end: `${m[2]}-07-31` };
}

export function previousSchoolYear(year: SchoolYear): SchoolYear {
  const { start } = schoolYearBounds(year);
  return schoolYearOf(addDays(start, -1));
}

/** A month `2024-03` = 2024-03-01 … 2024-03-31. */
export type YearMonth = string;
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: string): boolean {
  return MONTH_RE.test(s);
}

export function monthBounds(month: YearMonth): { start: IsoDate; end: IsoDate } {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const [y, mo] = [Number(m[1]), Number(m[2])];
  return { start: `${month}-01`, end: `${month}-${String(daysInMonth(y, mo)).padStart(2, '0')}` };
}

export function monthOf(date: IsoDate): YearMonth {
  return date.slice(0, 7);
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: YearMonth, to: YearMonth): YearMonth[] {
  const out: YearMonth[] = [];
  for (let d = `${from}-01`; monthOf(d) <= to; d = addMonths(d, 1)) out.push(monthOf(d));
  return out;
}

// en-CA formats as YYYY-MM-DD. Made once: constructing a formatter costs far more than using one.
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of an instant in Europe/Amsterdam. */
export function amsterdamDate(instant: Date): IsoDate {
  return AMSTERDAM_DATE.format(instant);
}

/** The last millisecond of a calendar day in Europe/Amsterdam (23:59:59.999 local, CET or CEST as that day has it). */
export function endOfAmsterdamDay(date: IsoDate): Date {
  const nextMidnightUtc = toUtc(addDays(date, 1));
  // local midnight of the next day is 1 h (CET) or 2 h (CEST) before midnight UTC
  for (const hours of [2, 1]) {
    const start = new Date(nextMidnightUtc - hours * 3_600_000);
    if (amsterdamDate(start) !== date && amsterdamDate(new Date(start.getTime() - 1)) === date) return new Date(start.getTime() - 1);
  }
  throw new Error(`no end of day found for ${date}`);
}
