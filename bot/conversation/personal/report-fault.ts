/** `meld feil [title]`: the fault-report card, with defaults (now in Oslo, the user's virksomhet, …). */
import { chooseDesk, defaultValues, formCard, newClientKey } from './fault/form';
import type { CardJson } from '../../cards/card';
import type { Turn } from '../turn';

export function reportFaultCommand(turn: Turn, arg: string): Promise<CardJson | string> {
  const desk = chooseDesk(turn);
  if (!desk) return Promise.resolve(turn.s.errors.generic);
  return Promise.resolve(
    formCard(turn, desk, defaultValues(turn, desk, arg || undefined), {}, newClientKey()),
  );
}
