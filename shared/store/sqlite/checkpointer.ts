/**
 * Copies the write-ahead log into the database file from a worker thread, so the copy (and its fsync)
 * does not stop the event loop: with SQLite's automatic checkpoint, the commit that crosses 1 000 log
 * pages copies them all on the thread that serves chat. The worker holds its own connection to the same
 * file and runs a PASSIVE checkpoint every `everyMs`: it never waits for a writer or a reader, and a
 * writer never waits for it. While the worker runs, the main connection's automatic checkpoint is off;
 * if the worker fails or exits, the automatic checkpoint is turned back on at once, so the log never
 * grows unchecked.
 *
 * A PASSIVE checkpoint never restarts the log: SQLite writes from the start of the file again only when
 * a write begins with every frame already copied, and under a steady stream of writes a new one has
 * always landed meanwhile. The log then grew without end (1.1 GB in 40 s of fault reports as fast as
 * they came), and every write and read paid for its size. So once the log holds more than
 * `restartFrames` frames the worker runs a RESTART checkpoint: it takes the write lock for the few
 * milliseconds of copying since the last pass (a write meanwhile waits for it, without stopping the
 * event loop: `write` in ./io.ts), and the next write starts the log from its beginning. A read that
 * still needs the log's frames makes it wait; it waits briefly, then leaves the log alone for a while.
 * The main connection's `journal_size_limit` then gives back what the file grew beyond `LOG_LIMIT_BYTES`.
 */
import { Worker } from 'node:worker_threads';
import { BUSY_TIMEOUT_MS, type Db } from './io';

/** The worker's script (CommonJS, evaluated: it runs the same way from `dist/` and under jest). */
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
let restartAfter = 0;
const pass = () => {
  const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
  if (log <= workerData.restartFrames || Date.now() < restartAfter) return;
  db.pragma('busy_timeout = ' + workerData.restartWaitMs);
  let done = false;
  try {
    done = db.pragma('wal_checkpoint(RESTART)')[0].busy === 0;
  } catch {
    // Refused the lock: as busy.
  } finally {
    db.pragma('busy_timeout = ' + workerData.busyTimeoutMs);
  }
  if (!done) restartAfter = Date.now() + workerData.restartBackoffMs;
};
const timer = setInterval(pass, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** SQLite's own default for the automatic checkpoint (pages). */
const AUTO_PAGES = 1_000;
/** Log frames (a page each, 4 KB) past which the worker restarts the log: 16 MB. */
const RESTART_FRAMES = 4_096;
/** What a restarted log's file is cut back to. */
const LOG_LIMIT_BYTES = 64 * 1024 * 1024;
/**
 * How long a RESTART checkpoint waits for the write lock and then for readers of older frames (writes
 * wait all that time) before it gives up; after giving up it is not tried again for
 * `RESTART_BACKOFF_MS`. A long read (a report) holds its frames: waiting 100 ms on every pass stalled
 * every write for 100 ms four times a second while it ran.
 */
const RESTART_WAIT_MS = 20;
const RESTART_BACKOFF_MS = 2_000;

export interface CheckpointerOptions {
  /** How often the worker copies the log (default 250 ms). */
  everyMs?: number;
  /** Log frames past which it restarts the log (default 4 096). */
  restartFrames?: number;
  /** How long it leaves the log alone after a restart that had to give up (default 2 s). */
  restartBackoffMs?: number;
}

export interface Checkpointer {
  /** Stops the worker (its last checkpoint is left to SQLite's close of the main connection). */
  stop(): void;
}

export function startCheckpointer(db: Db, file: string, options: CheckpointerOptions = {}): Checkpointer {
  const worker = new Worker(SCRIPT, {
    eval: true,
    workerData: {
      file,
      everyMs: options.everyMs ?? 250,
      restartFrames: options.restartFrames ?? RESTART_FRAMES,
      restartWaitMs: RESTART_WAIT_MS,
      restartBackoffMs: options.restartBackoffMs ?? RESTART_BACKOFF_MS,
      busyTimeoutMs: BUSY_TIMEOUT_MS,
      driver: require.resolve('better-sqlite3'),
    },
  });
  worker.unref();
  db.pragma('wal_autocheckpoint = 0');
  // The connection that writes after a restart is the one that cuts the file back.
  db.pragma(`journal_size_limit = ${LOG_LIMIT_BYTES}`);
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
