/** Installed in a personal chat: the welcome card. */
import { welcomeCard } from '../../cards/welcome';
import type { Turn } from '../turn';

export async function sendWelcome(turn: Turn): Promise<void> {
  const firstName = turn.context.activity.from?.name?.split(' ')[0];
  await turn.send(welcomeCard({ locale: turn.locale, ...(firstName ? { firstName } : {}) }));
}
