/** Tildel: assign the case to a member of the desk. */
import { userId } from '../../../shared/ids';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { memberName } from './case-card';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

export const triageAssign = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: (_c, desk) => {
      const id = inputText(data, TRIAGE_INPUTS.assignee);
      const a = turn.s.channel.actions;
      if (!desk.members.some((m) => m === id))
        return { invalid: turn.s.channel.errors.badChoice(a.assignee) };
      return {
        command: {
          type: 'assign',
          assignee: { id: userId(id), name: memberName(turn.deps.directory, id) },
        },
      };
    },
  });
