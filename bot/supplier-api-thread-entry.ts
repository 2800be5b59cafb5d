/**
 * The supplier API's worker thread (started by `./supplier-api-thread.ts`): a whole app instance of
 * role `supplier-api` (`startApp`), with its own connection to the process's store, listening on a
 * loopback port that the main thread forwards the supplier API's paths to. It runs no background jobs:
 * the main thread's instance runs them (see `./supplier-api-thread.ts`). What the main thread must hear
 * of goes to it as messages: the port once listening, every stored case change (the tab's live stream
 * and the fellesfeil watch), every outbox write (the sender's wakeup) and the log's lines.
 *
 * The thread runs at a lower CPU priority than chat (`yieldToChat`): where the process's cores are
 * all busy, the operating system runs chat's thread first and the supplier's requests wait.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { startApp } from './app';
import type { Config } from './config';
import type { Logger } from './server/logger';
import type { ThreadMessage } from './supplier-api-thread';

/** What the main thread gives the worker. */
export interface ThreadData {
  /** The main instance's configuration with role `supplier-api` on a loopback port. */
  config: Config;
  /** The process's write lock of the SQLite store's file (none for Cosmos DB). */
  sqliteWriteLock?: SharedArrayBuffer;
}

/**
 * The thread's nice value (Linux: 0 is chat's, 19 the lowest): the scheduler then gives it about a
 * tenth of the CPU time of a thread at 0 while both want a core, and all that is idle otherwise.
 */
export const SUPPLIER_API_NICE = 10;

/**
 * Lowers this thread's CPU priority to `SUPPLIER_API_NICE`: Linux schedules threads on their own and
 * takes a thread's id (from `/proc/thread-self`) where a process id goes. Nowhere else is a thread's
 * priority its own (`setPriority` would lower the whole process, chat too), so elsewhere this returns
 * false and leaves it.
 */
export function yieldToChat(): boolean {
  let threadSelf: string;
  try {
    threadSelf = readlinkSync('/proc/thread-self'); // "<pid>/task/<tid>"
  } catch {
    return false;
  }
  const tid = Number(threadSelf.slice(threadSelf.lastIndexOf('/') + 1));
  if (!Number.isInteger(tid) || tid <= 0) return false;
  setPriority(tid, SUPPLIER_API_NICE);
  return true;
}

function portLogger(port: MessagePort): Logger {
  const send = (m: ThreadMessage) => port.postMessage(m);
  return {
    info: (message) => send({ kind: 'log', level: 'info', message }),
    warn: (message) => send({ kind: 'log', level: 'warn', message }),
    error: (message, err) =>
      send({
        kind: 'log',
        level: 'error',
        message,
        ...(err === undefined
          ? {}
          : { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      }),
  };
}

async function serve(port: MessagePort, data: ThreadData): Promise<void> {
  const send = (m: ThreadMessage) => port.postMessage(m);
  const app = await startApp(data.config, {
    log: portLogger(port),
    jobs: false,
    ...(data.sqliteWriteLock ? { sqliteWriteLock: data.sqliteWriteLock } : {}),
  });
  app.feed.subscribe((change) => send({ kind: 'case', change }));
  app.deps.wakeup.listen(() => send({ kind: 'wake' }));
  port.once('message', () => {
    void app.close().finally(() => port.close());
  });
  send({ kind: 'listening', port: app.server.address().port });
}

if (parentPort) {
  const port = parentPort;
  try {
    if (!yieldToChat())
      portLogger(port).info(
        "the supplier API thread runs at chat's CPU priority (no thread priorities here)",
      );
  } catch (err) {
    portLogger(port).warn(`the supplier API thread runs at chat's CPU priority: ${String(err)}`);
  }
  serve(port, workerData as ThreadData).catch((err: unknown) => {
    portLogger(port).error('the supplier API thread could not start', err);
    process.exit(1);
  });
}
