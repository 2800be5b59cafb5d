/**
 * A comment told proactively: to the reporter and followers in their chats, or to the desk as
 * a reply in the case's triage thread. Shows the case reference, who wrote, the addressee, the text
 * (plain text, escaped for the card's Markdown) and a reply box with "Svar". The desk's copy offers
 * the internal-note toggle.
 */
import type { Locale } from '../../shared/i18n-text';
import { MAX_COMMENT_LENGTH, plainTextForCard } from '../../shared/text';
import { card, execute, text, type CardElement, type CardJson } from './card';
import { VERBS } from './verbs';
import { strings } from '../i18n/strings';

/**
 * The ids of the case conversation's inputs (the comment box here, the followers box of the case card,
 * the deadline answer and proposal), read back by their handlers.
 */
export const CONVERSATION_INPUTS = {
  commentText: 'commentText',
  /** A toggle on desk cards: `'true'` makes the comment an internal note. */
  commentInternal: 'commentInternal',
  followerNames: 'followerNames',
  deadlineComment: 'deadlineComment',
  proposedDate: 'proposedDate',
  proposedTime: 'proposedTime',
  proposedReason: 'proposedReason',
} as const;

export interface CommentNoticeData {
  locale: Locale;
  ref: string;
  title: string;
  author: string;
  text: string;
  addressee?: string;
  /** The desk's copy: the reply may be an internal note. */
  forDesk?: boolean;
}

export function commentInputs(locale: Locale, forDesk: boolean): CardElement[] {
  const s = strings(locale).conversation;
  return [
    {
      type: 'Input.Text',
      id: CONVERSATION_INPUTS.commentText,
      label: s.commentLabel,
      placeholder: s.commentPlaceholder,
      isMultiline: true,
      maxLength: MAX_COMMENT_LENGTH,
    },
    ...(forDesk
      ? [
          {
            type: 'Input.Toggle',
            id: CONVERSATION_INPUTS.commentInternal,
            title: s.internalToggle,
            value: 'false',
            valueOn: 'true',
            valueOff: 'false',
          },
        ]
      : []),
  ];
}

export function commentNoticeCard(d: CommentNoticeData): CardJson {
  const s = strings(d.locale).conversation;
  return card(
    [
      text(s.newComment(d.ref, plainTextForCard(d.author)), { weight: 'bolder' }),
      text(plainTextForCard(d.title), { isSubtle: true, spacing: 'none' }),
      ...(d.addressee ? [text(s.addressedTo(plainTextForCard(d.addressee)), { isSubtle: true })] : []),
      text(plainTextForCard(d.text)),
      ...commentInputs(d.locale, d.forDesk ?? false),
    ],
    [
      execute(s.reply, VERBS.caseComment, { ref: d.ref }),
      execute(s.showCase, VERBS.caseShow, { ref: d.ref }),
    ],
  );
}
