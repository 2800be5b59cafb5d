/** Avventer: waiting on the supplier (with its case number), the 3rd line or the reporter. */
import type { WaitReason } from '../../../shared/cases/model';
import { TRIAGE_INPUTS, TRIAGE_LIMITS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

const REASONS: readonly string[] = ['supplier', 'third_line', 'reporter'];

export const triageWait = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: () => {
      const s = turn.s.channel;
      const reason = inputText(data, TRIAGE_INPUTS.waitReason);
      if (!REASONS.includes(reason)) return { invalid: s.errors.badChoice(s.actions.waitReason) };
      const no = inputText(data, TRIAGE_INPUTS.supplierCaseNumber);
      const note = inputText(data, TRIAGE_INPUTS.waitNote);
      if (no.length > TRIAGE_LIMITS.supplierCaseNumber)
        return { invalid: s.errors.tooLong(s.actions.supplierCaseNumber, TRIAGE_LIMITS.supplierCaseNumber) };
      if (note.length > TRIAGE_LIMITS.note)
        return { invalid: s.errors.tooLong(s.actions.note, TRIAGE_LIMITS.note) };
      return {
        command: {
          type: 'wait',
          reason: reason as WaitReason,
          ...(no ? { supplierCaseNumber: no } : {}),
          ...(note ? { note } : {}),
        },
      };
    },
  });
