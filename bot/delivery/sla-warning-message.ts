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

export function mention(p: Person): MentionEntity {
  return { type: 'mention', text: `<at>${p.name}</at>`, mentioned: { id: p.id, name: p.name } };
}

export function deskMention(desk: Desk): MentionEntity | null {
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

/** What a backlog digest counts: cases with a breach warning due, and cases only at risk. */
export interface DigestCounts {
  breached: number;
  atRisk: number;
}

/** The digest's text, bokmål first (the triage channel's language), English second. */
export const DIGEST_TEXT = {
  nb: {
    breached: (n: string) => `${n} ${n === '1' ? 'sak' : 'saker'} har passert fristen — se listen i fanen.`,
    atRisk: (n: string) => `${n} ${n === '1' ? 'sak' : 'saker'} er i fare for å passere fristen.`,
    title: 'Frister i kø',
    note: 'Varslene for hver sak er samlet her, så kanalen ikke fylles opp.',
  },
  en: {
    breached: (n: string) =>
      `${n} ${n === '1' ? 'case has' : 'cases have'} passed the deadline — see the list in the tab.`,
    atRisk: (n: string) => `${n} ${n === '1' ? 'case is' : 'cases are'} at risk of passing the deadline.`,
    title: 'Deadlines in the queue',
    note: 'The warnings for each case are gathered here so the channel is not flooded.',
  },
} as const;

/**
 * One card for a backlog of warnings (a first sweep, or a sweep after a long stop): posted in the
 * desk's triage channel instead of one reply per case. Null when the desk has no triage channel.
 */
export function digestMessage(
  desk: Desk,
  counts: DigestCounts,
  now: Date,
  locale: 'nb' | 'en' = 'nb',
): OutboxMessage | null {
  if (!desk.triageChannel) return null;
  const t = DIGEST_TEXT[locale];
  const num = (n: number) => n.toLocaleString(locale === 'nb' ? 'nb-NO' : 'en-GB');
  const lines = [
    ...(counts.breached > 0 ? [`🔴 ${t.breached(num(counts.breached))}`] : []),
    ...(counts.atRisk > 0 ? [`⚠️ ${t.atRisk(num(counts.atRisk))}`] : []),
  ];
  const card = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `${t.title}: ${desk.name}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true })),
      { type: 'TextBlock', text: t.note, isSubtle: true, size: 'Small', wrap: true },
    ],
  };
  return {
    id: `digest:${desk.id}:${now.toISOString()}`,
    deskId: desk.id,
    createdAt: isoInstant(now),
    operation: 'post',
    conversationKey: channelConversationKey(desk.triageChannel),
    activity: {
      type: 'message',
      text: lines.join(' '),
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
    },
  };
}
