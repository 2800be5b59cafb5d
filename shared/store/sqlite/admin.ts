/**
 * The admin store on SQLite: conditional writes of desks, policies, services and organisations, each in
 * one transaction with its audit entry. Versions of services and organisations and the catalogue marker
 * are kept by triggers (schema step "the setup an administrator changes"), so every write moves them,
 * whichever code makes it; the audit table refuses updates and deletes.
 */
import type { Desk, Organisation, Service } from '../../desks/model';
import { ConflictError, FristvaktError, NotFoundError } from '../../errors';
import type { DeskId, OrgId, ServiceId } from '../../ids';
import type { AdminObjectType, AdminStore, AuditEntry, Versioned } from '../../ports';
import type { SlaPolicy } from '../../sla/policy';
import type { Supplier } from '../../suppliers/model';
import { MAX_IMPORT_ROWS } from '../../ports';
import { duplicate } from '../common';
import { auditLimit, policyVersionsOf, withNewPolicyVersion } from '../admin-common';
import { write, parseVersion, run, versioned, type Db, type DocRow, type JsonRow } from './io';

type CatalogueKind = 'service' | 'organisation';

export function adminStore(db: Db): AdminStore {
  const getDesk = db.prepare<[string], DocRow>('SELECT doc, version FROM desks WHERE id = ?');
  const insertDesk = db.prepare('INSERT INTO desks (id, version, doc) VALUES (?, 1, ?)');
  const replaceDesk = db.prepare(
    'UPDATE desks SET doc = ?, version = version + 1 WHERE id = ? AND version = ?',
  );
  const version = db.prepare<[string, string], { version: number }>(
    'SELECT version FROM catalogue_versions WHERE kind = ? AND id = ?',
  );
  const getService = db.prepare<[string], JsonRow>('SELECT doc FROM services WHERE id = ?');
  const upsertService = db.prepare(
    `INSERT INTO services (id, desk_id, doc) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET desk_id = excluded.desk_id, doc = excluded.doc`,
  );
  const getOrg = db.prepare<[string], JsonRow>('SELECT doc FROM organisations WHERE id = ?');
  const upsertOrg = db.prepare(
    'INSERT INTO organisations (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
  );
  const appendAudit = db.prepare(
    'INSERT INTO admin_audit (id, object_type, object_id, at, doc) VALUES (?, ?, ?, ?, ?)',
  );
  const auditOf = db.prepare<[string, string, number], JsonRow>(
    `SELECT doc FROM admin_audit WHERE object_type = ? AND object_id = ?
     ORDER BY at DESC, seq DESC LIMIT ?`,
  );
  const auditAll = db.prepare<[number], JsonRow>(
    'SELECT doc FROM admin_audit ORDER BY at DESC, seq DESC LIMIT ?',
  );
  const marker = db.prepare<[], { value: string }>(
    "SELECT value FROM store_meta WHERE key = 'catalogue_version'",
  );

  const getSupplier = db.prepare<[string], DocRow>('SELECT doc, version FROM suppliers WHERE id = ?');
  const allSuppliers = db.prepare<[], JsonRow>('SELECT doc FROM suppliers ORDER BY id');
  const insertSupplier = db.prepare('INSERT INTO suppliers (id, version, doc) VALUES (?, 1, ?)');
  const replaceSupplier = db.prepare(
    'UPDATE suppliers SET doc = ?, version = version + 1 WHERE id = ? AND version = ?',
  );
  // Suppliers have no trigger on the marker (their table came later): their writes move it here, so
  // every instance's catalogue (which carries the suppliers) sees a change within its marker check.
  const moveMarker = db.prepare(
    "UPDATE store_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'catalogue_version'",
  );

  const audit = (entry: AuditEntry): void => {
    appendAudit.run(entry.id, entry.objectType, entry.objectId, entry.at, JSON.stringify(entry));
  };

  const currentVersion = (kind: CatalogueKind, id: string): number | undefined =>
    version.get(kind, id)?.version;

  /** Checks `expected` against the stored version of a service or organisation (inside a transaction). */
  const check = (kind: CatalogueKind, id: string, exists: boolean, expected: string | undefined): void => {
    if (expected === undefined) {
      if (exists) throw duplicate(`${kind} ${id}`);
      return;
    }
    const want = parseVersion(expected);
    if (!exists) throw new NotFoundError(`${kind} ${id} does not exist`);
    if (currentVersion(kind, id) !== want)
      throw new ConflictError(`${kind} ${id} changed since it was read`, { id });
  };

  const writeService = (service: Service, expected: string | undefined, entry: AuditEntry) => {
    check('service', service.id, getService.get(service.id) !== undefined, expected);
    upsertService.run(service.id, service.deskId, JSON.stringify(service));
    audit(entry);
    return { value: service, version: String(currentVersion('service', service.id)) };
  };

  const writeDesk = (desk: Desk, expected: string, entry: AuditEntry): Versioned<Desk> => {
    const want = parseVersion(expected);
    if (replaceDesk.run(JSON.stringify(desk), desk.id, want).changes !== 1) {
      if (!getDesk.get(desk.id)) throw new NotFoundError(`desk ${desk.id} does not exist`);
      throw new ConflictError(`desk ${desk.id} changed since it was read`, { id: desk.id });
    }
    audit(entry);
    return { value: desk, version: String(want + 1) };
  };

  const docs = (rows: JsonRow[]) => rows.map((r) => JSON.parse(r.doc) as AuditEntry);

  return {
    createDesk(desk: Desk, entry: AuditEntry) {
      return write(db, () => {
        // The desks' insert trigger moves the catalogue marker.
        if (getDesk.get(desk.id)) throw duplicate(`desk ${desk.id}`);
        insertDesk.run(desk.id, JSON.stringify(desk));
        audit(entry);
        return { value: desk, version: '1' };
      });
    },
    putDesk(desk: Desk, expectedVersion: string, entry: AuditEntry) {
      return write(db, () => writeDesk(desk, expectedVersion, entry));
    },
    savePolicy(deskId: DeskId, policy: SlaPolicy, expectedVersion: string, entry: AuditEntry) {
      return write(db, () => {
        const row = getDesk.get(deskId);
        if (!row) throw new NotFoundError(`desk ${deskId} does not exist`);
        const desk = withNewPolicyVersion(JSON.parse(row.doc) as Desk, policy, entry.at);
        return writeDesk(desk, expectedVersion, { ...entry, after: desk.policy });
      });
    },
    policyVersions(deskId: DeskId) {
      return run(() => {
        const row = getDesk.get(deskId);
        return row ? policyVersionsOf(JSON.parse(row.doc) as Desk) : [];
      });
    },
    getService(id: ServiceId) {
      return run(() => {
        const row = getService.get(id);
        if (!row) return null;
        return { value: JSON.parse(row.doc) as Service, version: String(currentVersion('service', id) ?? 1) };
      });
    },
    putService(service: Service, expectedVersion: string | undefined, entry: AuditEntry) {
      return write(db, () => writeService(service, expectedVersion, entry));
    },
    importServices(rows) {
      if (rows.length > MAX_IMPORT_ROWS)
        return Promise.reject(
          new FristvaktError('VALIDATION', `at most ${MAX_IMPORT_ROWS} services per import`, {
            field: 'rows',
          }),
        );
      return write(db, () => rows.map((r) => writeService(r.service, r.expectedVersion, r.audit)));
    },
    getOrganisation(id: OrgId) {
      return run(() => {
        const row = getOrg.get(id);
        if (!row) return null;
        return {
          value: JSON.parse(row.doc) as Organisation,
          version: String(currentVersion('organisation', id) ?? 1),
        };
      });
    },
    putOrganisation(org: Organisation, expectedVersion: string | undefined, entry: AuditEntry) {
      return write(db, () => {
        check('organisation', org.id, getOrg.get(org.id) !== undefined, expectedVersion);
        upsertOrg.run(org.id, JSON.stringify(org));
        audit(entry);
        return { value: org, version: String(currentVersion('organisation', org.id)) };
      });
    },
    getSupplier(id: string) {
      return run(() => versioned<Supplier>(getSupplier.get(id)));
    },
    listSuppliers() {
      return run(() => allSuppliers.all().map((r) => JSON.parse(r.doc) as Supplier));
    },
    putSupplier(supplier: Supplier, expectedVersion: string | undefined, entry: AuditEntry) {
      return write(db, () => {
        let version = 1;
        if (expectedVersion === undefined) {
          if (getSupplier.get(supplier.id)) throw duplicate(`supplier ${supplier.id}`);
          insertSupplier.run(supplier.id, JSON.stringify(supplier));
        } else {
          const want = parseVersion(expectedVersion);
          if (replaceSupplier.run(JSON.stringify(supplier), supplier.id, want).changes !== 1) {
            if (!getSupplier.get(supplier.id))
              throw new NotFoundError(`supplier ${supplier.id} does not exist`);
            throw new ConflictError(`supplier ${supplier.id} changed since it was read`, {
              id: supplier.id,
            });
          }
          version = want + 1;
        }
        moveMarker.run();
        audit(entry);
        return { value: supplier, version: String(version) };
      });
    },
    listAudit(object?: { type: AdminObjectType; id: string }, limit?: number) {
      return run(() => {
        const n = auditLimit(limit);
        return docs(object ? auditOf.all(object.type, object.id, n) : auditAll.all(n));
      });
    },
    catalogueVersion() {
      return run(() => marker.get()?.value ?? '0');
    },
  };
}
