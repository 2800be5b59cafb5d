/**
 * How the channel flow names things in the store and the outbox: a Teams channel's conversation key
 * (`channel:<teamId>:<channelId>`, the same key the outbox sender resolves), the case's triage thread
 * (`case:<ref>:triage`) and each posted copy of a driftsmelding (`notice:<id>:<channelKey>`).
 */
import type { ChannelRef } from '../../../shared/desks/model';

export const channelKey = (ch: Pick<ChannelRef, 'teamId' | 'channelId'>): string =>
  `channel:${ch.teamId}:${ch.channelId}`;
export const triageThreadKey = (ref: string): string => `case:${ref}:triage`;
export const noticeThreadKey = (id: string, chKey: string): string => `notice:${id}:${chKey}`;
