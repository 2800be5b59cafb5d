/**
 * The `Action.Execute` verbs: the cards that render them and the handlers routed by them share these
 * constants, so a card and its handler cannot drift apart. The channel's verbs (desk actions,
 * driftsmeldinger) live beside the channel cards and are spread in here.
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
  /** Comment on a case (reply card, case card, channel); data `{ ref }`, inputs `CONVERSATION_INPUTS`. */
  caseComment: 'case.comment',
  /** Follow / stop following a case yourself; data `{ ref }`. */
  caseFollow: 'case.follow',
  caseUnfollow: 'case.unfollow',
  /** The reporter sets the case's followers from the case card; data `{ ref }`. */
  caseFollowers: 'case.followers',
  /** The reporter accepts or declines a proposed deadline; data `{ ref, proposalId, accept }`. */
  deadlineAnswer: 'deadline.answer',
  /** A desk member proposes a new deadline from the triage card; data `{ ref }`. */
  deadlinePropose: 'deadline.propose',
  /** Orders: open the order form for a catalogue service; data `{ serviceId }`. */
  orderOpen: 'order.open',
  /** Submit the order form; data `{ clientKey, serviceId }`, inputs `ORDER_INPUTS`. */
  orderSubmit: 'order.submit',
  /** The orderer approves or rejects an estimate; data `{ ref, estimateId, approve }`. */
  estimateAnswer: 'estimate.answer',
  /** A desk member sends an estimate from the triage card; data `{ ref, version }`, inputs hours and text. */
  triageEstimate: 'triage.estimate',
  /** A desk member converts the case fault ↔ order; data `{ ref, version, to }`. */
  triageConvert: 'triage.convert',
  /** The triage card's desk actions and driftsmeldinger (cards/channel/verbs.ts). */
  ...CHANNEL_VERBS,
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];
export const ALL_VERBS: readonly string[] = Object.values(VERBS);
