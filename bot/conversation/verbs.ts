/**
 * The card-verb table, the one routing table of `Action.Execute`: every verb of `cards/verbs.ts` (with
 * the channel's, `cards/channel/verbs.ts`) mapped to its handler, one file each under `personal/` (the
 * 1:1 chat) or `channel/` (triage and driftsmeldinger). The `Record<Verb, …>` type makes a verb without
 * a handler a compile error; a verb not in the table gets an explicit error response (`routeVerb`).
 */
import { VERBS, type Verb } from '../cards/verbs';
import type { InvokeResult } from './invoke';
import { errorResult } from './invoke';
import type { Turn } from './turn';
import { menuRun } from './personal/menu-run';
import { faultChangeDesk } from './personal/fault-change-desk';
import { faultJoinNotice, faultSubmit, faultSubmitNew } from './personal/fault-submit';
import { caseShow } from './personal/case-status';
import { casesList } from './personal/my-cases';
import { solutionAccept, solutionReject } from './personal/solution';
import { noticePublish } from './channel/notice-publish';
import { noticeResolve } from './channel/notice-resolve';
import { fellesfeilAccept, fellesfeilReject } from './channel/fellesfeil-decide';
import { noticeUpdate } from './channel/notice-update';
import { triageNotice } from './channel/triage-notice';
import { triageEndUserInfo } from './channel/triage-end-user-info';
import { triageAssign } from './channel/triage-assign';
import { triageClaim } from './channel/triage-claim';
import { triageEscalate } from './channel/triage-escalate';
import { triageLink } from './channel/triage-link';
import { triagePriority } from './channel/triage-priority';
import { triageRefresh } from './channel/triage-refresh';
import { triageResume } from './channel/triage-resume';
import { triageSolve } from './channel/triage-solve';
import { triageWait } from './channel/triage-wait';
import { caseComment } from './personal/comment';
import { caseFollow, caseUnfollow } from './personal/follow';
import { caseFollowers } from './personal/followers';
import { deadlineAnswer } from './personal/deadline-answer';
import { estimateAnswer, orderOpen, orderSubmit } from './personal/order';
import { triageConvert, triageEstimate } from './channel/triage-order';
import { deadlinePropose } from './channel/deadline-propose';

export type VerbHandler = (turn: Turn, data: Record<string, unknown>) => Promise<InvokeResult>;

export const VERB_HANDLERS: Record<Verb, VerbHandler> = {
  [VERBS.menuRun]: menuRun,
  [VERBS.faultChangeDesk]: faultChangeDesk,
  [VERBS.faultSubmit]: faultSubmit,
  [VERBS.faultSubmitNew]: faultSubmitNew,
  [VERBS.faultJoinNotice]: faultJoinNotice,
  [VERBS.caseShow]: caseShow,
  [VERBS.casesList]: casesList,
  [VERBS.solutionAccept]: solutionAccept,
  [VERBS.solutionReject]: solutionReject,
  // The case conversation: comments, followers, agreed deadlines.
  [VERBS.caseComment]: caseComment,
  [VERBS.caseFollow]: caseFollow,
  [VERBS.caseUnfollow]: caseUnfollow,
  [VERBS.caseFollowers]: caseFollowers,
  [VERBS.deadlineAnswer]: deadlineAnswer,
  [VERBS.deadlinePropose]: deadlinePropose,
  // Orders: the catalogue's form, estimates and their approval.
  [VERBS.orderOpen]: orderOpen,
  [VERBS.orderSubmit]: orderSubmit,
  [VERBS.estimateAnswer]: estimateAnswer,
  [VERBS.triageEstimate]: triageEstimate,
  [VERBS.triageConvert]: triageConvert,
  // The channel: triage card desk actions and driftsmeldinger (cards/channel/verbs.ts).
  [VERBS.triageRefresh]: triageRefresh,
  [VERBS.triageClaim]: triageClaim,
  [VERBS.triageAssign]: triageAssign,
  [VERBS.triagePriority]: triagePriority,
  [VERBS.triageWait]: triageWait,
  [VERBS.triageResume]: triageResume,
  [VERBS.triageEscalate]: triageEscalate,
  [VERBS.triageSolve]: triageSolve,
  [VERBS.triageLink]: triageLink,
  [VERBS.triageNotice]: triageNotice,
  [VERBS.triageEndUserInfo]: triageEndUserInfo,
  [VERBS.noticePublish]: noticePublish,
  [VERBS.noticeUpdate]: noticeUpdate,
  [VERBS.noticeResolve]: noticeResolve,
  [VERBS.fellesfeilAccept]: fellesfeilAccept,
  [VERBS.fellesfeilReject]: fellesfeilReject,
};

export function routeVerb(turn: Turn, verb: unknown, data: Record<string, unknown>): Promise<InvokeResult> {
  const handler =
    typeof verb === 'string' && Object.hasOwn(VERB_HANDLERS, verb) ? VERB_HANDLERS[verb as Verb] : undefined;
  if (!handler)
    return Promise.resolve(
      errorResult(400, 'UnknownVerb', `${turn.s.errors.unknownAction} (${String(verb).slice(0, 60)})`),
    );
  return handler(turn, data);
}
