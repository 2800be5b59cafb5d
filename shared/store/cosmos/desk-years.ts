/**
 * A desk's years: which `(desk, year)` partitions of `cases` exist, and which are still live (hold an
 * open case or a pending outbox message). Queries that span years (the queue, the watcher, the outbox
 * sender) touch only the live years; the children and period queries the years that exist. One small
 * item per desk in `meta` (its own logical partition), ETag-versioned.
 *
 * Writers add a year before they write into it. A year leaves `live` in two steps, so that a writer
 * that read the record just before it changed cannot be missed: (1) a reader that finds the year with
 * nothing live marks it `closing` since now; (2) at least `closingGraceMs` later, a reader that again
 * finds nothing live removes it, on the ETag of the record it read. A writer that sees a year `closing`
 * (or missing) sets it `open` again, which changes the ETag and stops step 2; a writer that saw it `open`
 * before step 1 has committed long before step 2 looks (its read-to-commit time is far below the grace).
 */
import { isFristvaktError } from '../../errors';
import type { DeskId } from '../../ids';
import { withRetry } from './errors';
import { readItem, type CosmosContext } from './io';
import { itemId, type SystemProps } from './model';

export interface DeskYearsItem extends SystemProps {
  id: string;
  pk: string;
  type: 'deskYears';
  deskId: DeskId;
  /** Every year the desk has items in a `(desk, year)` partition, ascending. */
  years: number[];
  /** The live years: `open`, or the instant the year was first seen with nothing live (`closing`). */
  live: Record<string, 'open' | { closingSince: string }>;
}

/** How long a year is `closing` before it may leave `live` (far above a write's read-to-commit time). */
export const DEFAULT_CLOSING_GRACE_MS = 60 * 60_000;

const recordId = (deskId: DeskId) => itemId('years', deskId);

export interface DeskYears {
  /**
   * The desk's years and live years. `maxAgeMs`: a copy read that recently will do (the outbox sender's
   * polls: a year that just became live is then seen at most that much later).
   */
  read(deskId: DeskId, maxAgeMs?: number): Promise<{ years: number[]; live: number[] }>;
  /** Makes sure `year` is listed (and live, when `live`) before a write into its partition. */
  ensure(deskId: DeskId, year: number, live: boolean): Promise<void>;
  /** Called by a reader that found nothing live in `year`: the two-step removal described above. */
  settle(deskId: DeskId, year: number, stillLive: () => Promise<boolean>): Promise<void>;
}

export function deskYears(ctx: CosmosContext, closingGraceMs = DEFAULT_CLOSING_GRACE_MS): DeskYears {
  const { meta } = ctx;
  // What a writer last saw, reused briefly so a busy desk's writes do not each read the record. Reusing
  // it stretches a writer's read-to-commit time by at most `reuseMs`, still far below the grace.
  const seen = new Map<DeskId, { at: number; item: DeskYearsItem }>();
  const reuseMs = Math.min(30_000, closingGraceMs / 4);
  const get = async (deskId: DeskId) => {
    const id = recordId(deskId);
    const item = await readItem<DeskYearsItem>(ctx, meta, id, id, `years of ${deskId}`);
    if (item) seen.set(deskId, { at: Date.now(), item });
    return item;
  };
  /** Writes `next` conditionally on `current` (create when there is none); false when another writer got there first. */
  const put = async (current: DeskYearsItem | null, next: DeskYearsItem): Promise<boolean> => {
    try {
      await withRetry(
        `years of ${next.deskId}`,
        () =>
          current
            ? meta
                .item(next.id, next.pk)
                .replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag! } })
            : meta.items.create(next),
        ctx.retry,
      );
      return true;
    } catch (err) {
      if (isFristvaktError(err, 'CONFLICT') || isFristvaktError(err, 'DUPLICATE')) return false;
      throw err;
    } finally {
      // Changed or not, the copy a reader may reuse is out of date now.
      seen.delete(next.deskId);
    }
  };
  const body = (deskId: DeskId, from: DeskYearsItem | null): DeskYearsItem => ({
    id: recordId(deskId),
    pk: recordId(deskId),
    type: 'deskYears',
    deskId,
    years: [...(from?.years ?? [])],
    live: { ...(from?.live ?? {}) },
  });

  return {
    async read(deskId, maxAgeMs = 0) {
      const recent = seen.get(deskId);
      const item = recent && Date.now() - recent.at < maxAgeMs ? recent.item : await get(deskId);
      return {
        years: item?.years ?? [],
        live: Object.keys(item?.live ?? {})
          .map(Number)
          .sort((a, b) => a - b),
      };
    },
    async ensure(deskId, year, live) {
      const recent = seen.get(deskId);
      const done = (item: DeskYearsItem | null | undefined) =>
        (item?.years.includes(year) ?? false) && (!live || item?.live[String(year)] === 'open');
      if (recent && Date.now() - recent.at < reuseMs && done(recent.item)) return;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        const current = await get(deskId);
        if (done(current)) return;
        const listed = current?.years.includes(year) ?? false;
        const next = body(deskId, current);
        if (!listed) next.years = [...next.years, year].sort((a, b) => a - b);
        if (live) next.live[String(year)] = 'open';
        if (await put(current, next)) return;
      }
      throw new Error(`years of ${deskId}: too many concurrent changes`);
    },
    async settle(deskId, year, stillLive) {
      const current = await get(deskId);
      const state = current?.live[String(year)];
      if (!current || state === undefined || (await stillLive())) return;
      const next = body(deskId, current);
      if (state === 'open') next.live[String(year)] = { closingSince: new Date().toISOString() };
      else if (Date.now() - Date.parse(state.closingSince) >= closingGraceMs) delete next.live[String(year)];
      else return;
      // A concurrent writer changed the record: it stays as that writer left it.
      await put(current, next);
    },
  };
}
