/** A case as a list row: its SLA state computed at `now` under its desk's policy. Pure. */
import type { Case } from '../../shared/cases/model';
import type { SlaPolicy } from '../../shared/sla/policy';
import { computeSla, summaryOf } from '../../shared/sla/state';
import { snapshot, type CaseRow } from './api-types';

export function caseRow(c: Case, policy: SlaPolicy, now: Date): CaseRow {
  const sla = computeSla(c, policy, now);
  const def = policy.priorities.find((p) => p.id === sla.priority);
  const row: CaseRow = {
    ref: c.ref,
    title: c.title,
    deskId: c.deskId,
    orgId: c.orgId,
    serviceId: c.serviceId,
    priority: sla.priority,
    level: def?.level ?? 9,
    status: c.status,
    receivedAt: c.receivedAt,
    updatedAt: c.updatedAt,
    response: snapshot(sla.response, now),
    resolution: snapshot(sla.resolution, now),
  };
  if (c.assignee) row.assignee = { id: c.assignee.id, name: c.assignee.name };
  const next = c.status === 'closed' || c.status === 'solved' ? undefined : summaryOf(sla).nextDueAt;
  if (next) row.nextDueAt = next;
  return row;
}
