/**
 * `POST /api/messages`: the Bot Framework endpoint. Checks that the body is an activity it can answer
 * (400 otherwise), authenticates the request itself (so that every authentication failure, including
 * the connector library's own crashes on a bad signature, answers 401 and never 500; an identity
 * provider that cannot be reached answers 503), then runs the turn on the CloudAdapter. Invoke
 * responses come back in the body.
 *
 * A turn whose answer could not reach Teams (the activity's `serviceUrl` unreachable, or the
 * connector refused the call) is logged and acknowledged with 200: the activity was taken, and Bot
 * Framework expects no error for it. Nothing but a coded JSON error ever reaches the caller.
 */
import type { Request, Response } from 'restify';
import type { Activity, TurnContext } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from '../../shared/errors';
import { isChannelFailure, type FristvaktAdapter } from './adapter';
import { ConnectorCache } from './connector-cache';
import { describe, sendError, sendThrown } from './http-errors';

export interface MessagesDeps {
  adapter: FristvaktAdapter;
  auth: BotFrameworkAuthentication;
  logic: (context: TurnContext) => Promise<void>;
  log: Logger;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const hasId = (v: unknown): boolean => isObject(v) && typeof v.id === 'string' && v.id.length > 0;

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    const { protocol } = new URL(v);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** Why `body` is not an activity this endpoint can answer; null when it is one. */
export function activityProblem(body: unknown): string | null {
  if (!isObject(body)) return 'The body must be a Bot Framework activity (a JSON object)';
  if (typeof body.type !== 'string' || body.type === '') return 'The activity has no type';
  if (!isHttpUrl(body.serviceUrl)) return 'The activity has no serviceUrl (an http(s) URL)';
  for (const field of ['conversation', 'from', 'recipient'])
    if (!hasId(body[field])) return `The activity has no ${field} (an object with an id)`;
  return shapeProblem(body);
}

/** The activity schema's types for the fields the bot reads: present fields must have them. */
const STRING_FIELDS = ['id', 'channelId', 'text', 'locale', 'name', 'textFormat', 'timestamp', 'replyToId'];
const ACCOUNT_STRING_FIELDS = ['name', 'aadObjectId', 'role', 'conversationType', 'tenantId'];

function shapeProblem(a: Record<string, unknown>): string | null {
  for (const f of STRING_FIELDS)
    if (a[f] !== undefined && a[f] !== null && typeof a[f] !== 'string')
      return `The activity's ${f} must be a string`;
  for (const account of ['conversation', 'from', 'recipient']) {
    const o = a[account] as Record<string, unknown>;
    for (const f of ACCOUNT_STRING_FIELDS)
      if (o[f] !== undefined && o[f] !== null && typeof o[f] !== 'string')
        return `The activity's ${account}.${f} must be a string`;
  }
  for (const f of ['attachments', 'membersAdded', 'membersRemoved', 'entities']) {
    const v = a[f];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || !v.every(isObject)) return `The activity's ${f} must be a list of objects`;
  }
  for (const m of [...((a.membersAdded as unknown[]) ?? []), ...((a.membersRemoved as unknown[]) ?? [])])
    if (!hasId(m)) return 'Every member added or removed must have an id';
  for (const att of (a.attachments as Array<Record<string, unknown>>) ?? [])
    for (const f of ['contentType', 'contentUrl', 'name'])
      if (att[f] !== undefined && att[f] !== null && typeof att[f] !== 'string')
        return `An attachment's ${f} must be a string`;
  if (a.channelData !== undefined && a.channelData !== null && !isObject(a.channelData))
    return "The activity's channelData must be an object";
  return null;
}

/** Errors of the token check that mean "could not check" (metadata or keys unreachable), not "bad token". */
function isSignInUnavailable(err: unknown): boolean {
  const text = `${(err as { code?: unknown })?.code ?? ''} ${err instanceof Error ? err.message : String(err)}`;
  return /Failed to load openID config|Failed to load Keys|fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|socket hang up|network/i.test(
    text,
  );
}

export function messagesHandler(deps: MessagesDeps): (req: Request, res: Response) => Promise<void> {
  const connectors = new ConnectorCache();
  return async (req, res) => {
    const body: unknown = req.body;
    const problem = activityProblem(body);
    if (problem !== null) {
      sendError(res, 'MALFORMED_BODY', problem);
      return;
    }
    const activity = body as Activity;
    const header = req.headers.authorization;
    const authHeader = typeof header === 'string' ? header : '';
    let authResult;
    try {
      authResult = await deps.auth.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (authHeader !== '' && isSignInUnavailable(err)) {
        deps.log.error(
          `bot sign-in unavailable: the Bot Framework's OpenID metadata or keys could not be fetched (${describe(err)}); answering 503`,
        );
        sendError(res, 'SIGN_IN_UNAVAILABLE', 'The token could not be checked now; try again later');
        return;
      }
      // One line, never the library's dump (which can hold the signing key).
      deps.log.warn(
        `auth rejected: ${describe(err)
          .replace(/-----BEGIN[\s\S]*/, '')
          .slice(0, 200)}`,
      );
      sendError(res, 'UNAUTHORIZED', 'Missing or invalid Bot Framework token');
      return;
    }
    try {
      const invoke = await deps.adapter.runAuthenticatedTurn(
        connectors.wrap(authResult),
        activity,
        deps.logic,
      );
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (err) {
      if (isChannelFailure(err)) {
        deps.log.error(
          `CHANNEL_UNAVAILABLE: the ${activity.type} activity was taken, but its answer could not reach ${String(activity.serviceUrl).slice(0, 200)}: ${describe(err)}`,
        );
        if (!res.headersSent) {
          res.status(200);
          res.end();
        }
        return;
      }
      sendThrown(res, err, deps.log, 'turn failed');
    }
  };
}
