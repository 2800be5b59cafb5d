/**
 * Every Teams message a driftsmelding causes, for the channel's cards and the tab alike: posted to
 * each chosen notice channel when published; on an update or "Løst" every copy edited in place with a
 * reply under it; on "Løst" the reporter of each still-open linked case told, in their language.
 */
import type { Catalogue } from '../../shared/app/catalogue';
import { userLocale } from '../../shared/app/locales';
import { userConversationKey } from '../../shared/conversation-keys';
import { formatDateTime } from '../../shared/dates';
import { isoInstant } from '../../shared/ids';
import type { Notice } from '../../shared/notices/model';
import type { OutboxMessage, Store } from '../../shared/ports';
import { CardFactory } from 'botbuilder';
import { caseUpdateCard } from '../cards/case-update';
import { strings } from '../i18n/strings';
import { changeMessages, publishMessages } from '../conversation/channel/notices';

/** A notice published (from the channel form or the tab): one post per chosen channel. */
export async function noticePublishedMessages(n: Notice, catalogue: Catalogue): Promise<OutboxMessage[]> {
  const snapshot = await catalogue.get();
  const desk = snapshot.desk(n.deskId);
  return desk ? publishMessages(n, desk, snapshot) : [];
}

/** "Løst": a note to the reporter of each linked case that is still open, in their language. */
export async function noticeResolvedReporterMessages(
  store: Pick<Store, 'cases' | 'conversations'>,
  n: Notice,
  now: Date,
): Promise<OutboxMessage[]> {
  const out: OutboxMessage[] = [];
  for (const ref of n.linkedCaseRefs) {
    const c = await store.cases.getForDesk(ref, n.deskId);
    if (!c || c.value.status === 'closed') continue;
    const locale = await userLocale(store, c.value.reporter.id);
    const card = caseUpdateCard({
      locale,
      ref,
      message: strings(locale).channel.notice.reporterResolved(ref, n.title),
    });
    out.push({
      id: `notice:${n.id}:resolved:${ref}:reporter`,
      deskId: n.deskId,
      caseRef: ref,
      noticeId: n.id,
      createdAt: isoInstant(now),
      operation: 'post',
      conversationKey: userConversationKey(c.value.reporter.id),
      activity: { type: 'message', summary: n.title, attachments: [CardFactory.adaptiveCard(card)] },
    });
  }
  return out;
}

/** An update or "Løst" by `by` at `at`: every copy edited, a reply under each, and on "Løst" the reporters. */
export async function noticeChangedMessages(
  store: Pick<Store, 'cases' | 'conversations'>,
  catalogue: Catalogue,
  n: Notice,
  change: { kind: 'update' | 'resolve'; by: { name: string }; at: Date },
): Promise<OutboxMessage[]> {
  const snapshot = await catalogue.get();
  const desk = snapshot.desk(n.deskId);
  if (!desk) return [];
  const s = strings('nb').channel.notice;
  const when = formatDateTime(change.at, 'nb');
  const reply =
    change.kind === 'resolve'
      ? s.resolvedReply(change.by.name, when)
      : s.updatedReply(change.by.name, when, n.text);
  return [
    ...changeMessages(n, desk, snapshot, reply),
    ...(change.kind === 'resolve' ? await noticeResolvedReporterMessages(store, n, change.at) : []),
  ];
}
