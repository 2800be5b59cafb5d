/**
 * The Cosmos DB data model (docs/adr/0001-cosmos-data-model.md): three containers, their partition keys,
 * indexing policies, and the item shapes stored in them.
 */
import { createHash } from 'node:crypto';
import type { ContainerDefinition, IndexingPolicy } from '@azure/cosmos';
import type { Case } from '../../cases/model';
import type { CaseRef, DeskId, IsoInstant } from '../../ids';
import type { Notice } from '../../notices/model';
import type { OutboxEntry } from '../../ports';
import { ValidationError } from '../../errors';
import type { CaseSummary } from '../../reports/summary';

export const CONTAINERS = { cases: 'cases', lookups: 'lookups', meta: 'meta' } as const;

const path = (p: string) => ({ path: p });
const asc = (p: string) => ({ path: p, order: 'ascending' as const });
const desc = (p: string) => ({ path: p, order: 'descending' as const });

/**
 * `cases`, partitioned by desk and year of the reference (`<desk>|<year>`): the case items, their
 * client-key markers, report summaries and outbox items; the desk's own partition (`<desk>`) holds its
 * notices and the outbox messages not about one case. Only the fields queries filter or sort on are
 * indexed; the documents themselves (`data`) are not, which keeps writes cheap as the event history
 * grows.
 */
const casesIndexing: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: [
    '/type/?',
    '/open/?',
    '/dueKey/?',
    '/ref/?',
    '/receivedAt/?',
    '/parentRef/?',
    '/status/?',
    '/nextAttemptAt/?',
    '/msgId/?',
    '/threadKey/?',
    '/startsAt/?',
    '/noticeId/?',
    '/serviceIds/[]/?',
    '/warnAt/[]/?',
  ].map(path),
  excludedPaths: [path('/*')],
  compositeIndexes: [
    [asc('/dueKey'), asc('/ref')],
    [asc('/receivedAt'), asc('/ref')],
    [asc('/nextAttemptAt'), asc('/msgId')],
    [asc('/startsAt'), asc('/noticeId')],
    // The exact reverse of a composite index serves a query too; the emulator wants it spelled out.
    [desc('/startsAt'), desc('/noticeId')],
  ],
};

/** `lookups`: pointers by reference, by reporter and by organisation, each in its own logical partition. */
const lookupsIndexing: IndexingPolicy = {
  indexingMode: 'consistent',
  automatic: true,
  includedPaths: ['/type/?', '/receivedAt/?', '/ref/?'].map(path),
  excludedPaths: [path('/*')],
  compositeIndexes: [[desc('/receivedAt'), desc('/ref')]],
};

/** A reference's year (`FV-2026-000123` → 2026), or null for anything else. */
export function yearOfRef(ref: string): number | null {
  const m = /^[A-Z]{2}-(\d{4})-\d{6}(?::|$)/.exec(ref);
  return m ? Number(m[1]) : null;
}

/** The logical partition of a case and what is written with it: its desk and the year of its reference. */
export const casePk = (deskId: DeskId, year: number): string => `${deskId}|${year}`;

/** The partition of a stored case: from its reference, which carries the year. */
export function refPk(deskId: DeskId, ref: CaseRef): string {
  const year = yearOfRef(ref);
  if (year === null) throw new ValidationError('ref', `not a case reference: ${ref}`);
  return casePk(deskId, year);
}

/**
 * Where an outbox message lives, from its id alone (the sender names a message by id and desk): a
 * message about one case has an id that starts with the case's reference and lives with the case; any
 * other (a notice's, a digest) in the desk's own partition. A message written in a case's batch under
 * another id lives with the case too, and is found through the desk's live years.
 */
export function outboxPk(id: string, deskId: DeskId): string {
  const year = yearOfRef(id);
  return year === null ? deskId : casePk(deskId, year);
}

export const CONTAINER_DEFINITIONS: ContainerDefinition[] = [
  // defaultTtl -1: no expiry unless an item sets `ttl` (delivered outbox items do).
  { id: CONTAINERS.cases, partitionKey: { paths: ['/pk'] }, indexingPolicy: casesIndexing, defaultTtl: -1 },
  { id: CONTAINERS.lookups, partitionKey: { paths: ['/pk'] }, indexingPolicy: lookupsIndexing },
  // Desks, services, organisations, counters, leases, threads, conversations: small items, point reads.
  { id: CONTAINERS.meta, partitionKey: { paths: ['/pk'] } },
];

/** Cosmos item system properties, stripped when a document is handed back. */
export interface SystemProps {
  _etag?: string;
  _ts?: number;
  _rid?: string;
  _self?: string;
}

export interface CaseItem extends SystemProps {
  id: CaseRef;
  pk: string;
  type: 'case';
  ref: CaseRef;
  open: boolean;
  dueKey: string;
  receivedAt: IsoInstant;
  parentRef?: CaseRef;
  data: Case;
}

/** A case's report summary, beside the case in the desk's partition and written in the same batch. */
export interface SummaryItem extends SystemProps {
  id: string;
  pk: string;
  type: 'summary';
  ref: CaseRef;
  receivedAt: IsoInstant;
  /** The SLA watcher's index: the instants the case may next need a warning (`warningInstants`). */
  warnAt?: IsoInstant[];
  data: CaseSummary;
}

export const summaryId = (ref: CaseRef): string => `summary|${ref}`;

export interface ClientKeyItem extends SystemProps {
  id: string;
  pk: string;
  type: 'clientKey';
  ref: CaseRef;
}

export interface OutboxItem extends SystemProps {
  id: string;
  pk: string;
  type: 'outbox';
  msgId: string;
  status: OutboxEntry['status'];
  nextAttemptAt: IsoInstant;
  /** The message's thread, for the sender's look at a thread's backlog (absent on items from before it). */
  threadKey?: string;
  data: OutboxEntry;
  /** Seconds until the item expires (delivered messages only). */
  ttl?: number;
}

export interface NoticeItem extends SystemProps {
  id: string;
  pk: DeskId;
  type: 'notice';
  noticeId: string;
  status: Notice['status'];
  startsAt: IsoInstant;
  serviceIds: string[];
  data: Notice;
}

/** A pointer in `lookups`: where a case lives, listed under its reporter, organisation, followers or reference. */
export interface PointerItem extends SystemProps {
  id: CaseRef;
  pk: string;
  type: 'byRef' | 'byReporter' | 'byOrg' | 'byFollower';
  ref: CaseRef;
  deskId: DeskId;
  receivedAt: IsoInstant;
}

export const pointerPk = {
  ref: (ref: string) => `ref|${ref}`,
  reporter: (userId: string) => `user|${userId}`,
  org: (orgId: string) => `org|${orgId}`,
  follower: (userId: string) => `follower|${userId}`,
};

/**
 * An item id from free text (client keys, outbox ids, thread keys): Cosmos ids may not contain
 * `/ \ ? #` and are at most 255 characters. URI-encoding removes the forbidden characters; a long
 * key becomes `=` + its SHA-256 (URI-encoding never yields a leading `=`, so the two never collide).
 */
export function itemId(prefix: string, raw: string): string {
  const encoded = encodeURIComponent(raw);
  const body = encoded.length <= 200 ? encoded : `=${createHash('sha256').update(raw).digest('hex')}`;
  return `${prefix}|${body}`;
}

/** Cosmos rejects items over 2 MB; keep a margin for the indexed fields and system properties. */
export const MAX_ITEM_BYTES = 1_900_000;
