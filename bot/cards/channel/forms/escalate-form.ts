/**
 * Eskaler: to 2nd line, 3rd line or the operations supplier (seed 001 M.1.2, M.1.3). Escalating to the
 * 3rd line or a supplier also sets Avventer (the lifecycle does it); the supplier defaults to the
 * service's operations supplier.
 */
import type { Locale } from '../../../../shared/i18n-text';
import type { CardElement } from '../../card';
import { VERBS } from '../../verbs';
import { TRIAGE_INPUTS, TRIAGE_LIMITS, choiceInput, showCardForm, textInput, type FormTarget } from './form';
import { strings } from '../../../i18n/strings';

export interface EscalateFormData {
  locale: Locale;
  target: FormTarget;
  lines: Array<[string, string]>;
  supplier?: string;
}

export function escalateForm(d: EscalateFormData): CardElement {
  const a = strings(d.locale).channel.actions;
  return showCardForm(
    a.escalate,
    [
      choiceInput(TRIAGE_INPUTS.toLine, a.toLine, d.lines, {
        value: d.lines[0]?.[0] ?? '',
        isRequired: true,
        errorMessage: strings(d.locale).channel.notice.field.required,
      }),
      textInput(TRIAGE_INPUTS.supplier, a.supplierName, TRIAGE_LIMITS.supplier, {
        ...(d.supplier ? { value: d.supplier } : {}),
      }),
      textInput(TRIAGE_INPUTS.escalateNote, a.note, TRIAGE_LIMITS.note, { isMultiline: true }),
    ],
    { title: a.save, verb: VERBS.triageEscalate, target: d.target },
  );
}
