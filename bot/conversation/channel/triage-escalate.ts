/**
 * Eskaler: to the 2nd line, the 3rd line or the operations supplier (seed 001 M.1.2.1 and M.1.3.1: the
 * case then waits on them, which the lifecycle records). A supplier picked from the configured ones (or
 * typed with the name of one) is engaged (`engage_supplier`: it holds the case, gets it by webhook or the
 * desk gets the e-mail to copy); a supplier typed by name only is an escalation as before.
 */
import type { SupportLine } from '../../../shared/cases/model';
import { NO_SUPPLIER } from '../../cards/channel/forms/escalate-form';
import { TRIAGE_INPUTS, TRIAGE_LIMITS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

const LINES: readonly string[] = ['second', 'third', 'supplier'];

export const triageEscalate = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: (c) => {
      const s = turn.s.channel;
      const toLine = inputText(data, TRIAGE_INPUTS.toLine);
      if (!LINES.includes(toLine)) return { invalid: s.errors.badChoice(s.actions.toLine) };
      const supplier = inputText(data, TRIAGE_INPUTS.supplier);
      const note = inputText(data, TRIAGE_INPUTS.escalateNote);
      if (supplier.length > TRIAGE_LIMITS.supplier)
        return { invalid: s.errors.tooLong(s.actions.supplierName, TRIAGE_LIMITS.supplier) };
      if (note.length > TRIAGE_LIMITS.note)
        return { invalid: s.errors.tooLong(s.actions.note, TRIAGE_LIMITS.note) };
      if (toLine === 'supplier') {
        const picked = inputText(data, TRIAGE_INPUTS.supplierId);
        const pickedId = picked === NO_SUPPLIER ? '' : picked;
        const configured = turn.catalogue.suppliersOf(c.serviceId);
        const chosen = pickedId
          ? configured.find((x) => x.id === pickedId)
          : configured.find((x) => supplier !== '' && x.name.toLowerCase() === supplier.toLowerCase());
        if (pickedId && !chosen) return { invalid: s.errors.badChoice(turn.s.channel.supplier.pick) };
        if (chosen)
          return {
            command: {
              type: 'engage_supplier',
              supplierId: chosen.id,
              supplierName: chosen.name,
              ...(note ? { note } : {}),
            },
          };
      }
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
