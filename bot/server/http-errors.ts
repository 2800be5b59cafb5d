/**
 * Coded JSON errors for every HTTP answer that is not a success: `{ error: { code, message } }`.
 * Never an HTML page, never a stack trace.
 */
import type { Response } from 'restify';
import { isFristvaktError, type ErrorCode } from '../../shared/errors';

export type HttpErrorCode =
  ErrorCode | 'MALFORMED_BODY' | 'UNAUTHORIZED' | 'ROUTE_NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'INTERNAL';

/** An error a route handler throws to answer with a given status and code. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

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

export function sendError(res: Response, status: number, code: HttpErrorCode, message: string): void {
  if (res.headersSent) return;
  res.status(status);
  res.json({ error: { code, message } });
}

/** Answers a thrown error as coded JSON; unknown errors are logged and become a 500 without details. */
export function sendThrown(res: Response, err: unknown, log: (msg: string, err?: unknown) => void): void {
  if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message);
  if (isFristvaktError(err)) {
    const field = err.details.field;
    const message = field ? `${err.message} (${String(field)})` : err.message;
    if (err.code === 'STORE_UNAVAILABLE') log(`store unavailable: ${err.message}`, err);
    return sendError(res, STATUS_OF[err.code], err.code, message);
  }
  log('unexpected error', err);
  sendError(res, 500, 'INTERNAL', 'Internal error');
}
