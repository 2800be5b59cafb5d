/**
 * The production store: Azure Cosmos DB through `@azure/cosmos` 4.x. The data model, partition keys and
 * indexing are described in docs/adr/0001-cosmos-data-model.md. Blobs go to the `BlobStore` passed in.
 */
import {
  CosmosClient,
  type ConnectionPolicy,
  type CosmosClientOptions,
  type JSONObject,
} from '@azure/cosmos';
import type { Desk, Organisation, Service } from '../../desks/model';
import { ConflictError, FristvaktError, NotFoundError, isFristvaktError } from '../../errors';
import type { DeskId, IsoInstant, NoticeId, ServiceId } from '../../ids';
import type { Notice } from '../../notices/model';
import type {
  BlobStore,
  ConversationReferenceJson,
  DeskStore,
  LeaseStore,
  NoticeStore,
  OutboxMessage,
  PostedMessage,
  Store,
  Versioned,
} from '../../ports';
import { cosmosAdminStore } from './admin';
import { backfillSummaries, cosmosCaseStore } from './cases';
import { defaultRetryPolicy, withRetry, type RetryPolicy } from './errors';
import { createOps, queryAll, readItem, runBatch, type CosmosContext } from './io';
import { CONTAINER_DEFINITIONS, CONTAINERS, itemId, type NoticeItem, type SystemProps } from './model';
import { cosmosOutboxStore, outboxItem } from './outbox';
import { deskYears } from './desk-years';
import { markPartitionsMigrated, migratePartitions, partitionsMigrated } from './migrate';

export type TokenCredential = NonNullable<CosmosClientOptions['aadCredentials']>;

export interface CosmosStoreOptions {
  endpoint: string;
  /** An account key; or pass `credential` (Entra ID, managed identity) instead. */
  key?: string;
  credential?: TokenCredential;
  databaseId: string;
  /** Creates the database and containers with their indexing policies when missing (dev, tests, first deploy). */
  createIfMissing?: boolean;
  blobs: BlobStore;
  /** Passed to the SDK. Unless it sets `retryOptions`, the SDK's own throttling retry is off: `withRetry` owns retries. */
  connectionPolicy?: Partial<ConnectionPolicy>;
  /** Overrides the retry policy (tests). */
  retry?: Partial<RetryPolicy>;
  /** Items per page read by `streamPeriod` (default 500); tests set it small to cross pages. */
  streamPageSize?: number;
  /**
   * Data written in an older model (cases partitioned by desk alone): `run` migrates it on open (the
   * default with `createIfMissing`, i.e. development), `refuse` stops start-up naming the one-off
   * command (the default otherwise, i.e. production; docs/operations.md); `defer` opens it as it is,
   * for the one-off command, which then calls `migrate()`.
   */
  migrations?: 'run' | 'refuse' | 'defer';
  /** How long a desk's year stays `closing` before it leaves the live years (`desk-years.ts`); tests shorten it. */
  closingGraceMs?: number;
}

export async function openCosmosStore(options: CosmosStoreOptions): Promise<Store> {
  if (!options.key && !options.credential)
    throw new FristvaktError('VALIDATION', 'Cosmos DB needs a key or a credential', { field: 'key' });
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : {}),
    ...(options.credential ? { aadCredentials: options.credential } : {}),
    connectionPolicy: {
      retryOptions: { maxRetryAttemptCount: 0 },
      // A plain-http endpoint is a local emulator: its advertised regional endpoints are not reachable.
      ...(options.endpoint.startsWith('http:') ? { enableEndpointDiscovery: false } : {}),
      ...options.connectionPolicy,
    },
  });
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  try {
    let database = client.database(options.databaseId);
    if (options.createIfMissing) {
      database = (
        await withRetry(
          'create database',
          () => client.databases.createIfNotExists({ id: options.databaseId }),
          retry,
        )
      ).database;
      for (const def of CONTAINER_DEFINITIONS)
        await withRetry(
          `create container ${def.id}`,
          () => database.containers.createIfNotExists(def),
          retry,
        );
    }
    const ctx: CosmosContext = {
      cases: database.container(CONTAINERS.cases),
      lookups: database.container(CONTAINERS.lookups),
      meta: database.container(CONTAINERS.meta),
      retry,
      streamPageSize: options.streamPageSize ?? 500,
    };
    // Fail at start-up, not on the first request, when the account, the database or a container is
    // wrong: a missing one is named in one line, with what creates it.
    await assertExists(`database '${options.databaseId}'`, () => database.read(), retry);
    for (const def of CONTAINER_DEFINITIONS)
      await assertExists(
        `container '${def.id}' in database '${options.databaseId}'`,
        () => database.container(def.id!).read(),
        retry,
      );
    const createdNow = await claimStoreRecord(ctx);
    const years = deskYears(ctx, options.closingGraceMs);
    const migrate = () => migratePartitions(ctx, years, () => deskIds(ctx));
    if (createdNow) await markPartitionsMigrated(ctx);
    else if (options.migrations !== 'defer' && !(await partitionsMigrated(ctx))) {
      if ((options.migrations ?? (options.createIfMissing ? 'run' : 'refuse')) === 'refuse')
        throw new FristvaktError(
          'STORE_UNAVAILABLE',
          `Cosmos DB database '${options.databaseId}' holds cases partitioned by desk alone: run the one-off migration (npm run migrate-store, docs/operations.md)`,
          { migration: 'partitions' },
        );
      await migrate();
    }
    await backfillSummaries(ctx, years, await deskIds(ctx));
    const desks = cosmosDeskStore(ctx);
    return {
      createdNow,
      probe: (now) => probe(ctx, now),
      migrate,
      cases: cosmosCaseStore(ctx, years),
      outbox: cosmosOutboxStore(ctx, years, () => deskIds(ctx)),
      threads: keyValue<PostedMessage>(ctx, 'thread'),
      conversations: keyValue<ConversationReferenceJson>(ctx, 'conversation'),
      desks,
      notices: cosmosNoticeStore(ctx),
      leases: cosmosLeaseStore(ctx),
      blobs: options.blobs,
      admin: cosmosAdminStore(ctx),
      close() {
        client.dispose();
        return Promise.resolve();
      },
    };
  } catch (err) {
    client.dispose();
    throw err;
  }
}

/**
 * Reads a database or container; a 404 becomes one line naming what is missing and what creates it
 * (the Bicep in production, `createIfMissing` in development), with `statusCode: 404` in the details.
 */
async function assertExists(what: string, read: () => Promise<unknown>, retry: RetryPolicy): Promise<void> {
  try {
    await withRetry(`open ${what}`, read, retry);
  } catch (err) {
    if (isFristvaktError(err, 'STORE_UNAVAILABLE') && err.details.statusCode === 404)
      throw new FristvaktError(
        'STORE_UNAVAILABLE',
        `Cosmos DB ${what} does not exist: infra/main.bicep creates it (in development the app creates it)`,
        { statusCode: 404, missing: what },
      );
    throw err;
  }
}

/**
 * The store's own record in `meta`: created by the first process that opens an empty database, which is
 * then the one that may seed it. Any later open (or a racing one that lost the create) finds it.
 */
async function claimStoreRecord(ctx: CosmosContext): Promise<boolean> {
  const existing = await readItem(ctx, ctx.meta, 'store', 'store', 'store record');
  if (existing) return false;
  try {
    await withRetry(
      'store record',
      () => ctx.meta.items.create({ id: 'store', pk: 'store', createdAt: new Date().toISOString() }),
      ctx.retry,
    );
    return true;
  } catch (err) {
    if (isFristvaktError(err, 'DUPLICATE')) return false;
    throw err;
  }
}

/** The health probe: upserts the probe record and reads it back, and reads from `cases` and `lookups`. */
async function probe(ctx: CosmosContext, now: IsoInstant): Promise<void> {
  const retry = { ...ctx.retry, maxAttempts: 2 };
  const quick = { ...ctx, retry };
  await withRetry('health probe', () => ctx.meta.items.upsert({ id: 'probe', pk: 'probe', at: now }), retry);
  const back = await readItem<{ id: string; at?: string }>(quick, ctx.meta, 'probe', 'probe', 'health probe');
  if (back?.at !== now)
    throw new FristvaktError('STORE_UNAVAILABLE', 'health probe: the probe record did not read back');
  await readItem(quick, ctx.cases, 'probe', 'probe', 'health probe');
  await readItem(quick, ctx.lookups, 'probe', 'probe', 'health probe');
}

/** The registered desks' ids: the partitions the outbox sender looks in. */
async function deskIds(ctx: CosmosContext): Promise<DeskId[]> {
  const rows = await queryAll<{ id: DeskId }>(
    ctx,
    ctx.meta,
    'desk',
    'SELECT c.id FROM c WHERE c.pk = @pk',
    [],
    'desks',
  );
  return rows.map((r) => r.id);
}

const IF_MATCH = (etag: string) => ({ accessCondition: { type: 'IfMatch', condition: etag } });

function strip<T>(item: { data: T } & SystemProps): T {
  return item.data;
}

// ---------------------------------------------------------------------------------------------------
// Threads and conversations: one small item per key, in its own logical partition.

interface KeyValueItem<T> extends SystemProps {
  id: string;
  pk: string;
  data: T;
}

function keyValue<T>(ctx: CosmosContext, prefix: string) {
  return {
    async get(key: string): Promise<T | null> {
      const id = itemId(prefix, key);
      const item = await readItem<KeyValueItem<T>>(ctx, ctx.meta, id, id, `${prefix} ${key}`);
      return item ? strip(item) : null;
    },
    async put(key: string, value: T): Promise<void> {
      const id = itemId(prefix, key);
      await withRetry(
        `${prefix} ${key}`,
        () => ctx.meta.items.upsert({ id, pk: id, data: value as JSONObject }),
        ctx.retry,
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Desks, services, organisations: each kind in one small logical partition of `meta`.

interface DeskItem extends SystemProps {
  id: string;
  pk: 'desk';
  data: Desk;
}

function cosmosDeskStore(ctx: CosmosContext): DeskStore {
  const { meta } = ctx;
  const list = async <T>(pk: string, where = '', params: { name: string; value: string }[] = []) =>
    (
      await queryAll<{ data: T }>(
        ctx,
        meta,
        pk,
        `SELECT * FROM c WHERE c.pk = @pk${where} ORDER BY c.id ASC`,
        params,
        pk,
      )
    ).map((i) => i.data);
  return {
    async get(id: DeskId) {
      const item = await readItem<DeskItem>(ctx, meta, id, 'desk', `desk ${id}`);
      return item ? { value: item.data, version: item._etag! } : null;
    },
    list: () => list<Desk>('desk'),
    async put(desk: Desk, expectedVersion?: string): Promise<Versioned<Desk>> {
      const item: DeskItem = { id: desk.id, pk: 'desk', data: desk };
      const res = await withRetry(
        `desk ${desk.id}`,
        () =>
          expectedVersion === undefined
            ? meta.items.create(item)
            : meta.item(desk.id, 'desk').replace(item, IF_MATCH(expectedVersion)),
        ctx.retry,
      ).catch((err: unknown) => {
        if (isFristvaktError(err, 'STORE_UNAVAILABLE') && err.details.statusCode === 404)
          throw new NotFoundError(`desk ${desk.id} does not exist`);
        throw err;
      });
      return { value: desk, version: res.resource!._etag };
    },
    listServices: (deskId?: DeskId) =>
      deskId === undefined
        ? list<Service>('service')
        : list<Service>('service', ' AND c.deskId = @desk', [{ name: '@desk', value: deskId }]),
    async putService(service: Service) {
      await withRetry(
        `service ${service.id}`,
        () =>
          meta.items.upsert({
            id: service.id,
            pk: 'service',
            deskId: service.deskId,
            data: service as unknown as JSONObject,
          }),
        ctx.retry,
      );
    },
    listOrganisations: () => list<Organisation>('organisation'),
    async putOrganisation(org: Organisation) {
      await withRetry(
        `organisation ${org.id}`,
        () => meta.items.upsert({ id: org.id, pk: 'organisation', data: org as unknown as JSONObject }),
        ctx.retry,
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Notices: in the desk's partition of `cases`, written in one batch with their outbox messages.

function noticeItem(n: Notice): NoticeItem {
  return {
    id: itemId('notice', n.id),
    pk: n.deskId,
    type: 'notice',
    noticeId: n.id,
    status: n.status,
    startsAt: n.startsAt,
    serviceIds: n.serviceIds,
    data: n,
  };
}

function cosmosNoticeStore(ctx: CosmosContext): NoticeStore {
  const { cases } = ctx;
  const query = (deskId: DeskId, where: string, params: { name: string; value: string }[], order: string) =>
    queryAll<NoticeItem>(
      ctx,
      cases,
      deskId,
      `SELECT * FROM c WHERE c.pk = @pk AND c.type = 'notice' AND ${where} ORDER BY ${order}`,
      params,
      'notices',
    ).then((items) => items.map(strip));
  return {
    async create(notice: Notice, outbox: OutboxMessage[] = []) {
      const outcome = await runBatch(
        ctx,
        cases,
        notice.deskId,
        createOps([noticeItem(notice), ...outbox.map((m) => outboxItem(m, notice.deskId))]),
        'create notice',
      );
      if (!outcome.ok) {
        const what = outcome.failed!.index === 0 ? `notice ${notice.id}` : 'an outbox message with this id';
        if (outcome.failed!.status === 409)
          throw new FristvaktError('DUPLICATE', `${what} already exists`, { statusCode: 409 });
        throw new FristvaktError('STORE_UNAVAILABLE', `create notice: status ${outcome.failed!.status}`, {
          statusCode: outcome.failed!.status,
        });
      }
      return { value: notice, version: outcome.results[0]!.eTag ?? '' };
    },
    async update(notice: Notice, expectedVersion: string, outbox: OutboxMessage[] = []) {
      const item = noticeItem(notice);
      const outcome = await runBatch(
        ctx,
        cases,
        notice.deskId,
        [
          {
            operationType: 'Replace',
            id: item.id,
            ifMatch: expectedVersion,
            resourceBody: item as unknown as JSONObject,
          },
          ...createOps(outbox.map((m) => outboxItem(m, notice.deskId))),
        ],
        `update notice ${notice.id}`,
      );
      if (!outcome.ok) {
        const { index, status } = outcome.failed!;
        if (index === 0 && status === 404) throw new NotFoundError(`notice ${notice.id} does not exist`);
        if (index === 0 && status === 412)
          throw new ConflictError(`notice ${notice.id} changed since it was read`);
        if (status === 409)
          throw new FristvaktError('DUPLICATE', 'an outbox message with this id already exists');
        throw new FristvaktError('STORE_UNAVAILABLE', `update notice: status ${status}`, {
          statusCode: status,
        });
      }
      return { value: notice, version: outcome.results[0]!.eTag ?? '' };
    },
    async get(id: NoticeId, deskId: DeskId) {
      const item = await readItem<NoticeItem>(ctx, cases, itemId('notice', id), deskId, `notice ${id}`);
      return item ? { value: item.data, version: item._etag! } : null;
    },
    listActive(deskId: DeskId, serviceId?: ServiceId) {
      return query(
        deskId,
        `c.status = 'active'${serviceId === undefined ? '' : ' AND ARRAY_CONTAINS(c.serviceIds, @service)'}`,
        serviceId === undefined ? [] : [{ name: '@service', value: serviceId }],
        'c.startsAt DESC, c.noticeId DESC',
      );
    },
    listPeriod(deskId: DeskId, from: IsoInstant, to: IsoInstant) {
      return query(
        deskId,
        'c.startsAt >= @from AND c.startsAt < @to',
        [
          { name: '@from', value: from },
          { name: '@to', value: to },
        ],
        'c.startsAt ASC, c.noticeId ASC',
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Leases: one item per lease, taken by create (free) or ETag-conditional replace (expired or ours).

interface LeaseItem extends SystemProps {
  id: string;
  pk: string;
  holder: string;
  expiresAt: string;
}

function cosmosLeaseStore(ctx: CosmosContext): LeaseStore {
  const { meta } = ctx;
  /** Runs a conditional write; false when another writer got there first (409 / 412). */
  const attempt = async (what: string, write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await withRetry(what, write, ctx.retry);
      return true;
    } catch (err) {
      if (isFristvaktError(err, 'DUPLICATE') || isFristvaktError(err, 'CONFLICT')) return false;
      if (isFristvaktError(err, 'STORE_UNAVAILABLE') && err.details.statusCode === 404) return false;
      throw err;
    }
  };
  return {
    async tryAcquire(name: string, holder: string, now: IsoInstant, ttlMs: number) {
      const id = itemId('lease', name);
      const expiresAt = new Date(Date.parse(now) + ttlMs).toISOString();
      const next: LeaseItem = { id, pk: id, holder, expiresAt };
      const current = await readItem<LeaseItem>(ctx, meta, id, id, `lease ${name}`);
      if (!current) return attempt(`lease ${name}`, () => meta.items.create(next));
      if (current.holder !== holder && current.expiresAt > now) return false;
      return attempt(`lease ${name}`, () => meta.item(id, id).replace(next, IF_MATCH(current._etag!)));
    },
    async release(name: string, holder: string) {
      const id = itemId('lease', name);
      const current = await readItem<LeaseItem>(ctx, meta, id, id, `lease ${name}`);
      if (!current || current.holder !== holder) return;
      await attempt(`lease ${name}`, () => meta.item(id, id).delete(IF_MATCH(current._etag!)));
    },
    async getMark(name: string) {
      const id = itemId('mark', name);
      const item = await readItem<{ id: string; value: string }>(ctx, meta, id, id, `mark ${name}`);
      return item?.value ?? null;
    },
    async putMark(name: string, value: string) {
      const id = itemId('mark', name);
      await withRetry(`mark ${name}`, () => meta.items.upsert({ id, pk: id, value }), ctx.retry);
    },
  };
}
