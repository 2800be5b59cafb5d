/**
 * The outbox messages of the triage thread: the case card posted as a new thread when the case is
 * created (written in the same store call as the case), the card updated in place after every change,
 * and a one-line reply per action. Ids derive from the case and its event, so one event is never
 * delivered twice.
 */
import { CardFactory } from 'botbuilder';
import type { Case, CaseEvent } from '../../../shared/cases/model';
import type { Desk } from '../../../shared/desks/model';
import { isoInstant } from '../../../shared/ids';
import type { OutboxMessage } from '../../../shared/ports';
import { triageCardFor, type CardContext } from './case-card';
import { channelKey, triageThreadKey } from './keys';

export type OutboxContext = Omit<CardContext, 'locale'>;

function cardActivity(c: Case, desk: Desk, ctx: OutboxContext): Record<string, unknown> {
  const card = triageCardFor(c, desk, { ...ctx, locale: 'nb' });
  return {
    type: 'message',
    summary: `${c.ref}: ${c.title}`,
    attachments: [CardFactory.adaptiveCard(card)],
  };
}

/** The new case as a new thread in its desk's triage channel (none while the desk has no channel). */
export function triageMessages(c: Case, ctx: OutboxContext): OutboxMessage[] {
  const desk = ctx.catalogue.desk(c.deskId);
  if (!desk?.triageChannel) return [];
  return [
    {
      id: `${c.ref}:triage`,
      deskId: c.deskId,
      caseRef: c.ref,
      createdAt: isoInstant(ctx.now),
      operation: 'post',
      conversationKey: channelKey(desk.triageChannel),
      threadKey: triageThreadKey(c.ref),
      activity: cardActivity(c, desk, ctx),
    },
  ];
}

/** After a change: the card updated in place, and a one-line reply saying who did what, when. */
export function triageChangeMessages(
  c: Case,
  events: CaseEvent[],
  desk: Desk,
  ctx: OutboxContext,
  line?: string,
): OutboxMessage[] {
  const last = events[events.length - 1];
  if (!desk.triageChannel || !last) return [];
  const base = {
    deskId: c.deskId,
    caseRef: c.ref,
    createdAt: isoInstant(ctx.now),
    conversationKey: channelKey(desk.triageChannel),
    threadKey: triageThreadKey(c.ref),
  };
  const out: OutboxMessage[] = [
    {
      ...base,
      id: `${c.ref}:${last.id}:triage-update`,
      operation: 'update',
      activity: cardActivity(c, desk, ctx),
    },
  ];
  if (line)
    out.push({
      ...base,
      id: `${c.ref}:${last.id}:triage-reply`,
      operation: 'reply',
      activity: { type: 'message', text: line },
    });
  return out;
}
