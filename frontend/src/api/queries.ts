// What the dashboard reads, as TanStack Query options: one factory per API resource, keyed by its parameters,
// so pages that ask the same question share one request and one cache entry.
import { queryOptions } from '@tanstack/react-query';
import { PROFILES } from '../data/params.ts';
import { schoolYearMonths } from '../data/school-year.ts';
import { call, client, type CaseView, type Me, type Metric, type MonthlyReport, type Profile, type SignalList, type YearReport } from './client.ts';

export interface ScopeParams {
  gemeente?: string;
  swv?: string;
}
export interface YearParams extends ScopeParams {
  year: string;
  profile: Profile;
  asOf?: string;
}
export interface MonthlyParams extends ScopeParams {
  from: string;
  to: string;
  profile: Profile;
  asOf?: string;
}
export interface SignalParams extends ScopeParams {
  on?: string;
  profile: Profile;
  asOf?: string;
}

/** Leaves out parameters without a value (the API treats absent as "default"). */
function defined<T extends object>(params: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== '')) as never;
}

const MINUTE = 60_000;

export const meQuery = () =>
  queryOptions({
    queryKey: ['me'] as const,
    queryFn: (): Promise<Me> => call(client.auth.me.$get()),
    retry: false,
    staleTime: 5 * MINUTE,
  });

export const metricsQuery = () =>
  queryOptions({
    queryKey: ['metrics'] as const,
    queryFn: async (): Promise<Metric[]> => (await call(client.metrics.$get({ query: {} }))) as unknown as Metric[],
    staleTime: Infinity,
  });

/** The region configuration in force (its norm, gap, pause months …): the same for every page. */
export const configQuery = () =>
  queryOptions({
    queryKey: ['config'] as const,
    queryFn: () => call(client.config.$get()),
    staleTime: Infinity,
  });

export const yearReportQuery = (params: YearParams) =>
  queryOptions({
    queryKey: ['report', 'year', params] as const,
    queryFn: (): Promise<YearReport> => call(client.reports.year.$get({ query: defined(params) })),
    staleTime: MINUTE,
  });

export const monthlyReportQuery = (params: MonthlyParams) =>
  queryOptions({
    queryKey: ['report', 'monthly', params] as const,
    queryFn: (): Promise<MonthlyReport> => call(client.reports.monthly.$get({ query: defined(params) })),
    staleTime: MINUTE,
  });

/** The first and last day with a registration in a scope (for default periods). */
export const rangeQuery = (scope: ScopeParams) =>
  queryOptions({
    queryKey: ['range', scope] as const,
    queryFn: () => call(client.reports.range.$get({ query: defined(scope) })),
    staleTime: 5 * MINUTE,
  });

/**
 * Everything the year report page shows: the report, the same year for the other two profiles (side by side),
 * its months (the norm month by month) and the catalogue. The app starts these as soon as it knows the address.
 */
export const yearPageQueries = (params: YearParams) => ({
  report: yearReportQuery(params),
  others: PROFILES.filter((p) => p !== params.profile).map((profile) => yearReportQuery({ ...params, profile })),
  monthly: monthlyReportQuery({ ...schoolYearMonths(params.year), profile: params.profile, gemeente: params.gemeente, swv: params.swv, asOf: params.asOf }),
  catalogue: metricsQuery(),
});

export const signalsQuery = (params: SignalParams) =>
  queryOptions({
    queryKey: ['signals', params] as const,
    queryFn: async (): Promise<SignalList> => (await call(client.signals.$get({ query: defined(params) }))) as unknown as SignalList,
    staleTime: 30_000,
  });

/** The meetings recorded for a scope in a period (not retracted), for correction. */
export const meetingsQuery = (params: ScopeParams & { from: string; to: string }) =>
  queryOptions({
    queryKey: ['meetings', params] as const,
    queryFn: () => call(client.meetings.$get({ query: defined(params) })),
  });

export const caseQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['case', caseId] as const,
    queryFn: (): Promise<CaseView> => call(client.cases[':caseId'].$get({ param: { caseId }, query: {} })),
    retry: false,
  });

/** POST /api/events: all or nothing; the API's errors per event and field come back as ApiRequestError. */
export async function appendEvents(events: unknown[]): Promise<{ appended: number; duplicates: number }> {
  return call(client.events.$post({ query: {}, json: events }));
}

export async function login(username: string, password: string): Promise<Me> {
  return call(client.auth.login.$post({ json: { username, password } }));
}

export async function logout(): Promise<void> {
  await call(client.auth.logout.$post());
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await call(client.auth.password.$post({ json: { currentPassword, newPassword } }));
}
