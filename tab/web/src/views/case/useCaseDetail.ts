/**
 * The case view's data: loads `GET /api/cases/:ref`, and runs a desk action with the version the user
 * saw. A 409 keeps who changed the case (`conflict`) and shows the current case instead of the stale one.
 * The case stays live: a streamed change to it reloads it in the background (not while an action of
 * this user is under way: its answer is the new case).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseAction, CaseDetailResponse, ConflictResponse } from '../../../../common/api-types';
import type { Session } from '../../App';
import { ApiFailure } from '../../services/api';
import { useLiveRefresh } from '../../services/useLiveRefresh';

export interface CaseDetailState {
  detail: CaseDetailResponse | null;
  error: string | null;
  conflict: ConflictResponse | null;
  busy: boolean;
  /** Sends a desk action with the shown version. */
  run: (body: CaseAction) => void;
  /** Replaces the shown case (a comment's answer). */
  setDetail: (detail: CaseDetailResponse) => void;
  /** Counts this user's answered actions: the action forms start afresh after each (not after a live reload). */
  answered: number;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useCaseDetail(session: Session, ref: string): CaseDetailState {
  const [detail, setDetail] = useState<CaseDetailResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [answered, setAnswered] = useState(0);
  // Each load has a number; an answer to an older one is dropped.
  const generation = useRef(0);

  useEffect(() => {
    const gen = ++generation.current;
    setDetail(null);
    setError(null);
    setConflict(null);
    session.api
      .get<CaseDetailResponse>(`/api/cases/${encodeURIComponent(ref)}`)
      .then((d) => {
        if (gen === generation.current) setDetail(d);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(message(e));
      });
  }, [session, ref]);

  const reload = useCallback(() => {
    if (busy) return;
    const gen = ++generation.current;
    session.api
      .get<CaseDetailResponse>(`/api/cases/${encodeURIComponent(ref)}`)
      .then((d) => {
        if (gen === generation.current) setDetail(d);
      })
      // A failed background reload keeps the case shown; the next change or the timer tries again.
      .catch(() => undefined);
  }, [session, ref, busy]);
  useLiveRefresh(
    (change) => change.ref === ref && change.version !== detail?.version,
    reload,
    detail !== null,
  );

  const run = useCallback(
    (body: CaseAction) => {
      if (!detail) return;
      setBusy(true);
      setConflict(null);
      generation.current += 1;
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
        .finally(() => {
          setBusy(false);
          setAnswered((n) => n + 1);
        });
    },
    [session, detail],
  );

  return { detail, error, conflict, busy, run, setDetail, answered };
}
