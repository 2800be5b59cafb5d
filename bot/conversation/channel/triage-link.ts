/**
 * Knytt til hovedsak: the case becomes an undersak of a fellesfeil's hovedsak (same desk, open, not an
 * undersak itself). The undersak is written conditionally on its card's version; the change service
 * then records it on the hovedsak, whose card shows the count.
 */
import { checkParent } from '../../../shared/cases/fellesfeil';
import { isFristvaktError } from '../../../shared/errors';
import { parseCaseRef } from '../../../shared/ids';
import { TRIAGE_INPUTS } from '../../cards/channel/forms/form';
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { inputText } from '../../cards/card';

export const triageLink = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, {
    build: async (c, desk) => {
      const s = turn.s.channel;
      const parentRef = parseCaseRef(inputText(data, TRIAGE_INPUTS.parentRef));
      if (!parentRef) return { invalid: s.errors.required(s.actions.parentRef) };
      const parent = await turn.deps.store.cases.getForDesk(parentRef, desk.id);
      if (!parent) return { invalid: s.errors.notFound(parentRef) };
      try {
        checkParent(c, parent.value);
      } catch (err) {
        if (isFristvaktError(err, 'VALIDATION')) return { invalid: s.errors.badParent };
        throw err;
      }
      return { command: { type: 'link_to_parent', parent: parentRef } };
    },
    // The change service records the undersak on its hovedsak; the banner gives the new count.
    after: (applied) => {
      const parent = applied.followUps.find((p) => p.ref === applied.after.value.parentRef);
      return parent
        ? turn.s.channel.done.childLinked(applied.after.value.ref, parent.childRefs.length)
        : undefined;
    },
  });
