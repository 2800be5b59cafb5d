/**
 * The reporter's answer to a solution, from the solution card or the case card (`status <ref>`):
 * "Godta løsningen" closes the case, "Ikke løst" (comment required) reopens it. The answer replaces the
 * card with the solution still shown and what was answered, so the solution stays in the chat.
 */
import { isFristvaktError } from '../../../shared/errors';
import { parseCaseRef } from '../../../shared/ids';
import { solutionCard, SOLUTION_INPUTS, SOLUTION_LIMITS } from '../../cards/solution';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { caseStatusCardFor, latestSolution } from './case-status';
import type { CaseCommand } from '../../../shared/cases/lifecycle';

async function answer(turn: Turn, data: Record<string, unknown>, accept: boolean): Promise<InvokeResult> {
  const ref = typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[SOLUTION_INPUTS.rejectComment];
  const comment = typeof raw === 'string' ? raw.trim() : '';
  let command: CaseCommand = { type: 'accept' };
  const found = await turn.deps.store.cases.getVisible(ref, turn.access);
  if (!found) return cardResult(await caseStatusCardFor(turn, ref));
  const base = {
    locale: turn.locale,
    ref,
    title: found.value.title,
    solution: latestSolution(found.value) ?? '',
    autoCloseWorkingDays: turn.catalogue.desk(found.value.deskId)?.autoCloseWorkingDays ?? 5,
  };
  if (!accept) {
    const error =
      comment.length === 0
        ? turn.s.errors.commentRequired
        : comment.length > SOLUTION_LIMITS.rejectComment
          ? turn.s.errors.tooLong(SOLUTION_LIMITS.rejectComment)
          : undefined;
    if (error)
      return cardResult(
        solutionCard({
          ...base,
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
  return cardResult(
    solutionCard({ ...base, answered: { accepted: accept, ...(accept ? {} : { comment }) } }),
  );
}

export const solutionAccept = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  answer(turn, data, true);
export const solutionReject = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  answer(turn, data, false);
