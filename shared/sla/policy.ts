/**
 * A desk's SLA policy is data: its business calendar, its priority scheme and, per priority, a
 * response and a resolution target. The three presets of domain.md ship in `presets.ts`.
 */
import type { PriorityId } from '../ids';
import type { LocalizedText } from '../i18n-text';
import type { WaitReason } from '../cases/model';
import type { BusinessCalendar } from './index';

/** The wait reasons a policy decides on: waiting for an order's approval always pauses (`pausesClock`). */
export type PolicyWaitReason = Exclude<WaitReason, 'approval'>;

/** Whether time Avventer for `reason` pauses the clocks under `policy`. */
export function pausesClock(policy: Pick<SlaPolicy, 'pauseWhileWaiting'>, reason: WaitReason): boolean {
  return reason === 'approval' || policy.pauseWhileWaiting[reason];
}

/**
 * How a target turns into a due instant.
 * - `business_minutes`: that many minutes of the calendar's business time after receipt.
 * - `working_days`: "N virkedager after receipt": the same clock time on the Nth working day after
 *   receipt, but no later than that day's closing; a receipt outside business time counts from the
 *   next opening.
 * - `calendar_minutes`: around the clock, whatever the calendar says.
 * - `cut_off`: "the same working day if received before `before` ('HH:mm'), otherwise the next
 *   working day" (seed 003's 12:00 rule); due at that working day's closing (see `cut-off.ts`).
 * - `none`: no deadline ("as soon as possible", "worked until solved" in seed 000).
 */
export type SlaTargetSpec =
  | { kind: 'business_minutes'; minutes: number }
  | { kind: 'working_days'; days: number }
  | { kind: 'cut_off'; before: string }
  | { kind: 'calendar_minutes'; minutes: number }
  | { kind: 'none'; note: LocalizedText };

export interface PriorityDefinition {
  id: PriorityId;
  label: LocalizedText;
  /** 1 = most urgent. Lets desks with different schemes be compared and sorted. */
  level: 1 | 2 | 3 | 4;
  /** A critical fault: the reporter is told to phone the desk too; worked outside opening hours. */
  critical: boolean;
  response: SlaTargetSpec;
  resolution: SlaTargetSpec;
  /** The agreement's definition, shown to whoever sets the priority. */
  definition: LocalizedText;
}

/**
 * Which version of a desk's policy this is: each saved change makes a new one, numbered from 1, in
 * force for cases received from `validFrom` (an ISO instant) on. A policy without it (every policy
 * stored before versions existed, and the presets) is version 1, in force from the beginning.
 */
export interface PolicyVersion {
  number: number;
  validFrom: string;
}

export interface SlaPolicy {
  id: string;
  name: string;
  /** Absent: version 1, valid from the beginning (`versionOf`). */
  version?: PolicyVersion;
  calendar: BusinessCalendar;
  /** Ordered most urgent first. */
  priorities: PriorityDefinition[];
  defaultPriority: PriorityId;
  /** Share of a target's time after which it is "at risk", e.g. 0.75. */
  atRiskShare: number;
  /** Whether time spent Avventer for each reason pauses the clocks (an order's approval always does). */
  pauseWhileWaiting: Record<PolicyWaitReason, boolean>;
  /** Critical priorities run around the clock (worked continuously), whatever the calendar. */
  criticalAroundTheClock: boolean;
}

/** The priority definition of `id` in `policy`, or undefined when the scheme has no such priority. */
export function findPriority(policy: SlaPolicy, id: PriorityId): PriorityDefinition | undefined {
  return policy.priorities.find((p) => p.id === id);
}

/**
 * How a target's time is counted once the policy's switches are applied:
 * - `business`: in the calendar's business time (`business_minutes`, and `working_days` and `cut_off`
 *   turned into business minutes, see `shared/sla/state.ts`);
 * - `calendar`: around the clock (`calendar_minutes`, and `business_minutes` of a critical priority when
 *   `criticalAroundTheClock` is set; `working_days` and `cut_off` targets stay working days even then);
 * - `none`: no deadline.
 */
export type TargetClock = 'business' | 'calendar' | 'none';

export function targetClock(
  policy: SlaPolicy,
  priority: PriorityDefinition,
  spec: SlaTargetSpec,
): TargetClock {
  switch (spec.kind) {
    case 'none':
      return 'none';
    case 'calendar_minutes':
      return 'calendar';
    case 'working_days':
    case 'cut_off':
      return 'business';
    case 'business_minutes':
      return policy.criticalAroundTheClock && priority.critical ? 'calendar' : 'business';
  }
}
