/** A case as a list row: its SLA state computed at `now` under its desk's policy versions. Pure. */
import type { Case } from '../../shared/cases/model';
import { pendingEstimate } from '../../shared/cases/orders';
import { caseSla, casePolicy, type DeskPolicies } from '../../shared/sla/case-sla';
import { summaryOf } from '../../shared/sla/state';
import { snapshot, type CaseRow } from './api-types';

export function caseRow(c: Case, desk: DeskPolicies, now: Date): CaseRow {
  const sla = caseSla(c, desk, now);
  const def = casePolicy(c, desk).priorities.find((p) => p.id === sla.priority);
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
  if (c.kind !== 'fault') row.kind = c.kind;
  if (c.kind === 'order' && c.status === 'waiting' && pendingEstimate(c)) row.awaitingApproval = true;
  if (c.assignee) row.assignee = { id: c.assignee.id, name: c.assignee.name };
  if (c.supplier)
    row.supplier = {
      name: c.supplier.name,
      since: c.supplier.since,
      lastContactAt: c.supplier.lastContactAt,
      ...(c.supplier.caseNumber ? { caseNumber: c.supplier.caseNumber } : {}),
    };
  const next = c.status === 'closed' || c.status === 'solved' ? undefined : summaryOf(sla).nextDueAt;
  if (next) row.nextDueAt = next;
  return row;
}
