/** The outbox on Cosmos DB: items in the desk's partition of `cases`, beside the changes that caused them. */
import { NotFoundError, isFristvaktError } from '../../errors';
import type { DeskId, IsoInstant } from '../../ids';
import type { OutboxEntry, OutboxMessage, OutboxStore } from '../../ports';
import { pendingEntry } from '../common';
import { ConflictError } from '../../errors';
import { withRetry } from './errors';
import { queryAll, readItem, type CosmosContext } from './io';
import { itemId, type OutboxItem } from './model';

/** Delivered messages expire after a week (not enforced by the emulator). */
const DELIVERED_TTL_SECONDS = 7 * 24 * 3600;

export const outboxItemId = (id: string) => itemId('outbox', id);

export function outboxItem(m: OutboxMessage): OutboxItem {
  const entry = pendingEntry(m);
  return {
    id: outboxItemId(m.id),
    pk: m.deskId,
    type: 'outbox',
    msgId: m.id,
    status: entry.status,
    nextAttemptAt: entry.nextAttemptAt,
    data: entry,
  };
}

export function cosmosOutboxStore(ctx: CosmosContext, deskIds: () => Promise<DeskId[]>): OutboxStore {
  const { cases } = ctx;
  const read = (id: string, deskId: DeskId) =>
    readItem<OutboxItem>(ctx, cases, outboxItemId(id), deskId, `outbox ${id}`);

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
        data,
        ...(data.status === 'delivered' ? { ttl: DELIVERED_TTL_SECONDS } : {}),
      };
      try {
        await withRetry(
          `outbox ${id}`,
          () =>
            cases
              .item(item.id, deskId)
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
      // One single-partition query per desk, merged: the outbox never fans out across partitions.
      const perDesk = await Promise.all(
        (await deskIds()).map((desk) =>
          queryAll<OutboxItem>(
            ctx,
            cases,
            desk,
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
