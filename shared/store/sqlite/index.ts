/**
 * The embedded default store: one SQLite file through better-sqlite3 (WAL mode), blobs on local disk.
 * Each record is a JSON document plus the indexed columns its queries need. better-sqlite3 is
 * synchronous, so every method runs to completion in one transaction: the conditional update and the
 * outbox messages it causes commit together or not at all.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { FristvaktError } from '../../errors';
import type { IsoInstant } from '../../ids';
import type {
  ConversationReferenceJson,
  ConversationStore,
  PostedMessage,
  Store,
  ThreadStore,
} from '../../ports';
import { openFsBlobStore } from '../fs-blobs';
import { adminStore } from './admin';
import { backfillSummaries, caseStore } from './cases';
import { startCheckpointer } from './checkpointer';
import { write, BUSY_TIMEOUT_MS, run, shareWriteLock, translate, type Db } from './io';
import { deskStore, keyValueStore, leaseStore } from './meta';
import { noticeStore } from './notices';
import { outboxStore } from './outbox';
import { migrate } from './schema';
import { writeLock, writeLockFor } from './write-lock';

export { freeFrom, writeLockFor } from './write-lock';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Where attachments' bytes live. */
  blobDir: string;
  /** Rows per page read by `streamPeriod` (default 2 000); tests set it small to cross pages. */
  streamPageSize?: number;
  /**
   * The process's write lock of the file (`./write-lock.ts`), given to a worker thread by the thread
   * that started it (`writeLockFor`); by default this thread's one for the file.
   */
  writeLock?: SharedArrayBuffer;
}

const STREAM_PAGE = 2_000;

/** Start-up refuses a database file that exists but holds nothing readable: a new store would reuse references. */
function cannotStart(file: string, what: 'empty' | 'corrupt', cause?: unknown): FristvaktError {
  return new FristvaktError(
    'STORE_UNAVAILABLE',
    `cannot start: the database file ${file} is ${what}; restore from backup or remove it`,
    { cause, file },
  );
}

const CORRUPT = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

/**
 * Opens (creating when missing) and migrates the database. An existing file that is empty or not a
 * readable SQLite database stops start-up instead of becoming a new store.
 */
function openDatabase(file: string): { db: Db; createdNow: boolean } {
  if (file !== ':memory:') {
    let size: number | undefined;
    try {
      size = statSync(file).size;
    } catch {
      size = undefined; // no file yet: SQLite creates it
    }
    if (size === 0) throw cannotStart(file, 'empty');
  }
  let db: Db | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Reads through a memory map instead of a read() system call per page: streaming a period's 100 000
    // cases spent ~0.1 s in the kernel copying pages otherwise. No effect on ':memory:' databases.
    db.pragma('mmap_size = 268435456');
    const createdNow = migrate(db);
    backfillSummaries(db);
    if (createdNow)
      db.prepare("INSERT OR IGNORE INTO store_meta (key, value) VALUES ('created_at', ?)").run(
        new Date().toISOString(),
      );
    return { db, createdNow };
  } catch (err) {
    if (db?.open) db.close();
    if (CORRUPT.has((err as { code?: string }).code ?? '')) throw cannotStart(file, 'corrupt', err);
    throw translate(err);
  }
}

/**
 * The health probe: writes the probe row and reads it back, then reads the newest entry of the case
 * index (a corrupt page there fails the read), all in one write transaction.
 */
function prober(db: Db): (now: IsoInstant) => Promise<void> {
  return (now) =>
    write(db, () => {
      db.prepare(
        "INSERT INTO store_meta (key, value) VALUES ('probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run(now);
      const back = db
        .prepare<[], { value: string }>("SELECT value FROM store_meta WHERE key = 'probe'")
        .get();
      if (back?.value !== now)
        throw new FristvaktError('STORE_UNAVAILABLE', 'SQLite failed: the probe row did not read back');
      db.prepare('SELECT ref FROM cases ORDER BY ref DESC LIMIT 1').get();
      db.prepare('SELECT count(*) FROM desks').get();
    });
}

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const { db, createdNow } = openDatabase(options.file);
  if (options.file !== ':memory:')
    shareWriteLock(db, writeLock(writeLockFor(options.file, options.writeLock)));
  const checkpointer = options.file === ':memory:' ? undefined : startCheckpointer(db, options.file);
  const store: Store = {
    createdNow,
    probe: prober(db),
    // The schema migrates itself on open (`migrate` in schema.ts) and one table holds every desk's
    // cases, so the partition migration has nothing to move here: it counts the cases.
    migrate: () =>
      run(() => ({
        moved: 0,
        cases: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM cases').get()!.n,
      })),
    cases: caseStore(db, options.streamPageSize ?? STREAM_PAGE),
    outbox: outboxStore(db),
    threads: keyValueStore<PostedMessage>(db, 'threads') satisfies ThreadStore,
    conversations: keyValueStore<ConversationReferenceJson>(db, 'conversations') satisfies ConversationStore,
    desks: deskStore(db),
    notices: noticeStore(db),
    leases: leaseStore(db),
    blobs: openFsBlobStore(options.blobDir),
    admin: adminStore(db),
    close() {
      return run(() => {
        checkpointer?.stop();
        if (db.open) db.close();
      });
    },
  };
  return store;
}
