/**
 * Escalation warnings: which SLA warnings are due for a case at `now`. Pure; the SLA watcher
 * (bot/delivery/sla-watcher.ts) turns them into outbox replies in the case's triage thread.
 *
 * Rules (escalation warnings):
 * - Per target (response, resolution): one warning when the target is at risk (its share of elapsed
 *   time has reached the policy's `atRiskShare`) and one when it is breached.
 * - Never for a stopped clock: paused (Avventer with a pausing reason, including a target frozen late
 *   when the case went Avventer), met, or without a target.
 * - Outside the desk's business hours only critical priorities warn; the others wait for the opening
 *   (the watcher sees them again then). A target found already breached gets only the breach warning.
 * - Each warning has a stable key, `warn:<ref>:<target>:<at_risk|breached>:<dueAt ISO>`, used as the
 *   outbox id so it is posted once per case, threshold, target and deadline: a deadline that moves
 *   (priority change, a pause) may warn again against the new deadline.
 */
import type { Case, SlaTarget } from '../cases/model';
import { isBusinessTime } from './calendar-time';
import { findPriority, type SlaPolicy } from './policy';
import { isStopped, type CaseSla, type TargetState } from './state';

export type WarningLevel = 'at_risk' | 'breached';

export interface SlaWarning {
  /** The outbox id: posted once per case, target, level and deadline. */
  key: string;
  target: SlaTarget;
  level: WarningLevel;
  dueAt: Date;
  /** Minutes left (negative: late) in the target's clock. */
  remainingMinutes: number;
  /** How the minutes are counted: business time, or around the clock. */
  clock: 'business' | 'calendar';
  /** Whether the priority in force is critical (warns outside business hours). */
  critical: boolean;
}

export const warningKey = (ref: string, target: SlaTarget, level: WarningLevel, dueAt: Date): string =>
  `warn:${ref}:${target}:${level}:${dueAt.toISOString()}`;

const TARGETS: SlaTarget[] = ['response', 'resolution'];

function levelOf(s: TargetState, now: Date, atRiskShare: number): WarningLevel | null {
  if (isStopped(s) || s.dueAt === undefined) return null;
  if (s.state === 'breached' || now.getTime() > s.dueAt.getTime()) return 'breached';
  if (s.state === 'at_risk' || (s.shareElapsed ?? 0) >= atRiskShare) return 'at_risk';
  return null;
}

/** The warnings due for `c` at `now`, given its SLA state `sla` computed at `now` under `policy`. */
export function dueWarnings(
  c: Pick<Case, 'ref' | 'status'>,
  policy: SlaPolicy,
  sla: CaseSla,
  now: Date,
): SlaWarning[] {
  if (c.status === 'closed' || c.status === 'solved') return [];
  const critical = findPriority(policy, sla.priority)?.critical ?? false;
  if (!critical && !isBusinessTime(now, policy.calendar)) return [];
  const out: SlaWarning[] = [];
  for (const target of TARGETS) {
    const s = sla[target];
    const level = levelOf(s, now, policy.atRiskShare);
    if (!level || s.dueAt === undefined || s.clock === 'none') continue;
    out.push({
      key: warningKey(c.ref, target, level, s.dueAt),
      target,
      level,
      dueAt: s.dueAt,
      remainingMinutes: s.remainingMinutes ?? 0,
      clock: s.clock,
      critical,
    });
  }
  return out;
}
