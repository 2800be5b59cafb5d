/**
 * The watcher's index: the instants at which a case may next need an SLA warning, computed from its
 * report summary when the case is written and stored beside it (SQLite `case_warnings`, the Cosmos
 * summary item's `warnAt`). The SLA watcher then reads only the cases whose instant fell since its last
 * sweep, instead of every open case. Pure (no I/O).
 *
 * Per running target (not met, not paused, with a deadline), as `dueWarnings` decides:
 * - at risk: when the share of the target used reaches the policy's `atRiskShare` (the case's last
 *   change if it already had);
 * - breached: the first millisecond after the deadline.
 * A non-critical priority warns only in business time, so its instants move to the next opening. No
 * instant lies before the case's last change: a case written already late is read by the next sweep.
 * A case that is closed, solved, paused at its last change or without a policy has no instant: nothing
 * warns until it is written again, and that write computes new instants.
 */
import type { IsoInstant } from '../ids';
import { summaryPolicy, type CaseSummary, type TargetSummary } from '../reports/summary';
import type { DeskPolicies } from '../sla/case-sla';
import { addBusinessMinutes, nextOpening } from '../sla/calendar-time';
import { findPriority, type SlaPolicy } from '../sla/policy';

const MS_PER_MINUTE = 60_000;

function targetInstants(t: TargetSummary | undefined, asOf: number, policy: SlaPolicy): number[] {
  if (!t || t.stopped || t.dueAt === undefined || t.clock === 'none') return [];
  const breach = Date.parse(t.dueAt) + 1;
  if (t.state === 'at_risk' || t.state === 'breached') return [asOf, breach];
  const target = t.targetMinutes ?? 0;
  const remaining = t.remainingMinutes ?? 0;
  // Minutes of the target's clock until the share used reaches `atRiskShare`.
  const toRisk = remaining - target * (1 - policy.atRiskShare);
  if (toRisk <= 0) return [asOf, breach];
  const risk =
    t.clock === 'calendar'
      ? asOf + toRisk * MS_PER_MINUTE
      : addBusinessMinutes(new Date(asOf), toRisk, policy.calendar).getTime();
  // Rounding may put it a fraction of a millisecond late: the watcher's overlap covers that.
  return [Math.floor(risk), breach];
}

/**
 * The instants, ascending and distinct, at which `s` may next need a warning under the policy version
 * its case runs under (from its desk's versions, or one policy).
 */
export function warningInstants(
  s: CaseSummary,
  policies: DeskPolicies | SlaPolicy | undefined,
): IsoInstant[] {
  const policy = policies && summaryPolicy(s, policies);
  if (!policy || s.timelineNeeded === true || s.priority === undefined) return [];
  if (!s.open || s.status === 'closed' || s.status === 'solved') return [];
  const asOf = Date.parse(s.asOf);
  const critical = findPriority(policy, s.priority)?.critical ?? false;
  const raw = [
    ...targetInstants(s.response, asOf, policy),
    ...targetInstants(s.resolution, asOf, policy),
  ].map((t) => Math.max(t, asOf));
  const moved = critical ? raw : raw.map((t) => nextOpening(new Date(t), policy.calendar).getTime());
  return [...new Set(moved)].sort((a, b) => a - b).map((t) => new Date(t).toISOString() as IsoInstant);
}
