/**
 * The Teams channel an activity came from (`conversationType: 'channel'`, with the team and channel in
 * `channelData`), as the desk stores it, and the conversation reference to post new threads with.
 */
import { TurnContext, type Activity } from 'botbuilder';
import type { ChannelRef, Desk } from '../../../shared/desks/model';
import type { ConversationReferenceJson } from '../../../shared/ports';
import { channelKey } from '../../../shared/conversation-keys';

interface TeamsChannelData {
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
  tenant?: { id?: string };
}

export function channelOf(a: Activity): ChannelRef | null {
  if (a.conversation?.conversationType !== 'channel') return null;
  const data = (a.channelData ?? {}) as TeamsChannelData;
  const teamId = data.team?.id;
  const channelId = data.channel?.id ?? a.conversation.id.split(';messageid=')[0];
  if (!teamId || !channelId) return null;
  const tenantId = data.tenant?.id ?? a.conversation.tenantId;
  const name = data.channel?.name;
  return {
    teamId,
    channelId,
    serviceUrl: a.serviceUrl,
    ...(tenantId ? { tenantId } : {}),
    ...(name ? { name } : {}),
  };
}

/** The reference that starts new threads in the channel: the channel's conversation, no message id. */
export function channelReference(a: Activity, ch: ChannelRef): ConversationReferenceJson {
  const ref = TurnContext.getConversationReference(a);
  return {
    ...ref,
    activityId: undefined,
    conversation: { ...ref.conversation, id: ch.channelId, isGroup: true, conversationType: 'channel' },
  } as unknown as ConversationReferenceJson;
}

/** The desk whose triage or notice channel this is, if any (triage first). */
export function deskOfChannel(
  desks: readonly Desk[],
  ch: Pick<ChannelRef, 'teamId' | 'channelId'>,
): Desk | undefined {
  const key = channelKey(ch);
  return (
    desks.find((d) => d.triageChannel && channelKey(d.triageChannel) === key) ??
    desks.find((d) => d.noticeChannels.some((n) => channelKey(n) === key))
  );
}
