/**
 * The confirmation after a fault report: the reference number, the suggested priority, both deadlines
 * in Oslo time, what happens next, "phone the desk now" for a critical fault (seed 002 §5.1.2.2), and an
 * invitation to paste screenshots in the chat.
 */
import type { Locale } from '../../shared/i18n-text';
import { formatDeadline } from '../../shared/dates';
import { strings } from '../i18n/strings';
import { card, execute, facts, heading, text, type CardJson } from './card';
import { VERBS } from './verbs';

export interface ConfirmationData {
  locale: Locale;
  ref: string;
  priorityLabel: string;
  critical: boolean;
  deskName: string;
  deskPhone: string;
  responseDueAt?: Date;
  resolutionDueAt?: Date;
  /** Linked to a driftsmelding's known fault. */
  linkedToNotice: boolean;
  /** A replayed submit: the earlier case. */
  replay: boolean;
}

export function confirmationCard(d: ConfirmationData): CardJson {
  const s = strings(d.locale);
  const c = s.confirmation;
  const due = (at: Date | undefined): string => (at ? formatDeadline(at, d.locale) : c.noDeadline);
  return card(
    [
      heading(c.title(d.ref)),
      ...(d.replay ? [text(c.already, { isSubtle: true, size: 'small' })] : []),
      ...(d.critical
        ? [
            text(c.callNow(d.deskPhone.replace(/ /g, '\u00a0'), d.deskName), {
              color: 'attention',
              weight: 'bolder',
              size: 'medium',
              id: 'callNow',
            }),
          ]
        : []),
      ...(d.linkedToNotice ? [text(c.linkedToNotice)] : []),
      facts([
        [c.suggestedPriority, d.priorityLabel],
        [c.responseDue, due(d.responseDueAt)],
        [c.resolutionDue, due(d.resolutionDueAt)],
      ]),
      text(c.nextTitle, { weight: 'bolder', spacing: 'medium' }),
      text(c.next(d.deskName), { spacing: 'small' }),
      text(c.screenshots, { spacing: 'medium' }),
    ],
    [execute(s.buttons.myCases, VERBS.casesList)],
  );
}
