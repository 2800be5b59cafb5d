/**
 * The supplier API's worker thread (started by `./supplier-api-thread.ts`): a whole app instance of
 * role `supplier-api` (`startApp`), with its own connection to the process's store, listening on a
 * loopback port that the main thread forwards the supplier API's paths to. It runs no background jobs:
 * the main thread's instance runs them (see `./supplier-api-thread.ts`). What the main thread must hear
 * of goes to it as messages: the port once listening, every stored case change (the tab's live stream
 * and the fellesfeil watch), every outbox write (the sender's wakeup) and the log's lines.
 */
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
  serve(port, workerData as ThreadData).catch((err: unknown) => {
    portLogger(port).error('the supplier API thread could not start', err);
    process.exit(1);
  });
}
