/**
 * The embedded default store: one SQLite file through better-sqlite3 (WAL mode), blobs on local disk.
 * Each record is a JSON document plus the indexed columns its queries need. better-sqlite3 is
 * synchronous, so every method runs to completion in one transaction: the conditional update and the
 * outbox messages it causes commit together or not at all.
 */
import Database from 'better-sqlite3';
import type { Case, CaseStatus } from '../../cases/model';
import type { Desk, Organisation, Service } from '../../desks/model';
import { ConflictError, FristvaktError, NotFoundError, ValidationError } from '../../errors';
import { formatCaseRef } from '../../ids';
import type { CaseRef, DeskId, IsoInstant, NoticeId, OrgId, ServiceId, UserId } from '../../ids';
import type { Notice } from '../../notices/model';
import type {
  CaseAccess,
  CaseStore,
  ConversationReferenceJson,
  ConversationStore,
  CreateCaseResult,
  DeskStore,
  LeaseStore,
  NewCase,
  NoticeStore,
  OutboxEntry,
  OutboxMessage,
  OutboxStore,
  Page,
  PageRequest,
  PostedMessage,
  Store,
  ThreadStore,
  Versioned,
} from '../../ports';
import {
  assertYear,
  canSee,
  decodeToken,
  dueKey,
  duplicate,
  encodeToken,
  isOpen,
  pageLimit,
  pendingEntry,
} from '../common';
import { openFsBlobStore } from '../fs-blobs';
import { migrate } from './schema';

export interface SqliteStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** Where attachments' bytes live. */
  blobDir: string;
  /** Rows per page read by `streamPeriod` (default 2 000); tests set it small to cross pages. */
  streamPageSize?: number;
}

type Db = Database.Database;
interface DocRow {
  doc: string;
  version: number;
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

/** Runs `fn` now; its result or its (coded) exception becomes the promise: a synchronous throw becomes a rejection. */
function run<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    return Promise.reject(translate(err));
  }
}

/** Runs `fn` in a transaction, translating SQLite failures into coded errors. */
function tx<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (err) {
    throw translate(err);
  }
}

function translate(err: unknown): Error {
  if (err instanceof FristvaktError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE')
    return duplicate('a record with this key', { cause: err });
  return new FristvaktError('STORE_UNAVAILABLE', `SQLite failed: ${(err as Error).message}`, {
    cause: err,
    statusCode: code,
  });
}

function versioned<T>(row: DocRow | undefined): Versioned<T> | null {
  return row ? { value: JSON.parse(row.doc) as T, version: String(row.version) } : null;
}

function parseVersion(version: string): number {
  const n = Number(version);
  if (!/^\d+$/.test(version) || !Number.isSafeInteger(n))
    throw new ConflictError('the version is not one this store gave out', { version });
  return n;
}

// ---------------------------------------------------------------------------------------------------
// Cases

interface CaseRow extends DocRow {
  ref: string;
  received_at: string;
  due_key: string;
}

/** The fixed sorts of the case queries, with their keyset continuation filters (`@k`, `@r`). */
const SORTS = {
  newest: {
    order: 'received_at DESC, ref DESC',
    after: '(received_at, ref) < (@k, @r)',
    key: (r: CaseRow) => [r.received_at, r.ref],
  },
  due: {
    order: 'due_key ASC, ref ASC',
    after: '(due_key, ref) > (@k, @r)',
    key: (r: CaseRow) => [r.due_key, r.ref],
  },
  ref: { order: 'ref ASC', after: 'ref > @r', key: (r: CaseRow) => ['', r.ref] },
} as const;

interface ListSpec {
  kind: string;
  where: string;
  params: Record<string, unknown>;
  sort: keyof typeof SORTS;
}

function caseStore(db: Db, streamPage: number): CaseStore {
  const byClientKey = db.prepare<[string, string], DocRow>(
    'SELECT doc, version FROM cases WHERE desk_id = ? AND client_key = ?',
  );
  const nextSeq = db.prepare<[number], { seq: number }>(
    `INSERT INTO ref_counters (year, seq) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET seq = seq + 1 RETURNING seq`,
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (ref, desk_id, org_id, reporter_id, parent_ref, status, open, due_key, received_at,
       client_key, version, doc)
     VALUES (@ref, @deskId, @orgId, @reporterId, @parentRef, @status, @open, @dueKey, @receivedAt,
       @clientKey, 1, @doc)`,
  );
  const updateCase = db.prepare(
    `UPDATE cases SET org_id = @orgId, reporter_id = @reporterId, parent_ref = @parentRef, status = @status,
       open = @open, due_key = @dueKey, received_at = @receivedAt, version = version + 1, doc = @doc
     WHERE ref = @ref AND version = @expected`,
  );
  const byRef = db.prepare<[string], DocRow & { desk_id: string }>(
    'SELECT doc, version, desk_id FROM cases WHERE ref = ?',
  );
  const insertFollower = db.prepare(
    'INSERT OR IGNORE INTO case_followers (user_id, received_at, ref) VALUES (?, ?, ?)',
  );
  const deleteFollowers = db.prepare('DELETE FROM case_followers WHERE ref = ?');
  const saveFollowers = (c: Case) => {
    deleteFollowers.run(c.ref);
    for (const f of c.followers) insertFollower.run(f.id, c.receivedAt, c.ref);
  };
  const insertOutbox = outboxInserter(db);
  const statements = new Map<string, Database.Statement<Record<string, unknown>, CaseRow>>();

  const columns = (c: Case) => ({
    ref: c.ref,
    deskId: c.deskId,
    orgId: c.orgId,
    reporterId: c.reporter.id,
    parentRef: c.parentRef ?? null,
    status: c.status satisfies CaseStatus,
    open: isOpen(c) ? 1 : 0,
    dueKey: dueKey(c),
    receivedAt: c.receivedAt,
    clientKey: c.clientKey,
    doc: JSON.stringify(c),
  });

  const list = (spec: ListSpec, page: PageRequest | undefined): Page<Case> => {
    const limit = pageLimit(page);
    const after = decodeToken(spec.kind, page?.continuationToken, 2);
    const sort = SORTS[spec.sort];
    const sql =
      `SELECT ref, received_at, due_key, doc, version FROM cases WHERE ${spec.where}` +
      (after ? ` AND ${sort.after}` : '') +
      ` ORDER BY ${sort.order} LIMIT @limit`;
    let stmt = statements.get(sql);
    if (!stmt) statements.set(sql, (stmt = db.prepare<Record<string, unknown>, CaseRow>(sql)));
    const rows = stmt.all({
      ...spec.params,
      ...(after ? { k: after[0], r: after[1] } : {}),
      limit: limit + 1,
    });
    const more = rows.length > limit;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((r) => JSON.parse(r.doc) as Case),
      ...(more && last ? { continuationToken: encodeToken(spec.kind, sort.key(last)) } : {}),
    };
  };

  return {
    create(input: NewCase, year: number, outbox: (c: Case) => OutboxMessage[]): Promise<CreateCaseResult> {
      assertYear(year);
      return run(() =>
        tx(db, () => {
          const existing = versioned<Case>(byClientKey.get(input.deskId, input.clientKey));
          if (existing) return { case: existing, created: false };
          const seq = nextSeq.get(year)!.seq;
          const stored: Case = { ...input, ref: formatCaseRef(year, seq) };
          insertCase.run(columns(stored));
          saveFollowers(stored);
          for (const m of outbox(stored)) insertOutbox(m);
          return { case: { value: stored, version: '1' }, created: true };
        }),
      );
    },

    update(next: Case, expectedVersion: string, outbox: OutboxMessage[] = []): Promise<Versioned<Case>> {
      const expected = parseVersion(expectedVersion);
      return run(() =>
        tx(db, () => {
          const current = byRef.get(next.ref);
          if (!current) throw new NotFoundError(`case ${next.ref} does not exist`);
          if (current.desk_id !== next.deskId)
            throw new ValidationError('deskId', 'a case cannot move to another desk by update');
          const prior = JSON.parse(current.doc) as Case;
          if (prior.clientKey !== next.clientKey)
            throw new ValidationError('clientKey', 'the client key of a case never changes');
          const res = updateCase.run({ ...columns(next), expected });
          if (res.changes !== 1)
            throw new ConflictError(`case ${next.ref} changed since it was read`, {
              ref: next.ref,
              expectedVersion,
            });
          saveFollowers(next);
          for (const m of outbox) insertOutbox(m);
          return { value: next, version: String(expected + 1) };
        }),
      );
    },

    getVisible(ref: CaseRef, access: CaseAccess) {
      return run(() => {
        const found = versioned<Case>(byRef.get(ref));
        return found && canSee(found.value, access) ? found : null;
      });
    },
    getForDesk(ref: CaseRef, deskId: DeskId) {
      return run(() => {
        const row = byRef.get(ref);
        return row && row.desk_id === deskId ? versioned<Case>(row) : null;
      });
    },
    locate(ref: CaseRef) {
      return run(() => (byRef.get(ref)?.desk_id as DeskId | undefined) ?? null);
    },

    listByReporter(reporterId: UserId, page?: PageRequest) {
      const spec = {
        kind: 'reporter',
        where: 'reporter_id = @id',
        params: { id: reporterId },
        sort: 'newest',
      };
      return run(() => list(spec as ListSpec, page));
    },
    listByFollower(followerId: UserId, page?: PageRequest) {
      const spec = {
        kind: 'follower',
        where: 'ref IN (SELECT ref FROM case_followers WHERE user_id = @id)',
        params: { id: followerId },
        sort: 'newest',
      };
      return run(() => list(spec as ListSpec, page));
    },
    listDeskQueue(deskId: DeskId, page?: PageRequest) {
      const spec = {
        kind: 'queue',
        where: 'desk_id = @desk AND open = 1',
        params: { desk: deskId },
        sort: 'due',
      };
      return run(() => list(spec as ListSpec, page));
    },
    listByOrg(orgId: OrgId, page?: PageRequest) {
      const spec = { kind: 'org', where: 'org_id = @id', params: { id: orgId }, sort: 'newest' };
      return run(() => list(spec as ListSpec, page));
    },
    listChildren(parentRef: CaseRef, deskId: DeskId, page?: PageRequest) {
      const spec = {
        kind: 'children',
        where: 'desk_id = @desk AND parent_ref = @parent',
        params: { desk: deskId, parent: parentRef },
        sort: 'ref',
      };
      return run(() => list(spec as ListSpec, page));
    },
    listDueBefore(deskId: DeskId, until: IsoInstant, page?: PageRequest) {
      const spec = {
        kind: 'due',
        where: 'desk_id = @desk AND open = 1 AND due_key <= @until',
        params: { desk: deskId, until },
        sort: 'due',
      };
      return run(() => list(spec as ListSpec, page));
    },
    streamPeriod(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<Case> {
      const stmt = db
        .prepare<unknown[], [string, string, string]>(
          // The lower bound is the row value alone, so the index seeks straight to it: with a separate
          // `received_at >= from` SQLite seeks there and scans every earlier page's rows again (6 ms a page
          // late in 100 000 cases). Starting at (from, '') is `received_at >= from`: no ref is empty.
          `SELECT received_at, ref, doc FROM cases
           WHERE desk_id = ? AND (received_at, ref) > (?, ?) AND received_at < ?
           ORDER BY received_at ASC, ref ASC LIMIT ?`,
        )
        .raw(true);
      const desks = [...new Set(deskIds)];
      return {
        [Symbol.asyncIterator]() {
          // A plain iterator over pages read on demand: cheaper per case than an async generator.
          let desk = 0;
          let after: [string, string] = [from, ''];
          let rows: [string, string, string][] = [];
          let next = 0;
          let exhausted = false;
          const fill = () => {
            while (next >= rows.length && desk < desks.length) {
              if (exhausted) {
                desk += 1;
                after = [from, ''];
                exhausted = false;
                if (desk >= desks.length) break;
              }
              rows = stmt.all(desks[desk], after[0], after[1], to, streamPage);
              next = 0;
              exhausted = rows.length < streamPage;
              const last = rows[rows.length - 1];
              if (last) after = [last[0], last[1]];
            }
          };
          return {
            next(): Promise<IteratorResult<Case>> {
              return run(() => {
                fill();
                if (next >= rows.length) return { done: true, value: undefined };
                return { done: false, value: JSON.parse(rows[next++]![2]) as Case };
              });
            },
          };
        },
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Outbox

interface OutboxRow {
  doc: string;
}

/** Inserts a new pending message; an id already stored throws DUPLICATE (and rolls back its transaction). */
function outboxInserter(db: Db): (m: OutboxMessage) => void {
  const insert = db.prepare(
    `INSERT INTO outbox (id, desk_id, status, next_attempt_at, doc) VALUES (@id, @deskId, @status, @next, @doc)`,
  );
  return (m) => {
    const entry = pendingEntry(m);
    try {
      insert.run({
        id: m.id,
        deskId: m.deskId,
        status: entry.status,
        next: entry.nextAttemptAt,
        doc: JSON.stringify(entry),
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw duplicate(`outbox message ${m.id}`, { id: m.id });
      throw err;
    }
  };
}

function outboxStore(db: Db): OutboxStore {
  const insert = outboxInserter(db);
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM outbox WHERE id = ?');
  const get = db.prepare<[string, string], OutboxRow>('SELECT doc FROM outbox WHERE id = ? AND desk_id = ?');
  const due = db.prepare<[string, number], OutboxRow>(
    `SELECT doc FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at ASC, id ASC LIMIT ?`,
  );
  const save = db.prepare(
    'UPDATE outbox SET status = @status, next_attempt_at = @next, doc = @doc WHERE id = @id',
  );

  const change = (id: string, deskId: DeskId, fn: (e: OutboxEntry) => OutboxEntry): Promise<void> => {
    return run(() =>
      tx(db, () => {
        const row = get.get(id, deskId);
        if (!row) throw new NotFoundError(`outbox message ${id} does not exist`);
        const next = fn(JSON.parse(row.doc) as OutboxEntry);
        save.run({ id, status: next.status, next: next.nextAttemptAt, doc: JSON.stringify(next) });
      }),
    );
  };

  return {
    enqueue(messages) {
      return run(() =>
        tx(db, () => {
          const added: string[] = [];
          for (const m of messages) {
            if (exists.get(m.id) || added.includes(m.id)) continue;
            insert(m);
            added.push(m.id);
          }
          return added;
        }),
      );
    },
    listDue(now, limit) {
      return run(() => due.all(now, limit).map((r) => JSON.parse(r.doc) as OutboxEntry));
    },
    markDelivered(id, deskId, at) {
      return change(id, deskId, (e) => ({ ...e, status: 'delivered', deliveredAt: at }));
    },
    markFailed(id, deskId, error, nextAttemptAt) {
      return change(id, deskId, (e) => ({ ...e, attempts: e.attempts + 1, lastError: error, nextAttemptAt }));
    },
    park(id, deskId, error) {
      return change(id, deskId, (e) => ({
        ...e,
        status: 'parked',
        attempts: e.attempts + 1,
        lastError: error,
      }));
    },
    get(id, deskId) {
      const row = get.get(id, deskId);
      return run(() => (row ? (JSON.parse(row.doc) as OutboxEntry) : null));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Threads, conversations

interface KeyValue<T> {
  get(key: string): Promise<T | null>;
  put(key: string, value: T): Promise<void>;
}

function keyValueStore<T>(db: Db, table: 'threads' | 'conversations'): KeyValue<T> {
  const get = db.prepare<[string], OutboxRow>(`SELECT doc FROM ${table} WHERE key = ?`);
  const put = db.prepare(
    `INSERT INTO ${table} (key, doc) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc`,
  );
  return {
    get(key: string) {
      const row = get.get(key);
      return run(() => (row ? (JSON.parse(row.doc) as T) : null));
    },
    put(key: string, value: T) {
      return run(() => {
        tx(db, () => put.run(key, JSON.stringify(value)));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Desks, services, organisations

function deskStore(db: Db): DeskStore {
  const get = db.prepare<[string], DocRow>('SELECT doc, version FROM desks WHERE id = ?');
  const list = db.prepare<[], OutboxRow>('SELECT doc FROM desks ORDER BY id');
  const insert = db.prepare('INSERT INTO desks (id, version, doc) VALUES (?, 1, ?)');
  const replace = db.prepare('UPDATE desks SET doc = ?, version = version + 1 WHERE id = ? AND version = ?');
  const services = db.prepare<[], OutboxRow>('SELECT doc FROM services ORDER BY id');
  const servicesOf = db.prepare<[string], OutboxRow>(
    'SELECT doc FROM services WHERE desk_id = ? ORDER BY id',
  );
  const putService = db.prepare(
    `INSERT INTO services (id, desk_id, doc) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET desk_id = excluded.desk_id, doc = excluded.doc`,
  );
  const orgs = db.prepare<[], OutboxRow>('SELECT doc FROM organisations ORDER BY id');
  const putOrg = db.prepare(
    'INSERT INTO organisations (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
  );
  const docs = <T>(rows: OutboxRow[]) => rows.map((r) => JSON.parse(r.doc) as T);
  return {
    get(id: DeskId) {
      return run(() => versioned<Desk>(get.get(id)));
    },
    list() {
      return run(() => docs<Desk>(list.all()));
    },
    put(desk: Desk, expectedVersion?: string) {
      return run(() =>
        tx(db, () => {
          if (expectedVersion === undefined) {
            insert.run(desk.id, JSON.stringify(desk));
            return { value: desk, version: '1' };
          }
          const expected = parseVersion(expectedVersion);
          if (replace.run(JSON.stringify(desk), desk.id, expected).changes !== 1)
            throw new ConflictError(`desk ${desk.id} changed since it was read`, { id: desk.id });
          return { value: desk, version: String(expected + 1) };
        }),
      );
    },
    listServices(deskId?: DeskId) {
      return run(() => docs<Service>(deskId === undefined ? services.all() : servicesOf.all(deskId)));
    },
    putService(service: Service) {
      return run(() => {
        tx(db, () => putService.run(service.id, service.deskId, JSON.stringify(service)));
      });
    },
    listOrganisations() {
      return run(() => docs<Organisation>(orgs.all()));
    },
    putOrganisation(org: Organisation) {
      return run(() => {
        tx(db, () => putOrg.run(org.id, JSON.stringify(org)));
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Notices

function noticeStore(db: Db): NoticeStore {
  const insertOutbox = outboxInserter(db);
  const get = db.prepare<[string, string], DocRow>(
    'SELECT doc, version FROM notices WHERE id = ? AND desk_id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO notices (id, desk_id, status, starts_at, version, doc) VALUES (@id, @deskId, @status, @startsAt, 1, @doc)`,
  );
  const replace = db.prepare(
    `UPDATE notices SET status = @status, starts_at = @startsAt, version = version + 1, doc = @doc
     WHERE id = @id AND desk_id = @deskId AND version = @expected`,
  );
  const active = db.prepare<[string], OutboxRow>(
    `SELECT doc FROM notices WHERE desk_id = ? AND status = 'active' ORDER BY starts_at DESC, id DESC`,
  );
  const period = db.prepare<[string, string, string], OutboxRow>(
    'SELECT doc FROM notices WHERE desk_id = ? AND starts_at >= ? AND starts_at < ? ORDER BY starts_at ASC, id ASC',
  );
  const cols = (n: Notice) => ({
    id: n.id,
    deskId: n.deskId,
    status: n.status,
    startsAt: n.startsAt,
    doc: JSON.stringify(n),
  });
  return {
    create(notice: Notice, outbox: OutboxMessage[] = []) {
      return run(() =>
        tx(db, () => {
          insert.run(cols(notice));
          for (const m of outbox) insertOutbox(m);
          return { value: notice, version: '1' };
        }),
      );
    },
    update(notice: Notice, expectedVersion: string, outbox: OutboxMessage[] = []) {
      const expected = parseVersion(expectedVersion);
      return run(() =>
        tx(db, () => {
          if (replace.run({ ...cols(notice), expected }).changes !== 1) {
            if (!get.get(notice.id, notice.deskId))
              throw new NotFoundError(`notice ${notice.id} does not exist`);
            throw new ConflictError(`notice ${notice.id} changed since it was read`, { id: notice.id });
          }
          for (const m of outbox) insertOutbox(m);
          return { value: notice, version: String(expected + 1) };
        }),
      );
    },
    get(id: NoticeId, deskId: DeskId) {
      return run(() => versioned<Notice>(get.get(id, deskId)));
    },
    listActive(deskId: DeskId, serviceId?: ServiceId) {
      const all = active.all(deskId).map((r) => JSON.parse(r.doc) as Notice);
      return run(() => (serviceId === undefined ? all : all.filter((n) => n.serviceIds.includes(serviceId))));
    },
    listPeriod(deskId: DeskId, from: IsoInstant, to: IsoInstant) {
      return run(() => period.all(deskId, from, to).map((r) => JSON.parse(r.doc) as Notice));
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Leases

function leaseStore(db: Db): LeaseStore {
  const get = db.prepare<[string], { holder: string; expires_at: string }>(
    'SELECT holder, expires_at FROM leases WHERE name = ?',
  );
  const put = db.prepare(
    `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
  );
  const release = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  return {
    tryAcquire(name: string, holder: string, now: IsoInstant, ttlMs: number) {
      return run(() =>
        tx(db, () => {
          const current = get.get(name);
          if (current && current.holder !== holder && current.expires_at > now) return false;
          put.run(name, holder, new Date(Date.parse(now) + ttlMs).toISOString());
          return true;
        }),
      );
    },
    release(name: string, holder: string) {
      return run(() => {
        tx(db, () => release.run(name, holder));
      });
    },
  };
}
