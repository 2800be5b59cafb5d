/**
 * Orders from the tab.
 *
 * `POST /api/orders`: "Bestill" — an order of an orderable service for the caller's virksomhet, with
 * the order checklist (seed 002 §7.3). Every refused field is answered at once (400 with `fields`,
 * judged by the domain's own checks); a good order is opened by the domain (`openOrder`) and created
 * through the change service, as the chat's order form does (idempotent on the form's client key).
 *
 * `GET /api/reports/orders` and `/api/reports/orders.csv`: the period's order figures
 * (`shared/reports/orders.ts`) for the same readers and parameters as the SLA report.
 */
import type { ReporterRole } from '../../../shared/cases/model';
import { openOrder } from '../../../shared/cases/orders';
import { orderableFor, orderFieldErrors, orderingOrgs, orderOrg } from '../../../shared/cases/order-input';
import { osloDateAndTime } from '../../../shared/dates';
import { isoInstant, type DeskId } from '../../../shared/ids';
import { orderReport, orderReportCsv } from '../../../shared/reports/orders';
import { caseSla } from '../../../shared/sla/case-sla';
import type { NewOrderResponse, OrderFormErrorResponse, OrderReportResponse } from '../../common/api-types';
import { authed, type TabContext } from '../context';
import { badRequest, forbidden, jsonBody, queryOf, sendJson } from '../http';
import { parseReportQuery, reportDesks } from './reports';
import type { Caller } from '../auth';
import type { Desk } from '../../../shared/desks/model';

/** How far back delivered orders are looked for (orders received earlier, delivered in the period). */
const DELIVERY_LOOKBACK_DAYS = 180;

export function createOrderHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const body = await jsonBody(req);
    const now = ctx.deps.now();
    const services = await ctx.deps.store.desks.listServices();
    const orgs = orderingOrgs(caller.access);
    const service = orderableFor(services, desks, orgs).find((s) => s.id === body.serviceId);
    if (!service) throw badRequest('serviceId', 'the service cannot be ordered here');
    const desk = desks.find((d) => d.id === service.deskId);
    const orgId = desk ? orderOrg(desk, orgs) : undefined;
    if (!desk || !orgId) throw badRequest('serviceId', 'the service has no desk to order from');
    const checklist = (
      typeof body.checklist === 'object' && body.checklist !== null ? body.checklist : {}
    ) as Record<string, unknown>;
    const fields = orderFieldErrors({ checklist, reporterRole: body.reporterRole }, service.order?.billing);
    const first = Object.keys(fields)[0];
    if (first) {
      const answer: OrderFormErrorResponse = {
        error: { code: 'VALIDATION', message: 'the order form has refused fields', field: first },
        fields,
      };
      sendJson(res, 400, answer);
      return;
    }
    const clientKey = typeof body.clientKey === 'string' ? body.clientKey : '';
    if (clientKey === '') throw badRequest('clientKey', 'clientKey is required');
    const fresh = openOrder(
      {
        deskId: desk.id,
        orgId,
        serviceId: service.id,
        checklist,
        reporterRole: body.reporterRole as ReporterRole,
        followers: [],
        clientKey,
      },
      { ...desk, service, now, reporter: { id: caller.principal.id, name: caller.name } },
    );
    const year = Number(osloDateAndTime(now).date.slice(0, 4));
    const result = await ctx.deps.changes.create(fresh, year, now);
    const c = result.case;
    const needsApproval = c.order?.needsApproval === true;
    const due = needsApproval ? undefined : caseSla(c, desk, now).resolution.dueAt;
    const answer: NewOrderResponse = {
      ref: c.ref,
      created: result.created,
      needsApproval,
      ...(due ? { expectedDeliveryAt: due.toISOString() } : {}),
    };
    sendJson(res, result.created ? 201 : 200, answer);
  });
}

async function buildOrderReport(
  ctx: TabContext,
  caller: Caller,
  desks: readonly Desk[],
  params: URLSearchParams,
) {
  const q = parseReportQuery(params, ctx.deps.now());
  const allowed = reportDesks(caller, desks);
  if (allowed.length === 0) throw forbidden('SLA reports are for report readers and desk members');
  const chosen = q.desk ? allowed.filter((d) => d.id === q.desk) : allowed;
  if (chosen.length === 0) throw forbidden(`no report access to desk '${q.desk}'`);
  const lookFrom = new Date(q.from.getTime() - DELIVERY_LOOKBACK_DAYS * 86_400_000);
  const cases = ctx.deps.store.cases.streamPeriod(
    chosen.map((d) => d.id as DeskId),
    isoInstant(lookFrom),
    isoInstant(q.to),
  );
  async function* wanted() {
    for await (const c of cases)
      if ((!q.service || c.serviceId === q.service) && (!q.org || c.orgId === q.org)) yield c;
  }
  const list = [];
  for await (const c of wanted()) if (c.kind === 'order') list.push(c);
  const report = orderReport({
    period: { from: q.from, to: q.to },
    now: ctx.deps.now(),
    cases: list,
    policies: Object.fromEntries(chosen.map((d) => [d.id, d])),
  });
  return { q, report };
}

export function orderReportHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const { report } = await buildOrderReport(ctx, caller, desks, queryOf(req));
    // The JSON has the figures; the CSV has the rows.
    const { rows: _rows, ...figures } = report;
    const body: OrderReportResponse = { report: figures };
    sendJson(res, 200, body);
  });
}

export function orderReportCsvHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const { q, report } = await buildOrderReport(ctx, caller, desks, queryOf(req));
    const services = await ctx.deps.store.desks.listServices();
    const orgs = await ctx.deps.store.desks.listOrganisations();
    const csv = orderReportCsv(report, q.lang, {
      service: (id) => services.find((s) => s.id === id)?.name ?? id,
      org: (id) => orgs.find((o) => o.id === id)?.name ?? id,
    });
    const bytes = Buffer.from(csv, 'utf8');
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': bytes.length,
      'Content-Disposition': `attachment; filename="bestillinger-${q.fromDate}-${q.toDate}.csv"`,
      'Cache-Control': 'no-store',
    });
    res.end(bytes);
  });
}
