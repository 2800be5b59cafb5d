/**
 * Løs: the solution text is required (the reporter gets it with "Løst – takk" / "Ikke løst"). Solving a
 * hovedsak solves each of its open undersaker with the same solution and notifies their reporters.
 */
import { TRIAGE_INPUTS, TRIAGE_LIMITS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

export const triageSolve = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: () => {
      const s = turn.s.channel;
      const solution = inputText(data, TRIAGE_INPUTS.solution);
      if (solution === '') return { invalid: s.errors.required(s.actions.solution) };
      if (solution.length > TRIAGE_LIMITS.solution)
        return { invalid: s.errors.tooLong(s.actions.solution, TRIAGE_LIMITS.solution) };
      return { command: { type: 'solve', solution } };
    },
    // The change service solves the open undersaker with the hovedsak; the banner counts them.
    after: (applied) =>
      applied.after.value.childRefs.length === 0
        ? undefined
        : turn.s.channel.done.solvedChildren(applied.followUps.length),
  });
