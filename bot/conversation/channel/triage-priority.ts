/** Endre prioritet: a priority of the desk's scheme, with an optional reason. */
import { priorityId } from '../../../shared/ids';
import { findPriority } from '../../../shared/sla/policy';
import { TRIAGE_INPUTS, TRIAGE_LIMITS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

export const triagePriority = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: (_c, desk) => {
      const s = turn.s.channel;
      const to = priorityId(inputText(data, TRIAGE_INPUTS.priority));
      if (!findPriority(desk.policy, to)) return { invalid: s.errors.badChoice(s.actions.newPriority) };
      const reason = inputText(data, TRIAGE_INPUTS.priorityReason);
      if (reason.length > TRIAGE_LIMITS.priorityReason)
        return { invalid: s.errors.tooLong(s.actions.priorityReason, TRIAGE_LIMITS.priorityReason) };
      return { command: { type: 'change_priority', to, ...(reason ? { reason } : {}) } };
    },
  });
