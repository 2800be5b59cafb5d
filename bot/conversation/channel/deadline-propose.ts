/** "Ny frist" on the triage card: a desk action proposing a new resolution deadline to the reporter. */
import { DateTime } from 'luxon';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { type InvokeResult } from '../invoke';
import { type Turn } from '../turn';
import { deskAction } from './desk-action';

/** "Ny frist" from the triage card: a desk action (members only), proposed to the reporter. */
export async function deadlinePropose(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.conversation;
  const date = data[CONVERSATION_INPUTS.proposedDate];
  const time = data[CONVERSATION_INPUTS.proposedTime];
  const reason = data[CONVERSATION_INPUTS.proposedReason];
  return deskAction(turn, data, {
    build: () => {
      const due = DateTime.fromISO(`${String(date)}T${typeof time === 'string' && time ? time : '15:00'}`, {
        zone: 'Europe/Oslo',
      });
      if (typeof date !== 'string' || !due.isValid) return { invalid: s.proposedDateMissing };
      if (typeof reason !== 'string' || reason.trim() === '') return { invalid: s.proposedReasonMissing };
      return { command: { type: 'propose_deadline', dueAt: due.toJSDate(), reason } };
    },
  });
}
