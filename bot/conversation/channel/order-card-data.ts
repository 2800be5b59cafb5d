/** An order's part of the triage card, from the case: its checklist, terms, estimates and its gate. */
import { approvalRequired, latestEstimate, pendingEstimate } from '../../../shared/cases/orders';
import { hoursText } from '../../../shared/cases/order-words';
import type { Case } from '../../../shared/cases/model';
import type { Desk } from '../../../shared/desks/model';
import { formatDeadline } from '../../../shared/dates';
import type { Locale } from '../../../shared/i18n-text';
import { caseSla } from '../../../shared/sla/case-sla';
import type { TriageActions } from '../../cards/channel/triage-card';
import type { TriageOrder } from '../../cards/channel/order-parts';
import { strings } from '../../i18n/strings';

const WORKING: readonly Case['status'][] = ['new', 'in_progress', 'waiting'];

export function triageOrderOf(c: Case, desk: Desk, now: Date, locale: Locale): TriageOrder | undefined {
  const o = c.order;
  if (c.kind !== 'order' || !o) return undefined;
  const s = strings(locale).order;
  const due = caseSla(c, desk, now).resolution.dueAt;
  const gate = approvalRequired(c) ? (latestEstimate(c) ? s.gate.pending : s.gate.missing) : undefined;
  return {
    what: o.checklist.what,
    forWhom: o.checklist.forWhom,
    earlierCommunication: o.checklist.earlierCommunication,
    contactPersons: o.checklist.contactPersons,
    ...(o.billing && o.checklist.billingReference
      ? { billing: { label: s.billingLabel[o.billing], reference: o.checklist.billingReference } }
      : {}),
    ...(o.priceText ? { priceText: o.priceText } : {}),
    delivery: due
      ? formatDeadline(due, locale)
      : o.deliveryWorkingDays !== undefined
        ? s.delivery(o.deliveryWorkingDays)
        : s.noDelivery,
    estimates: o.estimates.map((e) => {
      const answer = e.answer
        ? e.answer.approved
          ? s.facts.approved
          : `${s.facts.rejected}${e.answer.reason ? `: ${e.answer.reason}` : ''}`
        : s.facts.waiting;
      return `${hoursText(e.hours, locale)}: ${e.text} (${answer})`;
    }),
    ...(gate ? { gate } : {}),
  };
}

/**
 * How an order changes the triage card's actions: until its estimate is approved, "Send estimat"
 * instead of taking, solving, assigning or resuming it; converting fault ↔ order while it is worked
 * (not while an estimate awaits its answer).
 */
export function orderActions(c: Case, a: TriageActions): TriageActions {
  const working = WORKING.includes(c.status);
  const pending = pendingEstimate(c) !== undefined && c.status === 'waiting';
  const out: TriageActions = { ...a };
  if (approvalRequired(c)) {
    out.claim = false;
    out.resume = false;
    delete out.solve;
    delete out.assign;
    if (pending) delete out.wait;
  }
  if (c.kind === 'order' && c.order?.needsApproval && working) out.estimate = true;
  if (working && !pending && (c.kind === 'fault' || c.kind === 'order'))
    out.convertTo = c.kind === 'fault' ? 'order' : 'fault';
  return out;
}
