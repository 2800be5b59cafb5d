/**
 * Small HTTP helpers of the tab's API: coded JSON errors (`{ error: { code, message, field? } }` with
 * the status of `shared/errors.ts`'s catalogue, the same as the bot server's), query and body reading.
 * Handlers never let an error escape to restify.
 */
import type { Request, Response } from 'restify';
import { errorAnswer, FristvaktError, type Logger } from '../../shared/errors';

export const unauthorized = (why: string): FristvaktError => new FristvaktError('UNAUTHORIZED', why);
export const forbidden = (why: string): FristvaktError => new FristvaktError('FORBIDDEN', why);
export const notFound = (what = 'Not found'): FristvaktError => new FristvaktError('NOT_FOUND', what);
export const badRequest = (field: string, why: string): FristvaktError =>
  new FristvaktError('VALIDATION', why, { field });
/** The identity provider could not be reached to check a token (503, not 401: the token may be fine). */
export const signInUnavailable = (why: string, cause?: unknown): FristvaktError =>
  new FristvaktError('SIGN_IN_UNAVAILABLE', why, { cause });

export function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** Answers a thrown error with its code's status (`shared/errors.ts`); server-side failures are logged. */
export function sendFailure(res: Response, err: unknown, log: Logger): void {
  const answer = errorAnswer(err);
  if (answer.log) {
    const cause = err instanceof Error ? err.message.split('\n')[0] : String(err);
    log.error(`${answer.body.error.code}: ${cause}`, err);
  }
  if (res.headersSent) return;
  sendJson(res, answer.status, answer.body);
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
