/**
 * Who may report faults for a virksomhet (`Organisation.reporting`): all employees, or only members of
 * named Entra groups (ROR-IKT excludes pupils and guardians, seed 004 §5.3). Pure.
 */
import type { Organisation, ReportingRule } from './model';

export type ReportingDecision = { allowed: true } | { allowed: false; contact: string };

const ALL: ReportingRule = { kind: 'all' };

/**
 * Whether a person of `org` with the Entra groups `groups` may report. Someone who may not is told
 * whom to contact (the rule's `contact`), never shown the form. An unknown organisation (undefined)
 * imposes no rule.
 */
export function mayReport(
  org: Pick<Organisation, 'reporting'> | undefined,
  groups: readonly string[],
): ReportingDecision {
  const rule = org?.reporting ?? ALL;
  if (rule.kind === 'all') return { allowed: true };
  return rule.groupIds.some((g) => groups.includes(g))
    ? { allowed: true }
    : { allowed: false, contact: rule.contact };
}
