/**
 * The supplier API in a worker thread of the process (role `all`, FRISTVAKT_SUPPLIER_API_THREAD=on):
 * an operations supplier may call it 10 000 times a minute, and each request's work (authentication,
 * the case's write, its messages) on the thread that serves chat slowed chat down. The thread runs a
 * whole app instance of role `supplier-api` (`./supplier-api-thread-entry.ts`, as a `supplier-api`
 * site would) with its own connection to the same store, on a loopback port; the main thread's server
 * forwards the supplier API's paths to it (`./server/supplier-api-proxy.ts`). This is the one-process
 * form of the supplier API on an instance of its own (docs/deployment.md).
 *
 * - **What the rest of the process learns**: the thread tells the main thread of every case change it
 *   stores and every outbox write, which are published on the main thread's case feed (the tab's live
 *   stream, the fellesfeil watch) and wakeup (the outbox sender), so a supplier's change is seen as
 *   soon as one made by chat, as if one instance had made it. Catalogue changes reach each thread
 *   through the store's catalogue marker, as between instances.
 * - **Background jobs**: the thread runs none. The main thread's instance runs them all (each under its
 *   lease, as ever): with jobs in both, the two would contend for every lease and poll the store twice
 *   to end up where they are now, one of each; and the sender, woken by the thread's messages, sends
 *   the thread's messages as promptly as its own.
 * - **Restarts**: a thread that ends (a crash, an out-of-memory) is started again with backoff; until it
 *   listens again, the supplier API answers 503 with `Retry-After`. The app's `close` ends it.
 *
 * From `dist/` the thread runs the compiled entry; from the TypeScript sources (jest) a small bootstrap
 * compiles each module with esbuild (a dev dependency, as the sources need) as it is required.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { CaseChanged, CaseFeed } from '../shared/app/case-feed';
import type { Wakeup } from '../shared/app/wakeup';
import { backoff, defaultRetryPolicy, type RetryPolicy } from '../shared/store/cosmos/errors';
import { freeFrom, writeLockFor } from '../shared/store/sqlite';
import type { Config } from './config';
import { prefixedLogger, type Logger } from './server/logger';
import type { ThreadData } from './supplier-api-thread-entry';

/** What the thread tells the main thread. */
export type ThreadMessage =
  | { kind: 'listening'; port: number }
  | { kind: 'case'; change: CaseChanged }
  | { kind: 'wake' }
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string; error?: string };

export interface SupplierApiThreadHealth {
  state: 'up' | 'starting';
  /** Times the thread was started again after it ended. */
  restarts: number;
}

export interface SupplierApiThread {
  /** The loopback port the thread's server listens on; undefined while it (re)starts. */
  port(): number | undefined;
  /** Seconds until the thread should be listening again (a 503's `Retry-After`), at least 1. */
  retryAfterSeconds(): number;
  health(): SupplierApiThreadHealth;
  /** The running thread (tests end it to see the restart). */
  worker(): Worker | undefined;
  /** Ends the thread (its app closes its server and store) and starts it no more. */
  close(): Promise<void>;
}

export interface SupplierApiThreadOptions {
  feed: CaseFeed;
  wakeup: Wakeup;
  log: Logger;
  /** Where the cards link to the tab, when the main instance derived it (development, no TAB_ENDPOINT). */
  tabUrl?: string;
  /** Delays between restarts (default: from 250 ms, doubling, jittered, up to 30 s). */
  restart?: RetryPolicy;
}

const RESTART_POLICY: RetryPolicy = { ...defaultRetryPolicy, baseDelayMs: 250, maxDelayMs: 30_000 };
/** The shortest wait before a restart (the backoff is jittered from 0). */
const RESTART_MIN_MS = 100;
/** A thread that listened this long before it ended starts the backoff afresh. */
const STABLE_MS = 60_000;
/** How long `close` waits for the thread's app to close before it ends the thread. */
const CLOSE_WAIT_MS = 10_000;
/** A start that has not listened by then is ended and counts as a failed one. */
const START_WAIT_MS = 120_000;

/**
 * Run from the TypeScript sources: registers esbuild's transform for `.ts` files, then requires the
 * entry (evaluated, so `require` resolves from the working directory; the paths come absolute).
 */
const TS_BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { transformSync } = require(workerData.esbuild);
for (const ext of ['.ts', '.tsx'])
  require.extensions[ext] = (module, filename) => {
    const { code } = transformSync(readFileSync(filename, 'utf8'), {
      loader: ext.slice(1), format: 'cjs', target: 'node20', sourcefile: filename,
    });
    module._compile(code, filename);
  };
require(workerData.entry);
`;

function newWorker(data: ThreadData): Worker {
  const entry = join(__dirname, 'supplier-api-thread-entry');
  if (!__filename.endsWith('.ts')) return new Worker(`${entry}.js`, { workerData: data });
  return new Worker(TS_BOOTSTRAP, {
    eval: true,
    workerData: { ...data, entry: `${entry}.ts`, esbuild: require.resolve('esbuild') },
  });
}

/**
 * The thread's configuration: the main instance's, as a `supplier-api` instance on a loopback port,
 * its cards linking to the tab where the main instance's do.
 */
export function threadConfig(config: Config, tabUrl?: string): Config {
  return {
    ...config,
    role: 'supplier-api',
    supplierApiThread: false,
    host: '127.0.0.1',
    port: 0,
    seed: false,
    tab: { ...config.tab, ...(config.tab.endpoint === undefined && tabUrl ? { endpoint: tabUrl } : {}) },
  };
}

/** Starts the thread; resolves once it listens or its first start failed (it is then started again). */
export async function startSupplierApiThread(
  config: Config,
  options: SupplierApiThreadOptions,
): Promise<SupplierApiThread> {
  const log = prefixedLogger(options.log, 'supplier API thread: ');
  const policy = options.restart ?? RESTART_POLICY;
  // The thread's connection and this thread's take turns through the process's write lock of the file.
  const writeLock = config.store.kind === 'sqlite' ? writeLockFor(config.store.file) : undefined;
  const data: ThreadData = {
    config: threadConfig(config, options.tabUrl),
    ...(writeLock ? { sqliteWriteLock: writeLock } : {}),
  };
  let current: Worker | undefined;
  let port: number | undefined;
  let upSince: number | undefined;
  let attempt = 0;
  let restarts = 0;
  let nextStartAt = Date.now();
  let restartTimer: NodeJS.Timeout | undefined;
  let closing = false;

  const onMessage = (m: ThreadMessage, started: () => void): void => {
    switch (m.kind) {
      case 'listening':
        port = m.port;
        upSince = Date.now();
        started();
        return;
      case 'case':
        options.feed.publish(m.change);
        return;
      case 'wake':
        options.wakeup.notify();
        return;
      case 'log':
        if (m.level === 'error') log.error(m.message, m.error);
        else log[m.level](m.message);
    }
  };

  const start = (): Promise<void> =>
    new Promise((resolve) => {
      const worker = newWorker(data);
      const workerThreadId = worker.threadId;
      current = worker;
      const startTimer = setTimeout(() => {
        log.error(`did not listen within ${START_WAIT_MS / 1000} s; ending it`);
        void worker.terminate();
      }, START_WAIT_MS);
      const started = () => {
        clearTimeout(startTimer);
        resolve();
      };
      worker.on('message', (m: ThreadMessage) => onMessage(m, started));
      worker.on('error', (err) => log.error('failed', err));
      worker.once('exit', (code) => {
        // Ended while it held the write lock (terminated mid-write): the lock is freed at once.
        if (writeLock) freeFrom(writeLock, workerThreadId);
        started();
        current = undefined;
        port = undefined;
        if (closing) return;
        if (upSince !== undefined && Date.now() - upSince >= STABLE_MS) attempt = 0;
        upSince = undefined;
        attempt += 1;
        const delay = Math.max(RESTART_MIN_MS, backoff(attempt, undefined, policy));
        nextStartAt = Date.now() + delay;
        log.error(`ended (exit code ${code}); starting it again in ${delay} ms`);
        restartTimer = setTimeout(() => {
          restartTimer = undefined;
          restarts += 1;
          void start();
        }, delay);
      });
    });

  await start();
  return {
    port: () => port,
    retryAfterSeconds: () => Math.max(1, Math.ceil((nextStartAt - Date.now()) / 1000)),
    health: () => ({ state: port === undefined ? 'starting' : 'up', restarts }),
    worker: () => current,
    async close() {
      closing = true;
      clearTimeout(restartTimer);
      const worker = current;
      if (!worker) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('close');
      const timer = setTimeout(() => void worker.terminate(), CLOSE_WAIT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
