/** The small records on SQLite: threads, conversations, desks, services, organisations, leases. */
import type { Desk, Organisation, Service } from '../../desks/model';
import { ConflictError } from '../../errors';
import type { DeskId, IsoInstant } from '../../ids';
import type { DeskStore, LeaseStore } from '../../ports';
import { write, parseVersion, run, versioned, type Db, type DocRow, type JsonRow } from './io';

interface KeyValue<T> {
  get(key: string): Promise<T | null>;
  put(key: string, value: T): Promise<void>;
}

export function keyValueStore<T>(db: Db, table: 'threads' | 'conversations'): KeyValue<T> {
  const get = db.prepare<[string], JsonRow>(`SELECT doc FROM ${table} WHERE key = ?`);
  const put = db.prepare(
    `INSERT INTO ${table} (key, doc) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET doc = excluded.doc`,
  );
  return {
    get(key: string) {
      const row = get.get(key);
      return run(() => (row ? (JSON.parse(row.doc) as T) : null));
    },
    put(key: string, value: T) {
      return write(db, () => {
        put.run(key, JSON.stringify(value));
      });
    },
  };
}

export function deskStore(db: Db): DeskStore {
  const get = db.prepare<[string], DocRow>('SELECT doc, version FROM desks WHERE id = ?');
  const list = db.prepare<[], JsonRow>('SELECT doc FROM desks ORDER BY id');
  const insert = db.prepare('INSERT INTO desks (id, version, doc) VALUES (?, 1, ?)');
  const replace = db.prepare('UPDATE desks SET doc = ?, version = version + 1 WHERE id = ? AND version = ?');
  const services = db.prepare<[], JsonRow>('SELECT doc FROM services ORDER BY id');
  const servicesOf = db.prepare<[string], JsonRow>('SELECT doc FROM services WHERE desk_id = ? ORDER BY id');
  const putService = db.prepare(
    `INSERT INTO services (id, desk_id, doc) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET desk_id = excluded.desk_id, doc = excluded.doc`,
  );
  const orgs = db.prepare<[], JsonRow>('SELECT doc FROM organisations ORDER BY id');
  const putOrg = db.prepare(
    'INSERT INTO organisations (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
  );
  const docs = <T>(rows: JsonRow[]) => rows.map((r) => JSON.parse(r.doc) as T);
  return {
    get(id: DeskId) {
      return run(() => versioned<Desk>(get.get(id)));
    },
    list() {
      return run(() => docs<Desk>(list.all()));
    },
    put(desk: Desk, expectedVersion?: string) {
      return write(db, () => {
        if (expectedVersion === undefined) {
          insert.run(desk.id, JSON.stringify(desk));
          return { value: desk, version: '1' };
        }
        const expected = parseVersion(expectedVersion);
        if (replace.run(JSON.stringify(desk), desk.id, expected).changes !== 1)
          throw new ConflictError(`desk ${desk.id} changed since it was read`, { id: desk.id });
        return { value: desk, version: String(expected + 1) };
      });
    },
    listServices(deskId?: DeskId) {
      return run(() => docs<Service>(deskId === undefined ? services.all() : servicesOf.all(deskId)));
    },
    putService(service: Service) {
      return write(db, () => {
        putService.run(service.id, service.deskId, JSON.stringify(service));
      });
    },
    listOrganisations() {
      return run(() => docs<Organisation>(orgs.all()));
    },
    putOrganisation(org: Organisation) {
      return write(db, () => {
        putOrg.run(org.id, JSON.stringify(org));
      });
    },
  };
}

export function leaseStore(db: Db): LeaseStore {
  const get = db.prepare<[string], { holder: string; expires_at: string }>(
    'SELECT holder, expires_at FROM leases WHERE name = ?',
  );
  const put = db.prepare(
    `INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at`,
  );
  const release = db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?');
  const getMark = db.prepare<[string], { value: string }>('SELECT value FROM job_marks WHERE name = ?');
  const putMark = db.prepare(
    'INSERT INTO job_marks (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
  );
  return {
    tryAcquire(name: string, holder: string, now: IsoInstant, ttlMs: number) {
      return write(db, () => {
        const current = get.get(name);
        if (current && current.holder !== holder && current.expires_at > now) return false;
        put.run(name, holder, new Date(Date.parse(now) + ttlMs).toISOString());
        return true;
      });
    },
    release(name: string, holder: string) {
      return write(db, () => {
        release.run(name, holder);
      });
    },
    getMark(name: string) {
      return run(() => getMark.get(name)?.value ?? null);
    },
    putMark(name: string, value: string) {
      return write(db, () => {
        putMark.run(name, value);
      });
    },
  };
}
