// Numbers and dates for people: Dutch (nl-NL), Amsterdam time, passed explicitly (the machine's locale is en-US).
const COUNT = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const SHARE = new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DAY = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });

export const formatCount = (n: number) => COUNT.format(n);
export const formatShare = (x: number) => SHARE.format(x);
/** A calendar date `YYYY-MM-DD` as "1 maart 2024". */
export const formatDay = (date: string) => DAY.format(new Date(`${date}T12:00:00Z`));
export const formatMoment = (at: Date) => MOMENT.format(at);
