/** `fakturerbar <ref> <begrunnelse>`: a desk member marks the case as likely billable. */
import { parseCaseRef } from '../../../shared/ids';
import type { CardJson } from '../../cards/card';
import { messageCard } from '../../cards/message';
import { type Turn } from '../turn';
import { act } from './case-conversation';

/** `fakturerbar FV-2026-000123 <begrunnelse>` (a desk member; seed 002 §5.1.2.4). */
export async function billableCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+([\s\S]+)$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.billableUsage });
  const outcome = await act(turn, ref, () => ({ type: 'mark_billable', reason: m[2] }));
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: s.billableSaved(ref), tone: 'good' });
}
