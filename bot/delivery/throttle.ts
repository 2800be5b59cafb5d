/**
 * The sender's global pace: a token bucket at Teams' limit (50 requests per second per app per
 * tenant by default) and a pause that every send waits out after a 429. One instance is shared by
 * all concurrent sends of a sender, so a throttled answer slows the whole sender, not one message.
 */
import type { Clock } from './clock';

export interface Throttle {
  /** Waits for the pause to end and for a token. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Pauses every send until `untilMs` (epoch ms) at least. */
  pauseUntil(untilMs: number): void;
  /** The end of the current pause (epoch ms; 0 when none). */
  readonly pausedUntil: number;
}

export function createThrottle(
  clock: Clock,
  ratePerSecond = 50,
  burst = Math.max(1, ratePerSecond / 5),
): Throttle {
  let tokens = burst;
  let refilledAt = clock.now().getTime();
  let paused = 0;
  const refill = (now: number) => {
    tokens = Math.min(burst, tokens + ((now - refilledAt) / 1000) * ratePerSecond);
    refilledAt = now;
  };
  return {
    get pausedUntil() {
      return paused;
    },
    pauseUntil(untilMs) {
      paused = Math.max(paused, untilMs);
    },
    async acquire(signal) {
      for (;;) {
        if (signal?.aborted) return;
        const now = clock.now().getTime();
        if (now < paused) {
          await clock.sleep(paused - now, signal);
          continue;
        }
        refill(now);
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        await clock.sleep(Math.ceil(((1 - tokens) / ratePerSecond) * 1000), signal);
      }
    },
  };
}
