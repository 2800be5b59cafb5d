/**
 * What the reporter hears proactively about their case: taken, waiting (on a supplier, with its case
 * number), resumed, solved (the solution card with accept/reject), closed without an answer. The
 * messages are outbox entries written in the same store call as the change (`updateCase`), addressed
 * to the reporter's 1:1 chat (`user:<id>`), in the language of their last conversation with the bot.
 * Events the reporter caused themselves are not echoed back.
 */
import { CardFactory } from 'botbuilder';
import type { Case, CaseEvent } from '../../shared/cases/model';
import type { Desk } from '../../shared/desks/model';
import type { Locale } from '../../shared/i18n-text';
import { isoInstant } from '../../shared/ids';
import type { OutboxMessage, Store } from '../../shared/ports';
import type { CardJson } from '../cards/card';
import { caseUpdateCard } from '../cards/case-update';
import { solutionCard } from '../cards/solution';
import { localeOf } from '../i18n/locale';
import { strings } from '../i18n/strings';
import { userConversationKey } from './turn';

function cardFor(e: CaseEvent, c: Case, desk: Desk, locale: Locale): CardJson | null {
  const s = strings(locale);
  const update = (message: string): CardJson => caseUpdateCard({ locale, ref: c.ref, message });
  switch (e.type) {
    case 'claimed':
    case 'assigned':
      return update(s.update.claimed(c.ref, e.assignee.name));
    case 'waiting_started':
      return e.reason === 'supplier'
        ? update(s.update.waitingSupplier(c.ref, e.supplierCaseNumber))
        : update(s.update.waitingOther(c.ref, s.waitReason[e.reason]));
    case 'waiting_ended':
      return update(s.update.resumed(c.ref));
    case 'solved':
      return solutionCard({
        locale,
        ref: c.ref,
        title: c.title,
        solution: e.solution,
        autoCloseWorkingDays: desk.autoCloseWorkingDays,
      });
    case 'closed':
      return e.reason === 'no_answer' ? update(s.update.autoClosed(c.ref)) : null;
    default:
      return null;
  }
}

/** The reporter's language: from the stored conversation reference of their chat, else Norwegian. */
export async function reporterLocale(store: Store, c: Case): Promise<Locale> {
  const ref = await store.conversations.get(userConversationKey(c.reporter.id));
  return localeOf(typeof ref?.locale === 'string' ? ref.locale : undefined);
}

export async function reporterNotifications(
  store: Store,
  c: Case,
  events: CaseEvent[],
  desk: Desk,
  now: Date,
): Promise<OutboxMessage[]> {
  if (!events.some((e) => !(e.by.kind === 'user' && e.by.id === c.reporter.id))) return [];
  return reporterNotificationsIn(await reporterLocale(store, c), c, events, desk, now);
}

/** The same, in a given language (for callers that cannot read the store first, e.g. the tab API). */
export function reporterNotificationsIn(
  locale: Locale,
  c: Case,
  events: CaseEvent[],
  desk: Desk,
  now: Date,
): OutboxMessage[] {
  const relevant = events.filter((e) => !(e.by.kind === 'user' && e.by.id === c.reporter.id));
  const messages: OutboxMessage[] = [];
  for (const e of relevant) {
    const card = cardFor(e, c, desk, locale);
    if (!card) continue;
    messages.push({
      id: `${c.ref}:${e.id}:reporter`,
      deskId: c.deskId,
      caseRef: c.ref,
      createdAt: isoInstant(now),
      operation: 'post',
      conversationKey: userConversationKey(c.reporter.id),
      activity: { type: 'message', attachments: [CardFactory.adaptiveCard(card)] },
    });
  }
  return messages;
}
