/**
 * The restify server: JSON body parsing, the route table, and coded JSON errors for everything that
 * goes wrong (malformed body → 400, unknown route → 404, thrown errors → their code; never HTML).
 */
import restify, { type Server } from 'restify';
import type { RouteDef } from './route-def';
import { sendThrown } from './http-errors';
import type { Logger } from './logger';

/** restify's own errors (body parser, router) carry these names. */
const RESTIFY_CODES: Record<string, string> = {
  InvalidContent: 'MALFORMED_BODY',
  BadRequest: 'MALFORMED_BODY',
  UnsupportedMediaType: 'MALFORMED_BODY',
  PayloadTooLarge: 'MALFORMED_BODY',
  ResourceNotFound: 'ROUTE_NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
};

interface RestifyError extends Error {
  statusCode?: number;
  body?: { code?: string; message?: string };
  toJSON?: () => unknown;
}

export function createServer(routeTable: RouteDef[], log: Logger, maxBodyBytes = 1024 * 1024): Server {
  const server = restify.createServer({ name: 'fristvakt', handleUncaughtExceptions: false });
  server.use(
    restify.plugins.bodyParser({ mapParams: false, maxBodySize: maxBodyBytes, rejectUnknown: true }),
  );
  server.on('restifyError', (_req: unknown, _res: unknown, err: RestifyError, cb: () => void) => {
    const restifyCode = err.body?.code ?? err.name;
    const code = RESTIFY_CODES[restifyCode] ?? 'INTERNAL';
    const status = err.statusCode ?? 500;
    if (status >= 500) log.error(`unhandled server error`, err);
    const message = status >= 500 ? 'Internal error' : (err.body?.message ?? err.message);
    err.toJSON = () => ({ error: { code, message } });
    cb();
  });
  for (const route of routeTable) {
    server[route.method]({ path: route.path, name: route.name }, async (req, res) => {
      try {
        await route.handler(req, res);
      } catch (err) {
        sendThrown(res, err, (m, e) => log.error(`${route.name}: ${m}`, e));
      }
    });
  }
  return server;
}
