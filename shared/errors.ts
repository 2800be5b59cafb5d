/**
 * Typed, coded errors: the one catalogue of error codes and what each means on the wire. A user sees a
 * clear Norwegian message chosen by `code`; the log sees the code and the English message. Adapters
 * translate their own failures into these; the HTTP server, the tab's API and the card (invoke)
 * responses all answer with these codes and the status this catalogue gives them.
 */

/** Every error code, with the HTTP status it is answered with (and the invoke response's `statusCode`). */
export const ERROR_STATUS = {
  /** Bad input; `field` names it. */
  VALIDATION: 400,
  /** An SLA policy failed validation; `field` names it. */
  POLICY_INVALID: 400,
  /** The body is not what the endpoint takes (not JSON, not an activity, a card without its data). */
  MALFORMED_BODY: 400,
  /** A card verb, command or invoke the bot does not know. */
  UNKNOWN_ACTION: 400,
  /** No or an invalid token. */
  UNAUTHORIZED: 401,
  /** The caller may not do this. */
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  /** The request body did not arrive in time. */
  REQUEST_TIMEOUT: 408,
  /** The record changed since it was read (stale version / ETag). */
  CONFLICT: 409,
  /** A unique key is taken. */
  DUPLICATE: 409,
  /** The case lifecycle forbids it. */
  ILLEGAL_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** Too many requests from one caller (the supplier API's limit); `retryAfterSeconds` says when to retry. */
  RATE_LIMITED: 429,
  /** A body that is not JSON. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** A bug: logged with its cause, answered without details. */
  INTERNAL: 500,
  /** Teams (the Bot Connector at the activity's `serviceUrl`) could not be reached or refused a call. */
  CHANNEL_UNAVAILABLE: 502,
  /** The store failed for another reason; `cause` holds it. */
  STORE_UNAVAILABLE: 503,
  /** The identity provider (Entra ID, Bot Framework) could not be reached to check a token. */
  SIGN_IN_UNAVAILABLE: 503,
  /** The people directory (Microsoft Graph) could not be reached or refused the app's call. */
  DIRECTORY_UNAVAILABLE: 503,
  /** The part of the server that answers this request is starting again; retry after `Retry-After`. */
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, code);

export class FristvaktError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; cause?: unknown; [k: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'FristvaktError';
  }
}

export class ConflictError extends FristvaktError {
  constructor(message: string, details: { [k: string]: unknown } = {}) {
    super('CONFLICT', message, details);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends FristvaktError {
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'NotFoundError';
  }
}

export class ValidationError extends FristvaktError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super('VALIDATION', message, { field });
    this.name = 'ValidationError';
  }
}

export const isFristvaktError = (e: unknown, code?: ErrorCode): e is FristvaktError =>
  e instanceof FristvaktError && (code === undefined || e.code === code);

/** The JSON body of every error answer: `{ error: { code, message, field? } }`. Never a stack trace. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** What an error is answered with; `log` is set when the caller must log it (a server-side failure). */
export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  log?: 'error';
}

/**
 * The one mapping from a thrown value to its answer (HTTP status and coded body; the same for an
 * invoke response). A `FristvaktError` answers with its code's status and its message; anything else
 * is a bug: `INTERNAL`, 500, without details, to be logged with its cause. Server-side failures (5xx)
 * are flagged for the log; client errors are not.
 */
export function errorAnswer(err: unknown): ErrorAnswer {
  if (isFristvaktError(err)) {
    const status: number = ERROR_STATUS[err.code];
    const field = err.details.field;
    return {
      status,
      body: { error: { code: err.code, message: err.message, ...(field ? { field: String(field) } : {}) } },
      ...(status >= 500 ? { log: 'error' as const } : {}),
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error' } }, log: 'error' };
}

/**
 * The process's log, one shape everywhere: plain lines (an error's code first where there is one).
 * `bot/server/logger.ts` has the console and the silent implementation.
 */
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string, err?: unknown): void;
}
