/**
 * What the domain and the app need from outside: the store, blob storage. Each port has an embedded
 * implementation (SQLite, local disk) and a production one (Azure Cosmos DB, Azure Blob), in
 * `shared/store/`, and one contract suite runs against every implementation.
 *
 * Rules every implementation keeps:
 * - Every update is conditional on the version read; a stale version throws `ConflictError`.
 * - A case change and the outbox messages it causes are written atomically.
 * - Every case query is scoped: by desk, by organisation, by reporter, or through a `CaseAccess`.
 */
import type { Case } from './cases/model';
import type { Desk, Organisation, Service } from './desks/model';
import type { CaseRef, DeskId, IsoInstant, NoticeId, OrgId, ServiceId, UserId } from './ids';
import type { Notice } from './notices/model';
import type { SlaPolicy } from './sla/policy';
import type { ComputedSla } from './sla/case-sla';
import type { Supplier } from './suppliers/model';
import type { CaseSummary } from './reports/summary';

export interface Versioned<T> {
  value: T;
  /** Opaque version (Cosmos `_etag`, SQLite row version). Pass it back to update. */
  version: string;
}

export interface PageRequest {
  /** Page size; implementations cap it (default 50, at most 200). */
  limit?: number;
  continuationToken?: string;
}
export interface Page<T> {
  items: T[];
  /** Absent on the last page. */
  continuationToken?: string;
}

/** What a caller may see: used for lookups that are not already scoped by desk, org or reporter. */
export interface CaseAccess {
  userId: UserId;
  /** Desks the caller is a member of: all their cases. */
  deskIds: DeskId[];
  /** Virksomheter the caller is a superbruker of: all their cases. */
  orgIds: OrgId[];
  /** Otherwise only cases the caller reported, follows or is the test contact of. */
  /**
   * Set for an operations supplier (the supplier API): it sees exactly the cases it holds, nothing
   * else (`roleOn`); its other fields are empty.
   */
  supplierId?: string;
}

/** A message waiting to be posted to Teams, written together with the change that caused it. */
export interface OutboxMessage {
  /** Idempotency key: derived from the event (and recipient), so one event is never delivered twice. */
  id: string;
  /** The partition it lives with: the desk of the case (or notice) that caused it. */
  deskId: DeskId;
  caseRef?: CaseRef;
  noticeId?: NoticeId;
  createdAt: IsoInstant;
  /**
   * Where it goes. `post` starts a new message (in a thread when `threadKey` names an existing
   * post), `update` edits the message stored under `threadKey`, `reply` answers in that thread.
   */
  operation: 'post' | 'update' | 'reply';
  /** A conversation: a user's 1:1 chat (`user:<id>`) or a channel (`channel:<teamId>:<channelId>`). */
  conversationKey: string;
  /** Names a posted message for later updates and replies, e.g. `case:FV-2026-000001:triage`. */
  threadKey?: string;
  /** The Bot Framework activity (JSON) to send; for a `webhook`, the request's JSON body. */
  activity: Record<string, unknown>;
  /**
   * A `reply` that is a card (a comment in the desk's thread): its one line, which it may go as when
   * the sender is behind, folded with the lines after it in the thread (bot/delivery/condense.ts).
   */
  foldedText?: string;
  /**
   * How it travels (absent: `teams`). `webhook`: a signed HTTP POST to an operations supplier's endpoint
   * (`conversationKey` `supplier:<id>`; bot/delivery/webhook-transport.ts), with the same retries.
   */
  kind?: 'teams' | 'webhook';
}

export type OutboxStatus = 'pending' | 'delivered' | 'parked';
export interface OutboxEntry extends OutboxMessage {
  status: OutboxStatus;
  attempts: number;
  /**
   * When it is next due; the outbox is listed by it, oldest first. A new message's is its `createdAt`,
   * a post's a minute before (`POST_HEAD_START_MS` in shared/store/common.ts), a retry's after its backoff.
   */
  nextAttemptAt: IsoInstant;
  lastError?: string;
  deliveredAt?: IsoInstant;
}

/** A new case before the store gives it its reference number. */
export type NewCase = Omit<Case, 'ref'>;

export interface CreateCaseResult {
  case: Versioned<Case>;
  /** False when the client key had been seen: the earlier case is returned, nothing is written. */
  created: boolean;
}

export interface CaseStore {
  /**
   * Creates a case, giving it the next reference number of `year`; idempotent on `clientKey`.
   * `outbox` builds the messages to write in the same transaction, from the stored case. `known`: the
   * new case's SLA at its receipt, when the caller computed it (`computedSla`): its summary takes it.
   */
  create(
    input: NewCase,
    year: number,
    outbox: (c: Case) => OutboxMessage[],
    known?: ComputedSla,
  ): Promise<CreateCaseResult>;
  /**
   * Replaces the case if `expectedVersion` is current, with its outbox messages, atomically. `known`:
   * the case's SLA as of this change, when the caller computed it (`computedSla`): its summary takes it.
   */
  update(
    next: Case,
    expectedVersion: string,
    outbox?: OutboxMessage[],
    known?: ComputedSla,
  ): Promise<Versioned<Case>>;

  /** One case if `access` may see it; null when it does not exist or is not visible (indistinguishable). */
  getVisible(ref: CaseRef, access: CaseAccess): Promise<Versioned<Case> | null>;
  /** One case for the system itself (watcher, outbox sender, desk handlers that already checked membership). */
  getForDesk(ref: CaseRef, deskId: DeskId): Promise<Versioned<Case> | null>;
  /** Finds which desk owns a reference (for handlers that then check access). */
  locate(ref: CaseRef): Promise<DeskId | null>;

  /** A reporter's own cases, newest first. */
  listByReporter(reporterId: UserId, page?: PageRequest): Promise<Page<Case>>;
  /** Cases the user follows (is a follower of), newest first: "Mine saker" shows them beside their own. */
  listByFollower(followerId: UserId, page?: PageRequest): Promise<Page<Case>>;
  /** A desk's open cases (not Lukket), nearest deadline first (no deadline last), then by reference. */
  listDeskQueue(deskId: DeskId, page?: PageRequest): Promise<Page<Case>>;
  /** A virksomhet's cases for its superbrukere, newest first. */
  listByOrg(orgId: OrgId, page?: PageRequest): Promise<Page<Case>>;
  /** The undersaker of a hovedsak (same desk), by reference. */
  listChildren(parentRef: CaseRef, deskId: DeskId, page?: PageRequest): Promise<Page<Case>>;
  /** Open cases of a desk whose next deadline is at or before `until` (the escalation watcher). */
  listDueBefore(deskId: DeskId, until: IsoInstant, page?: PageRequest): Promise<Page<Case>>;
  /**
   * The SLA watcher's index: the report summaries of a desk's cases with a warning instant (computed by
   * `warningInstants` and stored with each write, beside the summary) in (`after`, `until`]; `after` null
   * means from the beginning. Each case once. Only open cases with a running target have instants.
   */
  listWarningsDue(
    deskId: DeskId,
    after: IsoInstant | null,
    until: IsoInstant,
    page?: PageRequest,
  ): Promise<Page<CaseSummary>>;
  /** All cases of desks received in [from, to), streamed in pages, for the reports. */
  streamPeriod(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<Case>;
  /**
   * The report summary of every case of desks received in [from, to), by receipt: written by the store
   * with each create and update, in the same transaction, under the desk's policy as stored then. One
   * per case, exactly the cases `streamPeriod` gives. A summary the report cannot use (`addSummary`
   * refuses it) is followed by a point read of its case.
   */
  streamSummaries(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<CaseSummary>;
}

export interface OutboxStore {
  /** Enqueues messages outside a case change (e.g. watcher warnings); an existing id is skipped. Returns the ids added. */
  enqueue(messages: OutboxMessage[]): Promise<string[]>;
  /** Pending messages due at `now`, oldest first. */
  listDue(now: IsoInstant, limit: number): Promise<OutboxEntry[]>;
  /**
   * The pending messages of `of`'s thread due at `now` (those with its `threadKey`, stored where `of`
   * is: a case's messages live with the case), oldest first, at most `limit`; none without a thread
   * key. The sender condenses a thread's backlog with them.
   */
  pendingInThread(
    of: Pick<OutboxMessage, 'id' | 'deskId' | 'threadKey'>,
    now: IsoInstant,
    limit: number,
  ): Promise<OutboxEntry[]>;
  markDelivered(id: string, deskId: DeskId, at: IsoInstant): Promise<void>;
  markFailed(id: string, deskId: DeskId, error: string, nextAttemptAt: IsoInstant): Promise<void>;
  park(id: string, deskId: DeskId, error: string): Promise<void>;
  get(id: string, deskId: DeskId): Promise<OutboxEntry | null>;
}

/** Where a posted message lives, so later updates and replies find it. */
export interface PostedMessage {
  conversationId: string;
  activityId: string;
  serviceUrl: string;
  /**
   * The outbox message whose delivery created this post, if any: after a restart the sender sees that
   * the post already happened and does not post it again.
   */
  outboxId?: string;
}
export interface ThreadStore {
  get(threadKey: string): Promise<PostedMessage | null>;
  put(threadKey: string, posted: PostedMessage): Promise<void>;
}

/** A Bot Framework conversation reference (JSON), kept to write back proactively. */
export type ConversationReferenceJson = Record<string, unknown>;
export interface ConversationStore {
  get(conversationKey: string): Promise<ConversationReferenceJson | null>;
  put(conversationKey: string, ref: ConversationReferenceJson): Promise<void>;
}

export interface DeskStore {
  get(id: DeskId): Promise<Versioned<Desk> | null>;
  list(): Promise<Desk[]>;
  /** Creates (expectedVersion undefined) or replaces conditionally. */
  put(desk: Desk, expectedVersion?: string): Promise<Versioned<Desk>>;
  listServices(deskId?: DeskId): Promise<Service[]>;
  putService(service: Service): Promise<void>;
  listOrganisations(): Promise<Organisation[]>;
  putOrganisation(org: Organisation): Promise<void>;
}

/** What an administrator can change, as named in the audit log. */
export type AdminObjectType = 'desk' | 'policy' | 'service' | 'organisation' | 'supplier';

/** One admin change: who, when, which object, the object before and after. Never changed once written. */
export interface AuditEntry {
  /** Unique; the store refuses a second entry with the same id. */
  id: string;
  at: IsoInstant;
  actor: { id: UserId; name?: string };
  objectType: AdminObjectType;
  objectId: string;
  action: 'create' | 'update' | 'import';
  /** The object before the change (absent when created). */
  before?: unknown;
  /** The object as written. */
  after: unknown;
}

/** Most services one import may write: one transactional batch on Cosmos DB holds at most 100 operations. */
export const MAX_IMPORT_ROWS = 100;

/**
 * The setup an administrator or desk lead changes ("Innstillinger"). Every write is conditional on the
 * version read (absent: the object must be new, else `DUPLICATE`; stale: `ConflictError`) and stores its
 * audit entry with it: the change and its entry are never one without the other. Every write changes
 * `catalogueVersion`.
 */
export interface AdminStore {
  /** Adds a new desk with its entry (a taken id is `DUPLICATE`); it needs nothing else to take cases. */
  createDesk(desk: Desk, audit: AuditEntry): Promise<Versioned<Desk>>;
  putDesk(desk: Desk, expectedVersion: string, audit: AuditEntry): Promise<Versioned<Desk>>;
  /**
   * Saves `policy` as the desk's newest policy version: numbered one above the current, in force from
   * `audit.at`; the current version moves to `previousPolicies` (old versions stay readable).
   */
  savePolicy(
    deskId: DeskId,
    policy: SlaPolicy,
    expectedVersion: string,
    audit: AuditEntry,
  ): Promise<Versioned<Desk>>;
  /** Every version of a desk's policy, newest first; empty for an unknown desk. */
  policyVersions(deskId: DeskId): Promise<SlaPolicy[]>;
  getService(id: ServiceId): Promise<Versioned<Service> | null>;
  putService(
    service: Service,
    expectedVersion: string | undefined,
    audit: AuditEntry,
  ): Promise<Versioned<Service>>;
  /**
   * Writes many services all or nothing (at most `MAX_IMPORT_ROWS`), each conditional on its version as
   * `putService`; one stale or duplicate row writes nothing.
   */
  importServices(
    rows: Array<{ service: Service; expectedVersion?: string; audit: AuditEntry }>,
  ): Promise<Versioned<Service>[]>;
  getOrganisation(id: OrgId): Promise<Versioned<Organisation> | null>;
  putOrganisation(
    org: Organisation,
    expectedVersion: string | undefined,
    audit: AuditEntry,
  ): Promise<Versioned<Organisation>>;
  /** An operations supplier (shared/suppliers/model.ts); null when not configured. */
  getSupplier(id: string): Promise<Versioned<Supplier> | null>;
  /** Every configured supplier, by id. */
  listSuppliers(): Promise<Supplier[]>;
  /** Creates (no version: a taken id is `DUPLICATE`) or replaces a supplier conditionally, with its entry. */
  putSupplier(
    supplier: Supplier,
    expectedVersion: string | undefined,
    audit: AuditEntry,
  ): Promise<Versioned<Supplier>>;
  /** The audit log, newest first: of one object, or of everything when `object` is absent. */
  listAudit(object?: { type: AdminObjectType; id: string }, limit?: number): Promise<AuditEntry[]>;
  /**
   * A cheap marker that changes with every write of a desk, service or organisation (at least every
   * admin write): the catalogue compares it to know its cached copy is stale.
   */
  catalogueVersion(): Promise<string>;
}

export interface NoticeStore {
  create(notice: Notice, outbox?: OutboxMessage[]): Promise<Versioned<Notice>>;
  update(notice: Notice, expectedVersion: string, outbox?: OutboxMessage[]): Promise<Versioned<Notice>>;
  get(id: NoticeId, deskId: DeskId): Promise<Versioned<Notice> | null>;
  /** Active notices of a desk, newest first; with `serviceId`, only those naming that service. */
  listActive(deskId: DeskId, serviceId?: ServiceId): Promise<Notice[]>;
  /** Notices of a desk that started in [from, to) (uptime reports). */
  listPeriod(deskId: DeskId, from: IsoInstant, to: IsoInstant): Promise<Notice[]>;
}

/** A lease: exactly one holder runs a singleton job (the SLA watcher sweep) at a time. */
export interface LeaseStore {
  /** Takes or renews the lease if free, expired or already ours; true when we hold it until now + ttl. */
  tryAcquire(name: string, holder: string, now: IsoInstant, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
  /** A small named record a singleton job keeps between runs (the watcher's last sweep); null when never set. */
  getMark(name: string): Promise<string | null>;
  /** Writes the record (last writer wins: only the lease holder writes it). */
  putMark(name: string, value: string): Promise<void>;
}

export interface BlobStore {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
}

/** Everything the app needs, from one factory per backend. */
export interface Store {
  cases: CaseStore;
  outbox: OutboxStore;
  threads: ThreadStore;
  conversations: ConversationStore;
  desks: DeskStore;
  notices: NoticeStore;
  leases: LeaseStore;
  blobs: BlobStore;
  admin: AdminStore;
  /**
   * True when opening created this store just now (a new SQLite file; a Cosmos database without its
   * store record): the only time seeding may run. An existing store is never re-seeded.
   */
  readonly createdNow: boolean;
  /**
   * Proves the store can be read and written now: a cheap write of the store's own probe record (never
   * a case) read back, and a read of the case index. Throws `STORE_UNAVAILABLE` with the reason.
   */
  probe(now: IsoInstant): Promise<void>;
  /**
   * Brings data written under an older data model into the current one (on Cosmos: cases partitioned
   * by desk alone move to their `(desk, year)` partitions). Idempotent and resumable: a second run, or
   * one after an interruption, moves what is left. Verifies the counts before it answers, and throws
   * `STORE_UNAVAILABLE` when they do not add up.
   */
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
}

/** What `Store.migrate` did. */
export interface MigrationReport {
  /** Items this run moved into the current model (0 when nothing was left to move). */
  moved: number;
  /** Cases in the store afterwards, counted where the current model keeps them. */
  cases: number;
}
