/** The shape every desk-action form shares: an `Action.ShowCard` whose card ends in one `Action.Execute`. */
import type { CardElement, Json } from '../../card';
import { execute } from '../../card';
import type { Verb } from '../../verbs';

/** The ids and limits of the desk-action forms' inputs, read back by the triage handlers. */
export const TRIAGE_INPUTS = {
  assignee: 'assignee',
  priority: 'priority',
  priorityReason: 'priorityReason',
  waitReason: 'waitReason',
  supplierCaseNumber: 'supplierCaseNumber',
  waitNote: 'waitNote',
  toLine: 'toLine',
  supplier: 'supplier',
  supplierId: 'supplierId',
  escalateNote: 'escalateNote',
  solution: 'solution',
  parentRef: 'parentRef',
} as const;

export const TRIAGE_LIMITS = {
  solution: 4000,
  note: 1000,
  supplierCaseNumber: 100,
  supplier: 200,
  priorityReason: 1000,
} as const;

export interface FormTarget {
  ref: string;
  version: string;
}

export function showCardForm(
  title: string,
  body: CardElement[],
  submit: { title: string; verb: Verb; target: FormTarget; style?: 'positive' | 'destructive' },
): CardElement {
  const data: Record<string, Json> = { ref: submit.target.ref, version: submit.target.version };
  return {
    type: 'Action.ShowCard',
    title,
    card: {
      type: 'AdaptiveCard',
      body,
      actions: [execute(submit.title, submit.verb, data, submit.style ? { style: submit.style } : {})],
    },
  };
}

export function choiceInput(
  id: string,
  label: string,
  options: Array<[string, string]>,
  extra: Record<string, Json> = {},
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    choices: options.map(([value, title]) => ({ title, value })),
    ...extra,
  };
}

export function textInput(
  id: string,
  label: string,
  maxLength: number,
  extra: Record<string, Json> = {},
): CardElement {
  return { type: 'Input.Text', id, label, maxLength, ...extra };
}
