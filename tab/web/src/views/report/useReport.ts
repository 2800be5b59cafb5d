/**
 * The SLA report's data: the period and filters from the URL (a draft while the user edits them, applied
 * by "Vis"), the figures from `GET /api/reports/sla`, and the CSV download for the same query.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReportResponse } from '../../../../common/api-types';
import type { Session } from '../../App';
import { osloDate, useT } from '../../i18n';

export const REPORT_KEYS = ['from', 'to', 'desk', 'service', 'org'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];
export type ReportParams = Record<ReportKey, string>;

export interface ReportState {
  /** The applied parameters (the URL's, with this month as the default period). */
  current: ReportParams;
  draft: ReportParams;
  setDraft: (next: ReportParams) => void;
  apply: () => void;
  data: ReportResponse | null;
  error: string | null;
  exportCsv: () => Promise<void>;
}

export function useReport(
  session: Session,
  params: URLSearchParams,
  navigate: (next: URLSearchParams, replace?: boolean) => void,
): ReportState {
  const { locale } = useT();
  const today = osloDate(new Date(session.me.now));
  const current = Object.fromEntries(REPORT_KEYS.map((k) => [k, params.get(k) ?? ''])) as ReportParams;
  if (!current.from) current.from = `${today.slice(0, 8)}01`;
  if (!current.to) current.to = today;
  const [draft, setDraft] = useState(current);
  const [data, setData] = useState<ReportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of REPORT_KEYS) if (current[k]) q.set(k, current[k]);
    return q;
  }, [params.toString()]);

  useEffect(() => {
    setData(null);
    setError(null);
    session.api
      .get<ReportResponse>(`/api/reports/sla?${query.toString()}`)
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [session, query]);

  const apply = () => {
    const next = new URLSearchParams({ page: 'report' });
    for (const k of REPORT_KEYS) if (draft[k]) next.set(k, draft[k]);
    navigate(next);
  };

  const exportCsv = async () => {
    const q = new URLSearchParams(query);
    q.set('lang', locale);
    const blob = await session.api.blob(`/api/reports/sla.csv?${q.toString()}`);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `sla-rapport-${current.from}-${current.to}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return { current, draft, setDraft, apply, data, error, exportCsv };
}
