/**
 * A service's uptime in a report period, and where each outage came from. Pure.
 *
 * The rule (the report, the CSV and docs/sla-regler.md say the same):
 * - Uptime is measured around the clock over [from, asOf) (seed 004 §6.2: "tilgjengelige
 *   kontinuerlig"), as 1 − down time / period, against the 99.8 % goal.
 * - A service is down while any of these runs:
 *   1. a driftsmelding of kind `outage` naming the service, from its start to its "Løst" (or `asOf`
 *      while active);
 *   2. a case on the service whose checklist says it is down for a whole virksomhet or more (scope
 *      `organisation` or `several_organisations`, availability `all`), from when the fault started (the
 *      checklist's start time; the receipt when that is missing, unreadable or later than the receipt)
 *      until the case is Løst or Lukket (or `asOf` while it is not). A rejected solution means the
 *      fault went on: the outage then runs to the solve or close the case is in now.
 * - Down time is the union of all these intervals clipped to the period: a notice and five cases about
 *   the same fault count once. Each source is listed, so the report can say where an outage came from.
 */
import type { Case } from '../cases/model';
import type { CaseRef, NoticeId, ServiceId } from '../ids';
import type { Notice } from '../notices/model';

export const UPTIME_GOAL = 0.998;

/** What the case gives the uptime (kept with its report summary, so the report need not read the case). */
export interface CaseOutage {
  ref: CaseRef;
  serviceId: ServiceId;
  title: string;
  /** When the fault started. */
  from: string;
  /** When the case was solved or closed (and still is); absent while the fault goes on. */
  to?: string;
}

/** One outage behind a service's down time, clipped to nothing: the source's own start and end. */
export type OutageSource =
  | { kind: 'notice'; id: NoticeId; title: string; from: string; to?: string }
  | { kind: 'case'; ref: CaseRef; title: string; from: string; to?: string };

export interface UptimeFigures {
  serviceId: ServiceId;
  /** Down minutes in the period (union of outages). */
  downMinutes: number;
  /** 1 − down / period, in [0, 1]. */
  uptime: number;
  meetsGoal: boolean;
  /** Outages (notices and cases) overlapping the period. */
  outages: number;
  /** Those outages, earliest first, each with its source. */
  sources: OutageSource[];
}

/** Whether a case's checklist says its service is down for a whole virksomhet or more (never an order). */
export function isOutageCase(c: Pick<Case, 'checklist'>): boolean {
  if (!c.checklist) return false;
  const { scope, availability } = c.checklist;
  return availability === 'all' && (scope === 'organisation' || scope === 'several_organisations');
}

/** The outage a case reports (see the rule above), or null when it does not report one. */
export function caseOutageOf(
  c: Pick<Case, 'ref' | 'serviceId' | 'title' | 'checklist' | 'receivedAt' | 'events'>,
): CaseOutage | null {
  const list = c.checklist;
  if (!list || !isOutageCase(c)) return null;
  const received = Date.parse(c.receivedAt);
  const started = Date.parse(list.startedAt);
  const from = Number.isFinite(started) && started <= received ? list.startedAt : c.receivedAt;
  // The solve or close the case is in now: a later rejection undoes an earlier solve.
  let to: string | undefined;
  for (const e of c.events) {
    if (e.type === 'solved' || (e.type === 'closed' && to === undefined)) to = e.at;
    else if (e.type === 'solution_rejected') to = undefined;
  }
  const out: CaseOutage = { ref: c.ref, serviceId: c.serviceId, title: c.title, from };
  if (to !== undefined) out.to = to;
  return out;
}

/** Union length of [a, b) spans clipped to [lo, hi), in ms. */
export function unionMs(spans: ReadonlyArray<readonly [number, number]>, lo: number, hi: number): number {
  const clipped = spans
    .map(([a, b]): [number, number] => [Math.max(a, lo), Math.min(b, hi)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let cur: [number, number] | undefined;
  for (const s of clipped) {
    if (cur && s[0] <= cur[1]) cur[1] = Math.max(cur[1], s[1]);
    else {
      if (cur) total += cur[1] - cur[0];
      cur = [s[0], s[1]];
    }
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export interface UptimeInput {
  /** Period start and the report's instant (min(period end, now)), in ms. */
  from: number;
  asOf: number;
  /** Services to report even without an outage (the filtered catalogue). */
  services?: readonly ServiceId[];
  notices: readonly Notice[];
  caseOutages?: readonly CaseOutage[];
}

/**
 * Outages starting at the same instant in a fixed order whatever order they were given in (a report
 * gets its case outages from the store's aggregate and one summary at a time): notices first, each
 * kind by id or reference.
 */
function sourceOrder(a: OutageSource, b: OutageSource): number {
  const key = (s: OutageSource): string => (s.kind === 'notice' ? `0${s.id}` : `1${s.ref}`);
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Each service's uptime over [from, asOf): services given or named by an outage, by id. */
export function serviceUptime(input: UptimeInput): UptimeFigures[] {
  const { from, asOf } = input;
  const bySource = new Map<ServiceId, Array<{ span: [number, number]; source: OutageSource }>>();
  for (const s of input.services ?? []) bySource.set(s, []);
  const push = (s: ServiceId, span: [number, number], source: OutageSource) => {
    const list = bySource.get(s) ?? [];
    list.push({ span, source });
    bySource.set(s, list);
  };
  for (const n of input.notices) {
    if (n.kind !== 'outage') continue;
    const span: [number, number] = [Date.parse(n.startsAt), n.resolvedAt ? Date.parse(n.resolvedAt) : asOf];
    const source: OutageSource = { kind: 'notice', id: n.id, title: n.title, from: n.startsAt };
    if (n.resolvedAt) source.to = n.resolvedAt;
    for (const s of n.serviceIds) push(s, span, source);
  }
  for (const o of input.caseOutages ?? []) {
    const source: OutageSource = { kind: 'case', ref: o.ref, title: o.title, from: o.from };
    if (o.to) source.to = o.to;
    push(o.serviceId, [Date.parse(o.from), o.to ? Date.parse(o.to) : asOf], source);
  }
  const length = Math.max(0, asOf - from);
  return [...bySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceId, list]) => {
      const down = unionMs(
        list.map((x) => x.span),
        from,
        asOf,
      );
      const up = length === 0 ? 1 : 1 - down / length;
      const inPeriod = list
        .filter(({ span: [a, b] }) => b > from && a < asOf)
        .sort((x, y) => x.span[0] - y.span[0] || sourceOrder(x.source, y.source));
      return {
        serviceId,
        downMinutes: round2(down / 60_000),
        uptime: up,
        meetsGoal: up >= UPTIME_GOAL,
        outages: inPeriod.length,
        sources: inPeriod.map((x) => x.source),
      };
    });
}
