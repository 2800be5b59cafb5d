/**
 * The Bot Framework calls the sender makes, through botbuilder's own path: `continueConversationAsync`
 * on the CloudAdapter gives a turn whose `ConnectorClient` (authenticated as the bot in production,
 * anonymous without an app id) creates threads, sends, replies and updates.
 *
 * The SDK's pipeline retries 429 and 5xx by itself (up to 3 times). The sender owns retries instead,
 * because only it can pause every send after a 429 and persist the next attempt, so that policy is
 * removed from each client it uses.
 */
import type {
  Activity,
  CloudAdapterBase,
  ConversationParameters,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

/** What `ConnectorClient` keeps behind a private field: the `@azure/core-client` service client. */
interface WithPipeline {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

export function withoutSdkRetries(client: ConnectorClient): ConnectorClient {
  (client as unknown as WithPipeline).client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
}

export interface Posted {
  conversationId: string;
  activityId: string;
}

export interface ConnectorOps {
  /** A new thread in a Teams channel: `POST /v3/conversations` with the channel in `channelData`. */
  createThread(
    reference: Partial<ConversationReference>,
    channel: { channelId: string; tenantId?: string },
    activity: Partial<Activity>,
  ): Promise<Posted>;
  /** A new message in a conversation (a 1:1 chat, or an existing thread's conversation id). */
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<Posted>;
  /** A reply to `activityId` in `conversationId` (a channel thread). */
  reply(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<Posted>;
  /** Replaces `activityId` in place. */
  update(
    reference: Partial<ConversationReference>,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<void>;
}

/**
 * Runs `fn` with the turn's ConnectorClient. Errors are carried out of the turn by hand: an adapter
 * with an `onTurnError` handler would otherwise swallow them and a failed send would look delivered.
 */
async function withClient<T>(
  adapter: CloudAdapterBase,
  botAppId: string,
  reference: Partial<ConversationReference>,
  fn: (client: ConnectorClient, context: TurnContext) => Promise<T>,
): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await adapter.continueConversationAsync(botAppId, reference, async (context) => {
    try {
      const client = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
      outcome = { ok: true, value: await fn(withoutSdkRetries(client), context) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  if (!outcome) throw new Error('the adapter did not run the proactive turn');
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export function botConnector(adapter: CloudAdapterBase, botAppId: string): ConnectorOps {
  return {
    createThread(reference, channel, activity) {
      return withClient(adapter, botAppId, reference, async (client) => {
        const params: ConversationParameters = {
          isGroup: true,
          bot: reference.bot ?? { id: botAppId, name: 'Fristvakt' },
          members: [],
          topicName: '',
          activity: activity as Activity,
          channelData: {
            channel: { id: channel.channelId },
            ...(channel.tenantId ? { tenant: { id: channel.tenantId } } : {}),
          },
          ...(channel.tenantId ? { tenantId: channel.tenantId } : {}),
        };
        const res = await client.conversations.createConversation(params);
        if (!res.id || !res.activityId) throw new Error('createConversation returned no id or activityId');
        return { conversationId: res.id, activityId: res.activityId };
      });
    },
    send(reference, activity) {
      return withClient(adapter, botAppId, reference, async (client, context) => {
        const conversationId = context.activity.conversation.id;
        const res = await client.conversations.sendToConversation(conversationId, activity as Activity);
        return { conversationId, activityId: res.id };
      });
    },
    reply(reference, activityId, activity) {
      return withClient(adapter, botAppId, reference, async (client, context) => {
        const conversationId = context.activity.conversation.id;
        const res = await client.conversations.replyToActivity(conversationId, activityId, {
          ...activity,
          replyToId: activityId,
        } as Activity);
        return { conversationId, activityId: res.id };
      });
    },
    update(reference, activityId, activity) {
      return withClient(adapter, botAppId, reference, async (client, context) => {
        const conversationId = context.activity.conversation.id;
        await client.conversations.updateActivity(conversationId, activityId, {
          ...activity,
          id: activityId,
        } as Activity);
      });
    },
  };
}
