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

const FIRST_PAGE = 100;
const NEXT_PAGE = 5000;

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
        const qs = new URLSearchParams({ view, limit: String(limit) });
        if (cursor) qs.set('cursor', cursor);
        const page = await session.api.get<CaseListResponse>(`/api/cases?${qs.toString()}`);
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
