/** What the write lock's tests count and write, in the test's thread and in its workers alike. */
import type { Db } from '../sqlite/io';

/** A table of one counter, on a new file's first connection. */
export function createCounter(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE counter (n INTEGER NOT NULL); INSERT INTO counter (n) VALUES (0);');
}

/** Adds one to the counter, read then written (a lost update would show in the total). */
export function increment(db: Db): void {
  const { n } = db.prepare<[], { n: number }>('SELECT n FROM counter').get()!;
  db.prepare('UPDATE counter SET n = ?').run(n + 1);
}

export function counted(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT n FROM counter').get()!.n;
}

/**
 * Counts the connection's tries to write: each one asks SQLite for the lock without waiting first
 * (`withoutWaiting` in ../sqlite/io.ts sets the busy timeout to 0).
 */
export function countTries(db: Db): { count: number } {
  const tries = { count: 0 };
  const pragma = db.pragma.bind(db);
  db.pragma = ((source: string, options?: Parameters<Db['pragma']>[1]) => {
    if (source === 'busy_timeout = 0') tries.count += 1;
    return pragma(source, options);
  }) as Db['pragma'];
  return tries;
}
