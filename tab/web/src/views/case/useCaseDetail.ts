/**
 * The case view's data: loads `GET /api/cases/:ref`, and runs a desk action with the version the user
 * saw. A 409 keeps who changed the case (`conflict`) and shows the current case instead of the stale one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CaseAction, CaseDetailResponse, ConflictResponse } from '../../../../common/api-types';
import type { Session } from '../../App';
import { ApiFailure } from '../../services/api';

export interface CaseDetailState {
  detail: CaseDetailResponse | null;
  error: string | null;
  conflict: ConflictResponse | null;
  busy: boolean;
  /** Sends a desk action with the shown version. */
  run: (body: CaseAction) => void;
  /** Replaces the shown case (a comment's answer). */
  setDetail: (detail: CaseDetailResponse) => void;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useCaseDetail(session: Session, ref: string): CaseDetailState {
  const [detail, setDetail] = useState<CaseDetailResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictResponse | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setDetail(null);
    setError(null);
    setConflict(null);
    session.api
      .get<CaseDetailResponse>(`/api/cases/${encodeURIComponent(ref)}`)
      .then(setDetail)
      .catch((e: unknown) => setError(message(e)));
  }, [session, ref]);

  const run = useCallback(
    (body: CaseAction) => {
      if (!detail) return;
      setBusy(true);
      setConflict(null);
      session.api
        .post<CaseDetailResponse>(`/api/cases/${detail.case.ref}/actions`, {
          ...body,
          version: detail.version,
        })
        .then(setDetail)
        .catch((e: unknown) => {
          const body409 =
            e instanceof ApiFailure && e.status === 409 ? (e.body as ConflictResponse | null) : null;
          if (body409?.current) {
            setConflict(body409);
            setDetail(body409.current);
          } else setError(message(e));
        })
        .finally(() => setBusy(false));
    },
    [session, detail],
  );

  return { detail, error, conflict, busy, run, setDetail };
}
