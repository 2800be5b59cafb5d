/**
 * The case card's conversation part, appended to the `status` card: a comment box with
 * "Kommenter", "Følg saken" / "Slutt å følge" for those who may follow, and for the reporter the
 * followers as a comma-separated field with "Lagre følgere".
 */
import type { Locale } from '../../shared/i18n-text';
import { actionSet, execute, type CardElement } from './card';
import { commentInputs, CONVERSATION_INPUTS } from './comment-notice';
import { VERBS } from './verbs';
import { strings } from '../i18n/strings';

export interface CaseConversationData {
  locale: Locale;
  ref: string;
  /** The viewer may write an internal note (a support line). */
  support: boolean;
  follow?: 'follow' | 'unfollow';
  /** For the reporter: the current followers' names. */
  followerNames?: string[];
}

export function caseConversationElements(d: CaseConversationData): CardElement[] {
  const s = strings(d.locale).conversation;
  const buttons: CardElement[] = [execute(s.commentButton, VERBS.caseComment, { ref: d.ref })];
  if (d.follow === 'follow')
    buttons.push(execute(s.follow, VERBS.caseFollow, { ref: d.ref }, { associatedInputs: 'none' }));
  if (d.follow === 'unfollow')
    buttons.push(execute(s.unfollowButton, VERBS.caseUnfollow, { ref: d.ref }, { associatedInputs: 'none' }));
  const out: CardElement[] = [...commentInputs(d.locale, d.support), actionSet(buttons)];
  if (d.followerNames)
    out.push(
      {
        type: 'Input.Text',
        id: CONVERSATION_INPUTS.followerNames,
        label: s.followersLabel,
        placeholder: s.followersPlaceholder,
        value: d.followerNames.join(', '),
        maxLength: 1000,
      },
      actionSet([execute(s.saveFollowers, VERBS.caseFollowers, { ref: d.ref })]),
    );
  return out;
}
