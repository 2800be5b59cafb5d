/** The case conversation's words: comments, followers, agreed deadlines, billable work, problem records. */

export interface ConversationStrings {
  commentUsage: string;
  followUsage: string;
  commented: (ref: string) => string;
  newComment: (ref: string, who: string) => string;
  addressedTo: (who: string) => string;
  reply: string;
  commentLabel: string;
  commentPlaceholder: string;
  send: string;
  commentRequired: string;
  commentTooLong: (max: number) => string;
  follow: string;
  following: (ref: string) => string;
  unfollowed: (ref: string) => string;
  alreadyFollowing: (ref: string) => string;
  notFollowing: (ref: string) => string;
  youFollow: (ref: string, title: string) => string;
  reporterCannotFollow: string;
  followersLabel: string;
  followersPlaceholder: string;
  followersSaved: (ref: string) => string;
  noSuchPerson: (name: string) => string;
  proposalTitle: (ref: string) => string;
  proposalIntro: string;
  proposedDue: string;
  /** The time field of the triage card's "Ny frist" form (Oslo time). */
  proposedTime: string;
  /** The card form's answer when the new deadline's day is missing or not a date. */
  proposedDateMissing: string;
  /** The card form's answer when the reason (which the reporter reads) is missing. */
  proposedReasonMissing: string;
  reason: string;
  accept: string;
  decline: string;
  declineComment: string;
  accepted: (ref: string, due: string) => string;
  declined: (ref: string) => string;
  proposalAnswered: (ref: string, accepted: boolean, due: string) => string;
  proposalStale: string;
  billable: (ref: string, reason: string) => string;
  problem: (ref: string, problemId: string) => string;
  administratorTold: (ref: string, title: string, service: string) => string;
  event: {
    /** The deadline proposal told to the reporter and the desk. */
    proposed: (due: string) => string;
  };
  update: {
    claimed: (ref: string, who: string) => string;
    waiting: (ref: string) => string;
    resumed: (ref: string) => string;
    solved: (ref: string) => string;
    closed: (ref: string) => string;
    rejected: (ref: string) => string;
  };
  forbidden: string;
  invalid: (detail: string) => string;
  commentButton: string;
  unfollowButton: string;
  saveFollowers: string;
  internalToggle: string;
  showCase: string;
  noteAdded: (ref: string) => string;
  proposalSent: (ref: string) => string;
  proposeUsage: string;
  billableUsage: string;
  problemUsage: string;
  billableSaved: (ref: string) => string;
  problemSaved: (ref: string, id: string) => string;
}
