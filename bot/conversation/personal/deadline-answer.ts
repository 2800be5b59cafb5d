/** The reporter's answer to a proposed deadline. */
import { type EventId } from '../../../shared/ids';
import { MAX_COMMENT_LENGTH } from '../../../shared/text';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { messageCard } from '../../cards/message';
import { formatDeadline } from '../../../shared/dates';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { type Turn } from '../turn';
import { act, refOf } from './case-conversation';

/** The reporter's answer to a proposed deadline. */
export async function deadlineAnswer(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.conversation;
  const ref = refOf(data);
  if (!ref || typeof data.accept !== 'boolean' || typeof data.proposalId !== 'string')
    return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[CONVERSATION_INPUTS.deadlineComment];
  const comment = typeof raw === 'string' && raw.trim() !== '' ? raw.slice(0, MAX_COMMENT_LENGTH) : undefined;
  const accept = data.accept;
  const outcome = await act(turn, ref, () => ({
    type: 'answer_deadline',
    accept,
    proposalId: data.proposalId as EventId,
    ...(comment ? { comment } : {}),
  }));
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message, tone: 'warning' }));
  const due = outcome.ok.agreedResolutionDueAt;
  return cardResult(
    messageCard({
      text: accept && due ? s.accepted(ref, formatDeadline(new Date(due), turn.locale)) : s.declined(ref),
      tone: 'good',
    }),
  );
}
