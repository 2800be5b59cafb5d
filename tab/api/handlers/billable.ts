/**
 * `GET /api/reports/billable`: the period's cases marked likely billable, grouped by the service's
 * forvalter (seed 002 §5.1.2.4). Same access and parameters (`from`, `to`, `desk`, `service`, `org`) and
 * the same 400s/403s as the SLA report (`./reports`).
 */
import type { DeskId } from '../../../shared/ids';
import { isoInstant } from '../../../shared/ids';
import {
  billableByAdministrator,
  billableCsv,
  type BillableCase,
  type BillableGroup,
} from '../../../shared/reports/billable';
import type { Caller } from '../auth';
import type { Desk } from '../../../shared/desks/model';
import type { Request } from 'restify';
import { authed, type TabContext } from '../context';
import { forbidden, queryOf, sendJson } from '../http';
import { parseReportQuery, reportDesks } from './reports';

export interface BillableResponse {
  from: string;
  to: string;
  groups: BillableGroup[];
}

async function billableGroups(ctx: TabContext, req: Request, caller: Caller, desks: readonly Desk[]) {
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
  // Only the billable cases are kept while streaming the period's summaries (they carry the mark).
  const cases: BillableCase[] = [];
  for await (const c of store.cases.streamSummaries(deskIds, isoInstant(q.from), isoInstant(q.to))) {
    if (!c.billable) continue;
    if (q.service && c.serviceId !== q.service) continue;
    if (q.org && c.orgId !== q.org) continue;
    cases.push(c);
  }
  const services = await store.desks.listServices();
  return { q, groups: billableByAdministrator(cases, services, { from: q.from, to: q.to }) };
}

export function billableReportHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const { q, groups } = await billableGroups(ctx, req, caller, desks);
    const body: BillableResponse = { from: q.fromDate, to: q.toDate, groups };
    sendJson(res, 200, body);
  });
}

/** `GET /api/reports/billable.csv`: the same, as a semicolon CSV (`lang` nb/en). */
export function billableReportCsvHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const { q, groups } = await billableGroups(ctx, req, caller, desks);
    const orgs = new Map(
      (await ctx.deps.store.desks.listOrganisations()).map((o) => [o.id as string, o.name]),
    );
    const bytes = Buffer.from(
      billableCsv(groups, q.lang, (id) => orgs.get(id) ?? id),
      'utf8',
    );
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': bytes.length,
      'Content-Disposition': `attachment; filename="fakturerbare-saker-${q.fromDate}-${q.toDate}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(bytes);
  });
}
