/**
 * "Kommenter" on the triage card: a form under the card's "Mer" with the comment box and the
 * internal-note toggle (a reply the reporter sees, or a note only the support lines see). It carries
 * no version: a comment adds to the case, so a card made before someone else's change still works.
 */
import type { Locale } from '../../shared/i18n-text';
import { execute, type CardElement } from './card';
import { commentInputs, CONVERSATION_INPUTS } from './comment-notice';
import { VERBS } from './verbs';
import { strings } from '../i18n/strings';

/**
 * "Ny frist" under the triage card's "Mer" (seed 004 §5.5): date, time (Oslo) and the reason, proposed
 * to the reporter. In chat: `ny frist <ref> <dato> <tid> <begrunnelse>`.
 */
export function triageDeadlineForm(locale: Locale, ref: string): CardElement {
  const s = strings(locale).conversation;
  return {
    type: 'Action.ShowCard',
    title: s.proposedDue,
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.Date',
          id: CONVERSATION_INPUTS.proposedDate,
          label: s.proposedDue,
          isRequired: true,
          errorMessage: s.proposedDateMissing,
        },
        {
          type: 'Input.Time',
          id: CONVERSATION_INPUTS.proposedTime,
          label: s.proposedTime,
          value: '15:00',
        },
        {
          type: 'Input.Text',
          id: CONVERSATION_INPUTS.proposedReason,
          label: s.reason,
          isMultiline: true,
          maxLength: 1000,
          isRequired: true,
          errorMessage: s.proposedReasonMissing,
        },
      ],
      actions: [execute(s.send, VERBS.deadlinePropose, { ref })],
    },
  };
}

export function triageCommentForm(locale: Locale, ref: string): CardElement {
  const s = strings(locale).conversation;
  return {
    type: 'Action.ShowCard',
    title: s.commentButton,
    card: {
      type: 'AdaptiveCard',
      body: commentInputs(locale, true),
      actions: [execute(s.send, VERBS.caseComment, { ref })],
    },
  };
}
