/**
 * Cosmos DB failures → Fristvakt's coded errors, and the retry policy for transient ones.
 *
 * - 429 (throttled), 408 (timeout), 449 (retry with), 502/503/504, and dropped connections (ECONNRESET
 *   and the like): retried with full-jitter exponential backoff, honouring the service's
 *   `retryAfterInMs` when it gives one.
 * - 412 (precondition failed: stale ETag) → `ConflictError`.
 * - 409 (conflict on create) → `FristvaktError('DUPLICATE')`.
 * - Anything else → `FristvaktError('STORE_UNAVAILABLE')` carrying the status code and the cause.
 */
import { ConflictError, FristvaktError } from '../../errors';

export const TRANSIENT_STATUS = new Set([408, 429, 449, 502, 503, 504]);
/** Network failures worth another try (a reset connection, a refused or timed-out socket). */
export const TRANSIENT_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** True for a throttled / timed-out / unavailable response or a dropped connection. */
export function isTransient(err: unknown): boolean {
  const status = statusOf(err);
  if (status !== undefined) return TRANSIENT_STATUS.has(status);
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; name?: unknown };
  return (typeof e.code === 'string' && TRANSIENT_NETWORK.has(e.code)) || e.name === 'TimeoutError';
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Injected so a test can record the delays instead of waiting them out. */
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 25,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** The HTTP status of a Cosmos SDK error (`code` is numeric for service errors), if it has one. */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; statusCode?: unknown };
  if (typeof e.code === 'number') return e.code;
  if (typeof e.statusCode === 'number') return e.statusCode;
  return undefined;
}

export function retryAfterOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { retryAfterInMs?: unknown; retryAfterInMilliseconds?: unknown };
  const ms = e.retryAfterInMs ?? e.retryAfterInMilliseconds;
  return typeof ms === 'number' && ms >= 0 ? ms : undefined;
}

/** Translates a Cosmos failure that was not handled where it happened. */
export function translateCosmosError(err: unknown, what: string): Error {
  if (err instanceof FristvaktError) return err;
  const statusCode = statusOf(err);
  if (statusCode === 412)
    return new ConflictError(`${what}: changed since it was read`, { cause: err, statusCode });
  if (statusCode === 409)
    return new FristvaktError('DUPLICATE', `${what}: already exists`, { cause: err, statusCode });
  const message = err instanceof Error ? err.message : String(err);
  return new FristvaktError(
    'STORE_UNAVAILABLE',
    `${what}: Cosmos DB failed (${statusCode ?? 'no status'}): ${message}`,
    {
      cause: err,
      statusCode,
    },
  );
}

/** Runs `op`, retrying transient failures; any other failure is translated with `what` as context. */
export async function withRetry<T>(
  what: string,
  op: () => Promise<T>,
  policy: RetryPolicy = defaultRetryPolicy,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await op();
    } catch (err) {
      if (!isTransient(err) || attempt >= policy.maxAttempts) throw translateCosmosError(err, what);
      await policy.sleep(backoff(attempt, retryAfterOf(err), policy));
    }
  }
}

/** Full jitter below an exponential cap; never less than what the service asked for. */
export function backoff(attempt: number, retryAfterMs: number | undefined, policy: RetryPolicy): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(policy.random() * cap);
  return retryAfterMs === undefined
    ? jittered
    : retryAfterMs + Math.round(policy.random() * policy.baseDelayMs);
}

/** Thrown inside `withRetry` to retry an operation whose response (not an exception) says transient. */
export class TransientStatus extends Error {
  constructor(
    readonly code: number,
    readonly retryAfterInMs?: number,
    cause?: unknown,
  ) {
    super(`transient status ${code}${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'TransientStatus';
  }
}
