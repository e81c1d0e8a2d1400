// A page's choices live in its address (?year=…&profile=…), so a view can be shared, bookmarked and printed. These
// read them back as the API's parameters, with the defaults for what is missing or not valid.
import type { Profile } from '../api/client.ts';
import type { PageDefaults } from '../api/page-defaults.ts';
import type { MonthlyParams, SignalParams, YearParams } from '../api/queries.ts';
import { isAsOf, isDay, isMonth, isSchoolYear, lastCompletedSchoolYear, lastTwelveMonths, schoolYearOf } from './school-year.ts';

export const PROFILES: readonly Profile[] = ['officieel', 'breed', 'leerrecht'];
export const isProfile = (v: string | null | undefined): v is Profile => PROFILES.includes(v as Profile);

/** The profile in the address, else the region's default. */
const profileFrom = (query: URLSearchParams, defaultProfile: Profile): Profile => {
  const p = query.get('profile');
  return isProfile(p) ? p : defaultProfile;
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

/** The year report: by default `defaultYear`, the region's default profile, as registered now. */
export function yearParamsFrom(query: URLSearchParams, today: string, defaults: PageDefaults): YearParams {
  const year = query.get('year');
  const asOf = query.get('asOf');
  return { year: isSchoolYear(year) ? year : defaultYear(today, defaults.last), profile: profileFrom(query, defaults.defaultProfile), ...scopeFrom(query), asOf: isAsOf(asOf) ? asOf : undefined };
}

/** The monthly figures: by default the last twelve months (up to the last registration when that lies in an earlier school year). */
export function monthlyParamsFrom(query: URLSearchParams, today: string, defaults: PageDefaults): MonthlyParams {
  const { last } = defaults;
  const range = lastTwelveMonths(before(last, schoolYearOf(today)) ? last! : today);
  const from = query.get('from');
  const to = query.get('to');
  const asOf = query.get('asOf');
  return { from: isMonth(from) ? from : range.from, to: isMonth(to) ? to : range.to, profile: profileFrom(query, defaults.defaultProfile), ...scopeFrom(query), asOf: isDay(asOf) ? asOf : undefined };
}

/** The signal list: by default on today, as registered now (`asOf`: the list an overleg saw then). */
export function signalParamsFrom(query: URLSearchParams, today: string, defaults: Pick<PageDefaults, 'defaultProfile'>): SignalParams {
  const on = query.get('on');
  const asOf = query.get('asOf');
  return { on: isDay(on) ? on : today, profile: profileFrom(query, defaults.defaultProfile), ...scopeFrom(query), asOf: isAsOf(asOf) ? asOf : undefined };
}
