/** What an event did, as the one-line thread reply and the "X was first" banner say it. */
import type { CaseEvent } from '../../../shared/cases/model';
import { LINE_LABELS, WAIT_REASON_LABELS } from '../../../shared/cases/labels';
import type { Desk } from '../../../shared/desks/model';
import type { Locale, LocalizedText } from '../../../shared/i18n-text';
import { channelStrings } from '../../cards/channel/strings';
import { formatDateTime } from '../../i18n/locale';
import { priorityLabel } from '../case-view';

export function eventWhat(e: CaseEvent, desk: Desk, locale: Locale): string {
  const d = channelStrings(locale).done;
  switch (e.type) {
    case 'claimed':
      return d.claimed;
    case 'assigned':
      return d.assigned(e.assignee.name);
    case 'priority_changed':
      return d.priority(priorityLabel(desk, e.to, locale));
    case 'waiting_started':
      return d.waiting(WAIT_REASON_LABELS[e.reason][locale], e.supplierCaseNumber);
    case 'waiting_ended':
      return d.resumed;
    case 'escalated':
      return d.escalated(LINE_LABELS[e.toLine][locale], e.supplier);
    case 'solved':
      return d.solved;
    case 'linked_to_parent':
      return d.linked(e.parent);
    default:
      return (OTHER[e.type] ?? { nb: 'endret saken', en: 'changed the case' })[locale];
  }
}

/** The events a desk action does not cause itself (the reporter's answers, the system, other screens). */
const OTHER: Partial<Record<CaseEvent['type'], LocalizedText>> = {
  created: { nb: 'meldte saken', en: 'reported the case' },
  comment: { nb: 'kommenterte saken', en: 'commented on the case' },
  comment_edited: { nb: 'endret en kommentar', en: 'edited a comment' },
  comment_deleted: { nb: 'trakk tilbake en kommentar', en: 'withdrew a comment' },
  solution_accepted: { nb: 'godtok løsningen', en: 'accepted the solution' },
  solution_rejected: { nb: 'avviste løsningen', en: 'rejected the solution' },
  closed: { nb: 'lukket saken', en: 'closed the case' },
  child_linked: { nb: 'knyttet en undersak til saken', en: 'linked a child case' },
  attachment_added: { nb: 'la ved et vedlegg', en: 'added an attachment' },
  followers_changed: { nb: 'endret følgerne', en: 'changed the followers' },
  breach_explained: { nb: 'forklarte et fristbrudd', en: 'explained a breach' },
  deadline_proposed: { nb: 'foreslo ny løsningsfrist', en: 'proposed a new resolution deadline' },
  deadline_answered: { nb: 'svarte på forslaget om ny frist', en: 'answered the deadline proposal' },
  billable_marked: { nb: 'merket saken som mulig fakturerbar', en: 'marked the case as possibly billable' },
  problem_linked: { nb: 'knyttet saken til en problemsak', en: 'linked the case to a problem record' },
};

/** "Kari Nordmann tok saken · 03.03.2026, 10:05" (Oslo time). */
export function eventLine(e: CaseEvent, what: string, locale: Locale): string {
  return channelStrings(locale).done.line(e.by.name, what, formatDateTime(new Date(e.at), locale));
}
