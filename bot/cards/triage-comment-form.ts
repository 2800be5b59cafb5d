/**
 * "Kommenter" on the triage card (issue 8): a form under the card's "Mer" with the comment box and the
 * internal-note toggle (a reply the reporter sees, or a note only the support lines see). It carries
 * no version: a comment adds to the case, so a card made before someone else's change still works.
 */
import type { Locale } from '../../shared/i18n-text';
import { conversationStrings } from '../conversation/comments/strings';
import { execute, type CardElement } from './card';
import { commentInputs } from './comment-notice';
import { VERBS } from './verbs';

export function triageCommentForm(locale: Locale, ref: string): CardElement {
  const s = conversationStrings(locale);
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
