/**
 * `status <ref>`: one case with its facts, deadlines (with the clock in words, `shared/sla/clock-text`),
 * the solution once there is one, and its history (public events only). On a Løst case the reporter
 * answers the solution here too, with the solution card's words and verbs.
 */
import type { Locale } from '../../shared/i18n-text';
import type { CaseEvent, CaseStatus } from '../../shared/cases/model';
import { formatDateTime, formatDeadline } from '../../shared/dates';
import { historyLine } from '../../shared/cases/event-words';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { actionSet, card, execute, facts, heading, text, type CardElement, type CardJson } from './card';
import { VERBS } from './verbs';
import { caseConversationElements, type CaseConversationData } from './case-conversation';
import type { LineClock } from './my-cases';
import { solutionAnswerActions, solutionAnswerElements } from './solution';

export interface CaseStatusData {
  locale: Locale;
  ref: string;
  title: string;
  serviceName: string;
  status: CaseStatus;
  priorityLabel: string;
  assigneeName?: string;
  supplierCaseNumber?: string;
  responseDueAt?: Date;
  resolutionDueAt?: Date;
  /** Each open deadline's clock in words ("2 t arbeidstid igjen"). */
  responseClock?: LineClock;
  resolutionClock?: LineClock;
  /** The desk's latest solution; with `answer`, the viewer (the reporter) may accept or reject it here. */
  solution?: { text: string; answer: boolean };
  /** Events the viewer may see, oldest first. */
  events: CaseEvent[];
  priorityLabelOf: (id: string) => string;
  /** The case conversation: the comment box, follow buttons and (for the reporter) the followers field. */
  conversation?: Omit<CaseConversationData, 'locale' | 'ref'>;
}

/** The newest events shown; older ones are summarised as a count. */
const MAX_EVENTS = 15;

export function caseStatusCard(d: CaseStatusData): CardJson {
  const s = strings(d.locale);
  const c = s.caseStatus;
  const shown = d.events.slice(-MAX_EVENTS);
  const plain = plainTextForCard;
  const priorityName = (id: string): string => plain(d.priorityLabelOf(id));
  const due = (at: Date, clock: LineClock | undefined): string =>
    [formatDeadline(at, d.locale), clock?.time].filter((x) => x).join(' · ');
  const pairs: Array<[string, string]> = [
    [c.service, plain(d.serviceName)],
    [c.statusLabel, s.status[d.status]],
    [c.priority, plain(d.priorityLabel)],
  ];
  if (d.assigneeName) pairs.push([c.assignee, plain(d.assigneeName)]);
  if (d.supplierCaseNumber) pairs.push([c.supplierCase, plain(d.supplierCaseNumber)]);
  if (d.responseDueAt && d.status !== 'closed')
    pairs.push([c.responseDue, plain(due(d.responseDueAt, d.responseClock))]);
  if (d.resolutionDueAt && d.status !== 'closed')
    pairs.push([c.resolutionDue, plain(due(d.resolutionDueAt, d.resolutionClock))]);
  // One note for the clocks ("klokken står – starter …"): both targets share the desk's calendar.
  const notes = [...new Set([d.responseClock?.note, d.resolutionClock?.note].filter((n) => n))] as string[];
  const solution: CardElement[] = d.solution
    ? [
        text(s.solution.solutionLabel, { weight: 'bolder', spacing: 'medium' }),
        text(plain(d.solution.text), { spacing: 'small', id: 'solutionText' }),
        ...(d.solution.answer
          ? [
              text(s.solution.intro, { spacing: 'small' }),
              ...solutionAnswerElements(d.locale),
              actionSet(solutionAnswerActions(d.locale, d.ref)),
            ]
          : []),
      ]
    : [];
  return card(
    [
      heading(`${d.ref}: ${plain(d.title)}`),
      facts(pairs),
      ...notes.map((n) => text(plain(n), { isSubtle: true, size: 'small', spacing: 'small' })),
      ...solution,
      text(c.history, { weight: 'bolder', spacing: 'medium' }),
      ...(d.events.length > shown.length
        ? [text(`… (${d.events.length - shown.length})`, { isSubtle: true })]
        : []),
      ...shown.map((e) =>
        text(`${formatDateTime(new Date(e.at), d.locale)} – ${historyLine(e, d.locale, priorityName)}`, {
          size: 'small',
          spacing: 'small',
        }),
      ),
      ...(d.conversation && d.status !== 'closed'
        ? caseConversationElements({ locale: d.locale, ref: d.ref, ...d.conversation })
        : []),
    ],
    [execute(s.buttons.myCases, VERBS.casesList)],
  );
}
