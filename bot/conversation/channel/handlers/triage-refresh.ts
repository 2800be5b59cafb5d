/**
 * Universal Actions refresh: Teams asks for the card of one viewer (listed in the card's `refresh`).
 * A desk member gets the actions they may use and the current time left; anyone else the same card
 * without actions. Nothing changes.
 */
import { parseCaseRef } from '../../../../shared/ids';
import { channelErrorCard } from '../../../cards/channel/error-card';
import { channelStrings } from '../../../cards/channel/strings';
import { cardResult, errorResult, type InvokeResult } from '../../invoke';
import type { Turn } from '../../turn';
import { triageCardFor } from '../case-card';
import { cardContext } from '../desk-action';

export async function triageRefresh(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const ref = typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const deskId = await turn.deps.store.cases.locate(ref);
  const desk = deskId ? turn.catalogue.desk(deskId) : undefined;
  const found = deskId && desk ? await turn.deps.store.cases.getForDesk(ref, deskId) : null;
  if (!desk || !found)
    return cardResult(
      channelErrorCard({ locale: turn.locale, message: channelStrings(turn.locale).errors.notFound(ref) }),
    );
  const member = turn.access.deskIds.includes(desk.id);
  return cardResult(
    triageCardFor(found.value, desk, cardContext(turn), { viewer: { id: turn.user.id, member } }),
  );
}
