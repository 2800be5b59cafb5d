/** Løs: the solution text (required; the reporter gets it). A hovedsak's undersaker are solved with it. */
import type { Locale } from '../../../../shared/i18n-text';
import type { CardElement } from '../../card';
import { text } from '../../card';
import { VERBS } from '../../verbs';
import { TRIAGE_INPUTS, TRIAGE_LIMITS, showCardForm, textInput, type FormTarget } from './form';
import { strings } from '../../../i18n/strings';

export interface SolveFormData {
  locale: Locale;
  target: FormTarget;
  childCount: number;
}

export function solveForm(d: SolveFormData): CardElement {
  const a = strings(d.locale).channel.actions;
  return showCardForm(
    a.solve,
    [
      textInput(TRIAGE_INPUTS.solution, a.solution, TRIAGE_LIMITS.solution, {
        isMultiline: true,
        isRequired: true,
        errorMessage: strings(d.locale).channel.notice.field.required,
        placeholder: a.solutionPlaceholder,
      }),
      ...(d.childCount > 0 ? [text(a.childrenToo(d.childCount), { isSubtle: true, size: 'small' })] : []),
    ],
    { title: a.solve, verb: VERBS.triageSolve, target: d.target, style: 'positive' },
  );
}
