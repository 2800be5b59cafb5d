/**
 * The card-verb table: every `Action.Execute` verb of `cards/verbs.ts` mapped to its handler. The
 * `Record<Verb, …>` type makes a verb without a handler a compile error; a verb not in the table gets
 * an explicit error response (`routeVerb`). Issue 5's desk verbs are added here.
 */
import { VERBS, type Verb } from '../cards/verbs';
import type { InvokeResult } from './invoke';
import { errorResult } from './invoke';
import type { Turn } from './turn';
import { menuRun } from './handlers/menu-run';
import { faultChangeDesk } from './handlers/fault-change-desk';
import { faultJoinNotice, faultSubmit, faultSubmitNew } from './handlers/fault-submit';
import { caseShow } from './handlers/case-status';
import { casesList } from './handlers/my-cases';
import { solutionAccept, solutionReject } from './handlers/solution';
import { CHANNEL_VERB_HANDLERS } from './channel/verbs';
import {
  caseComment,
  caseFollow,
  caseFollowers,
  caseUnfollow,
  deadlineAnswer,
  deadlinePropose,
} from './comments/handlers';

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
  // Issue 8: the case conversation (comments/handlers.ts).
  [VERBS.caseComment]: caseComment,
  [VERBS.caseFollow]: caseFollow,
  [VERBS.caseUnfollow]: caseUnfollow,
  [VERBS.caseFollowers]: caseFollowers,
  [VERBS.deadlineAnswer]: deadlineAnswer,
  [VERBS.deadlinePropose]: deadlinePropose,
  ...CHANNEL_VERB_HANDLERS,
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
