/**
 * Universal Actions refresh: Teams asks for the card of one viewer (listed in the card's `refresh`).
 * A support line (desk member, the virksomhet's superbruker) gets the actions they may use and the
 * current time left; someone else who may see the case (reporter, follower) the same card without
 * actions; anyone who may not see it — in any chat, with any reference — exactly the card a made-up
 * reference gets, which says nothing about the case. Nothing changes.
 */
import { parseCaseRef } from '../../../shared/ids';
import { channelErrorCard } from '../../cards/channel/error-card';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { isSupportRole } from '../../../shared/access';
import { triageCardFor } from './case-card';
import { cardContext } from './desk-action';

export async function triageRefresh(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const ref = typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const seen = await turn.deps.changes.read(ref, turnActor(turn));
  if (!seen)
    return cardResult(
      channelErrorCard({ locale: turn.locale, message: turn.s.channel.errors.notFound(ref) }),
    );
  return cardResult(
    triageCardFor(seen.found.value, seen.desk, await cardContext(turn, seen.desk), {
      viewer: { id: turn.user.id, member: isSupportRole(seen.role) },
    }),
  );
}
