/**
 * The Teams messages of a supplier's incident (seed 001 M.2) beyond its triage card: a critical one
 * alerts the desk's channel at once, as a message of its own (not only a card), mentioning the desk
 * and its escalation contacts, with the supplier's phone and e-mail (M.2.1.3: kritisk = telefon og
 * e-post). In the desk's language (bokmål: the triage channel is the desk's).
 */
import type { Case } from '../../shared/cases/model';
import type { Desk } from '../../shared/desks/model';
import { isoInstant } from '../../shared/ids';
import type { OutboxMessage } from '../../shared/ports';
import { plainTextForCard } from '../../shared/text';
import {
  channelConversationKey,
  deskMention,
  mention,
  type MentionEntity,
} from '../delivery/sla-warning-message';
import { strings } from '../i18n/strings';

/** The alert of a critical incident, or null (not an incident, not critical, or no triage channel). */
export function criticalIncidentAlert(c: Case, desk: Desk, now: Date): OutboxMessage | null {
  const channel = desk.triageChannel;
  const priority = desk.policy.priorities.find((p) => p.id === c.priority);
  if (!c.incident || !priority?.critical || !channel) return null;
  const mentions: MentionEntity[] = [];
  const d = deskMention(desk);
  if (d) mentions.push(d);
  mentions.push(...desk.escalationContacts.map(mention));
  const s = strings('nb').channel.incident;
  const text = s.criticalAlert(
    c.ref,
    plainTextForCard(c.title),
    plainTextForCard(c.supplier?.name ?? c.reporter.name),
    c.incident.contact.phone,
    c.incident.contact.email,
  );
  return {
    id: `${c.ref}:incident-alert`,
    deskId: c.deskId,
    caseRef: c.ref,
    createdAt: isoInstant(now),
    operation: 'post',
    conversationKey: channelConversationKey(channel),
    activity: {
      type: 'message',
      textFormat: 'xml',
      text: `${text} ${mentions.map((m) => m.text).join(' ')}`.trim(),
      entities: mentions,
    },
  };
}
