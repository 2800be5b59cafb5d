/**
 * The case store on Cosmos DB. A case, its client-key marker, its summary and the outbox messages it
 * causes share the logical partition of its desk and year (`<desk>|<year>`), so they are written in one
 * transactional batch. Queries that span years name the partitions they touch from the desk's years
 * (`desk-years.ts`): the live ones for the queue and the watcher, the existing ones for the rest.
 * The reporter's and the organisation's views read pointer items in `lookups` (one logical partition
 * per reporter / org), written before the batch and idempotently; a pointer whose case is missing or no
 * longer matches is skipped when read, so a crash between the two writes never shows a wrong case.
 */
import type { JSONObject, OperationInput, SqlParameter } from '@azure/cosmos';
import type { Case } from '../../cases/model';
import { ConflictError, FristvaktError, NotFoundError, ValidationError } from '../../errors';
import { formatCaseRef, refSeriesFor, type RefSeries } from '../../ids';
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
import type { Desk } from '../../desks/model';
import { caseSummary, type CaseSummary } from '../../reports/summary';
import type { ComputedSla, DeskPolicies } from '../../sla/case-sla';
import { warningInstants } from '../warning-instants';
import { assertYear, canSee, decodeToken, dueKey, encodeToken, isOpen, pageLimit } from '../common';
import { translateCosmosError, withRetry } from './errors';
import { createOps, queryAll, readItem, runBatch, type CosmosContext } from './io';
import type { DeskYears } from './desk-years';
import {
  casePk,
  itemId,
  MAX_ITEM_BYTES,
  pointerPk,
  refPk,
  summaryId,
  yearOfRef,
  type CaseItem,
  type ClientKeyItem,
  type PointerItem,
  type SummaryItem,
} from './model';
import { outboxItem } from './outbox';

export function caseItem(c: Case): CaseItem {
  const item: CaseItem = {
    id: c.ref,
    pk: refPk(c.deskId, c.ref),
    type: 'case',
    ref: c.ref,
    open: isOpen(c),
    dueKey: dueKey(c),
    receivedAt: c.receivedAt,
    ...(c.parentRef ? { parentRef: c.parentRef } : {}),
    data: c,
  };
  if (Buffer.byteLength(JSON.stringify(item)) > MAX_ITEM_BYTES)
    throw new ValidationError(
      'events',
      `case ${c.ref} is too large to store (Cosmos DB items are at most 2 MB)`,
    );
  return item;
}

/** The client-key marker's id: a key is matched per reporter (and, by the partition, per desk). */
const clientKeyId = (input: NewCase): string => itemId('ck', `${input.reporter.id}\n${input.clientKey}`);

/** How long a desk's policy read for the summaries is reused (a summary under an older one is refused by the report). */
const POLICY_TTL_MS = 30_000;

export function summaryItem(c: Case, policy: DeskPolicies | undefined, known?: ComputedSla): SummaryItem {
  const data = caseSummary(c, policy, known);
  return {
    id: summaryId(c.ref),
    pk: refPk(c.deskId, c.ref),
    type: 'summary',
    ref: c.ref,
    receivedAt: c.receivedAt,
    warnAt: warningInstants(data, policy),
    data,
  };
}

const fromItem = (item: CaseItem): Versioned<Case> => ({ value: item.data, version: item._etag! });

function pointers(c: Case): PointerItem[] {
  const base = { id: c.ref, ref: c.ref, deskId: c.deskId, receivedAt: c.receivedAt };
  const followers = [...new Set(c.followers.map((f) => f.id))];
  return [
    { ...base, pk: pointerPk.ref(c.ref), type: 'byRef' },
    { ...base, pk: pointerPk.reporter(c.reporter.id), type: 'byReporter' },
    { ...base, pk: pointerPk.org(c.orgId), type: 'byOrg' },
    ...followers.map((f) => ({ ...base, pk: pointerPk.follower(f), type: 'byFollower' as const })),
  ];
}

/** Pointers in `a` whose partition is not among `b`'s. */
const missingFrom = (a: PointerItem[], b: PointerItem[]) => {
  const keep = new Set(b.map((p) => p.pk));
  return a.filter((p) => !keep.has(p.pk));
};

/** The fixed sorts and their keyset filters (`@k`, `@r`) on the items' indexed fields. */
const SORTS = {
  due: {
    order: 'c.dueKey ASC, c.ref ASC',
    after: '(c.dueKey > @k OR (c.dueKey = @k AND c.ref > @r))',
    key: (i: { dueKey: string; ref: string }) => [i.dueKey, i.ref],
  },
  ref: { order: 'c.ref ASC', after: 'c.ref > @r', key: (i: { ref: string }) => ['', i.ref] },
  newest: {
    order: 'c.receivedAt DESC, c.ref DESC',
    after: '(c.receivedAt < @k OR (c.receivedAt = @k AND c.ref < @r))',
    key: (i: { receivedAt: string; ref: string }) => [i.receivedAt, i.ref],
  },
} as const;

/** The years a period's cases can carry: a case's reference year is the (Oslo) year of its receipt. */
export function periodYears(years: number[], from: IsoInstant, to: IsoInstant): number[] {
  const first = new Date(from).getUTCFullYear() - 1;
  const last = new Date(to).getUTCFullYear() + 1;
  return years.filter((y) => y >= first && y <= last);
}

/** Whether a case write leaves its partition live: an open case, or pending outbox messages with it. */
const leavesLive = (c: Case, messages: number) => isOpen(c) || messages > 0;

export function cosmosCaseStore(ctx: CosmosContext, years: DeskYears): CaseStore {
  const { cases, lookups, meta } = ctx;
  const policies = new Map<string, { at: number; policy: DeskPolicies | undefined }>();

  /** The desk's policy versions for the summaries, read from `meta` at most every `POLICY_TTL_MS`. */
  async function policyOf(deskId: DeskId): Promise<DeskPolicies | undefined> {
    const known = policies.get(deskId);
    if (known && Date.now() - known.at < POLICY_TTL_MS) return known.policy;
    const item = await readItem<{ id: string; data: Desk }>(ctx, meta, deskId, 'desk', `desk ${deskId}`);
    const policy = item?.data;
    policies.set(deskId, { at: Date.now(), policy });
    return policy;
  }

  /** The next number of `year`: an atomic increment of the year's counter item (gaps possible, never reuse). */
  async function nextSeq(year: number, series: RefSeries = 'FV'): Promise<number> {
    // FV keeps the counter it always had; every other series has its own.
    const id = series === 'FV' ? `refs|${year}` : `refs|${series}|${year}`;
    const incr = () =>
      withRetry(
        'reference counter',
        async () => {
          const res = await meta
            .item(id, id)
            .patch<{ seq: number }>([{ op: 'incr', path: '/seq', value: 1 }]);
          const seq = res.resource?.seq;
          if (typeof seq !== 'number')
            throw new FristvaktError('STORE_UNAVAILABLE', 'reference counter: no value');
          return seq;
        },
        ctx.retry,
      );
    try {
      return await incr();
    } catch (err) {
      if (!(err instanceof FristvaktError && err.details.statusCode === 404)) throw err;
    }
    // First case of the year: create the counter (a racing creator wins; both then increment).
    await withRetry(
      'reference counter',
      async () => {
        try {
          await meta.items.create({ id, pk: id, seq: 0 });
        } catch (err) {
          if ((err as { code?: unknown }).code !== 409) throw err;
        }
      },
      ctx.retry,
    );
    return incr();
  }

  async function writePointers(items: PointerItem[]): Promise<void> {
    await Promise.all(items.map((p) => withRetry('case lookup', () => lookups.items.upsert(p), ctx.retry)));
  }

  async function deletePointers(items: PointerItem[]): Promise<void> {
    await Promise.all(
      items.map(async (p) => {
        try {
          await lookups.item(p.id, p.pk).delete();
        } catch {
          // Best effort: a pointer left behind is skipped when read (its case is missing or moved on).
        }
      }),
    );
  }

  async function readCase(ref: CaseRef, deskId: DeskId): Promise<Versioned<Case> | null> {
    if (yearOfRef(ref) === null) return null;
    const item = await readItem<CaseItem>(ctx, cases, ref, refPk(deskId, ref), `case ${ref}`);
    return item && item.type === 'case' ? fromItem(item) : null;
  }

  async function existingByClientKey(input: NewCase, year: number): Promise<Versioned<Case> | null> {
    const pk = casePk(input.deskId, year);
    const marker = await readItem<ClientKeyItem>(ctx, cases, clientKeyId(input), pk, 'client key');
    if (!marker) return null;
    const found = await readCase(marker.ref, input.deskId);
    if (!found)
      throw new FristvaktError('STORE_UNAVAILABLE', `client key points at missing case ${marker.ref}`);
    return found;
  }

  /**
   * A page of a desk's cases across the year partitions `inYears`: the same keyset query in each, the
   * results merged by the sort key. `emptyYears` are the partitions that had no match at all.
   */
  async function listCases(
    kind: string,
    deskId: DeskId,
    inYears: number[],
    where: string,
    params: SqlParameter[],
    sort: 'due' | 'ref',
    page: PageRequest | undefined,
  ): Promise<Page<Case> & { emptyYears: number[] }> {
    const limit = pageLimit(page);
    const after = decodeToken(kind, page?.continuationToken, 2);
    const s = SORTS[sort];
    const touched = inYears;
    const perYear = await Promise.all(
      touched.map((year) =>
        queryAll<CaseItem>(
          ctx,
          cases,
          casePk(deskId, year),
          `SELECT TOP ${limit + 1} * FROM c WHERE c.pk = @pk AND c.type = 'case' AND ${where}` +
            (after ? ` AND ${s.after}` : '') +
            ` ORDER BY ${s.order}`,
          [
            ...params,
            ...(after
              ? [
                  { name: '@k', value: after[0]! },
                  { name: '@r', value: after[1]! },
                ]
              : []),
          ],
          kind,
        ),
      ),
    );
    const key = (i: CaseItem) => s.key(i).join('\u0000');
    const items = perYear
      .flat()
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
      .slice(0, limit + 1);
    const pageItems = items.slice(0, limit);
    const last = pageItems[pageItems.length - 1];
    return {
      items: pageItems.map((i) => i.data),
      ...(items.length > limit && last ? { continuationToken: encodeToken(kind, s.key(last)) } : {}),
      emptyYears: touched.filter((_, i) => perYear[i]!.length === 0),
    };
  }

  /** Whether a year partition still holds an open case or a pending outbox message. */
  async function yearIsLive(deskId: DeskId, year: number): Promise<boolean> {
    const found = await queryAll<{ id: string }>(
      ctx,
      cases,
      casePk(deskId, year),
      `SELECT TOP 1 c.id FROM c WHERE c.pk = @pk AND ((c.type = 'case' AND c.open = true)
         OR (c.type = 'outbox' AND c.status = 'pending'))`,
      [],
      'live year',
    );
    return found.length > 0;
  }

  /** A page over the desk's live years; the queue's first page lets years with nothing open leave them. */
  async function listLive(
    kind: string,
    deskId: DeskId,
    where: string,
    params: SqlParameter[],
    page: PageRequest | undefined,
  ): Promise<Page<Case>> {
    const { live } = await years.read(deskId);
    const { emptyYears, ...result } = await listCases(kind, deskId, live, where, params, 'due', page);
    if (kind === 'queue' && page?.continuationToken === undefined)
      for (const year of emptyYears) await years.settle(deskId, year, () => yearIsLive(deskId, year));
    return result;
  }

  /** A reporter's, a follower's or an organisation's view: a page of pointers, then the cases, checked against the view. */
  async function listByPointer(
    kind: string,
    pk: string,
    matches: (c: Case) => boolean,
    page: PageRequest | undefined,
  ): Promise<Page<Case>> {
    const limit = pageLimit(page);
    const after = decodeToken(kind, page?.continuationToken, 2);
    const s = SORTS.newest;
    const found = await queryAll<PointerItem>(
      ctx,
      lookups,
      pk,
      `SELECT TOP ${limit + 1} * FROM c WHERE c.pk = @pk` +
        (after ? ` AND ${s.after}` : '') +
        ` ORDER BY ${s.order}`,
      after
        ? [
            { name: '@k', value: after[0]! },
            { name: '@r', value: after[1]! },
          ]
        : [],
      kind,
    );
    const ptrs = found.slice(0, limit);
    const read = await Promise.all(ptrs.map((p) => readCase(p.ref, p.deskId)));
    const last = ptrs[ptrs.length - 1];
    return {
      items: read.filter((c): c is Versioned<Case> => c !== null && matches(c.value)).map((c) => c.value),
      ...(found.length > limit && last ? { continuationToken: encodeToken(kind, s.key(last)) } : {}),
    };
  }

  async function locate(ref: CaseRef): Promise<DeskId | null> {
    const p = await readItem<PointerItem>(ctx, lookups, ref, pointerPk.ref(ref), `case ${ref}`);
    return p ? p.deskId : null;
  }

  return {
    async create(
      input: NewCase,
      year: number,
      outbox: (c: Case) => OutboxMessage[],
      known?: ComputedSla,
    ): Promise<CreateCaseResult> {
      assertYear(year);
      const earlier = await existingByClientKey(input, year);
      if (earlier) return { case: earlier, created: false };
      const pk = casePk(input.deskId, year);

      const series = refSeriesFor(input.kind);
      const stored: Case = { ...input, ref: formatCaseRef(year, await nextSeq(year, series), series) };
      const item = caseItem(stored);
      const marker: ClientKeyItem = {
        id: clientKeyId(input),
        pk,
        type: 'clientKey',
        ref: stored.ref,
      };
      const messages = outbox(stored).map((m) => outboxItem(m, pk));
      const summary = summaryItem(stored, await policyOf(input.deskId), known);
      const ptrs = pointers(stored);
      // Pointers first: a crash after this leaves pointers to a missing case, which readers skip.
      await writePointers(ptrs);
      await years.ensure(input.deskId, year, leavesLive(stored, messages.length));
      const outcome = await runBatch(
        ctx,
        cases,
        pk,
        createOps([marker, item, summary, ...messages]),
        'create case',
      );
      if (outcome.ok)
        return { case: { value: stored, version: outcome.results[1]!.eTag ?? '' }, created: true };

      if (outcome.failed!.index === 0 && outcome.failed!.status === 409) {
        const winner = await existingByClientKey(input, year);
        // Our own batch, committed by an attempt whose answer was lost and then retried: keep its pointers.
        if (winner && winner.value.ref === stored.ref) return { case: winner, created: true };
        // A replay raced us and won: its case is the one. The number we drew stays unused (a gap).
        await deletePointers(ptrs);
        if (winner) return { case: winner, created: false };
      } else await deletePointers(ptrs);
      if (outcome.failed!.status === 409 && outcome.failed!.index >= 3)
        throw new FristvaktError('DUPLICATE', 'an outbox message with this id already exists', {
          statusCode: 409,
        });
      throw translateCosmosError({ code: outcome.failed!.status }, 'create case');
    },

    async update(
      next: Case,
      expectedVersion: string,
      outbox: OutboxMessage[] = [],
      known?: ComputedSla,
    ): Promise<Versioned<Case>> {
      const pk = refPk(next.deskId, next.ref);
      const current = await readItem<CaseItem>(ctx, cases, next.ref, pk, `case ${next.ref}`);
      if (!current || current.type !== 'case') {
        const desk = await locate(next.ref);
        if (desk && desk !== next.deskId && (await readCase(next.ref, desk)))
          throw new ValidationError('deskId', 'a case cannot move to another desk by update');
        throw new NotFoundError(`case ${next.ref} does not exist`);
      }
      if (current._etag !== expectedVersion)
        throw new ConflictError(`case ${next.ref} changed since it was read`, {
          ref: next.ref,
          expectedVersion,
        });
      if (current.data.clientKey !== next.clientKey)
        throw new ValidationError('clientKey', 'the client key of a case never changes');

      const before = pointers(current.data);
      const after = pointers(next);
      const added = missingFrom(after, before);
      const removed = missingFrom(before, after);
      if (added.length > 0) await writePointers(added);

      const summary = summaryItem(next, await policyOf(next.deskId), known);
      const opsWith = (summaryOp: 'Replace' | 'Create'): OperationInput[] => [
        {
          operationType: 'Replace',
          id: next.ref,
          ifMatch: expectedVersion,
          resourceBody: caseItem(next) as unknown as JSONObject,
        },
        summaryOp === 'Replace'
          ? { operationType: 'Replace', id: summary.id, resourceBody: summary as unknown as JSONObject }
          : { operationType: 'Create', resourceBody: summary as unknown as JSONObject },
        ...createOps(outbox.map((m) => outboxItem(m, pk))),
      ];
      await years.ensure(next.deskId, yearOfRef(next.ref)!, leavesLive(next, outbox.length));
      let outcome = await runBatch(ctx, cases, pk, opsWith('Replace'), `update case ${next.ref}`);
      // A case stored before summaries were kept (not yet backfilled) has none to replace: create it.
      if (!outcome.ok && outcome.failed!.index === 1 && outcome.failed!.status === 404)
        outcome = await runBatch(ctx, cases, pk, opsWith('Create'), `update case ${next.ref}`);
      if (!outcome.ok) {
        const { index, status } = outcome.failed!;
        if (index === 0 && status === 412) {
          // Our own batch, committed by an attempt whose answer was lost and then retried?
          const now = await readItem<CaseItem>(ctx, cases, next.ref, pk, `case ${next.ref}`);
          if (now && now._etag && JSON.stringify(now.data) === JSON.stringify(next)) {
            if (removed.length > 0) await deletePointers(removed);
            return { value: next, version: now._etag };
          }
        }
        if (index === 0 && (status === 412 || status === 404))
          throw new ConflictError(`case ${next.ref} changed since it was read`, {
            ref: next.ref,
            expectedVersion,
          });
        if (status === 409)
          throw new FristvaktError('DUPLICATE', 'an outbox message with this id already exists', {
            statusCode: 409,
          });
        throw translateCosmosError({ code: status }, `update case ${next.ref}`);
      }
      if (removed.length > 0) await deletePointers(removed);
      return { value: next, version: outcome.results[0]!.eTag ?? '' };
    },

    async getVisible(ref: CaseRef, access: CaseAccess) {
      const desk = await locate(ref);
      const found = desk ? await readCase(ref, desk) : null;
      return found && canSee(found.value, access) ? found : null;
    },
    getForDesk: readCase,
    locate,

    listByReporter(reporterId: UserId, page?: PageRequest) {
      return listByPointer(
        'reporter',
        pointerPk.reporter(reporterId),
        (c) => c.reporter.id === reporterId,
        page,
      );
    },
    listByFollower(followerId: UserId, page?: PageRequest) {
      return listByPointer(
        'follower',
        pointerPk.follower(followerId),
        (c) => c.followers.some((f) => f.id === followerId),
        page,
      );
    },
    listByOrg(orgId: OrgId, page?: PageRequest) {
      return listByPointer('org', pointerPk.org(orgId), (c) => c.orgId === orgId, page);
    },
    listDeskQueue(deskId: DeskId, page?: PageRequest) {
      return listLive('queue', deskId, 'c.open = true', [], page);
    },
    async listChildren(parentRef: CaseRef, deskId: DeskId, page?: PageRequest) {
      // Undersaker can be of any year the desk has (a hovedsak is often chosen among earlier cases).
      const { emptyYears: _, ...result } = await listCases(
        'children',
        deskId,
        (await years.read(deskId)).years,
        'c.parentRef = @parent',
        [{ name: '@parent', value: parentRef }],
        'ref',
        page,
      );
      return result;
    },
    listDueBefore(deskId: DeskId, until: IsoInstant, page?: PageRequest) {
      return listLive(
        'due',
        deskId,
        'c.open = true AND c.dueKey <= @until',
        [{ name: '@until', value: until }],
        page,
      );
    },
    async listWarningsDue(deskId: DeskId, after: IsoInstant | null, until: IsoInstant, page?: PageRequest) {
      // The summary items carry the instants (`warnAt`); one with two instants in the window comes twice
      // from the JOIN, so the window is read by reference and de-duplicated, in each live year.
      const limit = pageLimit(page);
      const start = decodeToken('warn', page?.continuationToken, 1)?.[0] ?? '';
      const inYear = async (year: number): Promise<SummaryItem[]> => {
        let cursor = start;
        const found: SummaryItem[] = [];
        for (;;) {
          const rows = await queryAll<SummaryItem>(
            ctx,
            cases,
            casePk(deskId, year),
            `SELECT TOP ${limit + 1} VALUE c FROM c JOIN w IN c.warnAt
             WHERE c.pk = @pk AND c.type = 'summary' AND w > @after AND w <= @until AND c.ref > @r
             ORDER BY c.ref ASC`,
            [
              { name: '@after', value: after ?? '' },
              { name: '@until', value: until },
              { name: '@r', value: cursor },
            ],
            'warning window',
          );
          for (const r of rows) if (found[found.length - 1]?.ref !== r.ref) found.push(r);
          const last = rows[rows.length - 1];
          if (rows.length <= limit || found.length > limit || !last) return found;
          cursor = last.ref;
        }
      };
      const found = (await Promise.all((await years.read(deskId)).live.map(inYear)))
        .flat()
        .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
      const items = found.slice(0, limit);
      const lastRef = items[items.length - 1]?.ref;
      return {
        items: items.map((i) => i.data),
        ...(found.length > limit && lastRef ? { continuationToken: encodeToken('warn', [lastRef]) } : {}),
      };
    },
    async *streamPeriod(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<Case> {
      for await (const i of streamItems<CaseItem>(ctx, years, 'case', deskIds, from, to)) yield i.data;
    },
    async *streamSummaries(deskIds: DeskId[], from: IsoInstant, to: IsoInstant): AsyncIterable<CaseSummary> {
      for await (const i of streamItems<SummaryItem>(ctx, years, 'summary', deskIds, from, to)) yield i.data;
    },
  };
}

/**
 * Items of one type received in [from, to), desk by desk and year by year (the years the period can
 * carry), each partition by receipt then reference, in pages.
 */
async function* streamItems<T extends { receivedAt: string; ref: string }>(
  ctx: CosmosContext,
  years: DeskYears,
  type: 'case' | 'summary',
  deskIds: DeskId[],
  from: IsoInstant,
  to: IsoInstant,
): AsyncIterable<T> {
  for (const desk of [...new Set(deskIds)])
    for (const year of periodYears((await years.read(desk)).years, from, to))
      yield* streamPartition<T>(ctx, casePk(desk, year), type, from, to);
}

async function* streamPartition<T extends { receivedAt: string; ref: string }>(
  ctx: CosmosContext,
  pk: string,
  type: 'case' | 'summary',
  from: IsoInstant,
  to: IsoInstant,
): AsyncIterable<T> {
  let after: string[] = ['', ''];
  for (;;) {
    const items = await queryAll<T>(
      ctx,
      ctx.cases,
      pk,
      `SELECT TOP ${ctx.streamPageSize} * FROM c WHERE c.pk = @pk AND c.type = @type
           AND c.receivedAt >= @from AND c.receivedAt < @to
           AND (c.receivedAt > @k OR (c.receivedAt = @k AND c.ref > @r))
         ORDER BY c.receivedAt ASC, c.ref ASC`,
      [
        { name: '@type', value: type },
        { name: '@from', value: from },
        { name: '@to', value: to },
        { name: '@k', value: after[0]! },
        { name: '@r', value: after[1]! },
      ],
      type === 'case' ? 'period stream' : 'summary stream',
    );
    yield* items;
    const last = items[items.length - 1];
    if (items.length < ctx.streamPageSize || !last) break;
    after = [last.receivedAt, last.ref];
  }
}

/**
 * Writes the summary of every case that has none (cases stored before summaries were kept), once per
 * database: the `summaries` record in `meta` says it was done. A summary already there is kept (Create,
 * 409 ignored), so a racing case write, which writes its own, always wins.
 */
export async function backfillSummaries(
  ctx: CosmosContext,
  years: DeskYears,
  deskIds: DeskId[],
): Promise<number> {
  const done = await readItem(ctx, ctx.meta, 'summaries', 'summaries', 'summaries record');
  if (done) return 0;
  let n = 0;
  for (const desk of deskIds) {
    const item = await readItem<{ id: string; data: Desk }>(ctx, ctx.meta, desk, 'desk', `desk ${desk}`);
    const policy = item?.data;
    for await (const c of streamItems<CaseItem>(
      ctx,
      years,
      'case',
      [desk],
      '0000' as IsoInstant,
      '9999' as IsoInstant,
    )) {
      await withRetry(
        'summary backfill',
        async () => {
          try {
            await ctx.cases.items.create(summaryItem(c.data, policy));
            n += 1;
          } catch (err) {
            if ((err as { code?: unknown }).code !== 409) throw err;
          }
        },
        ctx.retry,
      );
    }
  }
  await withRetry(
    'summaries record',
    async () => {
      try {
        await ctx.meta.items.create({ id: 'summaries', pk: 'summaries', at: new Date().toISOString() });
      } catch (err) {
        if ((err as { code?: unknown }).code !== 409) throw err;
      }
    },
    ctx.retry,
  );
  return n;
}
