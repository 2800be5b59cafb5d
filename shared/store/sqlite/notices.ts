/** Notices (driftsmeldinger) on SQLite, written with their outbox messages in one transaction. */
import { ConflictError, NotFoundError } from '../../errors';
import type { DeskId, IsoInstant, NoticeId, ServiceId } from '../../ids';
import type { Notice } from '../../notices/model';
import type { NoticeStore, OutboxMessage } from '../../ports';
import { write, parseVersion, run, versioned, type Db, type DocRow, type JsonRow } from './io';
import { outboxInserter } from './outbox';

export function noticeStore(db: Db): NoticeStore {
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
  const active = db.prepare<[string], JsonRow>(
    `SELECT doc FROM notices WHERE desk_id = ? AND status = 'active' ORDER BY starts_at DESC, id DESC`,
  );
  // The service's active notices: the filter runs in SQLite (its JSON reader, on the stored document)
  // so a fault report parses only the notices it will show, not every active notice of the desk.
  const activeForService = db.prepare<[string, string], JsonRow>(
    `SELECT doc FROM notices WHERE desk_id = ? AND status = 'active'
       AND EXISTS (SELECT 1 FROM json_each(doc, '$.serviceIds') WHERE value = ?)
     ORDER BY starts_at DESC, id DESC`,
  );
  const period = db.prepare<[string, string, string], JsonRow>(
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
      return write(db, () => {
        insert.run(cols(notice));
        for (const m of outbox) insertOutbox(m);
        return { value: notice, version: '1' };
      });
    },
    update(notice: Notice, expectedVersion: string, outbox: OutboxMessage[] = []) {
      const expected = parseVersion(expectedVersion);
      return write(db, () => {
        if (replace.run({ ...cols(notice), expected }).changes !== 1) {
          if (!get.get(notice.id, notice.deskId))
            throw new NotFoundError(`notice ${notice.id} does not exist`);
          throw new ConflictError(`notice ${notice.id} changed since it was read`, { id: notice.id });
        }
        for (const m of outbox) insertOutbox(m);
        return { value: notice, version: String(expected + 1) };
      });
    },
    get(id: NoticeId, deskId: DeskId) {
      return run(() => versioned<Notice>(get.get(id, deskId)));
    },
    listActive(deskId: DeskId, serviceId?: ServiceId) {
      return run(() =>
        (serviceId === undefined ? active.all(deskId) : activeForService.all(deskId, serviceId)).map(
          (r) => JSON.parse(r.doc) as Notice,
        ),
      );
    },
    listPeriod(deskId: DeskId, from: IsoInstant, to: IsoInstant) {
      return run(() => period.all(deskId, from, to).map((r) => JSON.parse(r.doc) as Notice));
    },
  };
}
