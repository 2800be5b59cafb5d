/**
 * The restify server: the JSON body reader, the route table, and coded JSON errors for everything that
 * goes wrong (never HTML, never a stack trace). The body reader is the server's one parser:
 * - a request without a body (no Content-Length or 0, not chunked) is passed on untouched, whatever
 *   its Content-Type (a DELETE from a browser sends none);
 * - a body must be JSON (`application/json` or `application/*+json`): anything else is 415;
 * - a body larger than `maxBodyBytes` is 413; one that is not valid JSON is 400;
 * - a body that has not fully arrived `bodyTimeoutMs` after its headers is 408 and the connection is
 *   closed (a slow sender cannot hold the server's sockets);
 * - a route that `streamsBody` (the supplier API's proxy) gets its body unread, as a stream.
 */
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { RouteDef } from '../../shared/app/http-route';
import { sendError, sendThrown } from './http-errors';
import { ERROR_STATUS, type ErrorCode } from '../../shared/errors';
import type { Logger } from './logger';

export interface ServerLimits {
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  /** How long a request body may take to arrive after its headers, in milliseconds. */
  bodyTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = { maxBodyBytes: 1024 * 1024, bodyTimeoutMs: 30_000 };

/** The limits a server built here runs with (tests check the real server's). */
const limitsOf = new WeakMap<Server, ServerLimits>();
export const serverLimits = (server: Server): ServerLimits | undefined => limitsOf.get(server);

/** restify's own errors (router, method) carry these names. */
const RESTIFY_CODES: Record<string, ErrorCode> = {
  InvalidContent: 'MALFORMED_BODY',
  BadRequest: 'MALFORMED_BODY',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  RequestTimeout: 'REQUEST_TIMEOUT',
  ResourceNotFound: 'ROUTE_NOT_FOUND',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
};

interface RestifyError extends Error {
  statusCode?: number;
  body?: { code?: string; message?: string };
  toJSON?: () => unknown;
}

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Whether the request carries a body at all. */
export function hasBody(req: Request): boolean {
  if (header(req, 'transfer-encoding') !== undefined) return true;
  const length = header(req, 'content-length');
  return length !== undefined && Number(length) > 0;
}

function isJson(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/** Why a body is refused. */
export interface BodyRefusal {
  code: ErrorCode;
  message: string;
}

export const tooLarge = (limits: ServerLimits): BodyRefusal => ({
  code: 'PAYLOAD_TOO_LARGE',
  message: `The body is larger than ${limits.maxBodyBytes} bytes`,
});

/** Why a request's body is refused from its headers alone (not JSON, too large), if it is. */
export function refusedByHeaders(req: Request, limits: ServerLimits): BodyRefusal | undefined {
  if (!isJson(header(req, 'content-type')))
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'The body must be JSON (Content-Type: application/json)',
    };
  if (Number(header(req, 'content-length') ?? 0) > limits.maxBodyBytes) return tooLarge(limits);
  return undefined;
}

/** Answers a refused body and closes the connection once the answer is out, so an unread body is not waited for. */
export function refuseBody(req: Request, res: Response, refusal: BodyRefusal): void {
  res.setHeader('Connection', 'close');
  sendError(res, refusal.code, refusal.message);
  res.once('finish', () => req.destroy());
}

/**
 * Reads a JSON body into `req.body` under the limits; answers the request itself when it must refuse it.
 * Routes named in `streaming` read their bodies themselves (`RouteDef.streamsBody`).
 */
function jsonBodyReader(limits: ServerLimits, streaming: ReadonlySet<string>) {
  return (req: Request, res: Response, next: Next): void => {
    if (!hasBody(req) || streaming.has(req.getRoute()?.name ?? '')) return next();
    const refuse = (refusal: BodyRefusal): void => {
      refuseBody(req, res, refusal);
      next(false);
    };
    const refused = refusedByHeaders(req, limits);
    if (refused) return refuse(refused);

    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      req.removeListener('data', onData);
      return true;
    };
    const timer = setTimeout(() => {
      if (settle())
        refuse({
          code: 'REQUEST_TIMEOUT',
          message: `The body did not arrive within ${limits.bodyTimeoutMs / 1000} s`,
        });
    }, limits.bodyTimeoutMs);
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        if (settle()) refuse(tooLarge(limits));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (!settle()) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return next();
      try {
        (req as { body?: unknown }).body = JSON.parse(text) as unknown;
      } catch {
        sendError(res, 'MALFORMED_BODY', 'The body is not valid JSON');
        return next(false);
      }
      next();
    });
    // The client went away: nothing to answer.
    req.once('error', () => settle());
    req.once('close', () => {
      if (settle()) next(false);
    });
  };
}

export function createServer(
  routeTable: RouteDef[],
  log: Logger,
  limits: ServerLimits = DEFAULT_LIMITS,
): Server {
  const server = restify.createServer({ name: 'fristvakt', handleUncaughtExceptions: false });
  limitsOf.set(server, limits);
  server.use(jsonBodyReader(limits, new Set(routeTable.filter((r) => r.streamsBody).map((r) => r.name))));
  server.on('restifyError', (_req: unknown, _res: unknown, err: RestifyError, cb: () => void) => {
    const status = err.statusCode ?? 500;
    const code = RESTIFY_CODES[err.body?.code ?? err.name] ?? (status >= 500 ? 'INTERNAL' : 'MALFORMED_BODY');
    if (code === 'INTERNAL') log.error(`unhandled server error`, err);
    const message = code === 'INTERNAL' ? 'Internal error' : (err.body?.message ?? err.message);
    err.statusCode = ERROR_STATUS[code];
    err.toJSON = () => ({ error: { code, message } });
    cb();
  });
  for (const route of routeTable) {
    server[route.method]({ path: route.path, name: route.name }, async (req, res) => {
      try {
        await route.handler(req, res);
      } catch (err) {
        sendThrown(res, err, log, route.name);
      }
    });
  }
  return server;
}
