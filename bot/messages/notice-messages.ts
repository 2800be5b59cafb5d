/**
 * Every Teams message a driftsmelding causes, for the channel's cards and the tab alike: posted to
 * each chosen notice channel when published (`notice:<id>:<channelKey>`); on an update or "Løst"
 * every copy edited in place with a reply under it; on "Løst" the reporter of each still-open linked
 * case told, in their language. Ids derive from the notice and its `updatedAt`, so nothing is sent
 * twice.
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
import type { CatalogueSnapshot } from '../../shared/app/catalogue';
import { noticeThreadKey } from '../../shared/conversation-keys';
import type { Desk } from '../../shared/desks/model';
import type { CardJson } from '../cards/card';
import { noticeCard } from '../cards/channel/notice-card';
import { noticeCardData } from '../conversation/channel/notices';

const activityOf = (card: CardJson, summary: string): Record<string, unknown> => ({
  type: 'message',
  summary,
  attachments: [CardFactory.adaptiveCard(card)],
});

/** The posted copies: one new message per chosen channel. */
export function publishMessages(n: Notice, desk: Desk, catalogue: CatalogueSnapshot): OutboxMessage[] {
  const card = noticeCard(noticeCardData(n, desk, catalogue, 'nb', true));
  return (n.channelKeys ?? []).map((key) => ({
    id: `notice:${n.id}:${key}:post`,
    deskId: n.deskId,
    noticeId: n.id,
    createdAt: n.updatedAt,
    operation: 'post',
    conversationKey: key,
    threadKey: noticeThreadKey(n.id, key),
    activity: activityOf(card, n.title),
  }));
}

/** After an update or "Løst": every copy edited in place, and a reply under each. */
function changeMessages(n: Notice, desk: Desk, catalogue: CatalogueSnapshot, reply: string): OutboxMessage[] {
  const card = noticeCard(noticeCardData(n, desk, catalogue, 'nb', true));
  return (n.channelKeys ?? []).flatMap((key): OutboxMessage[] => {
    const base = {
      deskId: n.deskId,
      noticeId: n.id,
      createdAt: n.updatedAt,
      conversationKey: key,
      threadKey: noticeThreadKey(n.id, key),
    };
    return [
      {
        ...base,
        id: `notice:${n.id}:${n.updatedAt}:${key}:update`,
        operation: 'update',
        activity: activityOf(card, n.title),
      },
      {
        ...base,
        id: `notice:${n.id}:${n.updatedAt}:${key}:reply`,
        operation: 'reply',
        activity: { type: 'message', text: reply },
      },
    ];
  });
}

/** A notice published (from the channel form or the tab): one post per chosen channel. */
export async function noticePublishedMessages(n: Notice, catalogue: Catalogue): Promise<OutboxMessage[]> {
  const snapshot = await catalogue.get();
  const desk = snapshot.desk(n.deskId);
  return desk ? publishMessages(n, desk, snapshot) : [];
}

/** "Løst": a note to the reporter of each linked case that is still open, in their language. */
async function noticeResolvedReporterMessages(
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
      activity: activityOf(card, n.title),
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
