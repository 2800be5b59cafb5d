/**
 * Typed, coded errors. A user sees a clear Norwegian message chosen by `code`; the log sees the code
 * and the English message. Adapters translate their own failures into these.
 */
export type ErrorCode =
  | 'CONFLICT' // the record changed since it was read (stale version / ETag)
  | 'NOT_FOUND'
  | 'DUPLICATE' // a unique key is taken
  | 'VALIDATION' // bad input; `field` names it
  | 'ILLEGAL_TRANSITION' // the case lifecycle forbids it
  | 'FORBIDDEN' // the caller may not do this
  | 'POLICY_INVALID' // an SLA policy failed validation; `field` names it
  | 'STORE_UNAVAILABLE'; // the store failed for another reason; `cause` holds it

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
