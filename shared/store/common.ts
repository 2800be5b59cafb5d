/**
 * What both adapters share: paging tokens, index keys derived from a case, and the visibility rule.
 * Node-only like the rest of `shared/store/`, but this file itself does no I/O.
 */
import type { Case } from '../cases/model';
import { FristvaktError, ValidationError } from '../errors';
import { isoInstant } from '../ids';
import type { OutboxEntry, OutboxMessage, PageRequest } from '../ports';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;

/** Sorts after every real instant: the desk queue puts cases without a running deadline last. */
export const NO_DEADLINE = '9999-12-31T23:59:59.999Z';

export function pageLimit(page?: PageRequest): number {
  const n = page?.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(n) || n < 1)
    throw new ValidationError('limit', `page limit must be a positive integer: ${n}`);
  return Math.min(n, MAX_PAGE);
}

/**
 * Keyset continuation tokens: the sort key of the last item returned, as base64url JSON. They stay
 * valid while items are added or changed (no offset drifts), and both adapters use the same shape.
 */
export function encodeToken(kind: string, key: readonly string[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

export function decodeToken(kind: string, token: string | undefined, arity: number): string[] | undefined {
  if (token === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity + 1 ||
    parsed[0] !== kind ||
    !parsed.every((p) => typeof p === 'string')
  ) {
    throw new ValidationError('continuationToken', 'the continuation token is not valid for this query');
  }
  return (parsed as string[]).slice(1);
}

/** The desk-queue sort key: the next running deadline, or `NO_DEADLINE`. */
export const dueKey = (c: Case): string => c.sla.nextDueAt ?? NO_DEADLINE;
/** Open means not Lukket: Løst cases stay in the queue until the reporter accepts. */
export const isOpen = (c: Case): boolean => c.status !== 'closed';

/** Who may see a case: the one access rule (`shared/access.ts`), re-exported for the adapters. */
export { canSee } from '../access';

export function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 9999)
    throw new ValidationError('year', `reference year out of range: ${year}`);
}

export function duplicate(what: string, details: Record<string, unknown> = {}): FristvaktError {
  return new FristvaktError('DUPLICATE', `${what} already exists`, details);
}

/**
 * How far ahead of updates and replies a post is listed (ms). The sender lists the outbox by
 * `nextAttemptAt`, oldest first, and sends at Teams' pace (50 calls a second for the whole app); behind an
 * operations supplier's burst, the busy threads' card updates and replies fill its listings, and a new
 * case's post from chat waited a whole pass over them (about 10 s in the delivery bench). A post (a new
 * thread, a message in a person's chat, a supplier's webhook: each starts a message of its own, never one
 * in a thread with an update or reply before it) is due from this long before it was made, so it goes
 * ahead of the follow-ups of the last minute, and a follow-up older than that still goes before it: a
 * stream of posts cannot hold a thread's updates back for more than a minute.
 */
export const POST_HEAD_START_MS = 60_000;

/**
 * How long a delivered outbox message is kept: its id still answers a replayed event as already sent
 * (`enqueue` skips a known id) for a week, then it goes, so the outbox does not grow with history
 * (about 48 KB of messages a case). Cosmos DB expires it by the item's `ttl`; SQLite deletes it.
 */
export const DELIVERED_KEPT_MS = 7 * 24 * 3600 * 1000;

/** An outbox message as first stored: pending, due at once (a post, from a minute earlier: above). */
export function pendingEntry(m: OutboxMessage): OutboxEntry {
  const due =
    m.operation === 'post' ? isoInstant(new Date(Date.parse(m.createdAt) - POST_HEAD_START_MS)) : m.createdAt;
  return { ...m, status: 'pending', attempts: 0, nextAttemptAt: due };
}
