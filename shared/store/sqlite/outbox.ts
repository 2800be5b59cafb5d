/** The outbox on SQLite: messages written in their cause's transaction, then listed and marked by the sender. */
import { NotFoundError } from '../../errors';
import type { DeskId, IsoInstant } from '../../ids';
import type { OutboxEntry, OutboxMessage, OutboxStore } from '../../ports';
import { DELIVERED_KEPT_MS, duplicate, pendingEntry } from '../common';
import { write, run, type Db, type JsonRow } from './io';

/** Inserts a new pending message; an id already stored throws DUPLICATE (and rolls back its transaction). */
export function outboxInserter(db: Db): (m: OutboxMessage) => void {
  const insert = db.prepare(
    `INSERT INTO outbox (id, desk_id, status, next_attempt_at, thread_key, doc)
     VALUES (@id, @deskId, @status, @next, @threadKey, @doc)`,
  );
  return (m) => {
    const entry = pendingEntry(m);
    try {
      insert.run({
        id: m.id,
        deskId: m.deskId,
        status: entry.status,
        next: entry.nextAttemptAt,
        threadKey: m.threadKey ?? null,
        doc: JSON.stringify(entry),
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw duplicate(`outbox message ${m.id}`, { id: m.id });
      throw err;
    }
  };
}

/** How often the delivered messages past their week are deleted, and how many at most each time. */
const EXPIRE_EVERY_MS = 60_000;
const EXPIRE_BATCH = 1_000;

export function outboxStore(db: Db): OutboxStore {
  const insert = outboxInserter(db);
  const exists = db.prepare<[string], { id: string }>('SELECT id FROM outbox WHERE id = ?');
  const get = db.prepare<[string, string], JsonRow>('SELECT doc FROM outbox WHERE id = ? AND desk_id = ?');
  const due = db.prepare<[string, number], JsonRow>(
    `SELECT doc FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?
     ORDER BY next_attempt_at ASC, id ASC LIMIT ?`,
  );
  const inThread = db.prepare<[string, string, string, number], JsonRow>(
    `SELECT doc FROM outbox WHERE thread_key = ? AND status = 'pending' AND desk_id = ? AND next_attempt_at <= ?
     ORDER BY next_attempt_at ASC, id ASC LIMIT ?`,
  );
  const save = db.prepare(
    `UPDATE outbox SET status = @status, next_attempt_at = @next, delivered_at = @deliveredAt, doc = @doc
     WHERE id = @id`,
  );
  const expire = db.prepare<[string]>(
    `DELETE FROM outbox WHERE rowid IN (
       SELECT rowid FROM outbox WHERE status = 'delivered' AND delivered_at < ?
       ORDER BY delivered_at LIMIT ${EXPIRE_BATCH})`,
  );
  /** When the expired messages were last deleted (the delivery clock's ms): at most once a minute. */
  let expiredAt = -Infinity;

  const change = (id: string, deskId: DeskId, fn: (e: OutboxEntry) => OutboxEntry): Promise<void> => {
    return write(db, () => {
      const row = get.get(id, deskId);
      if (!row) throw new NotFoundError(`outbox message ${id} does not exist`);
      const next = fn(JSON.parse(row.doc) as OutboxEntry);
      save.run({
        id,
        status: next.status,
        next: next.nextAttemptAt,
        deliveredAt: next.deliveredAt ?? null,
        doc: JSON.stringify(next),
      });
    });
  };

  /**
   * Deletes the messages delivered more than `DELIVERED_KEPT_MS` before `at`, a batch at a time, at
   * most once every `EXPIRE_EVERY_MS` of the delivery clock.
   */
  const expireBefore = async (at: IsoInstant): Promise<void> => {
    const now = Date.parse(at);
    if (now - expiredAt < EXPIRE_EVERY_MS) return;
    expiredAt = now;
    await write(db, () => expire.run(new Date(now - DELIVERED_KEPT_MS).toISOString()));
  };

  return {
    enqueue(messages) {
      return write(db, () => {
        const added: string[] = [];
        for (const m of messages) {
          if (exists.get(m.id) || added.includes(m.id)) continue;
          insert(m);
          added.push(m.id);
        }
        return added;
      });
    },
    pendingInThread(of, now, limit) {
      const key = of.threadKey;
      return run(() =>
        key ? inThread.all(key, of.deskId, now, limit).map((r) => JSON.parse(r.doc) as OutboxEntry) : [],
      );
    },
    listDue(now, limit) {
      return run(() => due.all(now, limit).map((r) => JSON.parse(r.doc) as OutboxEntry));
    },
    async markDelivered(id, deskId, at) {
      await change(id, deskId, (e) => ({ ...e, status: 'delivered', deliveredAt: at }));
      // Housekeeping: a deletion that fails (the write lock held too long) must not make a delivered
      // message look undelivered to the sender; what it left is deleted a minute later.
      await expireBefore(at).catch(() => undefined);
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
