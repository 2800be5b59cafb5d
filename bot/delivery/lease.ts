/**
 * A lease for a singleton job: with several server instances, exactly one runs the SLA watcher's sweep
 * (and the outbox sender) at a time.
 *
 * Every `renewEveryMs` each instance calls `leases.tryAcquire(name, holder, now, ttlMs)`: the holder
 * renews, the others are refused until the lease expires. When the holder dies it stops renewing; its
 * lease runs out at most `ttlMs` after its last renewal, and the next attempt of another instance
 * (at most `renewEveryMs` later) takes it. So a take-over happens within `ttlMs + renewEveryMs`; the
 * defaults (40 s + 10 s) keep that under a minute.
 *
 * `isHeld()` is true only while our last successful renewal is younger than `ttlMs - safetyMs`: a
 * holder whose renewals fail (store down, event loop stalled) stops working before another instance
 * can take over, so two never work at once as long as the clocks agree within `safetyMs`.
 */
import type { LeaseStore } from '../../shared/ports';
import { isoInstant } from '../../shared/ids';
import type { Clock } from './clock';
import type { Logger } from '../server/logger';

export interface LeaseOptions {
  leases: LeaseStore;
  name: string;
  /** This instance, unique per process (e.g. host name + pid + random). */
  holder: string;
  clock: Clock;
  log?: Logger;
  /** Lease lifetime (default 40 s; at most 60 s so that a take-over happens within a minute). */
  ttlMs?: number;
  /** How often to acquire or renew (default ttl / 4). */
  renewEveryMs?: number;
  /** Stop working this long before the lease would run out (default ttl / 4). */
  safetyMs?: number;
}

export interface Lease {
  /** Whether this instance may do the job now. */
  isHeld(): boolean;
  /** Settles after the first attempt to acquire (true when it succeeded). */
  readonly ready: Promise<boolean>;
  /** Acquires or renews once (the loop does this by itself; tests and jobs may call it). */
  renew(): Promise<boolean>;
  /** Stops renewing and releases the lease if held. */
  stop(): Promise<void>;
}

export const MAX_LEASE_TTL_MS = 60_000;

export function startLease(options: LeaseOptions): Lease {
  const ttl = options.ttlMs ?? 40_000;
  if (!(ttl > 0 && ttl <= MAX_LEASE_TTL_MS)) throw new RangeError(`lease ttl must be in (0, 60 s]: ${ttl}`);
  const every = options.renewEveryMs ?? ttl / 4;
  const safety = options.safetyMs ?? ttl / 4;
  const { leases, name, holder, clock } = options;
  const stopper = new AbortController();
  let renewedAt: number | undefined;

  const renew = async (): Promise<boolean> => {
    const now = clock.now();
    let ok: boolean;
    try {
      ok = await leases.tryAcquire(name, holder, isoInstant(now), ttl);
    } catch (err) {
      // Unknown whether we still hold it: keep working only until the last renewal goes stale.
      options.log?.error(`lease ${name}: renewal failed`, err);
      return false;
    }
    if (ok) {
      if (renewedAt === undefined) options.log?.info(`lease ${name}: acquired by ${holder}`);
      renewedAt = now.getTime();
    } else if (renewedAt !== undefined) {
      options.log?.warn(`lease ${name}: lost by ${holder}`);
      renewedAt = undefined;
    }
    return ok;
  };

  const isHeld = (): boolean =>
    renewedAt !== undefined && !stopper.signal.aborted && clock.now().getTime() < renewedAt + ttl - safety;

  let first: (held: boolean) => void = () => {};
  const ready = new Promise<boolean>((resolve) => (first = resolve));
  const loop = (async () => {
    while (!stopper.signal.aborted) {
      first(await renew());
      await clock.sleep(every, stopper.signal);
    }
    first(false);
  })();

  return {
    isHeld,
    ready,
    renew,
    async stop() {
      stopper.abort();
      await loop;
      if (renewedAt !== undefined) {
        renewedAt = undefined;
        await leases.release(name, holder).catch((err: unknown) => {
          options.log?.error(`lease ${name}: release failed`, err);
        });
      }
    },
  };
}
