/**
 * `GET /api/reports/billable`: the period's cases marked likely billable, grouped by the service's
 * forvalter (seed 002 §5.1.2.4). Same access and parameters (`from`, `to`, `desk`, `service`, `org`) and
 * the same 400s/403s as the SLA report (`./reports`).
 */
import type { Case } from '../../../shared/cases/model';
import type { DeskId } from '../../../shared/ids';
import { isoInstant } from '../../../shared/ids';
import { billableByAdministrator, type BillableGroup } from '../../../shared/reports/billable';
import { authed, type TabContext } from '../context';
import { forbidden, queryOf, sendJson } from '../http';
import { parseReportQuery, reportDesks } from './reports';

export interface BillableResponse {
  from: string;
  to: string;
  groups: BillableGroup[];
}

export function billableReportHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const q = parseReportQuery(queryOf(req), ctx.deps.now());
    const allowed = reportDesks(caller, desks);
    if (allowed.length === 0) throw forbidden('reports are for report readers and desk members');
    let chosen = allowed;
    if (q.desk) {
      chosen = allowed.filter((d) => d.id === q.desk);
      if (chosen.length === 0) throw forbidden(`no report access to desk '${q.desk}'`);
    }
    const { store } = ctx.deps;
    const deskIds = chosen.map((d) => d.id as DeskId);
    // Only the billable cases are kept while streaming the period.
    const cases: Case[] = [];
    for await (const c of store.cases.streamPeriod(deskIds, isoInstant(q.from), isoInstant(q.to))) {
      if (!c.billable) continue;
      if (q.service && c.serviceId !== q.service) continue;
      if (q.org && c.orgId !== q.org) continue;
      cases.push(c);
    }
    const services = await store.desks.listServices();
    const body: BillableResponse = {
      from: q.fromDate,
      to: q.toDate,
      groups: billableByAdministrator(cases, services, { from: q.from, to: q.to }),
    };
    sendJson(res, 200, body);
  });
}
