/**
 * The admin store on Cosmos DB, in the `meta` container beside the desks, services and organisations.
 *
 * A change and its audit entry cannot share one transaction across partitions, so the entry travels
 * inside the changed item (`lastAudit`, written by the same conditional write) and is then copied to
 * the audit log (partition `audit`, one item per entry, created by id so a copy is never doubled).
 * Before an item is changed again its `lastAudit` is copied first, and reading the log copies any that
 * a failure left behind: an admin change is never without its entry. An import is one transactional
 * batch in the services' partition (hence `MAX_IMPORT_ROWS`). Every write upserts the catalogue marker.
 */
import { randomUUID } from 'node:crypto';
import type { JSONObject, OperationInput } from '@azure/cosmos';
import type { Desk, Organisation, Service } from '../../desks/model';
import { ConflictError, FristvaktError, NotFoundError, isFristvaktError } from '../../errors';
import type { DeskId, OrgId, ServiceId } from '../../ids';
import { MAX_IMPORT_ROWS } from '../../ports';
import type { AdminObjectType, AdminStore, AuditEntry, Versioned } from '../../ports';
import type { SlaPolicy } from '../../sla/policy';
import type { Supplier } from '../../suppliers/model';
import { auditLimit, newestFirst, policyVersionsOf, withNewPolicyVersion } from '../admin-common';
import { withRetry } from './errors';
import { queryAll, readItem, runBatch, type CosmosContext } from './io';
import type { SystemProps } from './model';

type Kind = 'desk' | 'service' | 'organisation' | 'supplier';

interface AdminItem<T> extends SystemProps {
  id: string;
  pk: Kind;
  deskId?: string;
  data: T;
  lastAudit?: AuditEntry;
}

interface AuditItem extends SystemProps {
  id: string;
  pk: 'audit';
  objectType: AdminObjectType;
  objectId: string;
  at: string;
  data: AuditEntry;
}

const MARKER = 'catalogue';
const IF_MATCH = (etag: string) => ({ accessCondition: { type: 'IfMatch', condition: etag } });

/** Which item holds an object's last audit entry. */
const kindOf = (type: AdminObjectType): Kind => (type === 'policy' ? 'desk' : type);

export function cosmosAdminStore(ctx: CosmosContext): AdminStore {
  const { meta } = ctx;

  const read = <T>(kind: Kind, id: string) => readItem<AdminItem<T>>(ctx, meta, id, kind, `${kind} ${id}`);

  /** Copies an entry to the audit log; an entry already there is left as it is. */
  const copy = async (entry: AuditEntry): Promise<void> => {
    const item: AuditItem = {
      id: entry.id,
      pk: 'audit',
      objectType: entry.objectType,
      objectId: entry.objectId,
      at: entry.at,
      data: entry,
    };
    try {
      await withRetry(`audit ${entry.id}`, () => meta.items.create(item), ctx.retry);
    } catch (err) {
      if (!isFristvaktError(err, 'DUPLICATE')) throw err;
    }
  };

  /** Copies after a change: a failure here is repaired by the next write or read of the log. */
  const copySoon = async (entries: AuditEntry[]): Promise<void> => {
    try {
      for (const e of entries) await copy(e);
    } catch {
      // The entry is safe in the item's `lastAudit`; `listAudit` and the next write copy it.
    }
  };

  const bump = async (): Promise<void> => {
    await withRetry(
      'catalogue marker',
      () => meta.items.upsert({ id: MARKER, pk: MARKER, value: randomUUID() }),
      ctx.retry,
    );
  };

  const notFound = (kind: Kind, id: string) => (err: unknown) => {
    if (isFristvaktError(err, 'STORE_UNAVAILABLE') && err.details.statusCode === 404)
      throw new NotFoundError(`${kind} ${id} does not exist`);
    throw err;
  };

  /** One conditional write of an item with its entry, then the copy and the marker. */
  async function write<T extends { id: string }>(
    kind: Kind,
    value: T,
    expectedVersion: string | undefined,
    entry: AuditEntry,
    extra: Partial<AdminItem<T>> = {},
  ): Promise<Versioned<T>> {
    const item: AdminItem<T> = { id: value.id, pk: kind, ...extra, data: value, lastAudit: entry };
    const body = item as unknown as JSONObject;
    let etag: string;
    if (expectedVersion === undefined) {
      const res = await withRetry(`${kind} ${value.id}`, () => meta.items.create(body), ctx.retry);
      etag = res.resource!._etag;
    } else {
      const current = await read<T>(kind, value.id);
      if (!current) throw new NotFoundError(`${kind} ${value.id} does not exist`);
      if (current.lastAudit) await copy(current.lastAudit);
      const res = await withRetry(
        `${kind} ${value.id}`,
        () => meta.item(value.id, kind).replace(body, IF_MATCH(expectedVersion)),
        ctx.retry,
      ).catch(notFound(kind, value.id));
      etag = res.resource!._etag;
    }
    await copySoon([entry]);
    await bump();
    return { value, version: etag };
  }

  const get = async <T>(kind: Kind, id: string): Promise<Versioned<T> | null> => {
    const item = await read<T>(kind, id);
    return item ? { value: item.data, version: item._etag! } : null;
  };

  return {
    /**
     * A new desk is one create in `meta` (409: `DUPLICATE`). Its years record (`desk-years.ts`) is not
     * made here: a desk without one has no years, and the first case or message written into a year
     * creates it (`ensure`); its own partition of `cases` needs nothing before its first notice.
     */
    createDesk(desk: Desk, entry: AuditEntry) {
      return write('desk', desk, undefined, entry);
    },
    putDesk(desk: Desk, expectedVersion: string, entry: AuditEntry) {
      return write('desk', desk, expectedVersion, entry);
    },
    async savePolicy(deskId: DeskId, policy: SlaPolicy, expectedVersion: string, entry: AuditEntry) {
      const current = await read<Desk>('desk', deskId);
      if (!current) throw new NotFoundError(`desk ${deskId} does not exist`);
      // Versioned from the desk as read; the write is conditional on the version the editor saw, so a
      // desk changed in between is a conflict and the numbering cannot skip or repeat.
      const desk = withNewPolicyVersion(current.data, policy, entry.at);
      return write('desk', desk, expectedVersion, { ...entry, after: desk.policy });
    },
    async policyVersions(deskId: DeskId) {
      const item = await read<Desk>('desk', deskId);
      return item ? policyVersionsOf(item.data) : [];
    },
    getService: (id: ServiceId) => get<Service>('service', id),
    putService(service: Service, expectedVersion: string | undefined, entry: AuditEntry) {
      return write('service', service, expectedVersion, entry, { deskId: service.deskId });
    },
    async importServices(rows) {
      if (rows.length > MAX_IMPORT_ROWS)
        throw new FristvaktError('VALIDATION', `at most ${MAX_IMPORT_ROWS} services per import`, {
          field: 'rows',
        });
      if (rows.length === 0) return [];
      // Every row is checked against what is stored before the batch: the batch is atomic on Cosmos DB,
      // but @vercel/cosmosdb-server keeps the operations before a failing one, so a refusal found here
      // writes nothing on either; the batch's own conditions still catch a concurrent writer. Entries a
      // failed copy left on the items to be replaced go to the log first.
      for (const r of rows) {
        const id = r.service.id;
        const current = await read<Service>('service', id);
        if (r.expectedVersion === undefined) {
          if (current) throw new FristvaktError('DUPLICATE', `service ${id} already exists`);
          continue;
        }
        if (!current) throw new NotFoundError(`service ${id} does not exist`);
        if (current._etag !== r.expectedVersion)
          throw new ConflictError(`service ${id} changed since it was read`, { id });
        if (current.lastAudit) await copy(current.lastAudit);
      }
      const ops: OperationInput[] = rows.map((r) => {
        const resourceBody = {
          id: r.service.id,
          pk: 'service',
          deskId: r.service.deskId,
          data: r.service,
          lastAudit: r.audit,
        } as unknown as JSONObject;
        return r.expectedVersion === undefined
          ? { operationType: 'Create', resourceBody }
          : { operationType: 'Replace', id: r.service.id, ifMatch: r.expectedVersion, resourceBody };
      });
      const outcome = await runBatch(ctx, meta, 'service', ops, 'import services');
      if (!outcome.ok) {
        const { index, status } = outcome.failed!;
        const id = rows[index]!.service.id;
        if (status === 409) throw new FristvaktError('DUPLICATE', `service ${id} already exists`);
        if (status === 412) throw new ConflictError(`service ${id} changed since it was read`, { id });
        if (status === 404) throw new NotFoundError(`service ${id} does not exist`);
        throw new FristvaktError('STORE_UNAVAILABLE', `import services: status ${status}`, {
          statusCode: status,
        });
      }
      await copySoon(rows.map((r) => r.audit));
      await bump();
      return rows.map((r, i) => ({ value: r.service, version: outcome.results[i]!.eTag ?? '' }));
    },
    getOrganisation: (id: OrgId) => get<Organisation>('organisation', id),
    putOrganisation(org: Organisation, expectedVersion: string | undefined, entry: AuditEntry) {
      return write('organisation', org, expectedVersion, entry);
    },
    getSupplier: (id: string) => get<Supplier>('supplier', id),
    async listSuppliers() {
      const items = await queryAll<AdminItem<Supplier>>(
        ctx,
        meta,
        'supplier',
        'SELECT * FROM c WHERE c.pk = @pk',
        [],
        'suppliers',
      );
      return items.map((i) => i.data).sort((a, b) => a.id.localeCompare(b.id));
    },
    putSupplier(supplier: Supplier, expectedVersion: string | undefined, entry: AuditEntry) {
      return write('supplier', supplier, expectedVersion, entry);
    },
    async listAudit(object?: { type: AdminObjectType; id: string }, limit?: number) {
      const n = auditLimit(limit);
      // Entries still only on their item (a copy that failed) are copied now, then the log is read.
      const pending: AuditEntry[] = [];
      if (object) {
        const item = await read<unknown>(kindOf(object.type), object.id);
        if (item?.lastAudit) pending.push(item.lastAudit);
      } else {
        for (const kind of ['desk', 'service', 'organisation', 'supplier'] as const) {
          const rows = await queryAll<{ lastAudit: AuditEntry }>(
            ctx,
            meta,
            kind,
            'SELECT c.lastAudit FROM c WHERE c.pk = @pk AND IS_DEFINED(c.lastAudit)',
            [],
            'audit',
          );
          pending.push(...rows.map((r) => r.lastAudit));
        }
      }
      for (const e of pending) await copy(e);
      const where = object ? ' AND c.objectType = @type AND c.objectId = @id' : '';
      const params = object
        ? [
            { name: '@type', value: object.type },
            { name: '@id', value: object.id },
          ]
        : [];
      const items = await queryAll<AuditItem>(
        ctx,
        meta,
        'audit',
        `SELECT TOP ${n} * FROM c WHERE c.pk = @pk${where} ORDER BY c.at DESC`,
        params,
        'audit',
      );
      return items.map((i) => i.data).sort(newestFirst);
    },
    async catalogueVersion() {
      const item = await readItem<{ id: string; value: string }>(
        ctx,
        meta,
        MARKER,
        MARKER,
        'catalogue marker',
      );
      return item?.value ?? '0';
    },
  };
}
