/**
 * What a card-verb handler answers: a card that replaces the one the user acted on, or an error. An
 * error carries a code of the one catalogue (`shared/errors.ts`), and its `statusCode` is that code's
 * status, exactly as the HTTP API answers the same code.
 */
import { ERROR_STATUS, isErrorCode, type ErrorCode } from '../../shared/errors';
import type { CardJson } from '../cards/card';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/card';

export type InvokeResult =
  { card: CardJson } | { error: { status: number; code: ErrorCode; message: string } };

/** The invoke error names used before the catalogue, and the catalogue's code for each. */
const OLDER_NAMES: Record<string, ErrorCode> = {
  BadRequest: 'MALFORMED_BODY',
  UnknownVerb: 'UNKNOWN_ACTION',
  UnsupportedInvoke: 'UNKNOWN_ACTION',
  NoDesk: 'INTERNAL',
  InternalError: 'INTERNAL',
};

export const cardResult = (card: CardJson): InvokeResult => ({ card });

/** An error answer with a catalogue code; its status is the catalogue's. */
export const invokeError = (code: ErrorCode, message: string): InvokeResult => ({
  error: { status: ERROR_STATUS[code], code, message },
});

/**
 * The older form, still callable: `status` is only a fallback for a name the catalogue does not know;
 * a catalogue code (or an older name of one) answers with the catalogue's status.
 */
export const errorResult = (
  status: 400 | 403 | 404 | 409 | 500,
  code: string,
  message: string,
): InvokeResult => {
  const known = isErrorCode(code) ? code : OLDER_NAMES[code];
  if (known) return invokeError(known, message);
  return { error: { status, code: status >= 500 ? 'INTERNAL' : 'MALFORMED_BODY', message } };
};

/** The `adaptiveCard/action` invoke response body (Universal Actions). */
export function invokeBody(result: InvokeResult): { status: number; body: Record<string, unknown> } {
  if ('card' in result)
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.card } };
  return {
    status: 200,
    body: {
      statusCode: result.error.status,
      type: 'application/vnd.microsoft.error',
      value: { code: result.error.code, message: result.error.message },
    },
  };
}
