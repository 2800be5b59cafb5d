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
import type { CaseChange } from '../../services/live';
import { useLiveRefresh } from '../../services/useLiveRefresh';
import { FIRST_PAGE, pagePath, type FirstPage } from './first-page';

const NEXT_PAGE = 5000;

const used = new WeakSet<FirstPage>();

/** The session's first page if it is this view's and not used yet. */
function firstPageFor(session: Session, view: CaseView): FirstPage | undefined {
  const first = session.firstPage;
  if (!first || used.has(first) || (first.view ?? session.me.views[0]) !== view) return undefined;
  return first;
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
  // The first page asked for at sign-in, when it is already in: the list's first render shows its rows
  // (no spinner first, no second render for them).
  const [shown] = useState(() => firstPageFor(session, view)?.value);
  const [rows, setRows] = useState<CaseRow[] | null>(shown?.items ?? null);
  const [error, setError] = useState<string | null>(null);
  // Each load has a number; only the latest one may write the rows.
  const generation = useRef(0);
  const mounted = useRef(false);

  const load = useCallback(
    async (progressive: boolean) => {
      const gen = ++generation.current;
      // The first page asked for at sign-in is used once, by the first progressive load of its view.
      const first = progressive ? firstPageFor(session, view) : undefined;
      if (first) used.add(first);
      let acc: CaseRow[] = [];
      let cursor: string | undefined;
      let limit = FIRST_PAGE;
      do {
        const path = pagePath(view, limit, cursor);
        const page =
          acc.length === 0 && first
            ? (first.value ?? (await first.page.catch(() => session.api.get<CaseListResponse>(path))))
            : await session.api.get<CaseListResponse>(path);
        if (gen !== generation.current) return;
        acc = acc.concat(page.items);
        if (progressive && page !== shown) setRows(acc);
        cursor = page.cursor;
        limit = NEXT_PAGE;
      } while (cursor);
      if (!progressive) setRows(acc);
      setError(null);
    },
    [session, view, shown],
  );

  useEffect(() => {
    // A view opened after the first one starts from nothing; the first keeps the rows it was shown with.
    if (mounted.current || !shown) {
      setRows(null);
      setError(null);
    }
    mounted.current = true;
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
