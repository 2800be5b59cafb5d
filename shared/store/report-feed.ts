/**
 * Feeds a period's cases into an SLA report from their stored summaries: each summary the report can use
 * goes in as it is; for one it refuses (written under another policy, paused at its last change, or
 * newer than the report's instant) the case itself is read by reference and added in full. The result
 * equals adding every case of `streamPeriod`.
 */
import type { DeskId, IsoInstant } from '../ids';
import type { CaseStore } from '../ports';
import type { SlaReportBuilder } from '../reports/figures';
import type { CaseSummary } from '../reports/summary';

export interface FeedResult {
  /** Cases added from their summary. */
  summaries: number;
  /** Cases whose timeline was read (point reads). */
  timelines: number;
}

export async function feedReport(
  cases: Pick<CaseStore, 'streamSummaries' | 'getForDesk'>,
  builder: Pick<SlaReportBuilder, 'add' | 'addSummary'>,
  deskIds: DeskId[],
  from: IsoInstant,
  to: IsoInstant,
  keep: (s: CaseSummary) => boolean = () => true,
): Promise<FeedResult> {
  const result: FeedResult = { summaries: 0, timelines: 0 };
  for await (const s of cases.streamSummaries(deskIds, from, to)) {
    if (!keep(s)) continue;
    if (builder.addSummary(s)) {
      result.summaries += 1;
      continue;
    }
    const found = await cases.getForDesk(s.ref, s.deskId);
    // Gone since the summary was read (never deleted today): nothing to report.
    if (!found) continue;
    builder.add(found.value);
    result.timelines += 1;
  }
  return result;
}
