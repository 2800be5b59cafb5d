/**
 * The case list's data: every row of a view, a small first page for a quick first paint, then the rest
 * (the list is filtered in the browser with the same query code the API uses).
 */
import { useEffect, useState } from 'react';
import type { CaseListResponse, CaseRow } from '../../../../common/api-types';
import type { CaseView } from '../../../../common/case-query';
import type { Session } from '../../App';

const FIRST_PAGE = 100;
const NEXT_PAGE = 5000;

/** Loads every row of a view: a small first page for a quick first paint, then the rest. */
export function useCaseRows(
  session: Session,
  view: CaseView,
): { rows: CaseRow[] | null; error: string | null } {
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    setRows(null);
    setError(null);
    const load = async () => {
      let acc: CaseRow[] = [];
      let cursor: string | undefined;
      let limit = FIRST_PAGE;
      do {
        const qs = new URLSearchParams({ view, limit: String(limit) });
        if (cursor) qs.set('cursor', cursor);
        const page = await session.api.get<CaseListResponse>(`/api/cases?${qs.toString()}`);
        if (cancelled) return;
        acc = acc.concat(page.items);
        setRows(acc);
        cursor = page.cursor;
        limit = NEXT_PAGE;
      } while (cursor);
    };
    load().catch((e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [session, view]);
  return { rows, error };
}
