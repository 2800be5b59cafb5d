/**
 * An order on the triage card (seed 002 §5.1.3–5.1.4, checklist §7.3): its checklist and estimates as
 * a block, "Send estimat" (hours and a text; never a fixed price) for a service that needs approval,
 * and "Gjør om til bestilling / feilmelding" for desk members. The data is built from the case in
 * `conversation/channel/case-card.ts`; the verbs are handled in `conversation/channel/triage-order.ts`.
 */
import type { Locale } from '../../../shared/i18n-text';
import { plainTextForCard } from '../../../shared/text';
import { strings } from '../../i18n/strings';
import { container, execute, facts, text, type CardElement } from '../card';
import { VERBS } from '../verbs';
import { showCardForm, textInput, type FormTarget } from './forms/form';

export const ORDER_TRIAGE_INPUTS = { hours: 'estimateHours', text: 'estimateText' } as const;

/** The order block's data, all values as typed (escaped here). */
export interface TriageOrder {
  what: string;
  forWhom: string;
  earlierCommunication: string;
  contactPersons: string;
  billing?: { label: string; reference: string };
  priceText?: string;
  delivery: string;
  /** "7,5 timer: Oppsett og test (Godkjenn)", oldest first. */
  estimates: string[];
  /** The order waits for an approved estimate: why, in words. */
  gate?: string;
}

export function orderBlock(locale: Locale, o: TriageOrder): CardElement[] {
  const s = strings(locale).order;
  const p = plainTextForCard;
  const pairs: Array<[string, string]> = [
    [s.facts.what, p(o.what)],
    [s.facts.forWhom, p(o.forWhom)],
    ...(o.earlierCommunication
      ? ([[s.facts.earlierCommunication, p(o.earlierCommunication)]] as Array<[string, string]>)
      : []),
    ...(o.billing ? ([[p(o.billing.label), p(o.billing.reference)]] as Array<[string, string]>) : []),
    [s.facts.contactPersons, p(o.contactPersons)],
    ...(o.priceText ? ([[s.price, p(o.priceText)]] as Array<[string, string]>) : []),
    [s.expectedDelivery, o.delivery],
    // An estimate's line holds the desk's text and the orderer's reason as typed.
    ...o.estimates.map((e) => [s.facts.estimate, p(e)] as [string, string]),
  ];
  return [
    container(
      [
        text(`**${s.kindLabel}**`, { id: 'order' }),
        facts(pairs),
        ...(o.gate ? [text(o.gate, { color: 'warning', weight: 'bolder', spacing: 'small' })] : []),
      ],
      { style: 'emphasis', spacing: 'small' },
    ),
  ];
}

/** "Send estimat": hours and what they cover. */
export function estimateForm(locale: Locale, target: FormTarget): CardElement {
  const e = strings(locale).order.estimate;
  return showCardForm(
    e.sendTitle,
    [
      textInput(ORDER_TRIAGE_INPUTS.hours, e.hoursLabel, 10, { placeholder: '7,5' }),
      textInput(ORDER_TRIAGE_INPUTS.text, e.textLabel, 2000, { isMultiline: true }),
    ],
    { title: e.send, verb: VERBS.triageEstimate, target, style: 'positive' },
  );
}

/** "Gjør om til bestilling / feilmelding". */
export function convertAction(locale: Locale, target: FormTarget, to: 'order' | 'fault'): CardElement {
  const s = strings(locale).order.convert;
  return execute(to === 'order' ? s.toOrder : s.toFault, VERBS.triageConvert, { ...target, to });
}
