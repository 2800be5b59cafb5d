/** `problemsak <ref> <id>`: a support line links the case to a problem record. */
import { parseCaseRef } from '../../../shared/ids';
import type { CardJson } from '../../cards/card';
import { messageCard } from '../../cards/message';
import { type Turn } from '../turn';
import { act } from './case-conversation';

/** `problemsak FV-2026-000123 <id>` (a support line; seed 002 §5.1.2.5). */
export async function problemCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+(\S{1,100})\s*$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.problemUsage });
  const outcome = await act(turn, ref, () => ({ type: 'link_problem', problemId: m[2] }));
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: s.problemSaved(ref, m[2]), tone: 'good' });
}
