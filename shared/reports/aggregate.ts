/**
 * The SLA report from the store's aggregates: what a period's summaries add up to, grouped by the
 * report's dimensions, so a year's report does not carry 200 000 summaries into JavaScript. Pure.
 *
 * A summary goes into the aggregate (`summaryFigures` gives its columns) when the report needs nothing
 * else from it: no timeline (`timelineNeeded`), its outage known (null for none; a summary written
 * before outages were kept has none, and the report reads its case), written at or before the report's
 * instant, and under a policy the report accepts (`cover`: the fields
 * `summaryCovers` compares, the same for every summary of a desk and policy). Then, as of the report's
 * instant R, each target is in the class `targetClass` gives: a stopped target keeps its state; a
 * running one is breached once R is past its deadline (`tick`), else it is running (the report counts
 * only met and breached). A summary whose running target's stored state disagrees with that rule is
 * left out. Every other summary of the period comes back in `rest` and is added one at a
 * time as before. The outages the aggregated summaries report come with the aggregate (`outages`): the
 * uptime lists each.
 *
 * The SQL store computes the same groups with GROUP BY (`shared/store/sqlite`); `foldSummaries`
 * computes them from any stream of summaries (Cosmos DB: a query per (desk, year) partition reading
 * the summaries once; its emulator has no GROUP BY), and is the reference the SQL one is tested
 * against. The report
 * from an aggregate equals the one from every summary, except that it keeps only the earliest
 * `maxBreaches` breach rows (by deadline) and counts the rest.
 */
import type { DeskId, IsoInstant, PriorityId } from '../ids';
import type { CaseSummary, TargetSummary } from './summary';
import type { CaseOutage } from './uptime';

/** The fields of a summary that decide, with its desk, whether a report's policy covers it. */
const COVER_FIELDS = ['policyKey', 'policyVersions'] as const;

/** The summary's cover (JSON of `COVER_FIELDS`): summaries with equal covers are accepted or refused together. */
export function coverOf(s: CaseSummary): string {
  const fields = s as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of COVER_FIELDS) if (fields[f] !== undefined) out[f] = fields[f];
  return JSON.stringify(out);
}

/** A stand-in summary with a cover's fields, for `summaryCovers` (its instant is the epoch). */
export function coverSummary(deskId: DeskId, cover: string): CaseSummary {
  return { ...(JSON.parse(cover) as object), deskId, asOf: new Date(0).toISOString() } as CaseSummary;
}

/** The counted minutes from receipt to a target being met (null: not met, or no clock), as the report has them. */
export function spentOf(t: TargetSummary | undefined): number | null {
  if (!t || t.metAt === undefined || t.targetMinutes === undefined || t.remainingMinutes === undefined)
    return null;
  return Math.round((t.targetMinutes - t.remainingMinutes) * 100) / 100;
}

/** What the aggregate keeps of one summary (the SQL store's `case_figures` row). */
export interface SummaryFigures {
  receivedMs: number;
  asOfMs: number;
  /** The summary can go into an aggregate (no timeline needed, its outage known, figures present). */
  usable: boolean;
  /** The outage the case reports (null: none), for the uptime. */
  outage: CaseOutage | null;
  cover: string;
  open: boolean;
  priority: PriorityId | null;
  response: TargetFigureColumns;
  resolution: TargetFigureColumns;
}

export interface TargetFigureColumns {
  /** Met in time (a met target stays met). */
  met: boolean;
  /**
   * From which report instant on the target counts as breached: a target stopped late, always (0); one
   * still running, once its deadline has passed (`tick`: the instant after it); null: never.
   */
  breachedFrom: number | null;
  /** The deadline (the order of the breach rows). */
  dueMs: number | null;
  spent: number | null;
}

function targetColumns(t: TargetSummary | undefined): TargetFigureColumns {
  const due = t?.dueAt === undefined ? null : Date.parse(t.dueAt);
  const stopped = t?.stopped ?? true;
  let breachedFrom: number | null = null;
  if (stopped) breachedFrom = t?.state === 'breached' ? 0 : null;
  else if (due !== null) breachedFrom = due + 1;
  return { met: t?.state === 'met', breachedFrom, dueMs: due, spent: spentOf(t) };
}

/**
 * Whether a running target's stored state agrees with its deadline (breached exactly when its instant
 * is past the deadline): then `breachedFrom` holds from the summary's instant on, too.
 */
function consistent(t: TargetSummary | undefined, asOfMs: number): boolean {
  if (!t || t.stopped || t.dueAt === undefined) return true;
  return (t.state === 'breached') === asOfMs > Date.parse(t.dueAt);
}

export function summaryFigures(s: CaseSummary): SummaryFigures {
  return {
    receivedMs: Date.parse(s.receivedAt),
    asOfMs: Date.parse(s.asOf),
    usable:
      s.timelineNeeded !== true &&
      s.outage !== undefined &&
      s.priority !== undefined &&
      consistent(s.response, Date.parse(s.asOf)) &&
      consistent(s.resolution, Date.parse(s.asOf)),
    outage: s.outage ?? null,
    cover: coverOf(s),
    open: s.open,
    priority: s.priority ?? null,
    response: targetColumns(s.response),
    resolution: targetColumns(s.resolution),
  };
}

/** A target as the report counts it at `asOfMs` (≥ the summary's instant): met, breached or neither. */
export function targetClass(t: TargetFigureColumns, asOfMs: number): 'met' | 'breached' | null {
  if (t.met) return 'met';
  return t.breachedFrom !== null && asOfMs >= t.breachedFrom ? 'breached' : null;
}

/** The backlog buckets' upper bounds in milliseconds of age (the last is open-ended), as `backlogBucket`. */
export const BACKLOG_BOUNDS_MS = [1, 3, 7, 30].map((d) => d * 86_400_000);

/** What a report asks the store to aggregate. Instants in milliseconds. */
export interface AggregateQuery {
  /** The report's period [periodFrom, periodTo) of receipt and its instant (min(period end, now)). */
  periodFrom: number;
  periodTo: number;
  asOf: number;
  serviceId?: string;
  orgId?: string;
  /** Whether a desk's summaries of this cover go into the aggregate (else they come back in `rest`). */
  accepts(deskId: DeskId, cover: string): boolean;
  /** How many breach candidates per target the report needs at least (earliest deadlines of all desks first). */
  maxBreaches: number;
}

/** One target's tally in a group. */
export interface TargetTally {
  met: number;
  breached: number;
}

/** The aggregated summaries of one desk and priority. */
export interface PriorityTally {
  deskId: DeskId;
  cover: string;
  priority: PriorityId;
  /** Received in the period (and not after the report's instant). */
  cases: number;
  response: TargetTally;
  resolution: TargetTally;
}

/**
 * A case store that aggregates summaries itself (SQLite). A store without it (Cosmos DB: its emulator
 * has no GROUP BY) has its summaries folded in JavaScript instead (`foldSummaries`), read with a query
 * per (desk, year) partition.
 */
export interface SummaryAggregating {
  /**
   * The SLA report's figures of the summaries of desks' cases received in [from, to), grouped by the
   * report's dimensions in the store; the others come back in `rest`. Together: exactly the summaries
   * `streamSummaries` gives.
   */
  aggregateSummaries(
    deskIds: DeskId[],
    from: IsoInstant,
    to: IsoInstant,
    query: AggregateQuery,
  ): Promise<SummaryAggregate>;
}

export interface SummaryAggregate {
  /** Summaries that went into the aggregate (received in the period or open before it). */
  summaries: number;
  priorities: PriorityTally[];
  /** Open at the report's instant, by `BACKLOG_BUCKETS` (received before the instant). */
  backlog: number[];
  /** Counted minutes to meeting a target, with how many cases took them, per desk, priority and target. */
  spent: Array<{
    deskId: DeskId;
    cover: string;
    priority: PriorityId;
    target: 'response' | 'resolution';
    minutes: number;
    cases: number;
  }>;
  /** Cases received in the period per hour of receipt (epoch ms / 3 600 000). */
  hours: Array<{ hour: number; cases: number }>;
  /**
   * The summaries of the aggregated cases with a target breached at the report's instant: at least the
   * `maxBreaches` earliest deadlines of each target over all desks (their breach rows are computed
   * from them).
   */
  breaches: CaseSummary[];
  /**
   * The outages the aggregated summaries report (each received in the scope, in the period or not, as
   * a summary added on its own counts its outage), in no particular order.
   */
  outages: CaseOutage[];
  /** The period's summaries that did not go into the aggregate, to add one at a time. */
  rest: AsyncIterable<CaseSummary>;
}

const TARGETS = ['response', 'resolution'] as const;

async function* fromArray<T>(items: T[]): AsyncIterable<T> {
  for (const i of items) yield i;
}

/** The aggregate of a stream of summaries, as the SQL store computes it. */
export async function foldSummaries(
  summaries: AsyncIterable<CaseSummary>,
  q: AggregateQuery,
): Promise<SummaryAggregate> {
  const priorities = new Map<string, PriorityTally>();
  const spent = new Map<string, SummaryAggregate['spent'][number]>();
  const hours = new Map<number, number>();
  const backlog = BACKLOG_BOUNDS_MS.map(() => 0).concat(0);
  const breaches: CaseSummary[] = [];
  const outages: CaseOutage[] = [];
  const rest: CaseSummary[] = [];
  const accepted = new Map<string, boolean>();
  let n = 0;
  for await (const s of summaries) {
    if (
      s.kind === 'order' ||
      (q.serviceId !== undefined && s.serviceId !== q.serviceId) ||
      (q.orgId !== undefined && s.orgId !== q.orgId)
    )
      continue;
    const f = summaryFigures(s);
    const key = `${s.deskId}\n${f.cover}`;
    let ok = accepted.get(key);
    if (ok === undefined) accepted.set(key, (ok = q.accepts(s.deskId, f.cover)));
    if (!f.usable || f.asOfMs > q.asOf || !ok) {
      rest.push(s);
      continue;
    }
    n += 1;
    if (f.outage) outages.push(f.outage);
    if (f.open && f.receivedMs < q.asOf) {
      const age = q.asOf - f.receivedMs;
      const b = BACKLOG_BOUNDS_MS.findIndex((bound) => age < bound);
      backlog[b === -1 ? BACKLOG_BOUNDS_MS.length : b]! += 1;
    }
    if (f.receivedMs < q.periodFrom || f.receivedMs >= q.periodTo || f.receivedMs > q.asOf) continue;
    const priority = f.priority!;
    const pKey = `${key}\n${priority}`;
    let tally = priorities.get(pKey);
    if (!tally) {
      tally = {
        deskId: s.deskId as DeskId,
        cover: f.cover,
        priority,
        cases: 0,
        response: { met: 0, breached: 0 },
        resolution: { met: 0, breached: 0 },
      };
      priorities.set(pKey, tally);
    }
    tally.cases += 1;
    let breached = false;
    for (const target of TARGETS) {
      const cls = targetClass(f[target], q.asOf);
      if (cls === 'met') tally[target].met += 1;
      else if (cls === 'breached') {
        tally[target].breached += 1;
        breached = true;
      }
      const minutes = f[target].spent;
      if (minutes !== null) {
        const sKey = `${pKey}\n${target}\n${minutes}`;
        const e = spent.get(sKey);
        if (e) e.cases += 1;
        else spent.set(sKey, { deskId: tally.deskId, cover: f.cover, priority, target, minutes, cases: 1 });
      }
    }
    if (breached) breaches.push(s);
    const hour = Math.floor(f.receivedMs / 3_600_000);
    hours.set(hour, (hours.get(hour) ?? 0) + 1);
  }
  return {
    summaries: n,
    priorities: [...priorities.values()],
    backlog,
    spent: [...spent.values()],
    hours: [...hours].map(([hour, cases]) => ({ hour, cases })),
    breaches,
    outages,
    rest: fromArray(rest),
  };
}
