/**
 * `POST /api/messages`: the Bot Framework endpoint. Authenticates the request itself (so that every
 * authentication failure, including the connector library's own crashes on a bad signature, answers
 * 401 and never 500), then runs the turn on the CloudAdapter. Invoke responses come back in the body.
 */
import type { Request, Response } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { FristvaktAdapter } from './adapter';
import { ConnectorCache } from './connector-cache';
import { sendError, sendThrown } from './http-errors';
import type { Logger } from './logger';

export interface MessagesDeps {
  adapter: FristvaktAdapter;
  auth: BotFrameworkAuthentication;
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
}

function isActivity(body: unknown): body is Activity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const a = body as Record<string, unknown>;
  return typeof a.type === 'string' && a.type.length > 0 && typeof a.serviceUrl === 'string';
}

export function messagesHandler(deps: MessagesDeps): (req: Request, res: Response) => Promise<void> {
  const connectors = new ConnectorCache();
  return async (req, res) => {
    const body: unknown = req.body;
    if (!isActivity(body)) {
      sendError(
        res,
        400,
        'MALFORMED_BODY',
        'The body must be a Bot Framework activity (JSON with type and serviceUrl)',
      );
      return;
    }
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' ? header : '';
    let authResult;
    try {
      authResult = await deps.auth.authenticateRequest(body, authHeader);
    } catch (err) {
      deps.log.warn(`auth rejected: ${(err as Error).message?.split('\n')[0] ?? String(err)}`);
      sendError(res, 401, 'UNAUTHORIZED', 'Missing or invalid Bot Framework token');
      return;
    }
    try {
      const invoke = await deps.adapter.runAuthenticatedTurn(connectors.wrap(authResult), body, deps.logic);
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (err) {
      sendThrown(res, err, (m, e) => deps.log.error(`turn failed: ${m}`, e));
    }
  };
}
