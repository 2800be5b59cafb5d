/** What an event did, as the one-line thread reply and the "X was first" banner say it. */
import type { CaseEvent } from '../../../shared/cases/model';
import { LINE_LABELS, WAIT_REASON_LABELS } from '../../../shared/cases/labels';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
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
      return e.type.replace(/_/g, ' ');
  }
}

/** "Kari Nordmann tok saken · 03.03.2026, 10:05" (Oslo time). */
export function eventLine(e: CaseEvent, what: string, locale: Locale): string {
  return channelStrings(locale).done.line(e.by.name, what, formatDateTime(new Date(e.at), locale));
}
