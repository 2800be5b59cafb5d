/**
 * A menu button (welcome, help, "Meld feil" on other cards): runs the chat command it names and answers
 * with that command's card, which replaces the card the button was on (type `hjelp` for the menu again).
 */
import { messageCard } from '../../cards/message';
import { matchCommand } from '../commands';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';

export async function menuRun(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const match = typeof data.command === 'string' ? matchCommand(data.command) : null;
  if (!match) return errorResult(400, 'BadRequest', turn.s.errors.unknownAction);
  const answer = await match.command.handler(turn, match.arg);
  return cardResult(typeof answer === 'string' ? messageCard({ text: answer }) : answer);
}
