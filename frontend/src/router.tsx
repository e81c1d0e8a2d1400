// A small router on the History API: the path and query are the page's state, so every view can be linked,
// bookmarked and printed (the PDF export opens /print/jaarrapportage?…). After a navigation, focus moves to
// the page's heading so screen-reader and keyboard users know where they are.
import { useCallback, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
let navigated = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}
const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, options: { replace?: boolean } = {}) {
  const current = snapshot() + window.location.hash;
  if (to === current) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigated = !options.replace || navigated;
  for (const listener of listeners) listener();
  if (!options.replace) {
    const hash = to.split('#')[1];
    if (!hash) window.scrollTo(0, 0);
  }
}

/** Did the user navigate inside the app (not the first load)? Pages move focus to their heading only then. */
export const hasNavigated = () => navigated;

export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot, () => '/');
  const [path, search = ''] = href.split('?');
  return { path, query: new URLSearchParams(search) };
}

/** The query as page state: read it, and change some keys (others kept; empty values removed). */
export function useQueryState(): [URLSearchParams, (patch: Record<string, string | undefined>) => void] {
  const { path, query } = useLocation();
  const set = useCallback(
    (patch: Record<string, string | undefined>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, v);
      }
      const qs = next.toString();
      navigate(`${path}${qs ? `?${qs}` : ''}`, { replace: true });
    },
    [path],
  );
  return [query, set];
}

export function Link({ to, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    const hash = to.split('#')[1];
    if (hash) requestAnimationFrame(() => document.getElementById(hash)?.scrollIntoView());
  };
  return <a href={to} onClick={handle} {...rest} />;
}
