/**
 * The surfaces of an instance by its role (FRISTVAKT_ROLE, `bot/config.ts`): which routes of the whole
 * table it mounts. `all` mounts everything; `chat` everything but the supplier API, whose paths answer
 * 404 naming the reason (the supplier calls the supplier API's own address); `supplier-api` only the
 * supplier API and /healthz, so suppliers' traffic runs on machines of its own and cannot take chat's
 * CPU (or, within one process, on a thread of its own). Unmounted paths get the server's ordinary 404
 * (`ROUTE_NOT_FOUND`).
 */
import type { RouteDef } from '../../shared/app/http-route';
import type { AppRole } from '../config';
import { SUPPLIER_API as SUPPLIER_API_PREFIX } from '../../tab/api/suppliers/routes';
import { sendError } from './http-errors';

const HEALTH_PATH = '/healthz';

const isSupplierApi = (path: string): boolean =>
  path === SUPPLIER_API_PREFIX || path.startsWith(`${SUPPLIER_API_PREFIX}/`);

const METHODS: RouteDef['method'][] = ['get', 'post', 'put', 'patch', 'del'];

/** One handler for every method on every path of the supplier API. */
const everySupplierPath = (name: string, extra: Omit<RouteDef, 'method' | 'path' | 'name'>): RouteDef[] =>
  METHODS.map((method) => ({
    method,
    path: `${SUPPLIER_API_PREFIX}/*`,
    name: `suppliers.${name}.${method}`,
    ...extra,
  }));

/** A `chat` instance's answer to a supplier request: 404, saying where the API is served. */
const notServedHere = (): RouteDef[] =>
  everySupplierPath('not-here', {
    handler: async (_req, res) =>
      sendError(
        res,
        'ROUTE_NOT_FOUND',
        'The supplier API is not served by this instance (FRISTVAKT_ROLE=chat); use the supplier API’s own address',
      ),
  });

/**
 * The routes an instance with `role` mounts, in the table's order. With `supplierApiProxy` (role `all`
 * with the supplier API in a thread of its own: `../supplier-api-thread.ts`) the supplier API's paths
 * are forwarded to it, their bodies unread, instead of served here.
 */
export function routesForRole(
  role: AppRole,
  table: RouteDef[],
  supplierApiProxy?: RouteDef['handler'],
): RouteDef[] {
  switch (role) {
    case 'all':
      if (!supplierApiProxy) return table;
      return [
        ...table.filter((r) => !isSupplierApi(r.path)),
        ...everySupplierPath('thread', { streamsBody: true, handler: supplierApiProxy }),
      ];
    case 'chat':
      return [...table.filter((r) => !isSupplierApi(r.path)), ...notServedHere()];
    case 'supplier-api':
      return table.filter((r) => r.path === HEALTH_PATH || isSupplierApi(r.path));
  }
}
