/**
 * The SLA warning as a plain Teams message (text + mention entities), posted as a reply in the case's
 * triage thread. Norwegian bokmål: the triage channel is the desk's, and the desks work in Norwegian.
 *
 * At risk it mentions the assignee, or, with none, the desk (a channel mention of the triage channel).
 * At breach it mentions the desk's escalation contacts too.
 */
import type { Case, Person } from '../../shared/cases/model';
import type { ChannelRef, Desk } from '../../shared/desks/model';
import type { OutboxMessage } from '../../shared/ports';
import { isoInstant } from '../../shared/ids';
import type { SlaWarning } from '../../shared/sla/warnings';
import { formatDeadline } from '../../shared/dates';

export const channelConversationKey = (ch: Pick<ChannelRef, 'teamId' | 'channelId'>): string =>
  `channel:${ch.teamId}:${ch.channelId}`;
export const triageThreadKey = (ref: string): string => `case:${ref}:triage`;

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string; conversationType?: 'channel' };
}

/** `2 t 5 min`, `45 min`, `3 t`: whole minutes, rounded up while time is left and down when late. */
export function formatMinutes(minutes: number): string {
  const m = Math.max(0, Math.round(Math.abs(minutes)));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} t` : `${h} t ${rest} min`;
}

const TARGET_NAME = { response: 'Responstiden', resolution: 'Løsningstiden' } as const;

function mention(p: Person): MentionEntity {
  return { type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } };
}

function deskMention(desk: Desk): MentionEntity | null {
  const ch = desk.triageChannel;
  if (!ch) return null;
  return {
    type: 'mention',
    text: `<at>${desk.name}</at>`,
    mentioned: { id: ch.channelId, name: desk.name, conversationType: 'channel' },
  };
}

/** The message activity of one warning. */
export function warningActivity(c: Pick<Case, 'ref' | 'title' | 'assignee'>, desk: Desk, w: SlaWarning) {
  const due = formatDeadline(w.dueAt, 'nb');
  const amount = `${formatMinutes(w.remainingMinutes)}${w.clock === 'business' ? ' arbeidstid' : ''}`;
  const head = `${c.ref} «${c.title}»`;
  const mentions: MentionEntity[] = [];
  let text: string;
  if (w.level === 'at_risk') {
    const who = c.assignee ? mention(c.assignee) : deskMention(desk);
    if (who) mentions.push(who);
    text =
      `⚠️ Fristen er i fare for ${head}: ${TARGET_NAME[w.target].toLowerCase()} går ut ${due} ` +
      `(${amount} igjen).` +
      (who ? ` ${who.text}, se på saken.` : ` Saken har ingen saksbehandler.`);
  } else {
    const who = c.assignee ? [mention(c.assignee)] : [];
    const contacts = desk.escalationContacts.map(mention);
    mentions.push(...who, ...contacts);
    if (mentions.length === 0) {
      const d = deskMention(desk);
      if (d) mentions.push(d);
    }
    text =
      `🔴 Fristen er brutt for ${head}: ${TARGET_NAME[w.target].toLowerCase()} gikk ut ${due} ` +
      `(${amount} over fristen).` +
      (mentions.length > 0 ? ` Til orientering: ${mentions.map((m) => m.text).join(', ')}.` : '');
  }
  return {
    type: 'message',
    textFormat: 'xml',
    text: `${w.critical ? '[Kritisk] ' : ''}${text}`,
    entities: mentions,
  };
}

/** The outbox reply carrying a warning, or null when the desk has no triage channel to post in. */
export function warningMessage(c: Case, desk: Desk, w: SlaWarning, now: Date): OutboxMessage | null {
  if (!desk.triageChannel) return null;
  return {
    id: w.key,
    deskId: c.deskId,
    caseRef: c.ref,
    createdAt: isoInstant(now),
    operation: 'reply',
    conversationKey: channelConversationKey(desk.triageChannel),
    threadKey: triageThreadKey(c.ref),
    activity: warningActivity(c, desk, w),
  };
}
