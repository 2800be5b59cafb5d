/**
 * A compact case card for a message: what the compose box's case search inserts and what an unfurled
 * case link shows. Only the case's public facts (reference, title, service, status, priority, next
 * deadline): no reporter, no history, no internal note, because the card lands in a conversation other
 * people read. The list preview of the search result is `caseLinkPreview`.
 */
import { formatDeadline } from '../../shared/dates';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, facts, heading, type CardElement, type CardJson } from './card';
import type { CaseStatusData } from './case-status';

export interface CaseLinkData extends Pick<
  CaseStatusData,
  'locale' | 'ref' | 'title' | 'serviceName' | 'status' | 'priorityLabel'
> {
  /** The nearest running deadline, when one runs. */
  nextDueAt?: Date;
  /** The case in the tab (an https address), when known. */
  url?: string;
}

export function caseLinkCard(d: CaseLinkData): CardJson {
  const s = strings(d.locale);
  const t = strings(d.locale).teams;
  const plain = plainTextForCard;
  const pairs: Array<[string, string]> = [
    [t.caseCard.service, plain(d.serviceName)],
    [s.caseStatus.statusLabel, s.status[d.status]],
    [s.caseStatus.priority, plain(d.priorityLabel)],
  ];
  if (d.nextDueAt) pairs.push([t.caseCard.nextDeadline, formatDeadline(d.nextDueAt, d.locale)]);
  const actions: CardElement[] = d.url
    ? [{ type: 'Action.OpenUrl', title: t.caseCard.openInTab, url: d.url }]
    : [];
  return card([heading(`${d.ref}: ${plain(d.title)}`), facts(pairs)], actions);
}

/** The search result list's line: a thumbnail card's title and text (plain text, not Markdown). */
export function caseLinkPreview(d: CaseLinkData): { title: string; text: string } {
  const s = strings(d.locale);
  return { title: `${d.ref}: ${d.title}`, text: `${s.status[d.status]} · ${d.serviceName}` };
}
