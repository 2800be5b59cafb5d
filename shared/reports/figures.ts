/**
 * The SLA report's figures for a period (seed 004 §7: key figures for Porteføljerådet and
 * Samarbeidsrådet), computed from cases and driftsmeldinger. Pure: the caller streams the cases and
 * notices from the store and passes `now`.
 *
 * Definitions (the CSV and the dashboard say the same):
 * - The period is half-open, [from, to). "Cases in the period" are those received in it.
 * - SLA states are evaluated at `asOf = min(to, now)`: a target met after the period's end but not
 *   due before it counts as still running, so a past period's figures do not change afterwards
 *   except through late events.
 * - Share meeting a target = met in time / (met in time + breached), over cases in the period whose
 *   target is decided at `asOf` (met, met late or already overdue). Running, paused and target-less
 *   ones are not counted. Null when nothing is decided.
 * - Response and resolution times are the SLA's counted minutes (the target's clock: business minutes
 *   outside pauses, or real minutes around the clock) from receipt to the moment the target was met.
 *   Median and 90th percentile use the nearest-rank method: the ⌈p·n⌉-th smallest value.
 * - Cases per week: by ISO week of the receipt in the desk's zone (Oslo).
 * - Open backlog: every given case (also those received before the period) that is open at `asOf`
 *   (not Løst, not Lukket), by age since receipt in whole calendar days.
 * - Uptime per service: around the clock, over [from, asOf), minus the union of the outages from
 *   driftsavbrudd (notices of kind `outage`) and from cases that report the service down for a whole
 *   virksomhet or more, each outage listed with its source. The rule: `./uptime.ts`.
 */
import { DateTime } from 'luxon';
import type { Case, SlaTarget } from '../cases/model';
import type { DeskId, PriorityId, ServiceId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import type { Notice } from '../notices/model';
import type { SlaPolicy } from '../sla/policy';
import { asDeskPolicies, caseSla, deskPolicyVersions, type DeskPolicies } from '../sla/case-sla';
import type { CaseSla, TargetState } from '../sla/state';
import { caseVersions, isOpenAt, summaryCovers, summarySla, type CaseSummary } from './summary';
import { coverSummary, type AggregateQuery, type SummaryAggregate } from './aggregate';
import { caseOutageOf, serviceUptime, UPTIME_GOAL, type CaseOutage, type UptimeFigures } from './uptime';

export { UPTIME_GOAL, type UptimeFigures };

export interface ReportPeriod {
  from: Date;
  to: Date;
}

export interface ReportInput {
  period: ReportPeriod;
  now: Date;
  /** The cases to report on: those received in the period, and (for the backlog) any earlier open ones. */
  cases: readonly Case[];
  /** Driftsmeldinger that may overlap the period. */
  notices: readonly Notice[];
  /**
   * Each desk's policy versions (the desk itself, or its one policy), by desk id. A case of a desk
   * without a policy here is skipped.
   */
  policies: Readonly<Record<string, DeskPolicies | SlaPolicy>>;
  /** Services to report uptime for (besides those named by outages), e.g. the filtered catalogue. */
  services?: readonly ServiceId[];
  /** The zone for week numbers; default Europe/Oslo. */
  zone?: string;
}

export interface TargetFigures {
  /** Met in time. */
  met: number;
  /** Met late, or overdue and still open. */
  breached: number;
  /** met / (met + breached); null when no case's target is decided. */
  shareMet: number | null;
  /** Counted minutes from receipt to the target being met. */
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface PriorityFigures {
  priority: PriorityId;
  label: LocalizedText;
  level: number;
  cases: number;
  response: TargetFigures;
  resolution: TargetFigures;
}

export interface WeekCount {
  /** ISO week, e.g. `2026-W10`. */
  week: string;
  cases: number;
}

export type BacklogBucket = '0-1' | '1-3' | '3-7' | '7-30' | '30+';
export const BACKLOG_BUCKETS: readonly BacklogBucket[] = ['0-1', '1-3', '3-7', '7-30', '30+'];
export const BACKLOG_BUCKET_LABELS: Record<BacklogBucket, LocalizedText> = {
  '0-1': { nb: 'Under 1 dag', en: 'Under 1 day' },
  '1-3': { nb: '1–3 dager', en: '1–3 days' },
  '3-7': { nb: '3–7 dager', en: '3–7 days' },
  '7-30': { nb: '7–30 dager', en: '7–30 days' },
  '30+': { nb: 'Over 30 dager', en: 'Over 30 days' },
};

export interface BreachRow {
  ref: Case['ref'];
  title: string;
  deskId: DeskId;
  orgId: Case['orgId'];
  serviceId: ServiceId;
  priority: PriorityId;
  target: SlaTarget;
  dueAt: string;
  /** When the target was met late; absent while it is still overdue. */
  metAt?: string;
  /** Minutes late in the target's clock (positive). */
  lateMinutes: number;
  /** The desk's explanation, or the wait reasons; absent when nothing explains it. */
  explanation?: string;
  /** The desk's policy versions the case ran under, oldest first (as `CaseRow.policyVersions`). */
  policyVersions: number[];
}

/** One case's row in the CSV export. */
export interface CaseRow {
  ref: Case['ref'];
  title: string;
  deskId: DeskId;
  orgId: Case['orgId'];
  serviceId: ServiceId;
  priority: PriorityId;
  status: Case['status'];
  receivedAt: string;
  response: TargetState['state'];
  responseMinutes: number | null;
  resolution: TargetState['state'];
  resolutionMinutes: number | null;
  /** The desk's policy versions the case ran under, oldest first ([1, 2]: received under 1, moved to 2). */
  policyVersions: number[];
}

export interface SlaReport {
  period: { from: string; to: string };
  asOf: string;
  cases: number;
  response: TargetFigures;
  resolution: TargetFigures;
  byPriority: PriorityFigures[];
  perWeek: WeekCount[];
  backlog: Array<{ bucket: BacklogBucket; cases: number }>;
  openCases: number;
  breaches: BreachRow[];
  /** Every breach in the period: `breaches.length`, unless `maxBreaches` cut the list. */
  breachCount: number;
  uptime: UptimeFigures[];
  uptimeGoal: number;
  rows: CaseRow[];
}

/** The ⌈p·n⌉-th smallest value (nearest rank); null for no values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

interface Acc {
  met: number;
  breached: number;
  times: number[];
}
const acc = (): Acc => ({ met: 0, breached: 0, times: [] });

function addTo(a: Acc, s: TargetState): void {
  if (s.state === 'met') a.met += 1;
  else if (s.state === 'breached') a.breached += 1;
  const spent = spentMinutes(s);
  if (spent !== null) a.times.push(spent);
}

function figures(a: Acc): TargetFigures {
  const sorted = [...a.times].sort((x, y) => x - y);
  const decided = a.met + a.breached;
  return {
    met: a.met,
    breached: a.breached,
    shareMet: decided === 0 ? null : a.met / decided,
    medianMinutes: nearestRank(sorted, 0.5),
    p90Minutes: nearestRank(sorted, 0.9),
  };
}

/** The counted minutes from receipt to the target being met; null when not met or without a clock. */
function spentMinutes(s: TargetState): number | null {
  if (s.metAt === undefined || s.targetMinutes === undefined || s.remainingMinutes === undefined) return null;
  return round2(s.targetMinutes - s.remainingMinutes);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

const DAY_MS = 86_400_000;

export function backlogBucket(ageMs: number): BacklogBucket {
  const days = ageMs / DAY_MS;
  if (days < 1) return '0-1';
  if (days < 3) return '1-3';
  if (days < 7) return '3-7';
  if (days < 30) return '7-30';
  return '30+';
}

const HOUR_MS = 3_600_000;

/** ISO week of an instant in `zone`, memoised per UTC hour (zone offsets change on whole hours here). */
function weekOf(cache: Map<number, string>, ms: number, zone: string): string {
  const hour = Math.floor(ms / HOUR_MS);
  let w = cache.get(hour);
  if (w === undefined) {
    const d = DateTime.fromMillis(hour * HOUR_MS, { zone });
    w = `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
    cache.set(hour, w);
  }
  return w;
}

/** Every ISO week touched by [from, to), so weeks without cases show as 0. */
function weeksOf(period: ReportPeriod, zone: string): string[] {
  return weekStarts(period, zone).map(([, week]) => week);
}

/** Every ISO week touched by [from, to) with the instant it starts. */
function weekStarts(period: ReportPeriod, zone: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  let d = DateTime.fromJSDate(period.from, { zone }).startOf('week');
  const end = period.to.getTime();
  while (d.toMillis() < end && out.length < 530) {
    out.push([d.toMillis(), `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`]);
    d = d.plus({ weeks: 1 });
  }
  return out;
}

/** The report's input without the cases: they are given one at a time to a `SlaReportBuilder`. */
export type ReportOptions = Omit<ReportInput, 'cases'> & {
  /** Whether to keep one `CaseRow` per case (the CSV's rows); default true. Without, `rows` is empty. */
  withRows?: boolean;
  /** Keep only this many breach rows, the earliest deadlines (`breachCount` counts them all); default all. */
  maxBreaches?: number;
};

const TARGETS = ['response', 'resolution'] as const;

/**
 * Builds the report from cases given one at a time, so a caller streaming 100 000 cases from the store
 * need not hold them all: only the figures, breach rows and CSV rows are kept.
 */
export interface SlaReportBuilder {
  add(c: Case): void;
  /**
   * Adds a case from its stored summary; false (nothing added) when the summary does not cover the
   * report's instant (`summaryCovers`): then `add` the case itself.
   */
  addSummary(s: CaseSummary): boolean;
  /**
   * What to ask the store to aggregate (`CaseStore.aggregateSummaries`), or undefined when this report
   * needs every case (it keeps one row per case, or every breach).
   */
  aggregateQuery(filter?: { serviceId?: string; orgId?: string }): AggregateQuery | undefined;
  /** Adds the store's aggregate (its `rest` is added by the caller, one summary at a time). */
  addAggregate(agg: Omit<SummaryAggregate, 'rest'>): void;
  /** The instant the report is evaluated at: min(period end, now). */
  readonly asOf: Date;
  finish(): SlaReport;
}

/** What the report reads of a case besides its SLA state. */
type ReportedCase = Pick<Case, 'ref' | 'title' | 'deskId' | 'orgId' | 'serviceId' | 'status' | 'receivedAt'>;
/** The versions a case or its summary ran under, oldest first. */
const versionsOf = (c: Case | CaseSummary): number[] =>
  'events' in c ? caseVersions(c) : (c.policyVersions ?? [1]);

/** The report's figures. */
export { isOpenAt };

export function slaReport(input: ReportInput): SlaReport {
  const builder = slaReportBuilder(input);
  for (const c of input.cases) builder.add(c);
  return builder.finish();
}

/** True when `list` is already in the order `cmp` gives (then sorting it is skipped). */
function inOrder<T>(list: readonly T[], cmp: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i += 1) if (cmp(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

const byReceipt = (a: CaseRow, b: CaseRow): number =>
  a.receivedAt.localeCompare(b.receivedAt) || a.ref.localeCompare(b.ref);
const byDue = (a: BreachRow, b: BreachRow): number =>
  a.dueAt.localeCompare(b.dueAt) || a.ref.localeCompare(b.ref);

/** A report builder: `add` each case (in any order), then `finish` once. */
export function slaReportBuilder(input: ReportOptions): SlaReportBuilder {
  const zone = input.zone ?? 'Europe/Oslo';
  const from = input.period.from.getTime();
  const to = input.period.to.getTime();
  const asOfMs = Math.min(to, input.now.getTime());
  const asOf = new Date(asOfMs);

  const total = { response: acc(), resolution: acc() };
  const byPriority = new Map<string, { def: PriorityFigures; response: Acc; resolution: Acc }>();
  const weeks = new Map<string, number>(weeksOf(input.period, zone).map((w) => [w, 0]));
  const backlog = new Map<BacklogBucket, number>(BACKLOG_BUCKETS.map((b) => [b, 0]));
  const breaches: BreachRow[] = [];
  const rows: CaseRow[] = [];
  // The outages the cases report, for the uptime (a case received before the period may report one too).
  const caseOutages: CaseOutage[] = [];
  const weekCache = new Map<number, string>();
  const withRows = input.withRows ?? true;
  let inPeriod = 0;
  let openCases = 0;
  let breachCount = 0;

  /** The policy version a case of the desk runs under, from the versions it ran under. */
  const policyFor = (deskId: string, versions: number[]): SlaPolicy => {
    const desk = asDeskPolicies(input.policies[deskId]!);
    return deskPolicyVersions(desk)(versions[versions.length - 1]!) ?? desk.policy;
  };

  /** The figures of a priority of a policy. */
  const bucketOf = (policy: SlaPolicy, priority: PriorityId) => {
    const def = policy.priorities.find((p) => p.id === priority);
    const key = `${def?.level ?? 9}:${priority}`;
    let bucket = byPriority.get(key);
    if (!bucket) {
      bucket = {
        def: {
          priority,
          label: def?.label ?? { nb: priority, en: priority },
          level: def?.level ?? 9,
          cases: 0,
          response: figures(acc()),
          resolution: figures(acc()),
        },
        response: acc(),
        resolution: acc(),
      };
      byPriority.set(key, bucket);
    }
    return bucket;
  };

  const addBreaches = (c: ReportedCase, sla: CaseSla, versions: number[]): void => {
    for (const target of TARGETS) {
      const s = sla[target];
      if (s.state === 'breached' && s.dueAt) {
        const row: BreachRow = {
          ref: c.ref,
          title: c.title,
          deskId: c.deskId,
          orgId: c.orgId,
          serviceId: c.serviceId,
          priority: sla.priority,
          target,
          dueAt: s.dueAt.toISOString(),
          lateMinutes: round2(-(s.remainingMinutes ?? 0)),
          policyVersions: versions,
        };
        if (s.metAt) row.metAt = s.metAt.toISOString();
        if (s.explanation !== undefined) row.explanation = s.explanation;
        breaches.push(row);
      }
    }
  };

  /** One case: `open` says whether it is open at `asOf`, `slaAt` gives its state then (only asked when in the period). */
  const evaluate = (c: ReportedCase, versions: number[], open: boolean, slaAt: () => CaseSla): void => {
    const received = Date.parse(c.receivedAt);
    if (received < asOfMs && open) {
      openCases += 1;
      const b = backlogBucket(asOfMs - received);
      backlog.set(b, (backlog.get(b) ?? 0) + 1);
    }
    if (received < from || received >= to || received > asOfMs) return;
    inPeriod += 1;
    const sla = slaAt();
    const bucket = bucketOf(policyFor(c.deskId, versions), sla.priority);
    bucket.def.cases += 1;
    for (const target of TARGETS) {
      const s = sla[target];
      addTo(total[target], s);
      addTo(bucket[target], s);
      if (s.state === 'breached' && s.dueAt) breachCount += 1;
    }
    addBreaches(c, sla, versions);
    const week = weekOf(weekCache, received, zone);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
    if (!withRows) return;
    rows.push({
      ref: c.ref,
      title: c.title,
      deskId: c.deskId,
      orgId: c.orgId,
      serviceId: c.serviceId,
      priority: sla.priority,
      status: c.status,
      receivedAt: c.receivedAt,
      response: sla.response.state,
      responseMinutes: spentMinutes(sla.response),
      resolution: sla.resolution.state,
      resolutionMinutes: spentMinutes(sla.resolution),
      policyVersions: versions,
    });
  };

  // Orders have their own report (shared/reports/orders.ts): each case counts under the kind it ended as.
  const add = (c: Case): void => {
    if (c.kind === 'order') return;
    const outage = caseOutageOf(c);
    if (outage) caseOutages.push(outage);
    const policy = input.policies[c.deskId];
    if (!policy) return;
    evaluate(c, versionsOf(c), isOpenAt(c, asOfMs), () => caseSla(c, asDeskPolicies(policy), asOf));
  };

  const addSummary = (s: CaseSummary): boolean => {
    if (s.kind === 'order') return true;
    // A summary written before outages were kept in it: the case itself tells.
    if (s.outage === undefined) return false;
    const policy = input.policies[s.deskId];
    if (policy && !summaryCovers(s, asOfMs, policy)) return false;
    if (s.outage) caseOutages.push(s.outage);
    if (!policy) return true;
    evaluate(s, versionsOf(s), s.open && Date.parse(s.receivedAt) <= asOfMs, () =>
      summarySla(s, policy, asOf),
    );
    return true;
  };

  const aggregateQuery = (
    filter: { serviceId?: string; orgId?: string } = {},
  ): AggregateQuery | undefined => {
    if (withRows || input.maxBreaches === undefined) return undefined;
    return {
      periodFrom: from,
      periodTo: to,
      asOf: asOfMs,
      ...filter,
      maxBreaches: input.maxBreaches,
      accepts: (deskId, cover) => {
        const policy = input.policies[deskId];
        return policy !== undefined && summaryCovers(coverSummary(deskId, cover), asOfMs, policy);
      },
    };
  };

  /** The policy of a tally: its desk's version for the cover's versions. */
  const coverPolicies = new Map<string, SlaPolicy>();
  const coverPolicy = (deskId: string, cover: string): SlaPolicy => {
    const key = `${deskId}\n${cover}`;
    let policy = coverPolicies.get(key);
    if (!policy) {
      policy = policyFor(deskId, versionsOf(coverSummary(deskId as DeskId, cover)));
      coverPolicies.set(key, policy);
    }
    return policy;
  };

  const addAggregate = (agg: Omit<SummaryAggregate, 'rest'>): void => {
    agg.backlog.forEach((n, i) => {
      openCases += n;
      const b = BACKLOG_BUCKETS[i]!;
      backlog.set(b, (backlog.get(b) ?? 0) + n);
    });
    for (const t of agg.priorities) {
      inPeriod += t.cases;
      const bucket = bucketOf(coverPolicy(t.deskId, t.cover), t.priority);
      bucket.def.cases += t.cases;
      for (const target of TARGETS) {
        for (const a of [total[target], bucket[target]]) {
          a.met += t[target].met;
          a.breached += t[target].breached;
        }
        breachCount += t[target].breached;
      }
    }
    for (const e of agg.spent) {
      const bucket = bucketOf(coverPolicy(e.deskId, e.cover), e.priority);
      for (let i = 0; i < e.cases; i += 1) {
        total[e.target].times.push(e.minutes);
        bucket[e.target].times.push(e.minutes);
      }
    }
    // Hours in the period fall in its weeks: the last week starting at or before each.
    const starts = weekStarts(input.period, zone);
    let i = 0;
    for (const h of [...agg.hours].sort((a, b) => a.hour - b.hour)) {
      const at = h.hour * HOUR_MS;
      while (i + 1 < starts.length && starts[i + 1]![0] <= at) i += 1;
      const week = starts[i]![1];
      weeks.set(week, (weeks.get(week) ?? 0) + h.cases);
    }
    for (const s of agg.breaches)
      addBreaches(s, summarySla(s, input.policies[s.deskId]!, asOf), versionsOf(s));
    caseOutages.push(...agg.outages);
  };

  const finish = (): SlaReport => {
    if (!inOrder(rows, byReceipt)) rows.sort(byReceipt);
    if (!inOrder(breaches, byDue)) breaches.sort(byDue);
    if (input.maxBreaches !== undefined) breaches.length = Math.min(breaches.length, input.maxBreaches);
    return {
      period: { from: input.period.from.toISOString(), to: input.period.to.toISOString() },
      asOf: asOf.toISOString(),
      cases: inPeriod,
      response: figures(total.response),
      resolution: figures(total.resolution),
      byPriority: [...byPriority.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, v]) => ({ ...v.def, response: figures(v.response), resolution: figures(v.resolution) })),
      perWeek: [...weeks.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([week, n]) => ({ week, cases: n })),
      backlog: BACKLOG_BUCKETS.map((bucket) => ({ bucket, cases: backlog.get(bucket) ?? 0 })),
      openCases,
      breaches,
      breachCount,
      uptime: serviceUptime({ ...input, from, asOf: asOfMs, caseOutages }),
      uptimeGoal: UPTIME_GOAL,
      rows,
    };
  };

  return { add, addSummary, aggregateQuery, addAggregate, asOf, finish };
}
