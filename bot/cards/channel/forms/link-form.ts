/** Knytt til hovedsak: the reference of the fellesfeil's hovedsak. */
import type { Locale } from '../../../../shared/i18n-text';
import type { CardElement } from '../../card';
import { VERBS } from '../../verbs';
import { TRIAGE_INPUTS, showCardForm, textInput, type FormTarget } from './form';
import { strings } from '../../../i18n/strings';

export interface LinkFormData {
  locale: Locale;
  target: FormTarget;
}

export function linkForm(d: LinkFormData): CardElement {
  const a = strings(d.locale).channel.actions;
  return showCardForm(
    a.link,
    [
      textInput(TRIAGE_INPUTS.parentRef, a.parentRef, 20, {
        isRequired: true,
        errorMessage: strings(d.locale).channel.notice.field.required,
        placeholder: a.parentPlaceholder,
      }),
    ],
    { title: a.save, verb: VERBS.triageLink, target: d.target },
  );
}
