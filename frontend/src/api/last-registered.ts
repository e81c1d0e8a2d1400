// The last day with a registration in the page's scope, which default periods follow (see data/params.ts).
import { useQuery } from '@tanstack/react-query';
import { scopeFrom } from '../data/params.ts';
import { rangeQuery } from './queries.ts';

/**
 * `undefined` while it is being asked for; `null` when the address already names the period (`param`), nothing
 * is registered, or the question failed (the defaults then follow today).
 */
export function useLastRegistered(query: URLSearchParams, param: string): string | null | undefined {
  const needed = !query.has(param);
  const range = useQuery({ ...rangeQuery(scopeFrom(query)), enabled: needed });
  if (!needed || range.isError) return null;
  return range.isPending ? undefined : range.data.last;
}
