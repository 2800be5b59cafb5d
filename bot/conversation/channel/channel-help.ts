/** `@Fristvakt hjelp` in a channel or group chat: the commands that answer there. */
import type { CardJson } from '../../cards/card';
import { channelHelpCard } from '../../cards/channel/help-card';
import type { Turn } from '../turn';

export function channelHelpCommand(turn: Turn): Promise<CardJson> {
  return Promise.resolve(channelHelpCard({ locale: turn.locale }));
}
