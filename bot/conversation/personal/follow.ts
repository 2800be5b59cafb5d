/** Following a case yourself: `følg <ref>` / `slutt å følge <ref>` in chat and the Følg / Slutt å følge buttons. */
import { parseCaseRef } from '../../../shared/ids';
import type { CardJson } from '../../cards/card';
import { messageCard } from '../../cards/message';
import { cardResult, type InvokeResult } from '../invoke';
import { type Turn } from '../turn';
import { act } from './case-conversation';

async function followCommand(turn: Turn, arg: string, follow: boolean): Promise<CardJson> {
  const s = turn.s.conversation;
  const ref = parseCaseRef(arg);
  if (!ref) return messageCard({ text: s.followUsage });
  const outcome = await act(turn, ref, (c) => {
    if (c.reporter.id === turn.user.id) return s.reporterCannotFollow;
    const following = c.followers.some((f) => f.id === turn.user.id);
    if (follow && following) return s.alreadyFollowing(ref);
    if (!follow && !following) return s.notFollowing(ref);
    return { type: follow ? 'follow' : 'unfollow' };
  });
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: follow ? s.following(ref) : s.unfollowed(ref), tone: 'good' });
}

export const followCommandHandler = (turn: Turn, arg: string): Promise<CardJson> =>
  followCommand(turn, arg, true);

export const unfollowCommandHandler = (turn: Turn, arg: string): Promise<CardJson> =>
  followCommand(turn, arg, false);

export async function caseFollow(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  return cardResult(await followCommand(turn, typeof data.ref === 'string' ? data.ref : '', true));
}

export async function caseUnfollow(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  return cardResult(await followCommand(turn, typeof data.ref === 'string' ? data.ref : '', false));
}
