/**
 * The outbox on Cosmos DB: items in `cases`, beside the changes that caused them: a case's messages in
 * the case's `(desk, year)` partition, the others in the desk's own (`outboxPk`).
 */
import { NotFoundError, isFristvaktError } from '../../errors';
import type { DeskId, IsoInstant } from '../../ids';
import type { OutboxEntry, OutboxMessage, OutboxStore } from '../../ports';
import { DELIVERED_KEPT_MS, pendingEntry } from '../common';
import { ConflictError } from '../../errors';
import { withRetry } from './errors';
import type { DeskYears } from './desk-years';
import { queryAll, readItem, type CosmosContext } from './io';
import { casePk, itemId, outboxPk, yearOfRef, type OutboxItem } from './model';

/** Delivered messages expire (`DELIVERED_KEPT_MS`; not enforced by the emulator). */
const DELIVERED_TTL_SECONDS = DELIVERED_KEPT_MS / 1000;

/** How old a desk's live years may be when the sender polls (it polls every second or so). */
const LIVE_YEARS_REUSE_MS = 10_000;

export const outboxItemId = (id: string) => itemId('outbox', id);

/** The item of a new message, in partition `pk` (by default where its id says: `outboxPk`). */
export function outboxItem(m: OutboxMessage, pk = outboxPk(m.id, m.deskId)): OutboxItem {
  const entry = pendingEntry(m);
  return {
    id: outboxItemId(m.id),
    pk,
    type: 'outbox',
    msgId: m.id,
    status: entry.status,
    nextAttemptAt: entry.nextAttemptAt,
    ...(m.threadKey ? { threadKey: m.threadKey } : {}),
    data: entry,
  };
}

export function cosmosOutboxStore(
  ctx: CosmosContext,
  years: DeskYears,
  deskIds: () => Promise<DeskId[]>,
): OutboxStore {
  const { cases } = ctx;
  /** Where its id says; else (a message written in a case's batch under another id) a live year of the desk. */
  async function read(id: string, deskId: DeskId): Promise<OutboxItem | null> {
    const home = outboxPk(id, deskId);
    const found = await readItem<OutboxItem>(ctx, cases, outboxItemId(id), home, `outbox ${id}`);
    if (found) return found;
    for (const year of (await years.read(deskId)).live) {
      const pk = casePk(deskId, year);
      if (pk === home) continue;
      const item = await readItem<OutboxItem>(ctx, cases, outboxItemId(id), pk, `outbox ${id}`);
      if (item) return item;
    }
    return null;
  }

  /** Read, change, replace on the ETag; a concurrent change makes it read again. */
  async function change(id: string, deskId: DeskId, fn: (e: OutboxEntry) => OutboxEntry): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const item = await read(id, deskId);
      if (!item) throw new NotFoundError(`outbox message ${id} does not exist`);
      const data = fn(item.data);
      const next: OutboxItem = {
        id: item.id,
        pk: item.pk,
        type: 'outbox',
        msgId: item.msgId,
        status: data.status,
        nextAttemptAt: data.nextAttemptAt,
        ...(item.threadKey ? { threadKey: item.threadKey } : {}),
        data,
        ...(data.status === 'delivered' ? { ttl: DELIVERED_TTL_SECONDS } : {}),
      };
      try {
        await withRetry(
          `outbox ${id}`,
          () =>
            cases
              .item(item.id, item.pk)
              .replace(next, { accessCondition: { type: 'IfMatch', condition: item._etag! } }),
          ctx.retry,
        );
        return;
      } catch (err) {
        if (!(err instanceof ConflictError)) throw err;
      }
    }
    throw new ConflictError(`outbox message ${id} keeps changing`);
  }

  return {
    async enqueue(messages) {
      const added: string[] = [];
      for (const m of messages) {
        const year = yearOfRef(m.id);
        if (year !== null) await years.ensure(m.deskId, year, true);
        try {
          await withRetry(`outbox ${m.id}`, () => cases.items.create(outboxItem(m)), ctx.retry);
          added.push(m.id);
        } catch (err) {
          if (!isFristvaktError(err, 'DUPLICATE')) throw err;
        }
      }
      return added;
    },
    async listDue(now: IsoInstant, limit: number) {
      // One single-partition query per desk and per live year of it, merged: never a fan-out.
      const partitions = await Promise.all(
        (await deskIds()).map(async (desk) => [
          desk as string,
          ...(await years.read(desk, LIVE_YEARS_REUSE_MS)).live.map((y) => casePk(desk, y)),
        ]),
      );
      const perDesk = await Promise.all(
        partitions.flat().map((pk) =>
          queryAll<OutboxItem>(
            ctx,
            cases,
            pk,
            `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.pk = @pk AND c.type = 'outbox'
               AND c.status = 'pending' AND c.nextAttemptAt <= @now
             ORDER BY c.nextAttemptAt ASC, c.msgId ASC`,
            [{ name: '@now', value: now }],
            'outbox due',
          ),
        ),
      );
      const key = (i: OutboxItem) => `${i.nextAttemptAt}\u0000${i.msgId}`;
      return perDesk
        .flat()
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
        .slice(0, limit)
        .map((i) => i.data);
    },
    async pendingInThread(of, now, limit) {
      if (!of.threadKey) return [];
      // One single-partition query: a case's messages live in its partition, the others in the desk's.
      const items = await queryAll<OutboxItem>(
        ctx,
        cases,
        outboxPk(of.id, of.deskId),
        `SELECT TOP ${Math.max(1, Math.floor(limit))} * FROM c WHERE c.pk = @pk AND c.type = 'outbox'
           AND c.threadKey = @thread AND c.status = 'pending' AND c.nextAttemptAt <= @now
         ORDER BY c.nextAttemptAt ASC, c.msgId ASC`,
        [
          { name: '@thread', value: of.threadKey },
          { name: '@now', value: now },
        ],
        'outbox thread',
      );
      return items.map((i) => i.data);
    },
    markDelivered(id, deskId, at) {
      return change(id, deskId, (e) => ({ ...e, status: 'delivered', deliveredAt: at }));
    },
    markFailed(id, deskId, error, nextAttemptAt) {
      return change(id, deskId, (e) => ({ ...e, attempts: e.attempts + 1, lastError: error, nextAttemptAt }));
    },
    park(id, deskId, error) {
      return change(id, deskId, (e) => ({
        ...e,
        status: 'parked',
        attempts: e.attempts + 1,
        lastError: error,
      }));
    },
    async get(id, deskId) {
      return (await read(id, deskId))?.data ?? null;
    },
  };
}
