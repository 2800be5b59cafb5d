/**
 * The tab's state lives in the URL (`?page=report&from=…`, `?view=desk&status=new`), so a link shows
 * the same view. Navigation pushes history; the back button works.
 */
import { useCallback, useEffect, useState } from 'react';

/** Parameters that belong to the session, kept across pages. */
const STICKY = ['lang', 'theme', 'devUser'];

export function useUrlParams(): [URLSearchParams, (next: URLSearchParams, replace?: boolean) => void] {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const on = () => setSearch(window.location.search);
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  const navigate = useCallback((next: URLSearchParams, replace = false) => {
    const current = new URLSearchParams(window.location.search);
    for (const k of STICKY) {
      const v = current.get(k);
      if (v !== null && !next.has(k)) next.set(k, v);
    }
    const qs = next.toString();
    const url = `${window.location.pathname}${qs ? `?${qs}` : ''}`;
    if (replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    setSearch(window.location.search);
  }, []);
  return [new URLSearchParams(search), navigate];
}
