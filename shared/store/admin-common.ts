/**
 * What both adapters' admin stores share: how a saved policy becomes the desk's newest version, the
 * audit log's limits and order. Node-only like the rest of `shared/store/`, but this file does no I/O.
 */
import type { Desk } from '../desks/model';
import { ValidationError } from '../errors';
import type { AuditEntry } from '../ports';
import type { SlaPolicy } from '../sla/policy';
import { versionOf } from '../sla/versions';

export const DEFAULT_AUDIT_LIMIT = 50;
export const MAX_AUDIT_LIMIT = 200;

export function auditLimit(limit: number | undefined): number {
  const n = limit ?? DEFAULT_AUDIT_LIMIT;
  if (!Number.isInteger(n) || n < 1)
    throw new ValidationError('limit', `audit limit must be a positive integer: ${n}`);
  return Math.min(n, MAX_AUDIT_LIMIT);
}

/** Newest first; entries at the same instant by id, descending. */
export const newestFirst = (a: AuditEntry, b: AuditEntry): number =>
  b.at.localeCompare(a.at) || b.id.localeCompare(a.id);

/**
 * The desk with `policy` as its newest version: numbered one above the current one, in force from
 * `at`; the current version is kept in `previousPolicies`, newest first.
 */
export function withNewPolicyVersion(desk: Desk, policy: SlaPolicy, at: string): Desk {
  const current = versionOf(desk.policy);
  const next: SlaPolicy = { ...policy, version: { number: current.number + 1, validFrom: at } };
  const previous = [desk.policy, ...(desk.previousPolicies ?? [])];
  return { ...desk, policy: next, previousPolicies: previous };
}

/** Every version of a desk's policy, newest first. */
export const policyVersionsOf = (desk: Desk): SlaPolicy[] => [desk.policy, ...(desk.previousPolicies ?? [])];
