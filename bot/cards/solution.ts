/**
 * Sent to the reporter when the desk marks the case Løst: the solution, "Godta løsningen" (accept) and
 * "Ikke løst" (reject, a comment is required: the server checks it and re-renders with a message). The
 * same answer is offered on the case card (`status <ref>`, `solutionAnswerElements`). Once answered,
 * the card keeps the solution and says what the reporter answered (`answered`).
 */
import type { Locale } from '../../shared/i18n-text';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, execute, heading, text, type CardElement, type CardJson } from './card';
import { VERBS } from './verbs';

/** The rejection comment's input id and limit, read back by the solution handlers. */
export const SOLUTION_INPUTS = { rejectComment: 'rejectComment' } as const;
export const SOLUTION_LIMITS = { rejectComment: 2000 } as const;

export interface SolutionCardData {
  locale: Locale;
  ref: string;
  title: string;
  solution: string;
  autoCloseWorkingDays: number;
  comment?: string;
  commentError?: string;
  /** The reporter's answer, once given: the card keeps the solution and says what was answered. */
  answered?: { accepted: boolean; comment?: string };
}

/** The comment box for "Ikke løst" (with its error under it) and the two answer buttons. */
export function solutionAnswerElements(
  locale: Locale,
  options: { comment?: string; commentError?: string } = {},
): CardElement[] {
  const sol = strings(locale).solution;
  return [
    {
      type: 'Input.Text',
      id: SOLUTION_INPUTS.rejectComment,
      label: sol.rejectComment,
      placeholder: sol.rejectPlaceholder,
      isMultiline: true,
      maxLength: SOLUTION_LIMITS.rejectComment,
      ...(options.comment !== undefined ? { value: options.comment } : {}),
    },
    ...(options.commentError
      ? [
          text(options.commentError, {
            color: 'attention',
            size: 'small',
            spacing: 'none',
            id: 'rejectCommentError',
          }),
        ]
      : []),
  ];
}

/** "Godta løsningen" and "Ikke løst", the same verbs wherever the reporter sees the solution. */
export function solutionAnswerActions(locale: Locale, ref: string): CardElement[] {
  const sol = strings(locale).solution;
  return [
    execute(sol.accept, VERBS.solutionAccept, { ref }, { style: 'positive', associatedInputs: 'none' }),
    execute(sol.reject, VERBS.solutionReject, { ref }, { style: 'destructive' }),
  ];
}

export function solutionCard(d: SolutionCardData): CardJson {
  const s = strings(d.locale);
  const sol = s.solution;
  const shown: CardElement[] = [
    heading(sol.title(d.ref)),
    text(plainTextForCard(d.title), { isSubtle: true, spacing: 'none' }),
    ...(d.answered ? [] : [text(sol.intro)]),
    text(sol.solutionLabel, { weight: 'bolder', spacing: 'medium' }),
    text(plainTextForCard(d.solution), { spacing: 'small' }),
  ];
  if (d.answered) {
    const a = d.answered;
    return card(
      [
        ...shown,
        text(a.accepted ? sol.thanks(d.ref) : sol.reopened(d.ref), {
          weight: 'bolder',
          spacing: 'medium',
          color: a.accepted ? 'good' : 'default',
          id: 'solutionAnswer',
        }),
        ...(a.comment
          ? [
              text(sol.yourAnswer, { weight: 'bolder', spacing: 'small' }),
              text(plainTextForCard(a.comment), { spacing: 'none' }),
            ]
          : []),
      ],
      [execute(s.update.open, VERBS.caseShow, { ref: d.ref })],
    );
  }
  return card(
    [
      ...shown,
      ...solutionAnswerElements(d.locale, {
        ...(d.comment !== undefined ? { comment: d.comment } : {}),
        ...(d.commentError ? { commentError: d.commentError } : {}),
      }),
      text(sol.autoClose(d.autoCloseWorkingDays), { isSubtle: true, size: 'small' }),
    ],
    solutionAnswerActions(d.locale, d.ref),
  );
}
