/**
 * A case's report summary: the figures the SLA and billable reports need, computed from the case's
 * timeline when the case is written and stored beside it, so a year's report reads summaries instead
 * of replaying every timeline. Pure.
 *
 * What a summary holds: the case's report fields and both targets' SLA state as of the case's last
 * change (`asOf`). Nothing happens to a case between two writes, so its state at any later instant
 * follows from the stored one: a stopped target (met, met late, without a target) stays as it is, a
 * running one moves on with its clock (`tick`), and a breach found that way takes the explanation the
 * timeline would give it (`lateExplanation`). Two cases need the timeline after all and say so
 * (`timelineNeeded`): a target paused at the last change (its projected deadline moves with time), and
 * a case written before its desk had a policy. A report as of an instant before the case's last change
 * also needs the timeline (`summaryCovers`).
 *
 * A closed case's summary never changes: the store keeps the one written when it closed.
 */
import type { Case, CaseStatus } from '../cases/model';
import type { CaseRef, DeskId, IsoInstant, OrgId, PriorityId, ServiceId } from '../ids';
import {
  caseSla,
  caseVersionNumber,
  policyKey,
  type ComputedSla,
  asDeskPolicies,
  deskPolicyVersions,
  type DeskPolicies,
} from '../sla/case-sla';
import { lastChangeAt } from '../sla/state';
import type { SlaPolicy } from '../sla/policy';
import { isStopped, tick, type CaseSla, type SlaState, type TargetState } from '../sla/state';
import { caseOutageOf, type CaseOutage } from './uptime';

/** One target's state as of the summary's `asOf`, in JSON. */
export interface TargetSummary {
  state: SlaState;
  clock: TargetState['clock'];
  targetMinutes?: number;
  dueAt?: IsoInstant;
  remainingMinutes?: number;
  shareElapsed?: number;
  metAt?: IsoInstant;
  explanation?: string;
  /** Stopped at `asOf` (met, no target, paused): the state holds at any later instant. */
  stopped: boolean;
  /** For a running target of a case that waited: the explanation a breach has after the last change. */
  lateExplanation?: string;
}

export interface CaseSummary {
  ref: CaseRef;
  deskId: DeskId;
  orgId: OrgId;
  serviceId: ServiceId;
  title: string;
  status: CaseStatus;
  receivedAt: IsoInstant;
  /** The case's last change: the state below is computed as of this instant. */
  asOf: IsoInstant;
  /** Open (not Løst, not Lukket) after the last change, as the report's backlog counts it. */
  open: boolean;
  billable?: Case['billable'];
  /**
   * 'order' for an order (bestilling), absent otherwise: the SLA report counts faults, the orders report
   * orders, each case under the kind it ended as.
   */
  kind?: 'order';
  /**
   * The outage the case reports for the uptime (`caseOutageOf`), null when none; absent in a summary
   * written before outages were kept here (the report then reads the case).
   */
  outage?: CaseOutage | null;
  /** Absent when `timelineNeeded`. */
  priority?: PriorityId;
  response?: TargetSummary;
  resolution?: TargetSummary;
  /** The policy the state was computed under (`policyKey`); a report under another policy reads the timeline. */
  policyKey?: string;
  /**
   * The desk's policy versions the case has run under, oldest first (the one it was received under,
   * then each move); absent: version 1 only.
   */
  policyVersions?: number[];
  /** The report must read the case's timeline (see the module comment). */
  timelineNeeded?: true;
}

/** The fingerprint of a policy's content that a summary records (`policyKey` in the SLA module). */
export { policyKey };

/** Open (not Løst, not Lukket) at `at`, from the events up to then. */
export function isOpenAt(c: Case, at: number): boolean {
  if (Date.parse(c.receivedAt) > at) return false;
  let open = true;
  for (const e of c.events) {
    if (Date.parse(e.at) > at) break;
    if (e.type === 'solved' || e.type === 'closed') open = false;
    else if (e.type === 'solution_rejected') open = true;
  }
  return open;
}

const iso = (d: Date | undefined): IsoInstant | undefined =>
  d === undefined ? undefined : (d.toISOString() as IsoInstant);

function targetSummary(s: TargetState): TargetSummary {
  const out: TargetSummary = { state: s.state, clock: s.clock, stopped: isStopped(s) };
  if (s.targetMinutes !== undefined) out.targetMinutes = s.targetMinutes;
  if (s.dueAt !== undefined) out.dueAt = iso(s.dueAt)!;
  if (s.remainingMinutes !== undefined) out.remainingMinutes = s.remainingMinutes;
  if (s.shareElapsed !== undefined) out.shareElapsed = s.shareElapsed;
  if (s.metAt !== undefined) out.metAt = iso(s.metAt)!;
  if (s.explanation !== undefined) out.explanation = s.explanation;
  return out;
}

const pausedNow = (s: TargetState): boolean => s.metAt === undefined && s.state === 'paused';

/** The versions `c` has run under, oldest first: the one it was received under, then each move's. */
export function caseVersions(c: Pick<Case, 'policyVersion' | 'policyMoves'>): number[] {
  return [c.policyVersion ?? 1, ...(c.policyMoves ?? []).map((m) => m.to)];
}

/**
 * The summary of `c` under its desk's policy versions (a desk, or one policy; undefined: the desk has
 * no policy yet; the report reads the timeline). `known`: the SLA the change computed already
 * (`computedSla`), taken by `caseSla` only when it was computed as of the case's last change under the
 * same policy.
 */
export function caseSummary(
  c: Case,
  policies: DeskPolicies | SlaPolicy | undefined,
  known?: ComputedSla,
): CaseSummary {
  const desk = policies && asDeskPolicies(policies);
  const asOf = lastChangeAt(c);
  const base: CaseSummary = {
    ref: c.ref,
    deskId: c.deskId,
    orgId: c.orgId,
    serviceId: c.serviceId,
    title: c.title,
    status: c.status,
    receivedAt: c.receivedAt,
    asOf: new Date(asOf).toISOString() as IsoInstant,
    open: isOpenAt(c, Number.POSITIVE_INFINITY),
    outage: caseOutageOf(c),
  };
  if (c.billable) base.billable = c.billable;
  if (c.kind === 'order') base.kind = 'order';
  const versions = caseVersions(c);
  if (versions.length > 1 || versions[0] !== 1) base.policyVersions = versions;
  const policy = desk && deskPolicyVersions(desk)(caseVersionNumber(c));
  if (!desk || !policy) return { ...base, timelineNeeded: true };
  const sla = caseSla(c, desk, new Date(asOf), known);
  const paused = [sla.response, sla.resolution].some(
    (s) => pausedNow(s) || (s.pauses.length > 0 && s.pauses[s.pauses.length - 1]!.to === undefined),
  );
  if (paused) return { ...base, timelineNeeded: true };
  const response = targetSummary(sla.response);
  const resolution = targetSummary(sla.resolution);
  // A running target breached later takes the explanation its timeline gives then: its wait reasons up
  // to then, which are all the waits so far. Computed once here, just after its deadline (or the last
  // change, if that is later); a case that never waited has no such explanation.
  const running = [sla.response, sla.resolution].filter((s) => !isStopped(s));
  if (running.length > 0 && c.events.some((e) => e.type === 'waiting_started')) {
    const late = Math.max(asOf, ...running.map((s) => s.dueAt!.getTime())) + 1;
    const then = caseSla(c, desk, new Date(late));
    if (!response.stopped && then.response.explanation !== undefined)
      response.lateExplanation = then.response.explanation;
    if (!resolution.stopped && then.resolution.explanation !== undefined)
      resolution.lateExplanation = then.resolution.explanation;
  }
  return { ...base, priority: sla.priority, response, resolution, policyKey: policyKey(policy) };
}

/** The policy version the summary's case runs under, from its desk's versions (undefined: not there). */
export function summaryPolicy(s: CaseSummary, policies: DeskPolicies | SlaPolicy): SlaPolicy | undefined {
  const versions = s.policyVersions ?? [1];
  return deskPolicyVersions(asDeskPolicies(policies))(versions[versions.length - 1]!);
}

/**
 * Whether the summary alone gives the case's figures as of `asOfMs` under its desk's policies (when
 * given: the summary must have been computed under the version it runs under, as the desk has it now).
 */
export function summaryCovers(s: CaseSummary, asOfMs: number, policies?: DeskPolicies | SlaPolicy): boolean {
  if (s.timelineNeeded === true || Date.parse(s.asOf) > asOfMs) return false;
  if (policies === undefined) return true;
  const policy = summaryPolicy(s, policies);
  return policy !== undefined && s.policyKey === policyKey(policy);
}

function targetAt(t: TargetSummary, which: TargetState['target'], asOf: Date, from: Date, policy: SlaPolicy) {
  const s: TargetState = { target: which, state: t.state, asOf: from, clock: t.clock, pauses: [] };
  if (t.targetMinutes !== undefined) s.targetMinutes = t.targetMinutes;
  if (t.dueAt !== undefined) s.dueAt = new Date(t.dueAt);
  if (t.remainingMinutes !== undefined) s.remainingMinutes = t.remainingMinutes;
  if (t.shareElapsed !== undefined) s.shareElapsed = t.shareElapsed;
  if (t.metAt !== undefined) s.metAt = new Date(t.metAt);
  if (t.explanation !== undefined) s.explanation = t.explanation;
  if (t.stopped || asOf.getTime() <= from.getTime()) return s;
  const moved = tick(s, asOf, policy);
  if (moved.state === 'breached' && t.lateExplanation !== undefined) moved.explanation = t.lateExplanation;
  return moved;
}

/**
 * Both targets' state as of `asOf` from the summary, as `caseSla(case, desk, asOf)` gives it from the
 * timeline. Only for a summary that `summaryCovers` that instant.
 */
export function summarySla(s: CaseSummary, policies: DeskPolicies | SlaPolicy, asOf: Date): CaseSla {
  const policy = summaryPolicy(s, policies)!;
  const from = new Date(s.asOf);
  return {
    priority: s.priority!,
    response: targetAt(s.response!, 'response', asOf, from, policy),
    resolution: targetAt(s.resolution!, 'resolution', asOf, from, policy),
  };
}
