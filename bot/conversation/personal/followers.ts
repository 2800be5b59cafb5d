/** The reporter's "Lagre følgere" on the case card. */
import type { Person } from '../../../shared/cases/model';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { messageCard } from '../../cards/message';
import { personFromText } from './fault/validate';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { type Turn } from '../turn';
import { act, refOf } from './case-conversation';

/** "Lagre følgere" on the reporter's case card: the names field replaces the followers. */
export async function caseFollowers(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.conversation;
  const ref = refOf(data);
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[CONVERSATION_INPUTS.followerNames];
  const names = (typeof raw === 'string' ? raw : '')
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length > 10 || names.some((n) => n.length > 200))
    return cardResult(messageCard({ text: s.invalid(s.followersLabel), tone: 'warning' }));
  const outcome = await act(turn, ref, (c) => {
    const wanted: Person[] = names.map((n) => personFromText(n, turn)).filter((p) => p.id !== c.reporter.id);
    const add = wanted.filter((p) => !c.followers.some((f) => f.id === p.id));
    const remove = c.followers.filter((f) => !wanted.some((p) => p.id === f.id)).map((f) => f.id);
    if (add.length === 0 && remove.length === 0) return s.followersSaved(ref);
    return { type: 'change_followers', add, remove };
  });
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message }));
  return cardResult(messageCard({ text: s.followersSaved(ref), tone: 'good' }));
}
