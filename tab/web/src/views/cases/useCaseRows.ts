/**
 * The case list's data: every row of a view, a small first page for a quick first paint, then the rest
 * (the list is filtered in the browser with the same query code the API uses). The list stays live: a
 * streamed change to a case it shows (or one it does not have yet) reloads the view in the background,
 * the rows shown staying until the new ones are in.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseListResponse, CaseRow } from '../../../../common/api-types';
import type { CaseView } from '../../../../common/case-query';
import type { Session } from '../../App';
import type { Api } from '../../services/api';
import type { CaseChange } from '../../services/live';
import { useLiveRefresh } from '../../services/useLiveRefresh';

const FIRST_PAGE = 100;
const NEXT_PAGE = 5000;

/**
 * The list's first page, asked for at sign-in together with `/api/me` (not after it), so the first row
 * does not wait for two round trips in a row. `view` is the URL's view; null means the server's default
 * for the caller, which is the first of `me.views`.
 */
export interface FirstPage {
  view: CaseView | null;
  page: Promise<CaseListResponse>;
}

const VIEWS: readonly CaseView[] = ['desk', 'org', 'mine'];
const used = new WeakSet<FirstPage>();

const pagePath = (view: CaseView | null, limit: number, cursor?: string): string => {
  const qs = new URLSearchParams({ ...(view ? { view } : {}), limit: String(limit) });
  if (cursor) qs.set('cursor', cursor);
  return `/api/cases?${qs.toString()}`;
};

/** Asks for the first page when the URL opens the case list (not a case, the report, …); else null. */
export function prefetchFirstPage(api: Api, params: URLSearchParams): FirstPage | null {
  const page = params.get('page');
  if (params.get('case') || (page !== null && page !== 'cases')) return null;
  const raw = params.get('view');
  const view = raw && (VIEWS as readonly string[]).includes(raw) ? (raw as CaseView) : null;
  const first: FirstPage = { view, page: api.get<CaseListResponse>(pagePath(view, FIRST_PAGE)) };
  // Not used (another page opened, or it failed): the list asks again; no unhandled rejection.
  first.page.catch(() => undefined);
  return first;
}

/** The prefetched first page if it is this view's and not used yet (once). */
function takeFirstPage(session: Session, view: CaseView): Promise<CaseListResponse> | undefined {
  const first = session.firstPage;
  if (!first || used.has(first) || (first.view ?? session.me.views[0]) !== view) return undefined;
  used.add(first);
  return first.page;
}

/** Whether a streamed change is news to the rows shown: a case not in them, or one that changed since. */
export function changeConcerns(rows: readonly CaseRow[] | null, change: CaseChange): boolean {
  if (!rows) return false;
  const row = rows.find((r) => r.ref === change.ref);
  return !row || row.updatedAt !== change.updatedAt || row.status !== change.status;
}

/** Loads every row of a view: a small first page for a quick first paint, then the rest. */
export function useCaseRows(
  session: Session,
  view: CaseView,
): { rows: CaseRow[] | null; error: string | null } {
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each load has a number; only the latest one may write the rows.
  const generation = useRef(0);

  const load = useCallback(
    async (progressive: boolean) => {
      const gen = ++generation.current;
      let acc: CaseRow[] = [];
      let cursor: string | undefined;
      let limit = FIRST_PAGE;
      do {
        const path = pagePath(view, limit, cursor);
        const early = acc.length === 0 && progressive ? takeFirstPage(session, view) : undefined;
        const page = await (early
          ? early.catch(() => session.api.get<CaseListResponse>(path))
          : session.api.get<CaseListResponse>(path));
        if (gen !== generation.current) return;
        acc = acc.concat(page.items);
        if (progressive) setRows(acc);
        cursor = page.cursor;
        limit = NEXT_PAGE;
      } while (cursor);
      if (!progressive) setRows(acc);
      setError(null);
    },
    [session, view],
  );

  useEffect(() => {
    setRows(null);
    setError(null);
    load(true).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      generation.current += 1;
    };
  }, [load]);

  const refresh = useCallback(() => {
    // A failed background reload keeps the rows shown; the next change or the timer tries again.
    load(false).catch(() => undefined);
  }, [load]);
  useLiveRefresh((change) => changeConcerns(rows, change), refresh, rows !== null);
  return { rows, error };
}
