/** Gjenoppta: the wait is over (Avventer → Under arbeid). */
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';

export const triageResume = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, { build: () => ({ command: { type: 'resume' } }) });
