/**
 * Small HTTP helpers of the tab's API: coded JSON errors (`{ error: { code, message, field? } }`, the
 * same shape as the bot server's), query and body reading, and the wrapper that turns a thrown error
 * into its status. Handlers never let an error escape to restify.
 */
import type { Request, Response } from 'restify';
import { isFristvaktError, type ErrorCode } from '../../shared/errors';

export type TabErrorCode = ErrorCode | 'UNAUTHORIZED' | 'INTERNAL';

export class TabHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: TabErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'TabHttpError';
  }
}

export const unauthorized = (why: string): TabHttpError => new TabHttpError(401, 'UNAUTHORIZED', why);
export const forbidden = (why: string): TabHttpError => new TabHttpError(403, 'FORBIDDEN', why);
export const notFound = (what = 'Not found'): TabHttpError => new TabHttpError(404, 'NOT_FOUND', what);
export const badRequest = (field: string, why: string): TabHttpError =>
  new TabHttpError(400, 'VALIDATION', why, { field });

const STATUS_OF: Record<ErrorCode, number> = {
  CONFLICT: 409,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  VALIDATION: 400,
  ILLEGAL_TRANSITION: 409,
  FORBIDDEN: 403,
  POLICY_INVALID: 400,
  STORE_UNAVAILABLE: 503,
};

export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export type Logger = (message: string, err?: unknown) => void;

export function sendFailure(res: Response, err: unknown, log: Logger): void {
  if (res.headersSent) return;
  if (err instanceof TabHttpError)
    return sendJson(res, err.status, { error: { code: err.code, message: err.message, ...err.extra } });
  if (isFristvaktError(err)) {
    const field = err.details.field;
    if (err.code === 'STORE_UNAVAILABLE') log(`store unavailable: ${err.message}`, err);
    return sendJson(res, STATUS_OF[err.code], {
      error: { code: err.code, message: err.message, ...(field ? { field: String(field) } : {}) },
    });
  }
  log('unexpected error', err);
  sendJson(res, 500, { error: { code: 'INTERNAL', message: 'Internal error' } });
}

/** The request's query string, whatever plugins the server runs. */
export function queryOf(req: Request): URLSearchParams {
  const url = req.url ?? '';
  const i = url.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : url.slice(i + 1));
}

export function paramOf(req: Request, name: string): string {
  const v = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

const MAX_BODY = 256 * 1024;

/** The JSON body: as parsed by restify's bodyParser, or read from the stream when none ran. */
export async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  let body: unknown = (req as { body?: unknown }).body;
  if (body === undefined) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) throw badRequest('body', 'the body is too large');
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    if (text.trim() === '') body = {};
    else
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        throw badRequest('body', 'the body is not valid JSON');
      }
  } else if (typeof body === 'string' || Buffer.isBuffer(body)) {
    try {
      body = JSON.parse(body.toString()) as unknown;
    } catch {
      throw badRequest('body', 'the body is not valid JSON');
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw badRequest('body', 'the body must be a JSON object');
  return body as Record<string, unknown>;
}
