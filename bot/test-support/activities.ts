/**
 * Real Bot Framework activities as Teams sends them to a bot in a personal (1:1) chat: messages,
 * `adaptiveCard/action` invokes, the install `conversationUpdate`. Tests post them to the endpoint.
 */
import { randomUUID } from 'node:crypto';

export interface TestUser {
  /** Entra object id. */
  aadObjectId: string;
  name: string;
  locale?: string;
}

export const BOT_ACCOUNT = { id: '28:fristvakt-bot', name: 'Fristvakt' };

function base(user: TestUser, serviceUrl: string): Record<string, unknown> {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: user.locale ?? 'nb-NO',
    from: { id: `29:${user.aadObjectId}`, name: user.name, aadObjectId: user.aadObjectId },
    recipient: BOT_ACCOUNT,
    conversation: {
      id: `a:personal-${user.aadObjectId}`,
      conversationType: 'personal',
      tenantId: 'tenant-1',
    },
    channelData: { tenant: { id: 'tenant-1' } },
  };
}

export function messageActivity(
  user: TestUser,
  serviceUrl: string,
  text: string,
  attachments?: Array<Record<string, unknown>>,
): Record<string, unknown> {
  return { ...base(user, serviceUrl), type: 'message', text, ...(attachments ? { attachments } : {}) };
}

export function invokeActivity(
  user: TestUser,
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return {
    ...base(user, serviceUrl),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export function installActivity(user: TestUser, serviceUrl: string): Record<string, unknown> {
  return {
    ...base(user, serviceUrl),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ACCOUNT.id }, { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId }],
  };
}

/**
 * Teams' own invokes, shaped as Teams sends them (Microsoft Teams platform docs, "Create and send
 * dialogs", "Respond to the dialog submit action", "Search commands", "Link unfurling"). `conversation`
 * replaces the personal chat (a group chat or a channel thread).
 */
export interface TeamsInvokeOptions {
  conversation?: Record<string, unknown>;
  /** Where the command was used: `channelData.source.name` (compose, message, commandbox). */
  source?: string;
}

function teamsInvoke(
  user: TestUser,
  serviceUrl: string,
  name: string,
  value: Record<string, unknown>,
  options: TeamsInvokeOptions = {},
): Record<string, unknown> {
  const b = base(user, serviceUrl);
  return {
    ...b,
    type: 'invoke',
    name,
    value,
    ...(options.conversation ? { conversation: options.conversation } : {}),
    channelData: {
      ...(b.channelData as Record<string, unknown>),
      ...(options.source ? { source: { name: options.source } } : {}),
    },
    entities: [{ type: 'clientInfo', locale: user.locale ?? 'nb-NO', country: 'NO', platform: 'Web' }],
  };
}

/** A Teams group chat with `id`. */
export const groupChat = (id = '19:group-1@thread.v2'): Record<string, unknown> => ({
  id,
  conversationType: 'groupChat',
  isGroup: true,
  tenantId: 'tenant-1',
});

/** The message a message action runs on (`value.messagePayload`). */
export function teamsMessagePayload(m: {
  id?: string;
  html: string;
  author: { aadObjectId: string; name: string };
  createdDateTime: string;
}): Record<string, unknown> {
  return {
    id: m.id ?? '1772530000000',
    replyToId: null,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: null,
    deleted: false,
    summary: null,
    importance: 'normal',
    locale: 'nb-no',
    linkToMessage: `https://teams.microsoft.com/l/message/19:group-1@thread.v2/${m.id ?? '1772530000000'}`,
    body: { contentType: 'html', content: m.html },
    from: {
      device: null,
      conversation: null,
      user: { userIdentityType: 'aadUser', id: m.author.aadObjectId, displayName: m.author.name },
      application: null,
    },
    reactions: [],
    mentions: [],
    attachments: [],
  };
}

function extensionAction(
  name: 'composeExtension/fetchTask' | 'composeExtension/submitAction',
  user: TestUser,
  serviceUrl: string,
  value: Record<string, unknown>,
  messagePayload: Record<string, unknown> | undefined,
  options: TeamsInvokeOptions,
): Record<string, unknown> {
  const context = messagePayload ? 'message' : 'compose';
  return teamsInvoke(
    user,
    serviceUrl,
    name,
    {
      ...value,
      commandContext: context,
      ...(messagePayload ? { messagePayload } : {}),
      context: { theme: 'default' },
    },
    { source: context, ...options },
  );
}

/** `composeExtension/fetchTask`: an action command opens its dialog (`messagePayload` on a message). */
export const extensionFetchTaskActivity = (
  user: TestUser,
  serviceUrl: string,
  commandId: string,
  messagePayload?: Record<string, unknown>,
  options: TeamsInvokeOptions = {},
): Record<string, unknown> =>
  extensionAction(
    'composeExtension/fetchTask',
    user,
    serviceUrl,
    { commandId, requestId: randomUUID().replace(/-/g, '') },
    messagePayload,
    options,
  );

/** `composeExtension/submitAction`: the dialog's `Action.Submit`, its data merged with the inputs. */
export const extensionSubmitActionActivity = (
  user: TestUser,
  serviceUrl: string,
  commandId: string,
  data: Record<string, unknown>,
  messagePayload?: Record<string, unknown>,
  options: TeamsInvokeOptions = {},
): Record<string, unknown> =>
  extensionAction(
    'composeExtension/submitAction',
    user,
    serviceUrl,
    { commandId, data },
    messagePayload,
    options,
  );

/** `task/fetch`: an `Action.Submit` with `msteams.type = task/fetch` was clicked (its data as sent). */
export function taskFetchActivity(
  user: TestUser,
  serviceUrl: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return teamsInvoke(user, serviceUrl, 'task/fetch', {
    type: 'task/fetch',
    data,
    context: { theme: 'default' },
  });
}

/** `task/submit`: a dialog's `Action.Submit`, its data merged with the inputs. */
export function taskSubmitActivity(
  user: TestUser,
  serviceUrl: string,
  data: Record<string, unknown>,
): Record<string, unknown> {
  return teamsInvoke(user, serviceUrl, 'task/submit', {
    type: 'task/submit',
    data,
    context: { theme: 'default' },
  });
}

/** `composeExtension/query`: a search command (`initialRun` when the user opened it without typing). */
export function extensionQueryActivity(
  user: TestUser,
  serviceUrl: string,
  commandId: string,
  parameters: Array<{ name: string; value: string }>,
  queryOptions: { skip: number; count: number } = { skip: 0, count: 25 },
): Record<string, unknown> {
  return teamsInvoke(
    user,
    serviceUrl,
    'composeExtension/query',
    { commandId, parameters, queryOptions },
    { source: 'compose' },
  );
}

/** `composeExtension/queryLink`: a link on one of the app's domains was pasted in the compose box. */
export function queryLinkActivity(
  user: TestUser,
  serviceUrl: string,
  url: string,
  options: TeamsInvokeOptions = {},
): Record<string, unknown> {
  return teamsInvoke(
    user,
    serviceUrl,
    'composeExtension/queryLink',
    { url },
    { source: 'compose', ...options },
  );
}
