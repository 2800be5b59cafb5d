/** `hjelp`: what the bot can do. */
import { helpCard } from '../../cards/help';
import type { CardJson } from '../../cards/card';
import type { Turn } from '../turn';

export function helpCommand(turn: Turn): Promise<CardJson> {
  return Promise.resolve(helpCard({ locale: turn.locale }));
}
