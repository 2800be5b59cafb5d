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
