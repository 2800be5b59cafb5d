/**
 * The invoke table, the one routing table of invoke activities (by `name`), beside the verb table
 * (`verbs.ts`) and the command table (`commands.ts`): each name has its handler and the answer it
 * gives when that handler fails (logged with its code by `bot.ts`). The `Record<InvokeName, …>` type
 * makes a name without a handler a compile error; an unknown name gets the catalogue's UNKNOWN_ACTION.
 *
 * - `adaptiveCard/action`: Universal Actions (`Action.Execute`), routed by verb;
 * - `task/fetch`, `task/submit`: Teams dialogs opened from a chat card (`teams/dialogs.ts`);
 * - `composeExtension/fetchTask`, `…/submitAction`, `…/query`: the message extension's commands
 *   (`teams/message-extension.ts`);
 * - `composeExtension/queryLink`: link unfurling (`teams/link-unfurl.ts`).
 */
import type { AppBasedLinkQuery } from 'botbuilder';
import { errorResult, invokeBody } from './invoke';
import type { Turn } from './turn';
import { routeVerb } from './verbs';
import { taskFetch, taskSubmit } from './teams/dialogs';
import { unfurlLink } from './teams/link-unfurl';
import { extensionFetchTask, extensionQuery, extensionSubmitAction } from './teams/message-extension';
import { dialogMessage, extensionMessage, extensionResult, type InvokeReply } from './teams/responses';

export const INVOKE_NAMES = {
  cardAction: 'adaptiveCard/action',
  taskFetch: 'task/fetch',
  taskSubmit: 'task/submit',
  extensionFetchTask: 'composeExtension/fetchTask',
  extensionSubmitAction: 'composeExtension/submitAction',
  extensionQuery: 'composeExtension/query',
  extensionQueryLink: 'composeExtension/queryLink',
} as const;
export type InvokeName = (typeof INVOKE_NAMES)[keyof typeof INVOKE_NAMES];

export interface InvokeRoute {
  handle(turn: Turn): Promise<InvokeReply>;
  /** The answer when `handle` throws. */
  failed(turn: Turn): InvokeReply;
}

async function cardAction(turn: Turn): Promise<InvokeReply> {
  const value = (turn.context.activity.value ?? {}) as { action?: { verb?: unknown; data?: unknown } };
  const data = value.action?.data;
  const dataObject =
    typeof data === 'object' && data !== null && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  return invokeBody(await routeVerb(turn, value.action?.verb, dataObject));
}

const dialogFailed = (turn: Turn): InvokeReply => dialogMessage(turn.s.errors.generic);

export const INVOKE_HANDLERS: Record<InvokeName, InvokeRoute> = {
  [INVOKE_NAMES.cardAction]: {
    handle: cardAction,
    failed: (turn) => invokeBody(errorResult(500, 'InternalError', turn.s.errors.generic)),
  },
  [INVOKE_NAMES.taskFetch]: { handle: taskFetch, failed: dialogFailed },
  [INVOKE_NAMES.taskSubmit]: { handle: taskSubmit, failed: dialogFailed },
  [INVOKE_NAMES.extensionFetchTask]: { handle: extensionFetchTask, failed: dialogFailed },
  [INVOKE_NAMES.extensionSubmitAction]: { handle: extensionSubmitAction, failed: dialogFailed },
  [INVOKE_NAMES.extensionQuery]: {
    handle: extensionQuery,
    failed: (turn) => extensionMessage(turn.s.errors.generic),
  },
  [INVOKE_NAMES.extensionQueryLink]: {
    handle: (turn) => unfurlLink(turn, (turn.context.activity.value ?? {}) as AppBasedLinkQuery),
    // A link that cannot be unfurled stays a plain link.
    failed: () => extensionResult([]),
  },
};

/** The route of an invoke name; undefined when the bot does not take it. */
export function invokeRoute(name: unknown): InvokeRoute | undefined {
  return typeof name === 'string' && Object.hasOwn(INVOKE_HANDLERS, name)
    ? INVOKE_HANDLERS[name as InvokeName]
    : undefined;
}

/** The answer to an invoke the bot does not take. */
export const unsupportedInvoke = (name: unknown): InvokeReply =>
  invokeBody(errorResult(400, 'UnsupportedInvoke', `unsupported invoke: ${String(name).slice(0, 60)}`));
