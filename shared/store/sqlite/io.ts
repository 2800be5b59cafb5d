/** What the SQLite stores share: the connection type, promise and transaction wrappers, error translation. */
import type Database from 'better-sqlite3';
import { ConflictError, FristvaktError } from '../../errors';
import type { Versioned } from '../../ports';
import { duplicate } from '../common';
import type { WriteLock } from './write-lock';

export type Db = Database.Database;
export interface DocRow {
  doc: string;
  version: number;
}
/** A row holding only a JSON document. */
export interface JsonRow {
  doc: string;
}

/**
 * How long a write waits for the database's write lock while another connection (another instance on
 * the same file, the checkpointer) holds it, before it fails: SQLite's busy timeout on every connection.
 */
export const BUSY_TIMEOUT_MS = 5000;

/** True when `err` (as `translate` made it) is a write refused because another connection held the lock. */
export function lockedOut(err: unknown): boolean {
  const code = err instanceof FristvaktError ? err.details.statusCode : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** Runs `fn` now; its result or its (coded) exception becomes the promise: a synchronous throw becomes a rejection. */
export function run<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(translate(err));
  }
}

/** The real `setImmediate` and `setTimeout`, taken before any test can fake the timers: a refused write must always try again. */
const nextTurn = setImmediate;
const later = setTimeout;
/**
 * A write refused the write lock tries again on the next turn of the event loop for its first
 * `LOCK_SPIN_MS` (another instance's write is about a millisecond), then every `LOCK_RETRY_MS`, so a
 * long hold does not keep this process spinning.
 */
const LOCK_SPIN_MS = 5;
const LOCK_RETRY_MS = 1;

/** Schedules `again`, the next try of a write first refused the write lock at `since`. */
export function askAgain(since: number, again: () => void): void {
  if (Date.now() - since < LOCK_SPIN_MS) nextTurn(again);
  else later(again, LOCK_RETRY_MS);
}

/** True once a write first refused at `since` has waited the busy timeout: it then fails, as SQLite's own wait would. */
export function waitedEnough(since: number | undefined): boolean {
  return since !== undefined && Date.now() - since >= BUSY_TIMEOUT_MS;
}

/**
 * Runs `fn` with SQLite's busy timeout at 0: a write refused the write lock throws at once
 * (`lockedOut`) instead of waiting inside SQLite, with this process's event loop stopped meanwhile.
 * Each call compiles its PRAGMAs: SQLite sets the busy timeout when it compiles the statement, so a
 * statement prepared once and run again did nothing on its first run (the first write of a connection
 * then waited inside SQLite after all).
 */
export function withoutWaiting<T>(db: Db, fn: () => T): T {
  try {
    db.pragma('busy_timeout = 0');
  } catch (err) {
    throw translate(err); // a closed database
  }
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * One try of a queued write: true once it is done (its promise settled), false when SQLite refused it
 * the write lock (nothing ran) and it is to be tried again; `since` is when it was first refused.
 */
export interface WriteTry {
  attempt(): boolean;
  since?: number;
}

/** A connection's queued writes and the process's write lock of its file (none: only SQLite's). */
interface Writer {
  queue: WriteTry[];
  lock?: WriteLock;
}
const writers = new WeakMap<Db, Writer>();
const writerOf = (db: Db): Writer => {
  let w = writers.get(db);
  if (!w) writers.set(db, (w = { queue: [] }));
  return w;
};

/** Makes the connection's writes take turns with the process's other connections to its file (`./write-lock.ts`). */
export function shareWriteLock(db: Db, lock: WriteLock): void {
  writerOf(db).lock = lock;
}

/**
 * Queues a write on the connection. The writes of a connection run in order, each in the process's
 * write lock: the first runs at once when the lock is free and nothing waits before it; otherwise the
 * head waits for the lock (`take`, the event loop going on) and the writes behind it run right after
 * it, in the same turn, until another thread waits for the lock: it then writes before the next one,
 * so a burst of one thread's writes (a supplier's requests) keeps another's (chat's) waiting for one
 * transaction, not for all of them. While SQLite refuses the head (another process, the
 * checkpointer), only the head asks again (`askAgain`), not every write behind it.
 */
export function enqueue(db: Db, job: WriteTry): void {
  const w = writerOf(db);
  w.queue.push(job);
  if (w.queue.length === 1) void drain(w);
}

async function drain(w: Writer): Promise<void> {
  while (w.queue.length > 0) {
    if (w.lock && !w.lock.tryTake()) await w.lock.take();
    let refused: WriteTry | undefined;
    try {
      while (w.queue.length > 0 && !refused) {
        if (w.queue[0]!.attempt()) w.queue.shift();
        else refused = w.queue[0];
        if (w.lock?.othersWait()) break;
      }
    } finally {
      w.lock?.release();
    }
    if (refused) await new Promise<void>((again) => askAgain(refused.since!, again));
  }
}

/**
 * One try of a write in the process's write lock, now or not at all (a report keeping a month's sums
 * while it reads): without the lock, or refused SQLite's, it throws as a refused write (`lockedOut`).
 */
export function writeNow<T>(db: Db, fn: () => T): T {
  const lock = writers.get(db)?.lock;
  if (lock && !lock.tryTake())
    throw new FristvaktError('STORE_UNAVAILABLE', 'SQLite failed: another connection is writing', {
      statusCode: 'SQLITE_BUSY',
    });
  try {
    return withoutWaiting(db, () => tx(db, fn));
  } finally {
    lock?.release();
  }
}

/**
 * A write: `fn` in a transaction, its result or coded failure as the promise, in the connection's
 * queue (`enqueue`). While another connection holds SQLite's write lock it waits without stopping the
 * event loop: it asks for the lock without waiting and, refused (at BEGIN, before anything in `fn`
 * ran), asks again; refused still after the busy timeout, it fails with SQLite's code.
 */
export function write<T>(db: Db, fn: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const job: WriteTry = {
      attempt() {
        try {
          resolve(withoutWaiting(db, () => tx(db, fn)));
        } catch (err) {
          if (lockedOut(err) && !waitedEnough(job.since)) {
            job.since ??= Date.now();
            return false;
          }
          reject(err);
        }
        return true;
      },
    };
    enqueue(db, job);
  });
}

/** Runs `fn` in a transaction, translating SQLite failures into coded errors. */
export function tx<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw translate(err);
  }
}

export function translate(err: unknown): Error {
  if (err instanceof FristvaktError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE')
    return duplicate('a record with this key', { cause: err });
  return new FristvaktError('STORE_UNAVAILABLE', `SQLite failed: ${(err as Error).message}`, {
    cause: err,
    statusCode: code,
  });
}

export function versioned<T>(row: DocRow | undefined): Versioned<T> | null {
  return row ? { value: JSON.parse(row.doc) as T, version: String(row.version) } : null;
}

export function parseVersion(version: string): number {
  const n = Number(version);
  if (!/^\d+$/.test(version) || !Number.isSafeInteger(n))
    throw new ConflictError('the version is not one this store gave out', { version });
  return n;
}
