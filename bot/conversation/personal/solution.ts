/** The reporter's answer to a solution: "Løst – takk" closes the case, "Ikke løst" (comment required) reopens it. */
import { isFristvaktError } from '../../../shared/errors';
import { parseCaseRef } from '../../../shared/ids';
import { messageCard } from '../../cards/message';
import { solutionCard, SOLUTION_INPUTS, SOLUTION_LIMITS } from '../../cards/solution';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { caseStatusCardFor } from './case-status';
import type { CaseCommand } from '../../../shared/cases/lifecycle';

async function answer(turn: Turn, data: Record<string, unknown>, accept: boolean): Promise<InvokeResult> {
  const ref = typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[SOLUTION_INPUTS.rejectComment];
  const comment = typeof raw === 'string' ? raw.trim() : '';
  let command: CaseCommand = { type: 'accept' };
  if (!accept) {
    const found = await turn.deps.store.cases.getVisible(ref, turn.access);
    if (!found) return cardResult(await caseStatusCardFor(turn, ref));
    const solved = [...found.value.events].reverse().find((e) => e.type === 'solved');
    const error =
      comment.length === 0
        ? turn.s.errors.commentRequired
        : comment.length > SOLUTION_LIMITS.rejectComment
          ? turn.s.errors.tooLong(SOLUTION_LIMITS.rejectComment)
          : undefined;
    if (error)
      return cardResult(
        solutionCard({
          locale: turn.locale,
          ref,
          title: found.value.title,
          solution: solved?.type === 'solved' ? solved.solution : '',
          autoCloseWorkingDays: turn.catalogue.desk(found.value.deskId)?.autoCloseWorkingDays ?? 5,
          ...(typeof raw === 'string' ? { comment: raw } : {}),
          commentError: error,
        }),
      );
    command = { type: 'reject', comment };
  }
  try {
    await turn.deps.changes.apply(ref, command, turnActor(turn), turn.now);
  } catch (err) {
    // Already answered (or closed meanwhile), or not the user's case: show the case as it is now.
    if (
      isFristvaktError(err, 'ILLEGAL_TRANSITION') ||
      isFristvaktError(err, 'NOT_FOUND') ||
      isFristvaktError(err, 'FORBIDDEN')
    )
      return cardResult(await caseStatusCardFor(turn, ref));
    throw err;
  }
  const s = turn.s.solution;
  return cardResult(
    messageCard({ text: accept ? s.thanks(ref) : s.reopened(ref), tone: accept ? 'good' : 'default' }),
  );
}

export const solutionAccept = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  answer(turn, data, true);
export const solutionReject = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  answer(turn, data, false);
