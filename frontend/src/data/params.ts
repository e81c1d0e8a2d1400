// A page's choices live in its address (?year=…&profile=…), so a view can be shared, bookmarked and printed. These
// read them back as the API's parameters, with the defaults for what is missing or not valid.
import type { Profile } from '../api/client.ts';
import type { MonthlyParams, YearParams } from '../api/queries.ts';
import { isAsOf, isDay, isMonth, isSchoolYear, lastCompletedSchoolYear, lastTwelveMonths } from './school-year.ts';

export const PROFILES: readonly Profile[] = ['officieel', 'breed', 'leerrecht'];
export const isProfile = (v: string | null | undefined): v is Profile => PROFILES.includes(v as Profile);

const profileFrom = (query: URLSearchParams): Profile => {
  const p = query.get('profile');
  return isProfile(p) ? p : 'officieel';
};

export const scopeFrom = (query: URLSearchParams) => ({ gemeente: query.get('gemeente') || undefined, swv: query.get('swv') || undefined });

/** The year report: by default the last school year that has ended, profile officieel, as registered now. */
export function yearParamsFrom(query: URLSearchParams, today: string): YearParams {
  const year = query.get('year');
  const asOf = query.get('asOf');
  return { year: isSchoolYear(year) ? year : lastCompletedSchoolYear(today), profile: profileFrom(query), ...scopeFrom(query), asOf: isAsOf(asOf) ? asOf : undefined };
}

/** The monthly figures: by default the last twelve months. */
export function monthlyParamsFrom(query: URLSearchParams, today: string): MonthlyParams {
  const range = lastTwelveMonths(today);
  const from = query.get('from');
  const to = query.get('to');
  const asOf = query.get('asOf');
  return { from: isMonth(from) ? from : range.from, to: isMonth(to) ? to : range.to, profile: profileFrom(query), ...scopeFrom(query), asOf: isDay(asOf) ? asOf : undefined };
}

/** The signal list: by default on today. */
export function signalParamsFrom(query: URLSearchParams, today: string) {
  const on = query.get('on');
  return { on: isDay(on) ? on : today, profile: profileFrom(query), ...scopeFrom(query) };
}
