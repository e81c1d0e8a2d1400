// What a page's defaults follow (see data/params.ts): the last day with a registration in its scope, and the
// region's default profile.
import { useQuery } from '@tanstack/react-query';
import { scopeFrom } from '../data/params.ts';
import type { Profile } from './client.ts';
import { configQuery, rangeQuery } from './queries.ts';

export interface PageDefaults {
  /** The last day with a registration in scope; null when the address already names the period (`param`), nothing is registered, or the question failed (the defaults then follow today). */
  last: string | null;
  /** The region's `defaultProfile` (officieel when the configuration cannot be read). */
  defaultProfile: Profile;
}

/** `undefined` while they are being asked for. */
export function usePageDefaults(query: URLSearchParams, param: string): PageDefaults | undefined {
  const needed = !query.has(param);
  const range = useQuery({ ...rangeQuery(scopeFrom(query)), enabled: needed });
  const config = useQuery(configQuery());
  if ((needed && range.isPending) || config.isPending) return undefined;
  return { last: !needed || range.isError ? null : range.data!.last, defaultProfile: config.data?.defaultProfile ?? 'officieel' };
}
