/**
 * The tab's API: every route on one screen. The bot server mounts these (`bot/server/routes.ts`).
 * All but `GET /api/dev/users` and `GET /api/dev/sign-in` need the Teams SSO token (or the development
 * sign-in where it is on).
 */
import type { RouteDef } from '../../shared/app/http-route';
import { devSignInStatus } from './auth';
import { createContext, open, type TabApiDeps } from './context';
import { sendJson } from './http';
import { actionHandler } from './handlers/actions';
import { caseEventsHandler } from './handlers/events';
import { changeCommentHandler, commentHandler } from './handlers/comments';
import { attachmentHandler, getCaseHandler, listCasesHandler } from './handlers/cases';
import { policyMoveRoutes } from './handlers/admin/policy-move';
import { adminRoutes } from './handlers/admin/routes';
import { supplierAdminRoutes } from './handlers/admin/suppliers';
import { supplierRoutes } from './suppliers/routes';
import { createCatalogue } from '../../shared/app/catalogue';
import { devUsersHandler, meHandler } from './handlers/me';
import { changeNoticeHandler, createNoticeHandler, listNoticesHandler } from './handlers/notices';
import { reportCsvHandler, reportHandler } from './handlers/reports';
import { billableReportCsvHandler, billableReportHandler } from './handlers/billable';
import { createOrderHandler, orderReportCsvHandler, orderReportHandler } from './handlers/orders';

export type { TabApiDeps } from './context';
export type { TabAuthSettings } from './auth';

export function tabRoutes(deps: TabApiDeps): RouteDef[] {
  const ctx = createContext(deps);
  return [
    { method: 'get', path: '/api/me', name: 'tab.me', handler: meHandler(ctx) },
    { method: 'get', path: '/api/dev/users', name: 'tab.dev.users', handler: devUsersHandler(ctx) },
    {
      method: 'get',
      path: '/api/dev/sign-in',
      name: 'tab.dev.sign-in',
      handler: open(ctx, async (_req, res) => sendJson(res, 200, devSignInStatus(ctx.deps.auth))),
    },
    { method: 'get', path: '/api/cases', name: 'tab.cases.list', handler: listCasesHandler(ctx) },
    // The live stream of changes to cases the caller may see (Server-Sent Events).
    ...(deps.feed
      ? [
          {
            method: 'get' as const,
            path: '/api/cases/events',
            name: 'tab.cases.events',
            handler: caseEventsHandler(ctx, deps.feed),
          },
        ]
      : []),
    { method: 'get', path: '/api/cases/:ref', name: 'tab.cases.get', handler: getCaseHandler(ctx) },
    { method: 'post', path: '/api/cases/:ref/actions', name: 'tab.cases.act', handler: actionHandler(ctx) },
    // A comment (or, for the support lines, an internal note) from the tab.
    {
      method: 'post',
      path: '/api/cases/:ref/comments',
      name: 'tab.cases.comment',
      handler: commentHandler(ctx),
    },
    {
      method: 'patch',
      path: '/api/cases/:ref/comments/:id',
      name: 'tab.cases.comment.edit',
      handler: changeCommentHandler(ctx, 'edit'),
    },
    {
      method: 'del',
      path: '/api/cases/:ref/comments/:id',
      name: 'tab.cases.comment.delete',
      handler: changeCommentHandler(ctx, 'delete'),
    },
    {
      method: 'get',
      path: '/api/cases/:ref/attachments/:id',
      name: 'tab.cases.attachment',
      handler: attachmentHandler(ctx),
    },
    { method: 'get', path: '/api/reports/sla', name: 'tab.reports.sla', handler: reportHandler(ctx) },
    { method: 'get', path: '/api/reports/sla.csv', name: 'tab.reports.csv', handler: reportCsvHandler(ctx) },
    {
      method: 'get',
      path: '/api/reports/billable',
      name: 'tab.reports.billable',
      handler: billableReportHandler(ctx),
    },
    {
      method: 'get',
      path: '/api/reports/billable.csv',
      name: 'tab.reports.billable.csv',
      handler: billableReportCsvHandler(ctx),
    },
    { method: 'get', path: '/api/notices', name: 'tab.notices.list', handler: listNoticesHandler(ctx) },
    { method: 'post', path: '/api/notices', name: 'tab.notices.create', handler: createNoticeHandler(ctx) },
    {
      method: 'post',
      path: '/api/notices/:id/update',
      name: 'tab.notices.update',
      handler: changeNoticeHandler(ctx, 'update'),
    },
    {
      method: 'post',
      path: '/api/notices/:id/resolve',
      name: 'tab.notices.resolve',
      handler: changeNoticeHandler(ctx, 'resolve'),
    },
    // Orders: "Bestill" from the catalogue, and the report's order figures.
    { method: 'post', path: '/api/orders', name: 'tab.orders.create', handler: createOrderHandler(ctx) },
    {
      method: 'get',
      path: '/api/reports/orders',
      name: 'tab.reports.orders',
      handler: orderReportHandler(ctx),
    },
    {
      method: 'get',
      path: '/api/reports/orders.csv',
      name: 'tab.reports.orders.csv',
      handler: orderReportCsvHandler(ctx),
    },
    ...adminRoutes(ctx, deps.catalogue),
    ...policyMoveRoutes(ctx),
    ...supplierAdminRoutes(ctx, deps.catalogue),
    // The supplier API (operations suppliers' systems, not the tab): `/api/suppliers/v1/…`.
    ...supplierRoutes(ctx, { catalogue: deps.catalogue ?? createCatalogue(deps.store) }),
  ];
}
