/**
 * Copies the write-ahead log into the database file from a worker thread, so the copy (and its fsync)
 * does not stop the event loop: with SQLite's automatic checkpoint, the commit that crosses 1 000 log
 * pages copies them all on the thread that serves chat. The worker holds its own connection to the same
 * file and runs a PASSIVE checkpoint every `everyMs`: it never waits for a writer or a reader, and a
 * writer never waits for it. While the worker runs, the main connection's automatic checkpoint is off;
 * if the worker fails or exits, the automatic checkpoint is turned back on at once, so the log never
 * grows unchecked.
 */
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, type Db } from './io';

/** The worker's script (CommonJS, evaluated: it runs the same way from `dist/` and under jest). */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
const timer = setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** SQLite's own default for the automatic checkpoint (pages). */
const AUTO_PAGES = 1_000;

export interface Checkpointer {
  /** Stops the worker (its last checkpoint is left to SQLite's close of the main connection). */
  stop(): void;
}

export function startCheckpointer(db: Db, file: string, everyMs = 250): Checkpointer {
  const worker = new Worker(SCRIPT, {
    eval: true,
    workerData: { file, everyMs, busyTimeoutMs: BUSY_TIMEOUT_MS, driver: require.resolve('better-sqlite3') },
  });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  let running = true;
  const fallBack = () => {
    if (!running) return;
    running = false;
    if (db.open) db.pragma(`wal_autocheckpoint = ${AUTO_PAGES}`);
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    stop() {
      fallBack();
      worker.postMessage('stop');
    },
  };
}
