/**
 * Coded JSON errors for every HTTP answer of the bot server that is not a success:
 * `{ error: { code, message, field? } }` with the status of `shared/errors.ts`'s catalogue. Never an
 * HTML page, never a stack trace.
 */
import type { Response } from 'restify';
import { ERROR_STATUS, errorAnswer, FristvaktError, type ErrorCode, type Logger } from '../../shared/errors';

/** Answers `code` with its catalogue status. */
export function sendError(res: Response, code: ErrorCode, message: string): void {
  if (res.headersSent) return;
  res.status(ERROR_STATUS[code]);
  res.json({ error: { code, message } });
}

/** Answers a thrown error as coded JSON; server-side failures are logged (with `what` first). */
export function sendThrown(res: Response, err: unknown, log: Logger, what: string): void {
  const answer = errorAnswer(err);
  if (answer.log) log.error(`${what}: ${answer.body.error.code}: ${describe(err)}`, err);
  if (res.headersSent) return;
  res.status(answer.status);
  res.json(answer.body);
}

/** One line about an error for the log: its message's first line, never a multi-line dump. */
export function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message.split('\n')[0] ?? '').slice(0, 300);
}

/** An error a route handler throws to answer with a given code. */
export const httpError = (code: ErrorCode, message: string): FristvaktError =>
  new FristvaktError(code, message);
