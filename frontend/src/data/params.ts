// A page's choices live in its address (?year=…&profile=…), so a view can be shared, bookmarked and printed. These
// read them back as the API's parameters, with the defaults for what is missing or not valid.
import type { Profile } from '../api/client.ts';
import type { MonthlyParams, YearParams } from '../api/queries.ts';
import { isAsOf, isDay, isMonth, isSchoolYear, lastCompletedSchoolYear, lastTwelveMonths, schoolYearOf } from './school-year.ts';

export const PROFILES: readonly Profile[] = ['officieel', 'breed', 'leerrecht'];
export const isProfile = (v: string | null | undefined): v is Profile => PROFILES.includes(v as Profile);

const profileFrom = (query: URLSearchParams): Profile => {
  const p = query.get('profile');
  return isProfile(p) ? p : 'officieel';
};

export const scopeFrom = (query: URLSearchParams) => ({ gemeente: query.get('gemeente') || undefined, swv: query.get('swv') || undefined });

/**
 * Default periods follow today, unless the log ends in an earlier school year (`last`: the last day with a
 * registration in scope, from /api/reports/range): then they move back to that school year, so a page opens on
 * figures rather than on an empty year (the demo region ends in July 2025).
 */
const before = (last: string | null | undefined, year: string) => !!last && schoolYearOf(last) < year;

/** The school year a report is usually about: the last one that has ended. */
export const defaultYear = (today: string, last?: string | null) => (before(last, lastCompletedSchoolYear(today)) ? schoolYearOf(last!) : lastCompletedSchoolYear(today));

/** The school year the pact's promises are followed in: the running one. */
export const defaultRunningYear = (today: string, last?: string | null) => (before(last, schoolYearOf(today)) ? schoolYearOf(last!) : schoolYearOf(today));

/** The year report: by default `defaultYear`, profile officieel, as registered now. */
export function yearParamsFrom(query: URLSearchParams, today: string, last?: string | null): YearParams {
  const year = query.get('year');
  const asOf = query.get('asOf');
  return { year: isSchoolYear(year) ? year : defaultYear(today, last), profile: profileFrom(query), ...scopeFrom(query), asOf: isAsOf(asOf) ? asOf : undefined };
}

/** The monthly figures: by default the last twelve months (up to the last registration when that lies in an earlier school year). */
export function monthlyParamsFrom(query: URLSearchParams, today: string, last?: string | null): MonthlyParams {
  const range = lastTwelveMonths(before(last, schoolYearOf(today)) ? last! : today);
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
