/** What the SQLite stores share: the connection type, promise and transaction wrappers, error translation. */
import type Database from 'better-sqlite3';
import { ConflictError, FristvaktError } from '../../errors';
import type { Versioned } from '../../ports';
import { duplicate } from '../common';

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
 * A write: `fn` in a transaction, its result or coded failure as the promise. While another connection
 * (a second instance on the same file) holds the write lock, it waits without stopping the event loop:
 * it asks for the lock without waiting and, refused (at BEGIN, before anything in `fn` ran), asks
 * again (`askAgain`); refused still after the busy timeout, it fails with SQLite's code.
 */
export function write<T>(db: Db, fn: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let since: number | undefined;
    const attempt = (): void => {
      try {
        resolve(withoutWaiting(db, () => tx(db, fn)));
      } catch (err) {
        if (!lockedOut(err) || waitedEnough(since)) return reject(err);
        since ??= Date.now();
        askAgain(since, attempt);
      }
    };
    attempt();
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
