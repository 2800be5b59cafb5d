/** Tildel: choose a desk member. */
import type { Locale } from '../../../../shared/i18n-text';
import type { CardElement } from '../../card';
import { VERBS } from '../../verbs';
import { TRIAGE_INPUTS, choiceInput, showCardForm, type FormTarget } from './form';
import { strings } from '../../../i18n/strings';

export interface AssignFormData {
  locale: Locale;
  target: FormTarget;
  /** Desk members as [user id, name]. */
  members: Array<[string, string]>;
}

export function assignForm(d: AssignFormData): CardElement {
  const a = strings(d.locale).channel.actions;
  return showCardForm(
    a.assign,
    [
      choiceInput(TRIAGE_INPUTS.assignee, a.assignee, d.members, {
        isRequired: true,
        errorMessage: strings(d.locale).channel.notice.field.required,
      }),
    ],
    { title: a.save, verb: VERBS.triageAssign, target: d.target },
  );
}
