/**
 * A thread's backlog, condensed before it is sent. When changes to a case come faster than Teams takes
 * messages (an operations supplier updating its cases, a Teams outage or throttling that held the
 * sender back), a case's thread gathers pending messages: each change replaces the case's card and
 * adds a line to its thread. Sent one by one, a supplier's burst at its agreed rate (two calls a
 * change, 167 changes a second) would outrun Teams' 50 calls a second for the whole app, and every
 * other message, a new case from chat among them, would wait behind the backlog.
 * - A card update that later pending updates of the same thread replace is sent with the last one's
 *   card, and those updates with it: Teams would show each card for a moment, then the next; every
 *   update carries the whole card.
 * - Pending plain-text replies of a thread (its one-line entries), one after another in the thread's
 *   order, go as one message of those lines, up to `FOLD_LINES` lines and `FOLD_CHARS` characters.
 *   While the sender is behind (more is due than it lists at once: a real backlog, not two messages
 *   that happened to be pending together), a card reply that says how it reads as a line
 *   (`foldedText`: a comment in the desk's thread) goes as that line, without its card and reply
 *   box; it keeps its card when nothing follows it. Any other card reply or a new post in the thread
 *   ends the run, so the thread reads in the order it happened; card updates in between do not.
 * `condense` gives either. Pure: the sender decides what to read and marks what was condensed.
 */
import type { OutboxEntry } from '../../shared/ports';

/** Lines in one folded reply. */
export const FOLD_LINES = 20;
/** Characters of text in one folded reply (Teams takes 40 KB a message at the least, markup included). */
export const FOLD_CHARS = 8_000;

/** Messages of one thread are delivered in the order they were made. */
export const byCreation = (a: OutboxEntry, b: OutboxEntry): number =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

const isTeams = (e: OutboxEntry): boolean => (e.kind ?? 'teams') === 'teams';

/** A one-line reply: text only, no cards or other attachments; or, `cardsAsLines`, a card's `foldedText`. */
function lineOf(e: OutboxEntry, cardsAsLines: boolean): string | null {
  if (!isTeams(e) || e.operation !== 'reply') return null;
  if (cardsAsLines && e.foldedText) return e.foldedText;
  const { text, attachments } = e.activity as { text?: unknown; attachments?: unknown };
  if (typeof text !== 'string' || text === '') return null;
  if (Array.isArray(attachments) ? attachments.length > 0 : attachments !== undefined) return null;
  return text;
}

/** The thread's pending messages made after `e` (same thread key, oldest first). */
function after(e: OutboxEntry, thread: readonly OutboxEntry[]): OutboxEntry[] {
  return thread.filter((m) => m.threadKey === e.threadKey && byCreation(m, e) > 0).sort(byCreation);
}

/** What a message is sent with, condensed, and the later messages of its thread sent with it. */
export interface Condensed {
  activity: Record<string, unknown>;
  /** Delivered with it (not the message itself). */
  with: OutboxEntry[];
}

const isUpdate = (m: OutboxEntry): boolean => isTeams(m) && m.operation === 'update';

/**
 * `e`, a card update, sent with the card of the last pending update of its thread, which replaces
 * it: that card, and the updates that go with it (those after `e`, the last among them); null when
 * no later update replaces `e`. Every pending update of the thread at once: one at a time, a thread
 * updated faster than the sender reaches its messages would still gather a backlog, and sent in `e`'s
 * place, the card shows the latest state at every pass, however often the case changes.
 */
export function latestCard(e: OutboxEntry, thread: readonly OutboxEntry[]): Condensed | null {
  if (!isUpdate(e) || !e.threadKey) return null;
  const later = after(e, thread).filter(isUpdate);
  const last = later[later.length - 1];
  return last ? { activity: last.activity, with: later } : null;
}

/**
 * `e`, a one-line reply, sent with the one-line replies that follow it in its thread, as one message
 * (`e`'s line first); null when `e` is not a one-line reply or none follows it.
 */
export function foldReplies(
  e: OutboxEntry,
  thread: readonly OutboxEntry[],
  cardsAsLines = false,
): Condensed | null {
  const first = e.threadKey ? lineOf(e, cardsAsLines) : null;
  if (first === null) return null;
  const lines = [first];
  let chars = first.length;
  const folded: OutboxEntry[] = [];
  for (const m of after(e, thread)) {
    if (isUpdate(m)) continue;
    const line = lineOf(m, cardsAsLines);
    if (line === null || lines.length >= FOLD_LINES || chars + line.length > FOLD_CHARS) break;
    lines.push(line);
    chars += line.length;
    folded.push(m);
  }
  if (folded.length === 0) return null;
  const { attachments: _card, ...message } = e.activity;
  return { activity: { ...message, text: lines.join('\n\n') }, with: folded };
}

/**
 * `e`'s card or lines with the later ones of its thread that can go with it (above); null: `e` alone.
 * `behind`: the sender is behind (more is due than it lists at once), so cards go as their lines too.
 */
export const condense = (e: OutboxEntry, thread: readonly OutboxEntry[], behind = false): Condensed | null =>
  latestCard(e, thread) ?? foldReplies(e, thread, behind);
