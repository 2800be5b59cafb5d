/** Text that is no command: a friendly hint, never silence. */
import type { Turn } from '../turn';

export function unknownText(turn: Turn, text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return turn.s.hint(shown);
}
