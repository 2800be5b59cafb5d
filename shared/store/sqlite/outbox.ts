/** The outbox on SQLite: messages written in their cause's transaction, then listed and marked by the sender. */
import { NotFoundError } from '../../errors';
import type { DeskId } from '../../ids';
import type { OutboxEntry, OutboxMessage, OutboxStore } from '../../ports';
import { duplicate, pendingEntry } from '../common';
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
    'UPDATE outbox SET status = @status, next_attempt_at = @next, doc = @doc WHERE id = @id',
  );

  const change = (id: string, deskId: DeskId, fn: (e: OutboxEntry) => OutboxEntry): Promise<void> => {
    return write(db, () => {
      const row = get.get(id, deskId);
      if (!row) throw new NotFoundError(`outbox message ${id} does not exist`);
      const next = fn(JSON.parse(row.doc) as OutboxEntry);
      save.run({ id, status: next.status, next: next.nextAttemptAt, doc: JSON.stringify(next) });
    });
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
