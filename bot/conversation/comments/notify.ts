/**
 * The case conversation's proactive messages (issue 8), decided by the domain's `recipientsOf` and
 * written to the outbox in the same store call as the change:
 * - followers: every event `recipientsOf` names them for, in their 1:1 chats (`user:<id>`);
 * - the reporter: comments, proposed deadlines, billable, problem records (the status changes are
 *   `notify.ts`'s, unchanged);
 * - the desk: a reply in the case's triage thread (`case:<ref>:triage`) in its channel, for comments
 *   from the reporter or a follower, answers to a proposed deadline, a rejected solution;
 * - the forvalter of the service, for a technical fault when it is reported.
 * Ids derive from the case, the event and the recipient, so one event is never delivered twice. An
 * internal note is never among them for the reporter or a follower (`recipientsOf`), and the cards
 * carry only the text of the event itself.
 */
import { CardFactory } from 'botbuilder';
import { pendingProposal } from '../../../shared/cases/conversation';
import type { Case, CaseEvent, Person } from '../../../shared/cases/model';
import { recipientsOf } from '../../../shared/cases/recipients';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
import { isoInstant } from '../../../shared/ids';
import type { OutboxMessage, Store } from '../../../shared/ports';
import { computeSla } from '../../../shared/sla/state';
import { plainTextForCard } from '../../../shared/text';
import type { CardJson } from '../../cards/card';
import { caseUpdateCard } from '../../cards/case-update';
import { commentNoticeCard } from '../../cards/comment-notice';
import { deadlineProposalCard } from '../../cards/deadline-proposal';
import { formatDeadline, localeOf } from '../../i18n/locale';
import type { CatalogueSnapshot } from '../catalogue';
import { channelKey, triageThreadKey } from '../channel/keys';
import { userConversationKey } from '../turn';
import { conversationStrings } from './strings';

/** People the bot can write to: known by their Entra id (not a name typed into the form). */
export const addressable = (p: Person): boolean => !/^(name|email):/.test(p.id);

/** A person's language, from the stored reference of their chat with the bot; else Norwegian. */
async function localeOfUser(store: Store, id: string): Promise<Locale> {
  const ref = await store.conversations.get(userConversationKey(id));
  return localeOf(typeof ref?.locale === 'string' ? ref.locale : undefined);
}

const activity = (card: CardJson, summary: string): Record<string, unknown> => ({
  type: 'message',
  summary,
  attachments: [CardFactory.adaptiveCard(card)],
});

function commentText(e: Extract<CaseEvent, { type: 'comment' }>, c: Case, locale: Locale, forDesk = false) {
  return commentNoticeCard({
    locale,
    ref: c.ref,
    title: c.title,
    author: e.by.name,
    text: e.text,
    ...(e.addressee ? { addressee: e.addressee } : {}),
    forDesk,
  });
}

/** The card a follower gets for an event, or null when followers hear nothing of it. */
function followerCard(e: CaseEvent, c: Case, locale: Locale): CardJson | null {
  const s = conversationStrings(locale);
  const update = (message: string): CardJson => caseUpdateCard({ locale, ref: c.ref, message });
  switch (e.type) {
    case 'comment':
      return commentText(e, c, locale);
    case 'claimed':
    case 'assigned':
      return update(s.update.claimed(c.ref, plainTextForCard(e.assignee.name)));
    case 'waiting_started':
      return update(s.update.waiting(c.ref));
    case 'waiting_ended':
      return update(s.update.resumed(c.ref));
    case 'solved':
      return update(`${s.update.solved(c.ref)} ${plainTextForCard(e.solution)}`);
    case 'closed':
      return update(s.update.closed(c.ref));
    case 'solution_rejected':
      return update(s.update.rejected(c.ref));
    case 'deadline_proposed':
      return update(
        `${s.event.proposed(formatDeadline(new Date(e.dueAt), locale))} (${c.ref}): ${plainTextForCard(e.reason)}`,
      );
    case 'deadline_answered':
      return update(s.proposalAnswered(c.ref, e.accepted, formatDeadline(new Date(e.dueAt), locale)));
    case 'problem_linked':
      return update(s.problem(c.ref, plainTextForCard(e.problemId)));
    case 'followers_changed':
      return update(s.youFollow(c.ref, plainTextForCard(c.title)));
    default:
      return null;
  }
}

/** The card the reporter gets from this module (status changes are notify.ts's). */
function reporterCard(e: CaseEvent, c: Case, desk: Desk, locale: Locale): CardJson | null {
  const s = conversationStrings(locale);
  switch (e.type) {
    case 'comment':
      return commentText(e, c, locale);
    case 'deadline_proposed': {
      if (pendingProposal(c)?.id !== e.id) return null;
      const before = computeSla(
        { ...c, events: c.events.filter((x) => x.id !== e.id) },
        desk.policy,
        new Date(e.at),
      );
      return deadlineProposalCard({
        locale,
        ref: c.ref,
        title: c.title,
        proposalId: e.id,
        dueAt: new Date(e.dueAt),
        reason: e.reason,
        ...(before.resolution.dueAt ? { currentDueAt: before.resolution.dueAt } : {}),
      });
    }
    case 'billable_marked':
      return caseUpdateCard({ locale, ref: c.ref, message: s.billable(c.ref, plainTextForCard(e.reason)) });
    case 'problem_linked':
      return caseUpdateCard({ locale, ref: c.ref, message: s.problem(c.ref, plainTextForCard(e.problemId)) });
    default:
      return null;
  }
}

/** The desk's reply in the triage thread, or null. */
function deskCard(e: CaseEvent, c: Case): CardJson | null {
  const s = conversationStrings('nb');
  switch (e.type) {
    case 'comment':
      return commentText(e, c, 'nb', true);
    case 'deadline_answered':
      return caseUpdateCard({
        locale: 'nb',
        ref: c.ref,
        message:
          s.proposalAnswered(c.ref, e.accepted, formatDeadline(new Date(e.dueAt), 'nb')) +
          (e.comment ? ` ${plainTextForCard(e.comment)}` : ''),
      });
    case 'solution_rejected':
      return caseUpdateCard({
        locale: 'nb',
        ref: c.ref,
        message: `${s.update.rejected(c.ref)} ${plainTextForCard(e.comment)}`,
      });
    default:
      return null;
  }
}

export interface NotifyContext {
  store: Store;
  /** Only the service lookup is needed (the tab's API passes its own). */
  catalogue: Pick<CatalogueSnapshot, 'service'>;
  now: Date;
}

/** The outbox messages of the case conversation for `events` just applied to `c`. */
export async function conversationNotifications(
  ctx: NotifyContext,
  c: Case,
  events: CaseEvent[],
  desk: Desk,
): Promise<OutboxMessage[]> {
  const service = ctx.catalogue.service(c.serviceId);
  const out: OutboxMessage[] = [];
  const base = { deskId: c.deskId, caseRef: c.ref, createdAt: isoInstant(ctx.now) };
  for (const e of events) {
    const to = recipientsOf(e, c, service);
    const summary = `${c.ref}: ${c.title}`;
    if (to.reporter && addressable(c.reporter)) {
      const card = reporterCard(e, c, desk, await localeOfUser(ctx.store, c.reporter.id));
      if (card)
        out.push({
          ...base,
          id: `${c.ref}:${e.id}:conversation:reporter`,
          operation: 'post',
          conversationKey: userConversationKey(c.reporter.id),
          activity: activity(card, summary),
        });
    }
    for (const f of to.followers.filter(addressable)) {
      const card = followerCard(e, c, await localeOfUser(ctx.store, f.id));
      if (card)
        out.push({
          ...base,
          id: `${c.ref}:${e.id}:follower:${f.id}`,
          operation: 'post',
          conversationKey: userConversationKey(f.id),
          activity: activity(card, summary),
        });
    }
    if (to.desk && desk.triageChannel) {
      const card = deskCard(e, c);
      if (card)
        out.push({
          ...base,
          id: `${c.ref}:${e.id}:desk-reply`,
          operation: 'reply',
          conversationKey: channelKey(desk.triageChannel),
          threadKey: triageThreadKey(c.ref),
          activity: activity(card, summary),
        });
    }
  }
  return out;
}

/**
 * With a new case (synchronous: written in the creation's transaction): the forvalter of the service
 * for a technical fault, and each follower named on the form, in Norwegian.
 */
export function createdNotifications(c: Case, catalogue: CatalogueSnapshot, now: Date): OutboxMessage[] {
  const s = conversationStrings('nb');
  const service = catalogue.service(c.serviceId);
  const base = { deskId: c.deskId, caseRef: c.ref, createdAt: isoInstant(now), operation: 'post' as const };
  const out: OutboxMessage[] = [];
  for (const e of c.events) {
    const to = recipientsOf(e, c, service);
    if (to.administrator && addressable(to.administrator))
      out.push({
        ...base,
        id: `${c.ref}:${e.id}:administrator`,
        conversationKey: userConversationKey(to.administrator.id),
        activity: activity(
          caseUpdateCard({
            locale: 'nb',
            ref: c.ref,
            message: s.administratorTold(
              c.ref,
              plainTextForCard(c.title),
              plainTextForCard(service?.name ?? c.serviceId),
            ),
          }),
          `${c.ref}: ${c.title}`,
        ),
      });
    if (e.type === 'followers_changed')
      for (const f of to.followers.filter(addressable))
        out.push({
          ...base,
          id: `${c.ref}:${e.id}:follower:${f.id}`,
          conversationKey: userConversationKey(f.id),
          activity: activity(
            caseUpdateCard({
              locale: 'nb',
              ref: c.ref,
              message: s.youFollow(c.ref, plainTextForCard(c.title)),
            }),
            `${c.ref}: ${c.title}`,
          ),
        });
  }
  return out;
}
