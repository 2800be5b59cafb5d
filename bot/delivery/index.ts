/**
 * Delivery for the composition root: the outbox sender and the SLA watcher, each a singleton job under
 * its own lease in the store, so that with several server instances exactly one sends and one sweeps.
 *
 * Wiring (bot/app.ts):
 *   const delivery = startDelivery({ store, adapter, botAppId: config.bot.appId ?? '', log });
 *   const watcher = startSlaWatcher({ store, log, onEnqueued: () => delivery.kick() });
 *   // after a change that wrote outbox messages: delivery.kick()
 *   // on close: await watcher.stop(); await delivery.stop();   (before closing the store)
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { CloudAdapterBase } from 'botbuilder';
import type { Store } from '../../shared/ports';
import type { Logger } from '../server/logger';
import { systemClock, type Clock } from './clock';
import { botConnector, type ConnectorOps } from './connector';
import { startLease, type Lease } from './lease';
import { startOutboxSender, type OutboxSender, type OutboxSenderOptions } from './outbox-sender';
import type { Transport } from './webhook-transport';
import { startSlaWatcher as startWatcherLoop, type SlaWatcher, type SlaWatcherOptions } from './sla-watcher';

export const SENDER_LEASE = 'outbox-sender';
export const WATCHER_LEASE = 'sla-watcher';

export interface LeaseTiming {
  /** Default 40 s (at most 60 s). */
  ttlMs?: number;
  /** Default ttl / 4. */
  renewEveryMs?: number;
}

/** This process, for lease holders: host, pid and a random part (two processes never share it). */
export const defaultHolder = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

/** A background job's lease (the sender, the watcher, auto-close, the fellesfeil watch): one holder among the instances. */
export function startJobLease(
  name: string,
  deps: { store: Pick<Store, 'leases'>; log: Logger; clock?: Clock; holder?: string; lease?: LeaseTiming },
): Lease {
  return startLease({
    leases: deps.store.leases,
    name,
    holder: deps.holder ?? defaultHolder(),
    clock: deps.clock ?? systemClock,
    log: deps.log,
    ...deps.lease,
  });
}

/**
 * A sweep run every `intervalMs` under the lease `name` (auto-close, approval reminders): only the holder
 * sweeps, never two sweeps at once in one process; a failed sweep is logged as `what`. Returns a function
 * that stops it and releases the lease.
 */
export function startLeasedSweep(
  name: string,
  what: string,
  deps: {
    store: Pick<Store, 'leases'>;
    log: Logger;
    clock: () => Date;
    holder?: string;
    lease?: LeaseTiming;
  },
  intervalMs: number,
  sweep: () => Promise<unknown>,
): () => Promise<void> {
  const lease = startJobLease(name, { ...deps, clock: { ...systemClock, now: deps.clock } });
  let running = false;
  const timer = setInterval(() => {
    if (running || !lease.isHeld()) return;
    running = true;
    sweep()
      .catch((err: unknown) => deps.log.error(`${what} failed`, err))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await lease.stop();
  };
}

export interface DeliveryDeps {
  store: Store;
  /** The CloudAdapter of the bot (its authentication signs outgoing calls in production). */
  adapter: CloudAdapterBase;
  /** The bot's app id; '' when authentication is off (local). */
  botAppId: string;
  log: Logger;
  clock?: Clock;
  holder?: string;
  lease?: LeaseTiming;
  sender?: OutboxSenderOptions;
  /** Tests: another way to reach Teams (default: the adapter's ConnectorClient). */
  connector?: ConnectorOps;
  /** Webhooks to operations suppliers (bot/delivery/webhook-transport.ts). */
  webhook?: Transport;
}

export interface RunningDelivery {
  sender: OutboxSender;
  lease: Lease;
  /** Deliver soon: call after writing outbox messages. */
  kick(): void;
  stop(): Promise<void>;
}

export function startDelivery(deps: DeliveryDeps): RunningDelivery {
  const clock = deps.clock ?? systemClock;
  const lease = startJobLease(SENDER_LEASE, { ...deps, clock });
  const sender = startOutboxSender({
    store: deps.store,
    connector: deps.connector ?? botConnector(deps.adapter, deps.botAppId),
    botAppId: deps.botAppId,
    log: deps.log,
    clock,
    lease,
    ...(deps.sender ? { options: deps.sender } : {}),
    ...(deps.webhook ? { webhook: deps.webhook } : {}),
  });
  return {
    sender,
    lease,
    kick: () => sender.kick(),
    async stop() {
      await sender.stop();
      await lease.stop();
    },
  };
}

export interface SlaWatcherStartDeps {
  store: Store;
  log: Logger;
  clock?: Clock;
  holder?: string;
  lease?: LeaseTiming;
  options?: SlaWatcherOptions;
  onEnqueued?: (ids: string[]) => void;
}

export interface RunningSlaWatcher {
  watcher: SlaWatcher;
  lease: Lease;
  stop(): Promise<void>;
}

export function startSlaWatcher(deps: SlaWatcherStartDeps): RunningSlaWatcher {
  const clock = deps.clock ?? systemClock;
  const lease = startJobLease(WATCHER_LEASE, { ...deps, clock });
  const watcher = startWatcherLoop({
    store: deps.store,
    log: deps.log,
    clock,
    lease,
    ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
    ...(deps.options ? { options: deps.options } : {}),
  });
  return {
    watcher,
    lease,
    async stop() {
      await watcher.stop();
      await lease.stop();
    },
  };
}
