/**
 * The words of an order's events (shared/cases/orders.ts), spread into the one wording of the case
 * history (`event-words.ts`): the verb phrase after the actor's name for thread lines and the
 * timeline, and the reporter's history line. Pure and bilingual.
 */
import type { Locale, LocalizedText } from '../i18n-text';
import { plainTextForCard } from '../text';
import { KIND_LABELS } from './labels';
import type { CaseEvent } from './model';

type OrderEventType = 'estimate_sent' | 'estimate_answered' | 'kind_changed' | 'approval_reminded';

const pick = (l: Locale, nb: string, en: string): string => (l === 'en' ? en : nb);

/** Hours as Norwegian and English write them: "7,5 timer" / "7.5 hours", "1 time" / "1 hour". */
export function hoursText(hours: number, l: Locale): string {
  const n = l === 'en' ? String(hours) : String(hours).replace('.', ',');
  if (l === 'en') return `${n} ${hours === 1 ? 'hour' : 'hours'}`;
  return `${n} ${hours === 1 ? 'time' : 'timer'}`;
}

/** The verb phrase of an order event ("Kari sendte estimat: 12 timer"). */
export const ORDER_PHRASES: Record<OrderEventType, (e: CaseEvent) => LocalizedText> = {
  estimate_sent: (e) => {
    const h = e.type === 'estimate_sent' ? e.hours : 0;
    return { nb: `sendte estimat: ${hoursText(h, 'nb')}`, en: `sent an estimate: ${hoursText(h, 'en')}` };
  },
  estimate_answered: (e) =>
    e.type === 'estimate_answered' && e.approved
      ? { nb: 'godkjente estimatet', en: 'approved the estimate' }
      : { nb: 'avviste estimatet', en: 'rejected the estimate' },
  kind_changed: (e) => {
    const to = e.type === 'kind_changed' ? KIND_LABELS[e.to] : { nb: '', en: '' };
    return {
      nb: `gjorde saken om til ${to.nb.toLowerCase()}`,
      en: `converted the case to ${to.en.toLowerCase()}`,
    };
  },
  approval_reminded: () => ({
    nb: 'minnet bestilleren på estimatet',
    en: 'reminded the orderer of the estimate',
  }),
};

/** The reporter's history line of an order event (user text escaped). */
export const ORDER_HISTORY: Record<OrderEventType, (e: CaseEvent, l: Locale) => string> = {
  estimate_sent: (e, l) =>
    e.type === 'estimate_sent'
      ? pick(
          l,
          `Estimat: ${hoursText(e.hours, l)} – ${plainTextForCard(e.text)}`,
          `Estimate: ${hoursText(e.hours, l)} – ${plainTextForCard(e.text)}`,
        )
      : '',
  estimate_answered: (e, l) => {
    if (e.type !== 'estimate_answered') return '';
    if (e.approved) return pick(l, 'Estimatet ble godkjent', 'The estimate was approved');
    const why = e.reason ? `: ${plainTextForCard(e.reason)}` : '';
    return pick(l, `Estimatet ble avvist${why}`, `The estimate was rejected${why}`);
  },
  kind_changed: (e, l) => {
    if (e.type !== 'kind_changed') return '';
    const to = KIND_LABELS[e.to];
    return pick(l, `Gjort om til ${to.nb.toLowerCase()}`, `Converted to ${to.en.toLowerCase()}`);
  },
  approval_reminded: (_e, l) =>
    pick(l, 'Påminnelse: estimatet venter på svar', 'Reminder: the estimate awaits your answer'),
};
