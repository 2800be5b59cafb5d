/**
 * Changing a published notice (update, "Løst"): desk members only; a card older than the notice's last
 * change does not act (it shows the notice as it is now); the change is written conditionally on the
 * version read, with the edits of every posted copy and a reply under each in the same store call.
 */
import type { Desk } from '../../../shared/desks/model';
import { isFristvaktError } from '../../../shared/errors';
import { noticeId } from '../../../shared/ids';
import type { Notice } from '../../../shared/notices/model';
import type { OutboxMessage } from '../../../shared/ports';
import { channelErrorCard } from '../../cards/channel/error-card';
import { noticeCard } from '../../cards/channel/notice-card';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { noticeCardData, noticeCardVersion } from './notices';
import { memberDesk } from './notice-publish';

export interface NoticeChange {
  /** The changed notice, or a message for the viewer. */
  apply: (n: Notice) => Notice | { invalid: string };
  outbox: (next: Notice, desk: Desk) => Promise<OutboxMessage[]>;
}

export async function changeNotice(
  turn: Turn,
  data: Record<string, unknown>,
  change: NoticeChange,
): Promise<InvokeResult> {
  const member = memberDesk(turn, data);
  if ('answer' in member) return member.answer;
  const { desk } = member;
  const s = turn.s.channel;
  if (typeof data.id !== 'string') return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const found = await turn.deps.store.notices.get(noticeId(data.id), desk.id);
  if (!found) return cardResult(channelErrorCard({ locale: turn.locale, message: s.notice.notFound }));
  const show = (n: Notice, banner?: { text: string; tone: 'good' | 'warning' | 'attention' }) =>
    cardResult(noticeCard(noticeCardData(n, desk, turn.catalogue, turn.locale, true, banner)));
  if (typeof data.version === 'string' && data.version !== noticeCardVersion(found.value))
    return show(found.value, { text: s.errors.changedMeanwhile, tone: 'warning' });
  if (found.value.status === 'resolved')
    return show(found.value, { text: s.notice.alreadyResolved, tone: 'warning' });
  const next = change.apply(found.value);
  if ('invalid' in next) return show(found.value, { text: next.invalid, tone: 'attention' });
  try {
    const stored = await turn.deps.store.notices.update(next, found.version, await change.outbox(next, desk));
    return show(stored.value);
  } catch (err) {
    if (!isFristvaktError(err, 'CONFLICT')) throw err;
    const now = await turn.deps.store.notices.get(found.value.id, desk.id);
    return show(now?.value ?? found.value, { text: s.errors.changedMeanwhile, tone: 'warning' });
  }
}
