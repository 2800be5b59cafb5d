/** Cases on SQLite: create with the year's next reference, conditional update, the scoped queries. */
import type Database from 'better-sqlite3';
import type { Case, CaseStatus } from '../../cases/model';
import { ConflictError, NotFoundError, ValidationError } from '../../errors';
import { formatCaseRef, refSeriesFor } from '../../ids';
import type { CaseRef, DeskId, IsoInstant, OrgId, UserId } from '../../ids';
import type {
  CaseAccess,
  CaseStore,
  CreateCaseResult,
  NewCase,
  OutboxMessage,
  Page,
  PageRequest,
  Versioned,
} from '../../ports';
import { caseSummary, type CaseSummary } from '../../reports/summary';
import type { ComputedSla, DeskPolicies } from '../../sla/case-sla';
import type { Desk } from '../../desks/model';
import { warningInstants } from '../warning-instants';
import { assertYear, canSee, decodeToken, dueKey, encodeToken, isOpen, pageLimit } from '../common';
import {
  enqueue,
  lockedOut,
  parseVersion,
  run,
  translate,
  tx,
  versioned,
  waitedEnough,
  withoutWaiting,
  write,
  type Db,
  type DocRow,
  type WriteTry,
} from './io';
import { outboxInserter } from './outbox';
import { figuresWriter, summaryAggregator } from './report-figures';
import type { SummaryAggregating } from '../../reports/aggregate';

interface CaseRow extends DocRow {
  ref: string;
  received_at: string;
  due_key: string;
}

/** The columns of a stored case beside its document (the `cases` table). */
interface StoredColumns {
  desk_id: string;
  org_id: string;
  reporter_id: string;
  parent_ref: string | null;
  status: string;
  open: number;
  due_key: string;
  received_at: string;
  client_key: string;
}

/** Whether an update leaves every indexed column of the stored case as it is (only the document changes). */
function sameColumns(
  stored: StoredColumns,
  next: {
    orgId: string;
    reporterId: string;
    parentRef: string | null;
    status: string;
    open: number;
    dueKey: string;
    receivedAt: string;
  },
): boolean {
  return (
    stored.org_id === next.orgId &&
    stored.reporter_id === next.reporterId &&
    stored.parent_ref === next.parentRef &&
    stored.status === next.status &&
    stored.open === next.open &&
    stored.due_key === next.dueKey &&
    stored.received_at === next.receivedAt
  );
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

/**
 * Each desk's SLA policy versions as stored, parsed once per desk version: the summaries written with the cases
 * are computed under it, in the write's own transaction.
 */
export function deskPolicies(db: Db): (deskId: string) => DeskPolicies | undefined {
  const versionOf = db.prepare<[string], { version: number }>('SELECT version FROM desks WHERE id = ?');
  const docOf = db.prepare<[string], DocRow>('SELECT doc, version FROM desks WHERE id = ?');
  const cache = new Map<string, { version: number; policy: DeskPolicies }>();
  return (deskId) => {
    const row = versionOf.get(deskId);
    if (!row) return undefined;
    const known = cache.get(deskId);
    if (known?.version === row.version) return known.policy;
    const desk = docOf.get(deskId)!;
    const { policy: newest, previousPolicies } = JSON.parse(desk.doc) as Desk;
    const policy: DeskPolicies = { policy: newest, previousPolicies };
    cache.set(deskId, { version: desk.version, policy });
    return policy;
  };
}

/** Writes (or replaces) a case's summary row; `priorReceivedAt` removes the row of an earlier receipt time. */
function summaryWriter(db: Db) {
  const policyOf = deskPolicies(db);
  const upsert = db.prepare(
    'INSERT OR REPLACE INTO case_summaries (desk_id, received_at, ref, doc) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM case_summaries WHERE desk_id = ? AND received_at = ? AND ref = ?');
  const warningsOf = db.prepare<[string], { desk_id: string; at: string; received_at: string }>(
    'SELECT desk_id, at, received_at FROM case_warnings WHERE ref = ?',
  );
  const dropWarning = db.prepare('DELETE FROM case_warnings WHERE desk_id = ? AND at = ? AND ref = ?');
  const figures = figuresWriter(db);
  const addWarning = db.prepare(
    'INSERT OR IGNORE INTO case_warnings (desk_id, at, ref, received_at) VALUES (?, ?, ?, ?)',
  );
  return (c: Case, priorReceivedAt?: string, known?: ComputedSla) => {
    if (priorReceivedAt !== undefined && priorReceivedAt !== c.receivedAt) {
      remove.run(c.deskId, priorReceivedAt, c.ref);
      figures.remove(c.deskId, priorReceivedAt, c.ref);
    }
    const policy = policyOf(c.deskId);
    const summary = caseSummary(c, policy, known);
    upsert.run(c.deskId, c.receivedAt, c.ref, JSON.stringify(summary));
    figures.write(summary);
    const wanted = new Set(warningInstants(summary, policy));
    // A stored case keeps the rows of the instants it still has and loses only the others: rows
    // deleted and inserted again unchanged would each rewrite their pages at the commit.
    if (priorReceivedAt !== undefined)
      for (const w of warningsOf.all(c.ref)) {
        const kept =
          w.desk_id === c.deskId && w.received_at === c.receivedAt && wanted.delete(w.at as IsoInstant);
        if (!kept) dropWarning.run(w.desk_id, w.at, c.ref);
      }
    for (const at of wanted) addWarning.run(c.deskId, at, c.ref, c.receivedAt);
  };
}

/**
 * Summarises the cases stored before summaries were kept (flagged by the schema step that added them),
 * in one transaction, then clears the flag. A store opened for the first time has nothing to do.
 */
export function backfillSummaries(db: Db): number {
  const pending = db.prepare<[], { value: string }>(
    "SELECT value FROM store_meta WHERE key = 'summaries_pending'",
  );
  if (!pending.get()) return 0;
  return tx(db, () => {
    const write = summaryWriter(db);
    db.prepare('DELETE FROM case_warnings').run();
    const page = db.prepare<[string], { ref: string; doc: string }>(
      'SELECT ref, doc FROM cases WHERE ref > ? ORDER BY ref LIMIT 1000',
    );
    let n = 0;
    let after = '';
    for (let rows = page.all(after); rows.length > 0; rows = page.all(after)) {
      for (const row of rows) write(JSON.parse(row.doc) as Case);
      n += rows.length;
      after = rows[rows.length - 1]!.ref;
    }
    db.prepare("DELETE FROM store_meta WHERE key = 'summaries_pending'").run();
    return n;
  });
}

/**
 * The documents of `table` (cases or their summaries) of one desk after another, received in
 * [from, to), by receipt then reference, in pages of `pageSize` read on demand: a plain iterator,
 * cheaper per item than an async generator.
 */
function pagedStream<T>(
  db: Db,
  table: 'cases' | 'case_summaries',
  deskIds: DeskId[],
  from: IsoInstant,
  to: IsoInstant,
  pageSize: number,
): AsyncIterable<T> {
  const stmt = db
    .prepare<unknown[], [string, string, string]>(
      // The lower bound is the row value alone, so the index seeks straight to it: with a separate
      // `received_at >= from` SQLite seeks there and scans every earlier page's rows again (6 ms a page
      // late in 100 000 cases). Starting at (from, '') is `received_at >= from`: no ref is empty.
      `SELECT received_at, ref, doc FROM ${table}
       WHERE desk_id = ? AND (received_at, ref) > (?, ?) AND received_at < ?
       ORDER BY received_at ASC, ref ASC LIMIT ?`,
    )
    .raw(true);
  const desks = [...new Set(deskIds)];
  return {
    [Symbol.asyncIterator]() {
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
          rows = stmt.all(desks[desk], after[0], after[1], to, pageSize);
          next = 0;
          exhausted = rows.length < pageSize;
          const last = rows[rows.length - 1];
          if (last) after = [last[0], last[1]];
        }
      };
      return {
        next(): Promise<IteratorResult<T>> {
          return run(() => {
            fill();
            if (next >= rows.length) return { done: true, value: undefined };
            return { done: false, value: JSON.parse(rows[next++]![2]) as T };
          });
        },
      };
    },
  };
}

/** The real `setImmediate`, taken before any test can fake the timers: a batch must always run. */
const nextTurn = setImmediate;

/**
 * Writes that arrive in the same turn of the event loop (concurrent reports) share one transaction
 * and one commit: most of a write's cost is the commit, which writes each touched page once however
 * many cases touched it. A failing write must undo only its own rows (and its reference number: the
 * series stays gap-free) and reject only its own promise: the batch first runs without savepoints
 * (a savepoint per write journals every page it touches again, which costs more than the write), and
 * only when something in it fails is it rolled back and run again with one savepoint per write. The
 * writes are synchronous and touch nothing but the database, so running one again is safe. A write
 * alone is still alone; each promise settles after the commit that made its write durable.
 *
 * The batch waits in the connection's queue of writes, as every write of the store does (`enqueue`):
 * for the process's write lock, then, while another connection holds SQLite's (a second instance on
 * the same file), asking again without waiting, while the writes arriving meanwhile join it (nothing in
 * it has run: a refusal comes at BEGIN). Refused still after the busy timeout, the batch fails as
 * SQLite's own wait would.
 */
function groupCommit(db: Db): <T>(work: () => T) => Promise<T> {
  type Pending = { work: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };
  let pending: Pending[] = [];
  const allOrNothing = (batch: Pending[]): Outcome[] =>
    tx(db, () => batch.map((p) => ({ ok: true as const, value: p.work() })));
  const eachOnItsOwn = (batch: Pending[]): Outcome[] =>
    tx(db, () =>
      batch.map((p): Outcome => {
        try {
          return { ok: true, value: db.transaction(p.work)() };
        } catch (err) {
          return { ok: false, error: translate(err) };
        }
      }),
    );
  /**
   * The batch's place in the connection's queue (`enqueue`): it takes the writes pending when it runs,
   * so writes arriving while it waits for the lock join it.
   */
  const job: WriteTry = {
    attempt() {
      const batch = pending;
      let outcomes: Outcome[];
      try {
        outcomes = withoutWaiting(db, () => allOrNothing(batch));
      } catch (err) {
        const locked = lockedOut(err);
        if (locked && !waitedEnough(job.since)) {
          job.since ??= Date.now();
          return false;
        }
        pending = [];
        job.since = undefined;
        try {
          // Refused the lock for the whole busy timeout: every write of the batch fails as SQLite's wait would.
          if (batch.length === 1 || locked) throw err;
          outcomes = eachOnItsOwn(batch);
        } catch (again) {
          for (const p of batch) p.reject(again);
          return true;
        }
      }
      pending = [];
      job.since = undefined;
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
      return true;
    },
  };
  return <T>(work: () => T) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (pending.length === 1) nextTurn(() => enqueue(db, job));
    });
}

export function caseStore(db: Db, streamPage: number): CaseStore & SummaryAggregating {
  const writeSummary = summaryWriter(db);
  const together = groupCommit(db);
  // A client key is matched per reporter and desk: another user replaying it gets no one else's case.
  const byClientKey = db.prepare<[string, string, string], DocRow>(
    'SELECT doc, version FROM cases WHERE desk_id = ? AND reporter_id = ? AND client_key = ?',
  );
  const nextSeq = db.prepare<[number], { seq: number }>(
    `INSERT INTO ref_counters (year, seq) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET seq = seq + 1 RETURNING seq`,
  );
  // FV keeps the counter it always had; every other series (BE: orders) has its own.
  const nextSeriesSeq = db.prepare<[string, number], { seq: number }>(
    `INSERT INTO ref_series_counters (series, year, seq) VALUES (?, ?, 1)
     ON CONFLICT (series, year) DO UPDATE SET seq = seq + 1 RETURNING seq`,
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
  const deskOf = db.prepare<[string], { desk_id: string }>('SELECT desk_id FROM cases WHERE ref = ?');
  /** A stored case's columns, without its document: what an update checks and may leave as they are. */
  const columnsOf = db.prepare<[string], StoredColumns>(
    `SELECT desk_id, org_id, reporter_id, parent_ref, status, open, due_key, received_at, client_key
     FROM cases WHERE ref = ?`,
  );
  // Only the document and version: an index entry rewritten unchanged still rewrites its pages.
  const updateDoc = db.prepare(
    'UPDATE cases SET version = version + 1, doc = @doc WHERE ref = @ref AND version = @expected',
  );
  const insertFollower = db.prepare(
    'INSERT OR IGNORE INTO case_followers (user_id, received_at, ref) VALUES (?, ?, ?)',
  );
  const deleteFollowers = db.prepare('DELETE FROM case_followers WHERE ref = ?');
  /** A case's follower rows; a new case (its reference just given out) has none to remove first. */
  const saveFollowers = (c: Case, isNew = false) => {
    if (!isNew) deleteFollowers.run(c.ref);
    for (const f of c.followers) insertFollower.run(f.id, c.receivedAt, c.ref);
  };
  const insertOutbox = outboxInserter(db);
  // The watcher's window, driven by the instants' index: each case's summary once, at its first instant
  // in the window (a case has at most four instants, found by `case_warnings_ref`), by (instant, ref).
  // A later page's lower bound is the row value alone, so the index seeks straight to it.
  const warningWindow = (lower: string) =>
    db.prepare<Record<string, unknown>, { at: string; ref: string; doc: string }>(
      `SELECT w.at AS at, w.ref AS ref, s.doc AS doc FROM case_warnings w
       JOIN case_summaries s ON s.desk_id = w.desk_id AND s.received_at = w.received_at AND s.ref = w.ref
       WHERE w.desk_id = @desk AND ${lower} AND w.at <= @until
         AND NOT EXISTS (SELECT 1 FROM case_warnings e
           WHERE e.ref = w.ref AND e.desk_id = w.desk_id AND e.at > @after AND e.at < w.at)
       ORDER BY w.at ASC, w.ref ASC LIMIT @limit`,
    );
  const warningFirst = warningWindow('w.at > @after');
  const warningNext = warningWindow('(w.at, w.ref) > (@k, @r)');
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
    create(
      input: NewCase,
      year: number,
      outbox: (c: Case) => OutboxMessage[],
      known?: ComputedSla,
    ): Promise<CreateCaseResult> {
      assertYear(year);
      return together(() => {
        const existing = versioned<Case>(byClientKey.get(input.deskId, input.reporter.id, input.clientKey));
        if (existing) return { case: existing, created: false };
        const series = refSeriesFor(input.kind);
        const seq = (series === 'FV' ? nextSeq.get(year) : nextSeriesSeq.get(series, year))!.seq;
        const stored: Case = { ...input, ref: formatCaseRef(year, seq, series) };
        insertCase.run(columns(stored));
        saveFollowers(stored, true);
        writeSummary(stored, undefined, known);
        for (const m of outbox(stored)) insertOutbox(m);
        return { case: { value: stored, version: '1' }, created: true };
      });
    },

    update(
      next: Case,
      expectedVersion: string,
      outbox: OutboxMessage[] = [],
      known?: ComputedSla,
    ): Promise<Versioned<Case>> {
      const expected = parseVersion(expectedVersion);
      return write(db, () => {
        const current = columnsOf.get(next.ref);
        if (!current) throw new NotFoundError(`case ${next.ref} does not exist`);
        if (current.desk_id !== next.deskId)
          throw new ValidationError('deskId', 'a case cannot move to another desk by update');
        if (current.client_key !== next.clientKey)
          throw new ValidationError('clientKey', 'the client key of a case never changes');
        const cols = columns(next);
        const res = sameColumns(current, cols)
          ? updateDoc.run({ ref: cols.ref, doc: cols.doc, expected })
          : updateCase.run({ ...cols, expected });
        if (res.changes !== 1)
          throw new ConflictError(`case ${next.ref} changed since it was read`, {
            ref: next.ref,
            expectedVersion,
          });
        saveFollowers(next);
        writeSummary(next, current.received_at, known);
        for (const m of outbox) insertOutbox(m);
        return { value: next, version: String(expected + 1) };
      });
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
      return run(() => (deskOf.get(ref)?.desk_id as DeskId | undefined) ?? null);
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
    listWarningsDue(deskId: DeskId, after: IsoInstant | null, until: IsoInstant, page?: PageRequest) {
      return run(() => {
        const limit = pageLimit(page);
        const k = decodeToken('warn', page?.continuationToken, 2);
        const params = { desk: deskId, after: after ?? '', until, limit: limit + 1 };
        const rows = k ? warningNext.all({ ...params, k: k[0], r: k[1] }) : warningFirst.all(params);
        const items = rows.slice(0, limit);
        const last = items[items.length - 1];
        return {
          items: items.map((r) => JSON.parse(r.doc) as CaseSummary),
          ...(rows.length > limit && last
            ? { continuationToken: encodeToken('warn', [last.at, last.ref]) }
            : {}),
        };
      });
    },
    streamPeriod(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<Case> {
      return pagedStream<Case>(db, 'cases', deskIds, from, to, streamPage);
    },
    streamSummaries(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<CaseSummary> {
      return pagedStream<CaseSummary>(db, 'case_summaries', deskIds, from, to, streamPage);
    },
    aggregateSummaries: summaryAggregator(db),
  };
}
