/** Comments: `kommenter <ref> <tekst>` in chat (a support line may start with `internt:`), and Kommenter / Svar on a card; in a channel a desk action (members only). */
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import type { Case, CommentVisibility } from '../../../shared/cases/model';
import { parseCaseRef } from '../../../shared/ids';
import { MAX_COMMENT_LENGTH, detectAddressee } from '../../../shared/text';
import type { CardJson } from '../../cards/card';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { messageCard } from '../../cards/message';
import { roleOn } from '../../../shared/access';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { type Turn } from '../turn';
import { caseStatusCardFor } from './case-status';
import { deskAction } from '../channel/desk-action';
import { act, knownNames, refOf } from './case-conversation';

function commentCommand(turn: Turn, c: Case, raw: string, internal: boolean): CaseCommand | string {
  const s = turn.s.conversation;
  const text = raw.trim();
  if (text === '') return s.commentRequired;
  if (text.length > MAX_COMMENT_LENGTH) return s.commentTooLong(MAX_COMMENT_LENGTH);
  const role = roleOn(c, turn.access);
  const visibility: CommentVisibility =
    internal && (role === 'desk' || role === 'superuser') ? 'internal' : 'public';
  const addressee = detectAddressee(text, knownNames(turn, c));
  return { type: 'comment', visibility, text, ...(addressee ? { addressee } : {}) };
}

/** `kommenter FV-2026-000123 <tekst>`; a support line may start the text with `internt:` for a note. */
export async function commentCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+([\s\S]+)$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.commentUsage });
  const note = /^intern(?:t|t notat)?:\s*/i.exec(m[2]);
  const outcome = await act(turn, ref, (c) => {
    const support = ['desk', 'superuser'].includes(roleOn(c, turn.access) ?? '');
    return commentCommand(
      turn,
      c,
      note && support ? m[2].slice(note[0].length) : m[2],
      Boolean(note && support),
    );
  });
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  const last = outcome.ok.events[outcome.ok.events.length - 1];
  const internal = last?.type === 'comment' && last.visibility === 'internal';
  return messageCard({ text: internal ? s.noteAdded(ref) : s.commented(ref), tone: 'good' });
}

/**
 * Kommenter / Svar on a card: the comment box's text; on a desk card the internal-note toggle. In a
 * channel (the triage card, a comment's reply in its thread) it is a desk action: members only, the
 * triage card updated in place with a line in the thread, the answer the viewer's triage card.
 */
export async function caseComment(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const ref = refOf(data);
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[CONVERSATION_INPUTS.commentText];
  if (turn.context.activity.conversation?.conversationType === 'channel') {
    const internalNote =
      data[CONVERSATION_INPUTS.commentInternal] === 'true' ||
      data[CONVERSATION_INPUTS.commentInternal] === true;
    return deskAction(turn, data, {
      build: (c) => {
        const cmd = commentCommand(turn, c, typeof raw === 'string' ? raw : '', internalNote);
        if (typeof cmd === 'string') return { invalid: cmd };
        return { command: cmd };
      },
    });
  }
  const internal =
    data[CONVERSATION_INPUTS.commentInternal] === 'true' ||
    data[CONVERSATION_INPUTS.commentInternal] === true;
  const outcome = await act(turn, ref, (c) =>
    commentCommand(turn, c, typeof raw === 'string' ? raw : '', internal),
  );
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message, tone: 'warning' }));
  return cardResult(await caseStatusCardFor(turn, ref));
}
