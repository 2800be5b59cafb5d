/** What a card-verb handler answers: a card that replaces the one the user acted on, or an error. */
import type { CardJson } from '../cards/card';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/card';

export type InvokeResult =
  { card: CardJson } | { error: { status: 400 | 403 | 404 | 409 | 500; code: string; message: string } };

export const cardResult = (card: CardJson): InvokeResult => ({ card });
export const errorResult = (
  status: 400 | 403 | 404 | 409 | 500,
  code: string,
  message: string,
): InvokeResult => ({
  error: { status, code, message },
});

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
