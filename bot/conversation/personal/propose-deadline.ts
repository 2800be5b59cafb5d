/** `ny frist <ref> <dato> <tid> <begrunnelse>` in chat: a support line proposes a new resolution deadline. */
import { DateTime } from 'luxon';
import { parseCaseRef } from '../../../shared/ids';
import type { CardJson } from '../../cards/card';
import { messageCard } from '../../cards/message';
import { type Turn } from '../turn';
import { act } from './case-conversation';

/**
 * `ny frist FV-2026-000123 2026-11-20 15:00 <begrunnelse>` (Oslo time): a support line proposes a new
 * resolution deadline to the reporter (seed 004 §5.5).
 */
export async function proposeDeadlineCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}[:.]\d{2}))?\s+([\s\S]+)$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.proposeUsage });
  const due = DateTime.fromISO(`${m[2]}T${(m[3] ?? '15:00').replace('.', ':').padStart(5, '0')}`, {
    zone: 'Europe/Oslo',
  });
  if (!due.isValid) return messageCard({ text: s.proposeUsage });
  const outcome = await act(turn, ref, () => ({
    type: 'propose_deadline',
    dueAt: due.toJSDate(),
    reason: m[4],
  }));
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: s.proposalSent(ref), tone: 'good' });
}
