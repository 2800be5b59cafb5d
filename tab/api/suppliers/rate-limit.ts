/**
 * The supplier API's rate limit: one token bucket per supplier. A request takes a token; tokens come
 * back at `perMinute` a minute up to `burst`. An empty bucket answers 429 `RATE_LIMITED` with the
 * seconds until the next token (`Retry-After`).
 *
 * With several instances on one store the limit holds for them together (`createSharedRateLimiter`):
 * each instance keeps its own bucket and, about once a second while supplier requests come in, shares
 * how many it has let through per supplier in the store and takes the others' since last time out of
 * its own buckets. No store write per request: two writes and a few point reads a second per instance,
 * only while a supplier is sending.
 */
import { randomUUID } from 'node:crypto';
import { FristvaktError } from '../../../shared/errors';
import { isoInstant } from '../../../shared/ids';
import type { LeaseStore } from '../../../shared/ports';

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

interface Buckets {
  take(key: string, nowMs: number): void;
  /** Takes `n` tokens that others used (the bucket may go below zero: later requests wait for it). */
  deduct(key: string, n: number, nowMs: number): void;
}

function createBuckets(limit: RateLimit): Buckets {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  const refilled = (key: string, nowMs: number) => {
    const b = buckets.get(key) ?? { tokens: limit.burst, at: nowMs };
    b.tokens = Math.min(limit.burst, b.tokens + Math.max(0, nowMs - b.at) * perMs);
    b.at = Math.max(b.at, nowMs);
    buckets.set(key, b);
    return b;
  };
  return {
    take(key, nowMs) {
      const b = refilled(key, nowMs);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return;
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
      throw new FristvaktError('RATE_LIMITED', `too many requests: retry in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    },
    deduct(key, n, nowMs) {
      const b = refilled(key, nowMs);
      // At most a minute's worth in debt: a burst of others' use waits out at most a minute here.
      b.tokens = Math.max(-limit.perMinute, b.tokens - n);
    },
  };
}

/** The limit of this process alone (each instance limits on its own). */
export function createRateLimiter(limit: RateLimit = DEFAULT_RATE_LIMIT): RateLimiter {
  return createBuckets(limit);
}

export interface SharedRateLimitOptions {
  /** The store's leases and marks: a slot per live instance, and each slot's use. */
  leases: Pick<LeaseStore, 'tryAcquire' | 'getMark' | 'putMark'>;
  /** This instance (default: a random id per process). */
  holder?: string;
  /** How often the use is shared while requests come in (default 1 s). */
  syncMs?: number;
  /** How many instances can share (default 16, above App Service's 10 instances a plan). */
  slots?: number;
  /** A failed share (the store unreachable): each instance then limits on its own until the next one. */
  onError?: (err: unknown) => void;
}

export interface SharedRateLimiter extends RateLimiter {
  /** Shares this instance's use and takes in the others' (`take` starts it once per `syncMs`). */
  sync(nowMs: number): Promise<void>;
  /** The sync `take` started last, if it is still running (tests wait for it). */
  readonly syncing: Promise<void> | undefined;
}

/** The lease naming the instance that holds slot `k`, and the mark with that instance's use. */
export const rateSlotLease = (k: number): string => `supplier-rate-slot|${k}`;
export const rateSlotMark = (k: number): string => `supplier-rate-use|${k}`;

/** What an instance publishes in its slot's mark: how many requests it let through, per supplier, ever. */
interface SlotUse {
  holder: string;
  at: string;
  counts: Record<string, number>;
}

const SLOT_TTL_MS = 30_000;

/**
 * The limit for all instances on one store together. Each instance takes the lowest free slot (a
 * lease, renewed while it shares) and publishes its cumulative count per supplier in the slot's mark;
 * at each share it reads the other slots' marks (up to the first slot never used) and takes what each
 * other instance let through since the last read out of its own bucket. Every bucket so sees all the
 * instances' use, its own at once and the others' within about `syncMs`: together they let through at
 * most `perMinute` a minute, plus up to one `burst` per instance while the shares catch up (after a
 * start, or an idle spell with no shares). An instance seen for the first time counts from then on.
 */
export function createSharedRateLimiter(
  limit: RateLimit = DEFAULT_RATE_LIMIT,
  options: SharedRateLimitOptions,
): SharedRateLimiter {
  const { leases } = options;
  const holder = options.holder ?? randomUUID();
  const syncMs = options.syncMs ?? 1_000;
  const slots = options.slots ?? 16;
  const buckets = createBuckets(limit);
  const used = new Map<string, number>();
  const seen = new Map<number, SlotUse>();
  let slot: { k: number; renewedAt: number } | undefined;
  let published = '';
  let lastSync = -Infinity;
  let syncing: Promise<void> | undefined;

  const claim = async (nowMs: number): Promise<number | undefined> => {
    const now = isoInstant(new Date(nowMs));
    if (slot && nowMs - slot.renewedAt < SLOT_TTL_MS / 3) return slot.k;
    if (slot && (await leases.tryAcquire(rateSlotLease(slot.k), holder, now, SLOT_TTL_MS))) {
      slot.renewedAt = nowMs;
      return slot.k;
    }
    slot = undefined;
    published = '';
    for (let k = 0; k < slots; k += 1) {
      if (await leases.tryAcquire(rateSlotLease(k), holder, now, SLOT_TTL_MS)) {
        slot = { k, renewedAt: nowMs };
        return k;
      }
    }
    return undefined;
  };

  const sync = async (nowMs: number): Promise<void> => {
    const mine = await claim(nowMs);
    for (let k = 0; k < slots; k += 1) {
      if (k === mine) continue;
      const raw = await leases.getMark(rateSlotMark(k));
      if (raw === null) {
        if (mine === undefined || k > mine) break; // slots are taken lowest first: none in use beyond
        continue;
      }
      const use = JSON.parse(raw) as SlotUse;
      const before = seen.get(k);
      seen.set(k, use);
      if (!before || before.holder !== use.holder) continue; // seen for the first time: counts from now
      for (const [key, count] of Object.entries(use.counts)) {
        const n = count - (before.counts[key] ?? 0);
        if (n > 0) buckets.deduct(key, n, nowMs);
      }
    }
    if (mine === undefined) return;
    const counts = JSON.stringify(Object.fromEntries(used));
    if (counts === published) return;
    const use: SlotUse = { holder, at: isoInstant(new Date(nowMs)), counts: Object.fromEntries(used) };
    await leases.putMark(rateSlotMark(mine), JSON.stringify(use));
    published = counts;
  };

  return {
    sync,
    get syncing() {
      return syncing;
    },
    take(key, nowMs) {
      if (nowMs - lastSync >= syncMs && !syncing) {
        lastSync = nowMs;
        const running = sync(nowMs)
          .catch((err: unknown) => options.onError?.(err))
          .finally(() => {
            if (syncing === running) syncing = undefined;
          });
        syncing = running;
      }
      buckets.take(key, nowMs);
      used.set(key, (used.get(key) ?? 0) + 1);
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
