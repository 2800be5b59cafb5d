/** What an event did, as the one-line thread reply and the "X was first" banner say it. */
import type { CaseEvent } from '../../../shared/cases/model';
import { eventWhat as sharedEventWhat } from '../../../shared/cases/event-words';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
import { formatDateTime } from '../../../shared/dates';
import { priorityLabel } from '../case-view';
import { strings } from '../../i18n/strings';

/** What an event did ("tok saken"), with the desk's priority names: the shared wording of the history. */
export function eventWhat(e: CaseEvent, desk: Desk, locale: Locale): string {
  return sharedEventWhat(e, locale, (id) => priorityLabel(desk, id, locale));
}

/** "Kari Nordmann tok saken · 03.03.2026, 10:05" (Oslo time). */
export function eventLine(e: CaseEvent, what: string, locale: Locale): string {
  return strings(locale).channel.done.line(e.by.name, what, formatDateTime(new Date(e.at), locale));
}
