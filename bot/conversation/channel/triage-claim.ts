/** Ta saken: the viewer takes the case (Ny → Under arbeid; a take-over otherwise). */
import type { InvokeResult } from '../invoke';
import type { Turn } from '../turn';
import { deskAction } from './desk-action';

export const triageClaim = (turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> =>
  deskAction(turn, data, { build: () => ({ command: { type: 'claim' } }) });
