// Every number and date the dashboard shows goes through here: Intl with nl-NL and Europe/Amsterdam passed
// explicitly (the machine's default locale may be en-US). Missing values: "–"; suppressed counts: "<k" (the region's suppressionK).
export const LOCALE = 'nl-NL';
export const TIME_ZONE = 'Europe/Amsterdam';

const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(LOCALE, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }); // one decimal always: a column of shares lines up
const signedInteger = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signedPoints = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const day = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const shortDay = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const month = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long', year: 'numeric' });
const shortMonth = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'short', year: '2-digit' });
const moment = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export const MISSING = '–';
/** A suppressed small count: "<5" where the region's suppressionK is 5. */
export const suppressedText = (k: number) => `<${k}`;

/** 1.234 */
export const formatCount = (n: number | null | undefined): string => (n === null || n === undefined ? MISSING : integer.format(n));
/** 12,5 */
export const formatDecimal = (n: number | null | undefined): string => (n === null || n === undefined ? MISSING : decimal.format(n));
/** A share 0..1 as 12,5% */
export const formatShare = (n: number | null | undefined): string => (n === null || n === undefined ? MISSING : percent.format(n));
/** +3, −2, 0 (a true minus sign) */
export const formatDelta = (n: number | null | undefined): string => (n === null || n === undefined ? MISSING : signedInteger.format(n).replace('-', '−'));
/** A change of a share in percentage points: +2,5 procentpunt */
export const formatPointsDelta = (n: number | null | undefined): string =>
  n === null || n === undefined ? MISSING : `${signedPoints.format(Math.round(n * 1000) / 10).replace('-', '−')} procentpunt`;

const utcDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
/** 2024-07-31 → 31 juli 2024 */
export const formatDate = (iso: string | null | undefined): string => (iso ? day.format(utcDate(iso)) : MISSING);
/** 2024-07-31 → 31 jul 2024 */
export const formatShortDate = (iso: string | null | undefined): string => (iso ? shortDay.format(utcDate(iso)) : MISSING);
/** 2024-03 → maart 2024 */
export const formatMonth = (ym: string): string => month.format(utcDate(`${ym}-01`));
/** 2024-03 → mrt '24 */
const monthName = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', month: 'long' });
/** A calendar month's name: 8 → "augustus". */
export const formatMonthName = (m: number): string => monthName.format(new Date(Date.UTC(2000, m - 1, 1)));

export const formatShortMonth = (ym: string): string => shortMonth.format(utcDate(`${ym}-01`)).replace(/\.$/, '').replace(/ (\d\d)$/, " '$1");
/** An instant as 31 juli 2024 om 14:05 (Amsterdam time). */
export const formatMoment = (iso: string | Date): string => moment.format(typeof iso === 'string' ? new Date(iso) : iso);

/** Today's date in Amsterdam, as YYYY-MM-DD. */
export const todayIso = (now: Date = new Date()): string => isoDay.format(now);

/** A figure by its unit: shares as percentages, everything else as a count; null is "–". */
export function formatFigure(value: number | null | undefined, unit: string): string {
  return unit === 'aandeel' ? formatShare(value) : formatCount(value);
}

/** "1 kind" / "3 kinderen" */
export const plural = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;
