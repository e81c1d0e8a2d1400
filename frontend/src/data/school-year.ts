// Calendar helpers for the pickers: school years (1 August to 31 July), months and days as the API writes them
// (`2023-2024`, `2024-03`, `2024-03-01`). Pure; "today" is always passed in.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})-(\d{4})$/;

/** A real calendar day as YYYY-MM-DD (2024-02-30 is not). */
export function isDay(v: string | null | undefined): v is string {
  const m = v ? DAY.exec(v) : null;
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === v;
}

/** An instant as the API's `asOf` takes it: a day, or an ISO timestamp with zone. */
export const isAsOf = (v: string | null | undefined): v is string =>
  isDay(v) || (!!v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));

export const isMonth = (v: string | null | undefined): v is string => !!v && MONTH.test(v);

export function isSchoolYear(v: string | null | undefined): v is string {
  const m = v ? YEAR.exec(v) : null;
  return !!m && Number(m[2]) === Number(m[1]) + 1;
}

const startYear = (year: string) => Number(year.slice(0, 4));
const yearFrom = (first: number) => `${first}-${first + 1}`;

/** The school year a day falls in: 2024-03-01 → 2023-2024, 2024-08-01 → 2024-2025. */
export function schoolYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  return yearFrom(Number(day.slice(5, 7)) >= 8 ? y : y - 1);
}

/** The most recent school year that has ended: the one an OOGO report is usually about. */
export const lastCompletedSchoolYear = (today: string) => yearFrom(startYear(schoolYearOf(today)) - 1);

/** The school years to choose from: the running one and the `count − 1` before it, newest first. */
export function schoolYearChoices(today: string, count = 6): string[] {
  const current = startYear(schoolYearOf(today));
  return Array.from({ length: count }, (_, i) => yearFrom(current - i));
}

/** The months of a school year, as the monthly report's range. */
export const schoolYearMonths = (year: string) => ({ from: `${startYear(year)}-08`, to: `${startYear(year) + 1}-07` });

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last 12 months up to and including the month of `today`. */
export const lastTwelveMonths = (today: string) => ({ from: addMonths(today.slice(0, 7), -11), to: today.slice(0, 7) });

/** The months to choose from: the month of `today` and the `count − 1` before it, newest first. */
export const monthChoices = (today: string, count = 72) => Array.from({ length: count }, (_, i) => addMonths(today.slice(0, 7), -i));

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** "2023-2024" → "2023–2024" (an en dash, as printed). */
export const schoolYearLabel = (year: string) => year.replace('-', '–');
