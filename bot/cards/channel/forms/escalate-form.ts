/**
 * Eskaler: to 2nd line, 3rd line or the operations supplier (seed 001 M.1.2, M.1.3). Escalating to the
 * 3rd line or a supplier also sets Avventer (the lifecycle does it). The suppliers configured for the
 * case's service are a pick-list (one of them hands the case to that supplier: its webhook, or the
 * e-mail to copy); a supplier not configured is typed by name, as before.
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
  /** The configured suppliers operating the service, as [id, name], and the one chosen by default. */
  suppliers?: Array<[string, string]>;
  supplierId?: string;
}

/**
 * The pick-list's "none" choice: a value of its own (an empty value is not a valid choice in an
 * Adaptive Card; a supplier id is never "-"), read as no pick.
 */
export const NO_SUPPLIER = '-';

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
      ...(d.suppliers && d.suppliers.length > 0
        ? [
            choiceInput(
              TRIAGE_INPUTS.supplierId,
              strings(d.locale).channel.supplier.pick,
              [[NO_SUPPLIER, strings(d.locale).channel.supplier.none], ...d.suppliers],
              { value: d.supplierId ?? NO_SUPPLIER },
            ),
          ]
        : []),
      textInput(
        TRIAGE_INPUTS.supplier,
        d.suppliers && d.suppliers.length > 0 ? strings(d.locale).channel.supplier.other : a.supplierName,
        TRIAGE_LIMITS.supplier,
        {
          ...(d.supplier ? { value: d.supplier } : {}),
        },
      ),
      textInput(TRIAGE_INPUTS.escalateNote, a.note, TRIAGE_LIMITS.note, { isMultiline: true }),
    ],
    { title: a.save, verb: VERBS.triageEscalate, target: d.target },
  );
}
