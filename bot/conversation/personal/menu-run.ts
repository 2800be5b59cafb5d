/**
 * A menu button (welcome, help, "Meld feil" on other cards): runs the chat command it names and answers
 * with that command's card, which replaces the card the button was on (type `hjelp` for the menu again).
 */
import { messageCard } from '../../cards/message';
import { answerCommand } from '../commands';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';

export async function menuRun(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  // The command answers only on its own surfaces (a button on a card in a channel shows no one's cases).
  const answer = typeof data.command === 'string' ? await answerCommand(turn, data.command) : null;
  if (answer === null) return errorResult(400, 'BadRequest', turn.s.errors.unknownAction);
  return cardResult(typeof answer === 'string' ? messageCard({ text: answer }) : answer);
}
