/** The ids of the case conversation's card inputs (issue 8), shared by the cards and their handlers. */
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
