/** Avventer: what the case waits on (supplier, 3rd line, reporter) and the supplier's case number. */
import type { Locale } from '../../../../shared/i18n-text';
import type { CardElement } from '../../card';
import { VERBS } from '../../verbs';
import { TRIAGE_INPUTS, TRIAGE_LIMITS, choiceInput, showCardForm, textInput, type FormTarget } from './form';
import { strings } from '../../../i18n/strings';

export interface WaitFormData {
  locale: Locale;
  target: FormTarget;
  reasons: Array<[string, string]>;
}

export function waitForm(d: WaitFormData): CardElement {
  const a = strings(d.locale).channel.actions;
  return showCardForm(
    a.wait,
    [
      choiceInput(TRIAGE_INPUTS.waitReason, a.waitReason, d.reasons, {
        value: d.reasons[0]?.[0] ?? '',
        isRequired: true,
        errorMessage: strings(d.locale).channel.notice.field.required,
      }),
      textInput(TRIAGE_INPUTS.supplierCaseNumber, a.supplierCaseNumber, TRIAGE_LIMITS.supplierCaseNumber),
      textInput(TRIAGE_INPUTS.waitNote, a.note, TRIAGE_LIMITS.note, { isMultiline: true }),
    ],
    { title: a.save, verb: VERBS.triageWait, target: d.target },
  );
}
