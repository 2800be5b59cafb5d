/**
 * The supplier API's rate limit: one token bucket per supplier, in this process (each instance limits
 * on its own; the figure is per instance). A request takes a token; tokens come back at `perMinute`
 * a minute up to `burst`. An empty bucket answers 429 `RATE_LIMITED` with the seconds until the next
 * token (`Retry-After`).
 */
import { FristvaktError } from '../../../shared/errors';

export interface RateLimit {
  perMinute: number;
  burst: number;
}

/** 10 000 requests a minute from one supplier (the agreed load), bursts of 500. */
export const DEFAULT_RATE_LIMIT: RateLimit = { perMinute: 10_000, burst: 500 };

export interface RateLimiter {
  /** Takes a token for `key` at `nowMs` or throws `RATE_LIMITED` with `retryAfterSeconds`. */
  take(key: string, nowMs: number): void;
}

export function createRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  return {
    take(key, nowMs) {
      const b = buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
      b.tokens = Math.min(limit.burst, b.tokens + Math.max(0, nowMs - b.at) * perMs);
      b.at = nowMs;
      buckets.set(key, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      throw new FristvaktError('RATE_LIMITED', `too many requests: retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    },
  };
}

/**
 * A supplier's share of the server: at most `concurrent` of its requests are worked at once; the next
 * `queue` wait their turn (first come, first served), and beyond that it is 429 like an empty bucket.
 * The bucket bounds how many a minute; this bounds how much of the process one supplier holds at a
 * time, so chat keeps its share while a supplier sends at its full rate.
 */
export interface Bulkhead {
  run<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

export function createBulkhead(concurrent = 2, queue = 200): Bulkhead {
  const state = new Map<string, { running: number; waiting: Array<() => void> }>();
  return {
    async run(key, fn) {
      let s = state.get(key);
      if (!s) {
        s = { running: 0, waiting: [] };
        state.set(key, s);
      }
      const slot = s;
      if (slot.running >= concurrent) {
        if (slot.waiting.length >= queue)
          throw new FristvaktError('RATE_LIMITED', 'too many requests in progress: retry in 1 s', {
            retryAfterSeconds: 1,
          });
        await new Promise<void>((resolve) => slot.waiting.push(resolve));
      }
      slot.running += 1;
      try {
        return await fn();
      } finally {
        slot.running -= 1;
        slot.waiting.shift()?.();
      }
    },
  };
}
