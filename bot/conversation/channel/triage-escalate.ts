/**
 * Eskaler: to the 2nd line, the 3rd line or the operations supplier (seed 001 M.1.2.1 and M.1.3.1: the
 * case then waits on them, which the lifecycle records).
 */
import type { SupportLine } from '../../../shared/cases/model';
import { TRIAGE_INPUTS, TRIAGE_LIMITS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

const LINES: readonly string[] = ['second', 'third', 'supplier'];

export const triageEscalate = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: () => {
      const s = turn.s.channel;
      const toLine = inputText(data, TRIAGE_INPUTS.toLine);
      if (!LINES.includes(toLine)) return { invalid: s.errors.badChoice(s.actions.toLine) };
      const supplier = inputText(data, TRIAGE_INPUTS.supplier);
      const note = inputText(data, TRIAGE_INPUTS.escalateNote);
      if (supplier.length > TRIAGE_LIMITS.supplier)
        return { invalid: s.errors.tooLong(s.actions.supplierName, TRIAGE_LIMITS.supplier) };
      if (note.length > TRIAGE_LIMITS.note)
        return { invalid: s.errors.tooLong(s.actions.note, TRIAGE_LIMITS.note) };
      return {
        command: {
          type: 'escalate',
          toLine: toLine as SupportLine,
          ...(supplier && toLine !== 'second' ? { supplier } : {}),
          ...(note ? { note } : {}),
        },
      };
    },
  });
