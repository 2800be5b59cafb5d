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
