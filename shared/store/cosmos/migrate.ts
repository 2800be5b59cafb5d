/**
 * The partition migration: cases used to be partitioned by desk alone (`pk` = desk id); now a case, its
 * client-key marker, its summary and its outbox messages live in the `(desk, year)` partition of its
 * reference (`model.ts`). This moves every such item from the desk's partition to its year's, desk by
 * desk, a page at a time: create the copy (409: an earlier, interrupted run made it), then delete the
 * original. So it is idempotent and resumable, and it checks its counts before it answers. The desk's
 * own partition keeps its notices and the outbox messages not about one case. The `migration|partitions`
 * record in `meta` says it is done (a new database gets it at once).
 */
import { FristvaktError, isFristvaktError } from '../../errors';
import type { DeskId } from '../../ids';
import type { MigrationReport } from '../../ports';
import type { DeskYears } from './desk-years';
import { withRetry } from './errors';
import { queryAll, readItem, type CosmosContext } from './io';
import { casePk, outboxPk, yearOfRef, type SystemProps } from './model';

const RECORD = 'migration|partitions';
const PAGE = 100;
const MOVED_TYPES = ['case', 'summary', 'clientKey'] as const;
type Counted = (typeof MOVED_TYPES)[number] | 'outbox';

interface LegacyItem extends SystemProps {
  id: string;
  pk: string;
  type: Counted;
  ref?: string;
  msgId?: string;
  open?: boolean;
  status?: string;
  _attachments?: string;
}

export async function partitionsMigrated(ctx: CosmosContext): Promise<boolean> {
  return (await readItem(ctx, ctx.meta, RECORD, RECORD, 'migration record')) !== null;
}

export async function markPartitionsMigrated(ctx: CosmosContext, moved = 0): Promise<void> {
  await withRetry(
    'migration record',
    () => ctx.meta.items.upsert({ id: RECORD, pk: RECORD, doneAt: new Date().toISOString(), moved }),
    ctx.retry,
  );
}

/** Where an item of the old model belongs now; null when it stays in the desk's own partition. */
function target(item: LegacyItem, deskId: DeskId): { pk: string; year: number } | null {
  if (item.type === 'outbox') {
    const pk = outboxPk(item.msgId ?? '', deskId);
    return pk === deskId ? null : { pk, year: yearOfRef(item.msgId!)! };
  }
  const year = yearOfRef(item.ref ?? '');
  if (year === null)
    throw new FristvaktError('STORE_UNAVAILABLE', `migration: ${item.type} ${item.id} has no reference`);
  return { pk: casePk(deskId, year), year };
}

function copyOf(item: LegacyItem, pk: string): Record<string, unknown> {
  const { _etag, _ts, _rid, _self, _attachments, ...body } = item;
  return { ...body, pk };
}

export async function migratePartitions(
  ctx: CosmosContext,
  years: DeskYears,
  deskIds: () => Promise<DeskId[]>,
): Promise<MigrationReport> {
  let moved = 0;
  let cases = 0;
  for (const desk of await deskIds()) {
    const result = await migrateDesk(ctx, years, desk);
    moved += result.moved;
    cases += result.cases;
  }
  await markPartitionsMigrated(ctx, moved);
  return { moved, cases };
}

async function countIn(ctx: CosmosContext, pk: string, type: Counted): Promise<number> {
  const [n] = await queryAll<number>(
    ctx,
    ctx.cases,
    pk,
    'SELECT VALUE COUNT(1) FROM c WHERE c.pk = @pk AND c.type = @type',
    [{ name: '@type', value: type }],
    'migration count',
  );
  return n ?? 0;
}

/** Counts of each moved type over the desk's year partitions. */
async function countNew(ctx: CosmosContext, years: DeskYears, desk: DeskId): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const type of MOVED_TYPES) {
    counts[type] = 0;
    for (const year of (await years.read(desk)).years)
      counts[type] += await countIn(ctx, casePk(desk, year), type);
  }
  return counts;
}

async function migrateDesk(
  ctx: CosmosContext,
  years: DeskYears,
  desk: DeskId,
): Promise<{ moved: number; cases: number }> {
  // Every year partition with items is listed in the desk's years (writers list it first), so these
  // counts see everything already moved.
  const newBefore = await countNew(ctx, years, desk);
  const oldBefore: Record<string, number> = {};
  for (const type of MOVED_TYPES) oldBefore[type] = await countIn(ctx, desk, type);
  const created: Record<string, number> = {};
  const already: Record<string, number> = {};

  const move = async (items: LegacyItem[]) => {
    const placed = items.map((item) => ({ item, to: target(item, desk) }));
    // List the years first, one write per new year, so nothing lands in an unlisted partition.
    const live = new Map<number, boolean>();
    for (const { item, to } of placed)
      if (to)
        live.set(
          to.year,
          (live.get(to.year) ?? false) ||
            (item.type === 'case' && item.open === true) ||
            (item.type === 'outbox' && item.status === 'pending'),
        );
    for (const [year, isLive] of live) await years.ensure(desk, year, isLive);
    await Promise.all(
      placed.map(async ({ item, to }) => {
        if (!to) return;
        try {
          await withRetry(`migrate ${item.id}`, () => ctx.cases.items.create(copyOf(item, to.pk)), ctx.retry);
          created[item.type] = (created[item.type] ?? 0) + 1;
        } catch (err) {
          if (!isFristvaktError(err, 'DUPLICATE')) throw err;
          already[item.type] = (already[item.type] ?? 0) + 1;
        }
        try {
          await withRetry(`migrate ${item.id}`, () => ctx.cases.item(item.id, desk).delete(), ctx.retry);
        } catch (err) {
          if (!(isFristvaktError(err, 'STORE_UNAVAILABLE') && err.details.statusCode === 404)) throw err;
        }
      }),
    );
  };

  // Cases, markers and summaries: each page is moved out, so the next page is the next TOP n.
  for (;;) {
    const page = await queryAll<LegacyItem>(
      ctx,
      ctx.cases,
      desk,
      `SELECT TOP ${PAGE} * FROM c WHERE c.pk = @pk AND c.type IN ('case', 'summary', 'clientKey')`,
      [],
      'migration page',
    );
    if (page.length === 0) break;
    await move(page);
  }
  // Outbox messages about one case: read by message id, as those of notices stay.
  let after = '';
  for (;;) {
    const page = await queryAll<LegacyItem>(
      ctx,
      ctx.cases,
      desk,
      `SELECT TOP ${PAGE} * FROM c WHERE c.pk = @pk AND c.type = 'outbox' AND c.msgId > @after
       ORDER BY c.msgId ASC`,
      [{ name: '@after', value: after }],
      'migration page',
    );
    if (page.length === 0) break;
    await move(page);
    after = page[page.length - 1]!.msgId ?? '';
  }

  const newAfter = await countNew(ctx, years, desk);
  for (const type of MOVED_TYPES) {
    const left = await countIn(ctx, desk, type);
    const made = created[type] ?? 0;
    if (
      left !== 0 ||
      made + (already[type] ?? 0) !== oldBefore[type] ||
      newAfter[type] !== newBefore[type]! + made
    )
      throw new FristvaktError(
        'STORE_UNAVAILABLE',
        `migration of desk ${desk}: ${type} counts do not add up (before: ${oldBefore[type]} old, ${newBefore[type]} new; ` +
          `moved ${made}, already there ${already[type] ?? 0}; after: ${left} old, ${newAfter[type]} new). ` +
          'Was the app writing meanwhile? Stop it and run the migration again.',
        { desk, type },
      );
  }
  const moved = Object.values(created).reduce((a, b) => a + b, 0);
  return { moved, cases: newAfter.case! };
}
