/**
 * The Teams messages of an order's events (shared/cases/orders.ts), used by the one message builder
 * (`case-messages.ts`): the orderer gets the approval card for a new estimate (and again, marked as a
 * reminder, after the reminder job), word of a conversion; followers get the news in short; the desk's
 * thread gets the orderer's answer. Each function answers `undefined` for an event that is not an
 * order's, `null` for one that sends nothing to that recipient.
 */
import type { Case, CaseEvent } from '../../shared/cases/model';
import { KIND_LABELS } from '../../shared/cases/labels';
import { hoursText } from '../../shared/cases/order-words';
import { pendingEstimate } from '../../shared/cases/orders';
import type { Locale } from '../../shared/i18n-text';
import { plainTextForCard } from '../../shared/text';
import type { CardJson } from '../cards/card';
import { caseUpdateCard } from '../cards/case-update';
import { estimateApprovalCard } from '../cards/order-form';
import { strings } from '../i18n/strings';

/** The approval card of the estimate `estimateId` while it still awaits its answer; else null. */
function approvalCard(c: Case, estimateId: string, locale: Locale, reminder: boolean): CardJson | null {
  const pending = pendingEstimate(c);
  if (!pending || pending.id !== estimateId) return null;
  return estimateApprovalCard({
    locale,
    ref: c.ref,
    title: c.title,
    estimateId: pending.id,
    hours: pending.hours,
    text: pending.text,
    ...(c.order?.priceText ? { priceText: c.order.priceText } : {}),
    ...(reminder ? { reminder: true } : {}),
  });
}

export function orderReporterCard(e: CaseEvent, c: Case, locale: Locale): CardJson | null | undefined {
  const s = strings(locale).order;
  switch (e.type) {
    case 'estimate_sent':
      return approvalCard(c, e.id, locale, false);
    case 'approval_reminded':
      return approvalCard(c, e.estimateId, locale, true);
    case 'waiting_started':
      // The approval card says it all.
      return e.reason === 'approval' ? null : undefined;
    case 'kind_changed':
      return caseUpdateCard({
        locale,
        ref: c.ref,
        message: s.convert.told(c.ref, KIND_LABELS[e.to][locale]),
      });
    default:
      return undefined;
  }
}

export function orderFollowerCard(e: CaseEvent, c: Case, locale: Locale): CardJson | null | undefined {
  const s = strings(locale).order;
  const update = (message: string): CardJson => caseUpdateCard({ locale, ref: c.ref, message });
  switch (e.type) {
    case 'estimate_sent':
      return update(s.estimate.waitingFollower(c.ref, hoursText(e.hours, locale)));
    case 'estimate_answered':
      return update(
        s.estimate.answeredDesk(c.ref, e.approved, e.reason ? plainTextForCard(e.reason) : undefined),
      );
    case 'waiting_started':
      return e.reason === 'approval' ? null : undefined;
    case 'kind_changed':
      return update(s.convert.told(c.ref, KIND_LABELS[e.to][locale]));
    case 'approval_reminded':
      return null;
    default:
      return undefined;
  }
}

/** The orderer's answer, as a card in the desk's triage thread (in bokmål, like the channel). */
export function orderDeskCard(e: CaseEvent, c: Case): CardJson | null | undefined {
  if (e.type !== 'estimate_answered') return undefined;
  const s = strings('nb').order.estimate;
  return caseUpdateCard({
    locale: 'nb',
    ref: c.ref,
    message: s.answeredDesk(c.ref, e.approved, e.reason ? plainTextForCard(e.reason) : undefined),
  });
}
