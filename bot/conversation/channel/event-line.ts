/** What an event did with the desk's priority names, for the thread reply (`eventLine`) and the "X was first" banner. */
import type { CaseEvent } from '../../../shared/cases/model';
import { eventWhat as sharedEventWhat } from '../../../shared/cases/event-words';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
import { priorityLabel } from '../case-view';

/** What an event did ("tok saken"), with the desk's priority names: the shared wording of the history. */
export function eventWhat(e: CaseEvent, desk: Desk, locale: Locale): string {
  return sharedEventWhat(e, locale, (id) => priorityLabel(desk, id, locale));
}
