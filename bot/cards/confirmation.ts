/**
 * The confirmation after a fault report: the reference number, the suggested priority, both deadlines
 * in Oslo time with the clock in words (`shared/sla/clock-text`: "2 t arbeidstid igjen", "klokken står –
 * starter i morgen kl. 08:00"), what happens next, and an invitation to paste screenshots in the chat.
 *
 * A critical fault (seed 002 §5.1.2.2) tells the reporter to phone only where it helps: while the desk
 * is open, "ring … nå"; while it is closed, when it opens and who takes critical faults after hours (the
 * desk's `afterHours`, seed 002 §4.3); when the case joined an active driftsmelding, that the desk
 * already knows.
 */
import type { Locale } from '../../shared/i18n-text';
import { formatDeadline } from '../../shared/dates';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, execute, facts, heading, text, type CardElement, type CardJson } from './card';
import type { LineClock } from './my-cases';
import { VERBS } from './verbs';

export interface ConfirmationData {
  locale: Locale;
  ref: string;
  priorityLabel: string;
  critical: boolean;
  deskName: string;
  deskPhone: string;
  /** The desk is within its opening hours now. */
  deskOpen: boolean;
  /** When it opens next, in words ("i morgen kl. 08:00"), while it is closed. */
  deskOpensAt?: string;
  /** Who takes critical faults outside opening hours (the desk's own text). */
  afterHours?: string;
  responseDueAt?: Date;
  resolutionDueAt?: Date;
  responseClock?: LineClock;
  resolutionClock?: LineClock;
  /** Linked to a driftsmelding's known fault. */
  linkedToNotice: boolean;
  /** A replayed submit: the earlier case. */
  replay: boolean;
}

export function confirmationCard(d: ConfirmationData): CardJson {
  const s = strings(d.locale);
  const c = s.confirmation;
  const plain = plainTextForCard;
  const desk = plain(d.deskName);
  const due = (at: Date | undefined, clock: LineClock | undefined): string =>
    at ? plain([formatDeadline(at, d.locale), clock?.time].filter((x) => x).join(' · ')) : c.noDeadline;
  const loud = { color: 'attention', weight: 'bolder', size: 'medium' } as const;
  const critical: CardElement[] = [];
  if (d.critical && d.linkedToNotice)
    critical.push(text(c.deskKnows(desk), { weight: 'bolder', id: 'deskKnows' }));
  else if (d.critical && d.deskOpen)
    critical.push(
      text(c.callNow(plain(d.deskPhone).replace(/ /g, '\u00a0'), desk), { ...loud, id: 'callNow' }),
    );
  else if (d.critical)
    critical.push(
      text(c.closedNow(desk, plain(d.deskOpensAt ?? '')), { ...loud, id: 'deskClosed' }),
      text(d.afterHours ? plain(d.afterHours) : c.noAfterHours(desk), { weight: 'bolder', id: 'afterHours' }),
    );
  const notes = [...new Set([d.responseClock?.note, d.resolutionClock?.note].filter((n) => n))] as string[];
  return card(
    [
      heading(c.title(d.ref)),
      ...(d.replay ? [text(c.already, { isSubtle: true, size: 'small' })] : []),
      ...critical,
      ...(d.linkedToNotice && !d.critical ? [text(c.linkedToNotice)] : []),
      facts([
        [c.suggestedPriority, plain(d.priorityLabel)],
        [c.responseDue, due(d.responseDueAt, d.responseClock)],
        [c.resolutionDue, due(d.resolutionDueAt, d.resolutionClock)],
      ]),
      ...notes.map((n) =>
        text(plain(n), { isSubtle: true, size: 'small', spacing: 'small', id: 'clockNote' }),
      ),
      text(c.nextTitle, { weight: 'bolder', spacing: 'medium' }),
      text(c.next(desk), { spacing: 'small' }),
      text(c.screenshots, { spacing: 'medium' }),
    ],
    [execute(s.buttons.myCases, VERBS.casesList)],
  );
}
