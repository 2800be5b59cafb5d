/**
 * The case list's filters, search and sort, kept in the URL. The search box is typed fast: its text is
 * kept locally and written to the URL after a short pause; every URL write patches the URL as it is
 * then, so a filter chosen during that pause is not undone by the delayed write (or vice versa).
 */
import { useEffect, useMemo, useState } from 'react';
import type { CaseRow, MeResponse } from '../../../../common/api-types';
import {
  applyCaseQuery,
  parseCaseQuery,
  queryParams,
  type CaseQuery,
  type CaseView,
} from '../../../../common/case-query';

export function safeQuery(params: URLSearchParams): CaseQuery {
  try {
    return parseCaseQuery(params, { allowUnknown: true });
  } catch {
    return { status: [], priority: [], service: [], org: [], kind: [], sort: 'due', limit: 500 };
  }
}

export interface CaseQueryState {
  query: CaseQuery;
  /** The view shown: the URL's if the user has it, else their first. */
  view: CaseView;
  search: string;
  setSearch: (q: string) => void;
  update: (patch: Partial<CaseQuery>, replace?: boolean) => void;
  /** A fresh list for another view (filters dropped). */
  switchView: (view: CaseView) => void;
}

export function useCaseQuery(
  me: MeResponse,
  params: URLSearchParams,
  navigate: (next: URLSearchParams, replace?: boolean) => void,
): CaseQueryState {
  const query = safeQuery(params);
  const view: CaseView = query.view && me.views.includes(query.view) ? query.view : me.views[0];
  const [search, setSearch] = useState(query.q ?? '');

  const update = (patch: Partial<CaseQuery>, replace = false) =>
    navigate(
      queryParams({ ...safeQuery(new URLSearchParams(window.location.search)), view, ...patch }),
      replace,
    );

  useEffect(() => {
    if ((query.q ?? '') === search) return;
    const h = setTimeout(() => update({ q: search || undefined }, true), 200);
    return () => clearTimeout(h);
  }, [search]);

  const switchView = (v: CaseView) => navigate(queryParams({ view: v }));
  return { query, view, search, setSearch, update, switchView };
}

/** The rows the filters and the (not yet written) search let through, in the chosen order. */
export function useFilteredRows(rows: CaseRow[] | null, state: CaseQueryState, userId: string): CaseRow[] {
  const { query, search } = state;
  const key = queryParams(query).toString();
  return useMemo(
    () => (rows ? applyCaseQuery(rows, { ...query, q: search || undefined }, userId) : []),
    [rows, key, search, userId],
  );
}
