/**
 * Time for the background jobs: the current instant and an interruptible sleep. The real one uses the
 * system clock and timers; tests drive a `ManualClock` (test-support) across days in milliseconds.
 */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` (or at once when `signal` aborts; never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, Math.max(0, ms));
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
