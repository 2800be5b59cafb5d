/**
 * "Info til sluttbrukere? Ja/Nei" on a supplier's incident (seed 001 M.2.1.6), a desk action: the
 * decision is recorded once through the change service (an incident "for information only" closes
 * with it). Ja answers with the driftsmelding form prefilled from the incident (its service, title,
 * text and start, the case as its case); Nei keeps it internal and answers with the card.
 */
import { cardResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';
import { newNoticeForm } from './notices';

export async function triageEndUserInfo(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const answer = await deskAction(turn, data, {
    build: (c) =>
      typeof data.inform !== 'boolean'
        ? { invalid: turn.s.channel.errors.generic }
        : c.incident
          ? { command: { type: 'decide_end_user_info', inform: data.inform } }
          : { invalid: turn.s.channel.errors.generic },
  });
  if (data.inform !== true || typeof data.ref !== 'string') return answer;
  // Ja: once the decision stands (this turn's or an earlier one), the notice form from the incident.
  const seen = await turn.deps.changes.read(data.ref as never, { kind: 'system', name: 'Fristvakt' });
  const c = seen?.found.value;
  if (!seen || !c?.incident?.endUserInfo) return answer;
  return cardResult(
    newNoticeForm(turn, seen.desk, {
      caseRef: c.ref,
      serviceId: c.serviceId,
      title: c.title,
      ...(c.checklist ? { text: c.checklist.symptom, startedAt: new Date(c.checklist.startedAt) } : {}),
    }),
  );
}
