/** `status <ref>`: one case with its facts, deadlines and history (public events only). */
import type { Locale } from '../../shared/i18n-text';
import type { CaseEvent, CaseStatus } from '../../shared/cases/model';
import { formatDateTime, formatDeadline } from '../../shared/dates';
import { historyLine } from '../../shared/cases/event-words';
import { strings } from '../i18n/strings';
import { card, execute, facts, heading, text, type CardJson } from './card';
import { VERBS } from './verbs';
import { caseConversationElements, type CaseConversationData } from './case-conversation';

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
  const pairs: Array<[string, string]> = [
    [c.service, d.serviceName],
    [c.statusLabel, s.status[d.status]],
    [c.priority, d.priorityLabel],
  ];
  if (d.assigneeName) pairs.push([c.assignee, d.assigneeName]);
  if (d.supplierCaseNumber) pairs.push([c.supplierCase, d.supplierCaseNumber]);
  if (d.responseDueAt && d.status !== 'closed')
    pairs.push([c.responseDue, formatDeadline(d.responseDueAt, d.locale)]);
  if (d.resolutionDueAt && d.status !== 'closed')
    pairs.push([c.resolutionDue, formatDeadline(d.resolutionDueAt, d.locale)]);
  return card(
    [
      heading(`${d.ref}: ${d.title}`),
      facts(pairs),
      text(c.history, { weight: 'bolder', spacing: 'medium' }),
      ...(d.events.length > shown.length
        ? [text(`… (${d.events.length - shown.length})`, { isSubtle: true })]
        : []),
      ...shown.map((e) =>
        text(`${formatDateTime(new Date(e.at), d.locale)} – ${historyLine(e, d.locale, d.priorityLabelOf)}`, {
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
