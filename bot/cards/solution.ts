/**
 * Sent to the reporter when the desk marks the case Løst: the solution, "Løst – takk" (accept) and
 * "Ikke løst" (reject, a comment is required: the server checks it and re-renders with a message).
 */
import type { Locale } from '../../shared/i18n-text';
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
}

export function solutionCard(d: SolutionCardData): CardJson {
  const s = strings(d.locale);
  const sol = s.solution;
  const errorLine: CardElement[] = d.commentError
    ? [text(d.commentError, { color: 'attention', size: 'small', spacing: 'none', id: 'rejectCommentError' })]
    : [];
  return card(
    [
      heading(sol.title(d.ref)),
      text(d.title, { isSubtle: true, spacing: 'none' }),
      text(sol.intro),
      text(sol.solutionLabel, { weight: 'bolder', spacing: 'medium' }),
      text(d.solution, { spacing: 'small' }),
      {
        type: 'Input.Text',
        id: SOLUTION_INPUTS.rejectComment,
        label: sol.rejectComment,
        placeholder: sol.rejectPlaceholder,
        isMultiline: true,
        maxLength: SOLUTION_LIMITS.rejectComment,
        ...(d.comment !== undefined ? { value: d.comment } : {}),
      },
      ...errorLine,
      text(sol.autoClose(d.autoCloseWorkingDays), { isSubtle: true, size: 'small' }),
    ],
    [
      execute(
        sol.accept,
        VERBS.solutionAccept,
        { ref: d.ref },
        { style: 'positive', associatedInputs: 'none' },
      ),
      execute(sol.reject, VERBS.solutionReject, { ref: d.ref }, { style: 'destructive' }),
    ],
  );
}
