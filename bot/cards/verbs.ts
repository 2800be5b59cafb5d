/**
 * The `Action.Execute` verbs: the cards that render them and the handlers routed by them share these
 * constants, so a card and its handler cannot drift apart. Verbs of issue 5 (desk actions) go here too.
 */
import { CHANNEL_VERBS } from './channel/verbs';

export const VERBS = {
  /** A menu button (welcome, help): run a chat command; data `{ command }`. */
  menuRun: 'menu.run',
  /** Re-render the fault form for another desk, keeping the answers. */
  faultChangeDesk: 'fault.changeDesk',
  /** Submit the fault-report form; data `{ clientKey }`. */
  faultSubmit: 'fault.submit',
  /** From the notice card: link the report to the notice (and its hovedsak). */
  faultJoinNotice: 'fault.joinNotice',
  /** From the notice card: create a new case anyway. */
  faultSubmitNew: 'fault.submitNew',
  /** Show one case; data `{ ref }`. */
  caseShow: 'case.show',
  /** Refresh "Mine saker". */
  casesList: 'cases.list',
  /** The reporter accepts the solution; data `{ ref }`. */
  solutionAccept: 'solution.accept',
  /** The reporter rejects the solution (comment required); data `{ ref }`. */
  solutionReject: 'solution.reject',
  /** Issue 8: comment on a case (reply card, case card, channel); data `{ ref }`, inputs in conversation-inputs.ts. */
  caseComment: 'case.comment',
  /** Issue 8: follow / stop following a case yourself; data `{ ref }`. */
  caseFollow: 'case.follow',
  caseUnfollow: 'case.unfollow',
  /** Issue 8: the reporter sets the case's followers from the case card; data `{ ref }`. */
  caseFollowers: 'case.followers',
  /** Issue 8: the reporter accepts or declines a proposed deadline; data `{ ref, proposalId, accept }`. */
  deadlineAnswer: 'deadline.answer',
  /** Issue 8: a desk member proposes a new deadline from the triage card; data `{ ref }`. */
  deadlinePropose: 'deadline.propose',
  /** Issue 5: the triage card's desk actions and driftsmeldinger (cards/channel/verbs.ts). */
  ...CHANNEL_VERBS,
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];
export const ALL_VERBS: readonly string[] = Object.values(VERBS);
