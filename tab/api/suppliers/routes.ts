/**
 * The supplier API, `/api/suppliers/v1/…` (its contract: `openapi.ts`, served as JSON). Every route
 * but the document authenticates the supplier, takes a token from its bucket (429 with Retry-After;
 * one limit for all instances on the store: `rate-limit.ts`),
 * checks the body against the document's schema (400 naming the field; the server's body reader gives
 * 413 and malformed JSON 400) and goes through the supplier service (`shared/app/suppliers.ts`) and so
 * the one change service. A case the supplier does not hold is 404, exactly as one that does not exist.
 */
import type { Request, Response } from 'restify';
import type { RouteDef } from '../../../shared/app/http-route';
import { createSupplierCases, type IncidentInput, type SupplierUpdate } from '../../../shared/app/suppliers';
import type { Catalogue } from '../../../shared/app/catalogue';
import { isFristvaktError } from '../../../shared/errors';
import { parseCaseRef } from '../../../shared/ids';
import type { Supplier } from '../../../shared/suppliers/model';
import { createTokenVerifier } from '../auth';
import type { TabContext } from '../context';
import { jsonBody, notFound, paramOf, sendFailure, sendJson } from '../http';
import { createSupplierAuthenticator } from './auth';
import { checkBody, OPENAPI } from './openapi';
import { createBulkhead, createSharedRateLimiter, type RateLimit } from './rate-limit';

export const SUPPLIER_API = '/api/suppliers/v1';

export interface SupplierApiOptions {
  catalogue: Catalogue;
  rateLimit?: RateLimit;
  /** How many of one supplier's requests are worked at once (default 2; the rest wait their turn). */
  concurrent?: number;
}

export function supplierRoutes(ctx: TabContext, options: SupplierApiOptions): RouteDef[] {
  const { deps } = ctx;
  const service = createSupplierCases({ changes: deps.changes, catalogue: options.catalogue });
  const authenticate = createSupplierAuthenticator(
    options.catalogue,
    deps.auth.jwksUrl ? createTokenVerifier(deps.auth) : undefined,
    deps.auth.tenantId,
  );
  // One limit for all instances on the store (each shares its use about once a second).
  const limiter = createSharedRateLimiter(options.rateLimit, {
    leases: deps.store.leases,
    onError: (err) => ctx.log.warn(`supplier rate limit: sharing the use failed (${String(err)})`),
  });
  const bulkhead = createBulkhead(options.concurrent);

  const route = (
    method: RouteDef['method'],
    path: string,
    name: string,
    fn: (req: Request, res: Response, supplier: Supplier) => Promise<void>,
  ): RouteDef => ({
    method,
    path: `${SUPPLIER_API}${path}`,
    name: `suppliers.${name}`,
    handler: async (req, res) => {
      try {
        const supplier = await authenticate(req);
        limiter.take(supplier.id, deps.now().getTime());
        await bulkhead.run(supplier.id, () => fn(req, res, supplier));
      } catch (err) {
        if (isFristvaktError(err, 'RATE_LIMITED'))
          res.setHeader('Retry-After', String(err.details.retryAfterSeconds ?? 1));
        sendFailure(res, err, ctx.log);
      }
    },
  });
  const refOf = (req: Request) => {
    const ref = parseCaseRef(paramOf(req, 'reference'));
    if (!ref) throw notFound('no such case');
    return ref;
  };
  // The server's body reader has parsed it (413, malformed JSON 400); a bare server leaves it to us.
  const bodyOf = async (req: Request): Promise<unknown> =>
    (req as { body?: unknown }).body ?? (await jsonBody(req));

  return [
    {
      method: 'get',
      path: `${SUPPLIER_API}/openapi.json`,
      name: 'suppliers.openapi',
      handler: async (_req, res) => sendJson(res, 200, OPENAPI),
    },
    route('post', '/incidents', 'incidents.report', async (req, res, supplier) => {
      const input = checkBody<IncidentInput>('Incident', await bodyOf(req));
      const { view, created } = await service.reportIncident(supplier, input, deps.now());
      sendJson(res, created ? 201 : 200, view);
    }),
    route('get', '/cases/:reference', 'cases.get', async (req, res, supplier) =>
      sendJson(res, 200, await service.get(supplier, refOf(req))),
    ),
    route('post', '/cases/:reference/updates', 'cases.update', async (req, res, supplier) => {
      const update = checkBody<SupplierUpdate>('Update', await bodyOf(req));
      // A solved incident's notices are resolved by the change service's follow-ups, as on every path.
      sendJson(res, 200, await service.update(supplier, refOf(req), update, deps.now()));
    }),
  ];
}
