/**
 * Every Teams message a case change causes, built from the events alone (the change service,
 * `shared/app/case-changes.ts`, decides whom to tell and in which language, and writes these with the
 * change in one store call):
 *
 * - the desk's triage thread: the case card posted when the case is created, updated in place after
 *   every change, a one-line reply saying who did what (or, for what the reporter or a follower
 *   wrote, the text itself as a card in the thread);
 * - the reporter: status changes (taken, waiting, resumed, solved with the answer card, closed
 *   without an answer), comments, a proposed deadline to answer, billable, a problem record;
 * - each follower: the same news in short, in their own language;
 * - the service's forvalter: a technical fault when it is reported;
 * - the operations supplier holding the case: signed webhooks, or the e-mail to copy (supplier-messages.ts).
 *
 * Ids derive from the case, the event and the recipient, so one event is never delivered twice. An
 * internal note never reaches the reporter or a follower (`recipientsOf`), and the cards carry only
 * the text of the event itself.
 */
import { CardFactory } from 'botbuilder';
import { criticalIncidentAlert } from './incident-alert';
import type { CaseMessages, ChangeContext } from '../../shared/app/case-changes';
import { pendingProposal } from '../../shared/cases/conversation';
import type { Case, CaseEvent } from '../../shared/cases/model';
import {
  channelKey,
  triagePostId,
  triageThreadKey,
  userConversationKey,
} from '../../shared/conversation-keys';
import type { Locale } from '../../shared/i18n-text';
import { isoInstant } from '../../shared/ids';
import type { OutboxMessage } from '../../shared/ports';
import { caseSla } from '../../shared/sla/case-sla';
import { plainTextForCard } from '../../shared/text';
import type { CardJson } from '../cards/card';
import { caseUpdateCard } from '../cards/case-update';
import { commentNoticeCard } from '../cards/comment-notice';
import { deadlineProposalCard } from '../cards/deadline-proposal';
import { solutionCard } from '../cards/solution';
import { formatDeadline } from '../../shared/dates';
import { strings } from '../i18n/strings';
import { orderDeskCard, orderFollowerCard, orderReporterCard } from './order-messages';
import { triageCardFor, type CardContext } from '../conversation/channel/case-card';
import type { TabLinks } from '../conversation/channel/tab-links';
import { eventWhat } from '../conversation/channel/event-line';
import { eventLine } from '../../shared/cases/event-words';
import { supplierMessages } from './supplier-messages';

const activity = (card: CardJson, summary: string): Record<string, unknown> => ({
  type: 'message',
  summary,
  attachments: [CardFactory.adaptiveCard(card)],
});

const summaryOf = (c: Case): string => `${c.ref}: ${c.title}`;

/** Events that change nothing anyone is told of (the history shows them). */
const QUIET = new Set<CaseEvent['type']>(['comment_edited', 'comment_deleted']);
/** Events a command adds after the one it is about (resumed before solved, waiting after escalated, …). */
const SECONDARY = new Set<CaseEvent['type']>(['waiting_started', 'waiting_ended', 'closed']);

/** The event a change is about: the one its thread line names. */
export const primaryEvent = (events: readonly CaseEvent[]): CaseEvent | undefined =>
  events.find((e) => !SECONDARY.has(e.type)) ?? events[0];

function commentCard(e: Extract<CaseEvent, { type: 'comment' }>, c: Case, locale: Locale, forDesk = false) {
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

/** What the reporter gets for an event, or null. */
function reporterCard(e: CaseEvent, c: Case, ctx: ChangeContext, locale: Locale): CardJson | null {
  const order = orderReporterCard(e, c, locale);
  if (order !== undefined) return order;
  const s = strings(locale);
  const cs = strings(locale).conversation;
  const update = (message: string): CardJson => caseUpdateCard({ locale, ref: c.ref, message });
  switch (e.type) {
    case 'claimed':
    case 'assigned':
      return update(s.update.claimed(c.ref, plainTextForCard(e.assignee.name)));
    case 'waiting_started':
      return e.reason === 'supplier'
        ? update(
            s.update.waitingSupplier(
              c.ref,
              e.supplierCaseNumber ? plainTextForCard(e.supplierCaseNumber) : undefined,
            ),
          )
        : update(s.update.waitingOther(c.ref, s.waitReason[e.reason]));
    case 'waiting_ended':
      return update(s.update.resumed(c.ref));
    case 'solved':
      return solutionCard({
        locale,
        ref: c.ref,
        title: c.title,
        solution: e.solution,
        autoCloseWorkingDays: ctx.desk.autoCloseWorkingDays,
      });
    case 'closed':
      return e.reason === 'no_answer' ? update(s.update.autoClosed(c.ref)) : null;
    case 'comment':
      return commentCard(e, c, locale);
    case 'deadline_proposed': {
      if (pendingProposal(c)?.id !== e.id) return null;
      const before = caseSla(
        { ...c, events: c.events.filter((x) => x.id !== e.id) },
        ctx.desk,
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
      return update(cs.billable(c.ref, plainTextForCard(e.reason)));
    case 'problem_linked':
      return update(cs.problem(c.ref, plainTextForCard(e.problemId)));
    default:
      return null;
  }
}

/** What a follower gets for an event, or null. */
function followerCard(e: CaseEvent, c: Case, locale: Locale): CardJson | null {
  const order = orderFollowerCard(e, c, locale);
  if (order !== undefined) return order;
  const s = strings(locale).conversation;
  const update = (message: string): CardJson => caseUpdateCard({ locale, ref: c.ref, message });
  switch (e.type) {
    case 'comment':
      return commentCard(e, c, locale);
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

/** What the reporter or a follower wrote to the desk, as a card in the triage thread; or null. */
function deskCard(e: CaseEvent, c: Case): CardJson | null {
  const order = orderDeskCard(e, c);
  if (order !== undefined) return order;
  const s = strings('nb').conversation;
  switch (e.type) {
    case 'comment':
      return commentCard(e, c, 'nb', true);
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

/** What the one-line thread reply says an event did ("tok saken", "Internt notat: …"). */
function threadWhat(e: CaseEvent, c: Case, ctx: ChangeContext): string {
  const nb = strings('nb').channel.done;
  const cs = strings('nb').conversation;
  switch (e.type) {
    case 'comment':
      return `${e.visibility === 'internal' ? cs.internalToggle.split(' (')[0] : cs.commentLabel}: ${plainTextForCard(e.text)}`;
    case 'deadline_proposed':
      return cs.event.proposed(formatDeadline(new Date(e.dueAt), 'nb'));
    case 'child_linked':
      return nb.childLinked(e.child, c.childRefs.length);
    case 'solved':
      if (c.childRefs.length > 0) return nb.solvedChildren(c.childRefs.length);
      return c.parentRef ? `${nb.solved} (hovedsak ${c.parentRef})` : nb.solved;
    default:
      return eventWhat(e, ctx.desk, 'nb');
  }
}

/** The channel's card context for a change: posts in a desk's channel are in Norwegian. */
const channelCards = (
  ctx: Pick<ChangeContext, 'catalogue' | 'directory' | 'now'>,
  links?: TabLinks,
): CardContext => ({
  catalogue: ctx.catalogue,
  directory: ctx.directory,
  now: ctx.now,
  locale: 'nb',
  ...(links ? { links } : {}),
});

/** What the triage post of a case needs: its desk (with the triage channel) and the card's context. */
export interface TriagePostContext {
  desk: ChangeContext['desk'];
  cards: CardContext;
  /** The case's SLA at `cards.now`, when the change computed it. */
  known?: ChangeContext['known'];
}

/**
 * The case's card posted as a new thread in the desk's triage channel (id `triagePostId`, so a case is
 * posted once): when the case is created, and for the open cases of a desk when a channel is linked.
 * Null when the desk has no triage channel.
 */
export function triagePost(c: Case, ctx: TriagePostContext): OutboxMessage | null {
  const channel = ctx.desk.triageChannel;
  if (!channel) return null;
  return {
    id: triagePostId(c.ref),
    deskId: c.deskId,
    caseRef: c.ref,
    createdAt: isoInstant(ctx.cards.now),
    operation: 'post',
    conversationKey: channelKey(channel),
    threadKey: triageThreadKey(c.ref),
    activity: activity(
      triageCardFor(c, ctx.desk, ctx.cards, ctx.known ? { known: ctx.known } : {}),
      summaryOf(c),
    ),
  };
}

function triageMessages(
  c: Case,
  events: readonly CaseEvent[],
  ctx: ChangeContext,
  links?: TabLinks,
): OutboxMessage[] {
  const channel = ctx.desk.triageChannel;
  const main = primaryEvent(events);
  if (!channel || !main) return [];
  const base = {
    deskId: c.deskId,
    caseRef: c.ref,
    createdAt: isoInstant(ctx.now),
    conversationKey: channelKey(channel),
    threadKey: triageThreadKey(c.ref),
  };
  const last = events[events.length - 1]!;
  const card = triageCardFor(c, ctx.desk, channelCards(ctx, links), ctx.known ? { known: ctx.known } : {});
  const out: OutboxMessage[] = [
    {
      ...base,
      id: `${c.ref}:${last.id}:triage-update`,
      operation: 'update',
      activity: activity(card, summaryOf(c)),
    },
  ];
  // What the reporter or a follower wrote arrives as its own card in the thread instead of a line.
  if (!events.some((e) => ctx.recipients(e).desk && deskCard(e, c)))
    out.push({
      ...base,
      id: `${c.ref}:${last.id}:triage-reply`,
      operation: 'reply',
      activity: { type: 'message', text: eventLine(main, threadWhat(main, c, ctx), 'nb') },
    });
  return out;
}

/** The Teams side of every case change; `links` puts the link to the case in the tab on the triage card. */
export const createTeamsCaseMessages = (links?: TabLinks): CaseMessages => ({
  created(c, ctx) {
    const out: OutboxMessage[] = [];
    const base = {
      deskId: c.deskId,
      caseRef: c.ref,
      createdAt: isoInstant(ctx.now),
      operation: 'post' as const,
    };
    const post = triagePost(c, {
      desk: ctx.desk,
      cards: channelCards(ctx, links),
      ...(ctx.known ? { known: ctx.known } : {}),
    });
    if (post) out.push(post);
    const alert = criticalIncidentAlert(c, ctx.desk, ctx.now);
    if (alert) out.push(alert);
    for (const e of c.events) {
      const to = ctx.recipients(e);
      if (to.administrator) {
        const locale = ctx.localeOf(to.administrator.id);
        out.push({
          ...base,
          id: `${c.ref}:${e.id}:administrator`,
          conversationKey: userConversationKey(to.administrator.id),
          activity: activity(
            caseUpdateCard({
              locale,
              ref: c.ref,
              message: strings(locale).conversation.administratorTold(
                c.ref,
                plainTextForCard(c.title),
                plainTextForCard(ctx.service?.name ?? c.serviceId),
              ),
            }),
            summaryOf(c),
          ),
        });
      }
      if (e.type === 'followers_changed')
        for (const f of to.followers) {
          const card = followerCard(e, c, ctx.localeOf(f.id));
          if (card)
            out.push({
              ...base,
              id: `${c.ref}:${e.id}:follower:${f.id}`,
              conversationKey: userConversationKey(f.id),
              activity: activity(card, summaryOf(c)),
            });
        }
    }
    return out;
  },

  changed(c, events, ctx) {
    const told = events.filter((e) => !QUIET.has(e.type));
    if (told.length === 0) return [];
    const out: OutboxMessage[] = triageMessages(c, told, ctx, links);
    const base = { deskId: c.deskId, caseRef: c.ref, createdAt: isoInstant(ctx.now) };
    for (const e of told) {
      const to = ctx.recipients(e);
      if (to.reporter) {
        const card = reporterCard(e, c, ctx, ctx.localeOf(c.reporter.id));
        if (card)
          out.push({
            ...base,
            id: `${c.ref}:${e.id}:reporter`,
            operation: 'post',
            conversationKey: userConversationKey(c.reporter.id),
            activity: activity(card, summaryOf(c)),
          });
      }
      for (const f of to.followers) {
        const card = followerCard(e, c, ctx.localeOf(f.id));
        if (card)
          out.push({
            ...base,
            id: `${c.ref}:${e.id}:follower:${f.id}`,
            operation: 'post',
            conversationKey: userConversationKey(f.id),
            activity: activity(card, summaryOf(c)),
          });
      }
      const desk = to.desk && ctx.desk.triageChannel ? deskCard(e, c) : null;
      if (desk && ctx.desk.triageChannel)
        out.push({
          ...base,
          id: `${c.ref}:${e.id}:desk-reply`,
          operation: 'reply',
          conversationKey: channelKey(ctx.desk.triageChannel),
          threadKey: triageThreadKey(c.ref),
          activity: activity(desk, summaryOf(c)),
          foldedText: eventLine(e, threadWhat(e, c, ctx), 'nb'),
        });
    }
    // The operations supplier holding the case: its webhooks, or the e-mail to copy (supplier-messages.ts).
    out.push(...supplierMessages(c, told, ctx));
    return out;
  },
});

/** Without links to the tab (tests, benchmarks). */
export const teamsCaseMessages: CaseMessages = createTeamsCaseMessages();
