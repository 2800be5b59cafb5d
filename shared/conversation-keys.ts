/**
 * How conversations and posted messages are named in the store and the outbox: a user's 1:1 chat
 * (`user:<id>`), a Teams channel (`channel:<teamId>:<channelId>`, the key the outbox sender
 * resolves), a case's triage thread (`case:<ref>:triage`) and each posted copy of a driftsmelding
 * (`notice:<id>:<channelKey>`). Pure: the bot, the tab API and the change service all name them here.
 */
import type { ChannelRef } from './desks/model';

export const userConversationKey = (id: string): string => `user:${id}`;
export const channelKey = (ch: Pick<ChannelRef, 'teamId' | 'channelId'>): string =>
  `channel:${ch.teamId}:${ch.channelId}`;
export const triageThreadKey = (ref: string): string => `case:${ref}:triage`;
export const noticeThreadKey = (id: string, chKey: string): string => `notice:${id}:${chKey}`;

/** The outbox id of the message that starts the triage thread of a case. */
export const triagePostId = (ref: string): string => `${ref}:triage`;

/**
 * The outbox id of the post that starts the thread `threadKey`, when the key says (a case's triage
 * thread, a notice's copy in a channel); undefined for other keys.
 */
export function threadPostId(threadKey: string): string | undefined {
  const triage = /^case:(.+):triage$/.exec(threadKey);
  if (triage) return triagePostId(triage[1]!);
  if (threadKey.startsWith('notice:')) return `${threadKey}:post`;
  return undefined;
}
