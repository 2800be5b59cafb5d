/**
 * Feeds a period's cases into an SLA report from their stored summaries. A report that keeps no row per
 * case and a bounded breach list takes the store's aggregate (`aggregateSummaries`: the summaries
 * grouped by the report's dimensions in the store) and then the summaries the aggregate left out; any
 * other report takes every summary. Each summary the report can use goes in as it is; for one it
 * refuses (written under another policy, paused at its last change, or newer than the report's
 * instant) the case itself is read by reference and added in full. The result equals adding every case
 * of `streamPeriod`.
 */
import type { DeskId, IsoInstant } from '../ids';
import type { CaseStore } from '../ports';
import { foldSummaries, type SummaryAggregating } from '../reports/aggregate';
import type { SlaReportBuilder } from '../reports/figures';
import type { CaseSummary } from '../reports/summary';

export interface FeedResult {
  /** Cases added in the store's aggregate. */
  aggregated: number;
  /** Cases added from their summary, one at a time. */
  summaries: number;
  /** Cases whose timeline was read (point reads). */
  timelines: number;
}

/** Narrows the report to one service or organisation. */
export interface ReportFilter {
  serviceId?: string;
  orgId?: string;
}

export async function feedReport(
  cases: Pick<CaseStore, 'streamSummaries' | 'getForDesk'> & Partial<SummaryAggregating>,
  builder: Pick<SlaReportBuilder, 'add' | 'addSummary' | 'aggregateQuery' | 'addAggregate'>,
  deskIds: DeskId[],
  from: IsoInstant,
  to: IsoInstant,
  filter: ReportFilter = {},
): Promise<FeedResult> {
  const result: FeedResult = { aggregated: 0, summaries: 0, timelines: 0 };
  const query = builder.aggregateQuery(filter);
  let summaries: AsyncIterable<CaseSummary>;
  let keep = (s: CaseSummary): boolean =>
    (filter.serviceId === undefined || s.serviceId === filter.serviceId) &&
    (filter.orgId === undefined || s.orgId === filter.orgId);
  if (query) {
    const { rest, ...agg } = cases.aggregateSummaries
      ? await cases.aggregateSummaries(deskIds, from, to, query)
      : await foldSummaries(cases.streamSummaries(deskIds, from, to), query);
    builder.addAggregate(agg);
    result.aggregated = agg.summaries;
    summaries = rest;
    keep = () => true;
  } else summaries = cases.streamSummaries(deskIds, from, to);
  for await (const s of summaries) {
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
