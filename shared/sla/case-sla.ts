/**
 * A case's SLA state from its desk: the one place every surface (bot cards, channel cards, the tab's
 * rows, the watcher, the lifecycle, the reports) gets a case's deadlines from. Pure.
 *
 * A case runs under the policy version it was received under (`Case.policyVersion`; absent: 1), and
 * under newer ones from each move (`Case.policyMoves`), see `versions.ts`; its desk holds every version
 * (`Desk.policy` is the newest, `Desk.previousPolicies` the older ones). Only the engine itself
 * (`computeSla`, `slaSummary` in `state.ts`) and its tests call the engine directly.
 *
 * Keep this the single place: when a target comes from somewhere else than the desk's policy (an
 * order's resolution target from the catalogue's delivery time, for instance), it is added here, so
 * every surface shows the same deadline.
 */
import { NotFoundError } from '../errors';
import { orderPolicy, slaViewOf } from './order-sla';
import type { SlaPolicy } from './policy';
import type { Case, SlaSummary } from '../cases/model';
import { lastChangeAt, summaryOf, type CaseSla, type SlaCaseInput } from './state';
import {
  computeCaseSla,
  versionForReceipt,
  versionOf,
  type CasePolicyRecord,
  type PolicyVersions,
} from './versions';

/** What a desk holds of its policy: the newest version and the older ones (a `Desk` is one). */
export interface DeskPolicies {
  policy: SlaPolicy;
  previousPolicies?: readonly SlaPolicy[];
}

/** A desk's policies, or one policy standing alone (its only version). */
export function asDeskPolicies(policies: DeskPolicies | SlaPolicy): DeskPolicies {
  return 'priorities' in policies ? { policy: policies } : policies;
}

/** A case as this module reads it (its kind and order details: an order's delivery target). */
export type CaseSlaInput = SlaCaseInput &
  CasePolicyRecord & { updatedAt?: string } & Partial<Pick<Case, 'kind' | 'order'>>;

/**
 * The versions a case's clocks run under: the desk's, with an order's resolution target taken from
 * the catalogue's delivery time copied onto the order (`order-sla.ts`).
 */
function versionsFor(c: CaseSlaInput, desk: DeskPolicies): PolicyVersions {
  const versions = deskPolicyVersions(desk);
  if (c.kind !== 'order') return versions;
  return (n) => {
    const p = versions(n);
    return p && orderPolicy(p, c);
  };
}

/** The desk's versions by number (the newest first: most cases run under it). */
export function deskPolicyVersions(desk: DeskPolicies): PolicyVersions {
  return (n) => {
    if (versionOf(desk.policy).number === n) return desk.policy;
    return desk.previousPolicies?.find((p) => versionOf(p).number === n);
  };
}

/** Every version of the desk's policy, newest first. */
export function deskPolicyList(desk: DeskPolicies): SlaPolicy[] {
  return [desk.policy, ...(desk.previousPolicies ?? [])];
}

/** The version a case received at `receivedAt` is received under (record its number as `policyVersion`). */
export function policyAtReceipt(desk: DeskPolicies, receivedAt: Date): SlaPolicy {
  return desk.previousPolicies?.length ? versionForReceipt(deskPolicyList(desk), receivedAt) : desk.policy;
}

/** The version number a case runs under now: its last move's, or the one it was received under. */
export function caseVersionNumber(c: CasePolicyRecord): number {
  const moves = c.policyMoves ?? [];
  return moves.length > 0 ? moves[moves.length - 1]!.to : (c.policyVersion ?? 1);
}

/**
 * The policy version a case runs under now (its priorities, calendar and at-risk share). Throws
 * `NOT_FOUND` when the desk no longer holds it.
 */
export function casePolicy(c: CasePolicyRecord, desk: DeskPolicies): SlaPolicy {
  const n = caseVersionNumber(c);
  const p = deskPolicyVersions(desk)(n);
  if (!p) throw new NotFoundError(`SLA policy version ${n} not found`);
  return p;
}

const policyKeys = new WeakMap<SlaPolicy, string>();

/**
 * A fingerprint of a policy's content (FNV-1a over its JSON, 53 bits, hex): a summary computed under one
 * policy is used only by a report under the same one. Remembered per policy object.
 */
export function policyKey(policy: SlaPolicy): string {
  let key = policyKeys.get(policy);
  if (key !== undefined) return key;
  const json = JSON.stringify(policy);
  let lo = 0x811c9dc5;
  let hi = 0x050c5d1f;
  for (let i = 0; i < json.length; i += 1) {
    const ch = json.charCodeAt(i);
    lo = Math.imul(lo ^ ch, 0x01000193) >>> 0;
    hi = Math.imul(hi ^ ch ^ (lo >>> 24), 0x01000193) >>> 0;
  }
  key = `${(hi & 0x1fffff).toString(16)}${lo.toString(16).padStart(8, '0')}`;
  policyKeys.set(policy, key);
  return key;
}

/**
 * A case's SLA computed once for one change (`computedSla`) and passed down to the other parts of that
 * change (a new case's summary row, its triage card and its confirmation), so `caseSla` returns it
 * instead of computing it again. It says what it was computed for, and `caseSla` takes it only for
 * exactly that: the same instant, receipt, priority and length of history, no policy move, and the same
 * content of the policy version the case runs under (the summary's desk is read by the store, the
 * cards' from the catalogue).
 */
export interface ComputedSla {
  readonly sla: CaseSla;
  readonly at: number;
  readonly receivedAt: string;
  readonly events: number;
  readonly policyKey: string;
}

/** `caseSla(c, desk, now)`, with what it was computed for, to pass down to the rest of the change. */
export function computedSla(c: CaseSlaInput, desk: DeskPolicies, now: Date): ComputedSla {
  return {
    sla: caseSla(c, desk, now),
    at: now.getTime(),
    receivedAt: c.receivedAt,
    events: c.events.length,
    policyKey: policyKey(casePolicy(c, desk)),
  };
}

const computedFor = (known: ComputedSla, c: CaseSlaInput, desk: DeskPolicies, now: Date): boolean =>
  known.at === now.getTime() &&
  known.receivedAt === c.receivedAt &&
  known.events === c.events.length &&
  known.sla.priority === c.priority &&
  (c.policyMoves?.length ?? 0) === 0 &&
  known.policyKey === policyKey(casePolicy(c, desk));

/**
 * The SLA state of `c` at `now`, under the versions of its desk's policy it has run under; `known`, the
 * SLA the change computed already (`computedSla`), is returned when it was computed for this.
 */
export function caseSla(c: CaseSlaInput, desk: DeskPolicies, now: Date, known?: ComputedSla): CaseSla {
  if (known && computedFor(known, c, desk, now)) return known.sla;
  // After a conversion (fault ↔ order) the clocks restart at the conversion (`slaViewOf`).
  return computeCaseSla(slaViewOf(c), versionsFor(c, desk), now);
}

/**
 * The deadlines to store on the case, as of its last change (its receipt, `updatedAt`, last event or
 * last move): due instants of running and met targets, `nextDueAt` of the earliest running one.
 */
export function caseSlaSummaryFor(c: CaseSlaInput, desk: DeskPolicies): SlaSummary {
  return caseSlaSummaryWith(c, desk).summary;
}

/**
 * `caseSlaSummaryFor(c, desk)` with the SLA it was computed from, as of the case's last change
 * (`computedSla`): the domain hands it back with the case it changed or opened, to pass down to the
 * rest of that change (its summary row and cards), where `caseSla` takes it only when it was computed
 * for exactly that case at that instant.
 */
export function caseSlaSummaryWith(
  c: CaseSlaInput,
  desk: DeskPolicies,
): { summary: SlaSummary; known: ComputedSla } {
  const known = computedSla(c, desk, new Date(lastChangeAt(slaViewOf(c))));
  return { summary: summaryOf(known.sla), known };
}
