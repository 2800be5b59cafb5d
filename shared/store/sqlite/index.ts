/**
 * The embedded default store: one SQLite file through better-sqlite3 (WAL mode), blobs on local disk.
 * Each record is a JSON document plus the indexed columns its queries need. better-sqlite3 is
 * synchronous, so every method runs to completion in one transaction: the conditional update and the
 * outbox messages it causes commit together or not at all.
 */
import Database from 'better-sqlite3';
import type {
  ConversationReferenceJson,
  ConversationStore,
  PostedMessage,
  Store,
  ThreadStore,
} from '../../ports';
import { openFsBlobStore } from '../fs-blobs';
import { caseStore } from './cases';
import { run } from './io';
import { deskStore, keyValueStore, leaseStore } from './meta';
import { noticeStore } from './notices';
import { outboxStore } from './outbox';
import { migrate } from './schema';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Where attachments' bytes live. */
  blobDir: string;
  /** Rows per page read by `streamPeriod` (default 2 000); tests set it small to cross pages. */
  streamPageSize?: number;
}

const STREAM_PAGE = 2_000;

export function openSqliteStore(options: SqliteStoreOptions): Store {
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Reads through a memory map instead of a read() system call per page: streaming a period's 100 000
  // cases spent ~0.1 s in the kernel copying pages otherwise. No effect on ':memory:' databases.
  db.pragma('mmap_size = 268435456');
  migrate(db);
  const store: Store = {
    cases: caseStore(db, options.streamPageSize ?? STREAM_PAGE),
    outbox: outboxStore(db),
    threads: keyValueStore<PostedMessage>(db, 'threads') satisfies ThreadStore,
    conversations: keyValueStore<ConversationReferenceJson>(db, 'conversations') satisfies ConversationStore,
    desks: deskStore(db),
    notices: noticeStore(db),
    leases: leaseStore(db),
    blobs: openFsBlobStore(options.blobDir),
    close() {
      return run(() => {
        if (db.open) db.close();
      });
    },
  };
  return store;
}
