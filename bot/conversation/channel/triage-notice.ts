/** "Lag driftsmelding" on a case card: the form with the case's service, its title, and the case as hovedsak. */
import { cardResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { locateForDesk } from './desk-action';
import { newNoticeForm } from './notices';

export async function triageNotice(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const located = await locateForDesk(turn, data);
  if ('answer' in located) return located.answer;
  const c = located.found.value;
  return cardResult(
    newNoticeForm(turn, located.desk, { caseRef: c.ref, serviceId: c.serviceId, title: c.title }),
  );
}
