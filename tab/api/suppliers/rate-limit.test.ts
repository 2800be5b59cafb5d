import type { LeaseStore } from '../../../shared/ports';
import { createRateLimiter, createSharedRateLimiter, rateSlotMark } from './rate-limit';

const LIMIT = { perMinute: 600, burst: 5 };

/** Leases and marks in memory, as one store shared by the instances made on it. */
function memoryLeases(): Pick<LeaseStore, 'tryAcquire' | 'getMark' | 'putMark'> & {
  marks: Map<string, string>;
} {
  const leases = new Map<string, { holder: string; until: number }>();
  const marks = new Map<string, string>();
  return {
    marks,
    tryAcquire: (name, holder, now, ttlMs) => {
      const at = Date.parse(now);
      const cur = leases.get(name);
      if (cur && cur.holder !== holder && cur.until > at) return Promise.resolve(false);
      leases.set(name, { holder, until: at + ttlMs });
      return Promise.resolve(true);
    },
    getMark: (name) => Promise.resolve(marks.get(name) ?? null),
    putMark: (name, value) => {
      marks.set(name, value);
      return Promise.resolve();
    },
  };
}

const passes = (take: () => void): boolean => {
  try {
    take();
    return true;
  } catch {
    return false;
  }
};

describe('supplier rate limit', () => {
  it('one instance: a burst, then a token every 100 ms (600 a minute), 429 with the seconds to wait', () => {
    const limiter = createRateLimiter(LIMIT);
    const t = 1_000_000;
    expect(Array.from({ length: 7 }, () => passes(() => limiter.take('s', t)))).toEqual([
      ...Array<boolean>(5).fill(true),
      false,
      false,
    ]);
    expect(passes(() => limiter.take('s', t + 100))).toBe(true);
    expect(passes(() => limiter.take('other', t))).toBe(true);
  });

  it('three instances on one store let through one limit together once they have shared', async () => {
    const store = memoryLeases();
    const instances = ['a', 'b', 'c'].map((holder) =>
      createSharedRateLimiter(LIMIT, { leases: store, holder }),
    );
    let t = 1_000_000;
    for (const i of instances) await i.sync(t);
    for (const i of instances) await i.sync(t); // each has now seen the others
    expect([0, 1, 2].map((k) => store.marks.has(rateSlotMark(k)))).toEqual([true, true, true]);
    // A minute, in 100 ms steps: every instance tries 3 requests a step (18 000 a minute in all).
    let passed = 0;
    for (let step = 0; step < 600; step += 1) {
      t += 100;
      for (const i of instances) {
        for (let r = 0; r < 3; r += 1) if (passes(() => i.take('s', t))) passed += 1;
        await i.syncing;
      }
    }
    // One limit (600 a minute) plus, at most, a burst per instance while the shares catch up.
    expect(passed).toBeGreaterThanOrEqual(600);
    expect(passed).toBeLessThanOrEqual(600 + 3 * LIMIT.burst + 3 * 10);
  });

  it('a store that fails: the failure is reported and each instance limits on its own meanwhile', async () => {
    const errors: unknown[] = [];
    const down = new Error('store unavailable');
    const limiter = createSharedRateLimiter(LIMIT, {
      leases: {
        tryAcquire: () => Promise.reject(down),
        getMark: () => Promise.reject(down),
        putMark: () => Promise.reject(down),
      },
      onError: (err) => errors.push(err),
    });
    const t = 1_000_000;
    expect(Array.from({ length: 6 }, () => passes(() => limiter.take('s', t)))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    await limiter.syncing;
    expect(errors).toEqual([down]);
  });
});
