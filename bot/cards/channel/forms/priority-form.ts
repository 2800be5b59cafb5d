/** Endre prioritet: the desk's priority scheme, with an optional reason. */
import type { Locale } from '../../../../shared/i18n-text';
import type { CardElement } from '../../card';
import { VERBS } from '../../verbs';
import { TRIAGE_INPUTS, TRIAGE_LIMITS, choiceInput, showCardForm, textInput, type FormTarget } from './form';
import { strings } from '../../../i18n/strings';

export interface PriorityFormData {
  locale: Locale;
  target: FormTarget;
  /** The scheme as [priority id, label], most urgent first. */
  priorities: Array<[string, string]>;
  current: string;
}

export function priorityForm(d: PriorityFormData): CardElement {
  const a = strings(d.locale).channel.actions;
  return showCardForm(
    a.priority,
    [
      choiceInput(TRIAGE_INPUTS.priority, a.newPriority, d.priorities, {
        value: d.current,
        isRequired: true,
        errorMessage: strings(d.locale).channel.notice.field.required,
      }),
      textInput(TRIAGE_INPUTS.priorityReason, a.priorityReason, TRIAGE_LIMITS.priorityReason),
    ],
    { title: a.save, verb: VERBS.triagePriority, target: d.target },
  );
}
