import { ConflictError, FristvaktError } from '../../errors';
import { backoff, defaultRetryPolicy, withRetry, type RetryPolicy } from './errors';

/** A policy that records the delays instead of sleeping them. */
function recording(overrides: Partial<RetryPolicy> = {}): { policy: RetryPolicy; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    policy: {
      ...defaultRetryPolicy,
      random: () => 0.5,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
      ...overrides,
    },
  };
}

/** An operation that fails with the given Cosmos-like errors, then succeeds. */
function failing(errors: object[]): { op: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    op: () => {
      const err = errors[calls];
      calls += 1;
      return err ? Promise.reject(Object.assign(new Error('cosmos'), err)) : Promise.resolve('ok');
    },
  };
}

describe('Cosmos retry and error translation', () => {
  it('retries 429 honouring retryAfterInMs, and transient 5xx, 408 and 449 with backoff', async () => {
    const { policy, delays } = recording();
    const f = failing([
      { code: 429, retryAfterInMs: 300 },
      { code: 503 },
      { code: 408 },
      { code: 449 },
      { code: 502 },
    ]);
    await expect(withRetry('read', f.op, policy)).resolves.toBe('ok');
    expect(f.calls()).toBe(6);
    expect(delays[0]).toBeGreaterThanOrEqual(300);
    // Full jitter under an exponential cap: 25·2^(n-1) ms, here half of it.
    expect(delays.slice(1)).toEqual([25, 50, 100, 200]);
  });

  it('retries a dropped connection and an SDK timeout', async () => {
    const { policy, delays } = recording();
    const f = failing([{ code: 'ECONNRESET' }, { name: 'TimeoutError' }]);
    await expect(withRetry('query', f.op, policy)).resolves.toBe('ok');
    expect(f.calls()).toBe(3);
    expect(delays).toHaveLength(2);
    const g = failing([{ code: 'ERR_INVALID_ARG_TYPE' }]);
    await expect(withRetry('query', g.op, policy)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    expect(g.calls()).toBe(1);
  });

  it('gives up after maxAttempts with STORE_UNAVAILABLE and the status code', async () => {
    const { policy, delays } = recording({ maxAttempts: 3 });
    const f = failing([{ code: 429 }, { code: 429 }, { code: 429 }, { code: 429 }]);
    const err = await withRetry('query', f.op, policy).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FristvaktError);
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { statusCode: 429 } });
    expect(f.calls()).toBe(3);
    expect(delays).toHaveLength(2);
  });

  it('maps 412 to a conflict, 409 to a duplicate, anything else to STORE_UNAVAILABLE, without retrying', async () => {
    for (const [code, expected] of [
      [412, 'CONFLICT'],
      [409, 'DUPLICATE'],
      [400, 'STORE_UNAVAILABLE'],
      [500, 'STORE_UNAVAILABLE'],
      [403, 'STORE_UNAVAILABLE'],
    ] as const) {
      const { policy, delays } = recording();
      const f = failing([{ code }]);
      const err = await withRetry('write', f.op, policy).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: expected, details: { statusCode: code } });
      expect((err as FristvaktError).details.cause).toBeInstanceOf(Error);
      if (code === 412) expect(err).toBeInstanceOf(ConflictError);
      expect(f.calls()).toBe(1);
      expect(delays).toEqual([]);
    }
  });

  it('caps the backoff and jitters below the cap', () => {
    const p = { ...defaultRetryPolicy, random: () => 1 };
    expect(backoff(1, undefined, p)).toBe(25);
    expect(backoff(20, undefined, p)).toBe(5_000);
    expect(backoff(3, undefined, { ...p, random: () => 0 })).toBe(0);
    expect(backoff(3, 1_000, { ...p, random: () => 0 })).toBe(1_000);
  });
});
