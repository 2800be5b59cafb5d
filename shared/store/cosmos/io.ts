/** Cosmos I/O helpers shared by the stores: point reads, bounded single-partition queries, batches. */
import type {
  Container,
  ItemDefinition,
  JSONObject,
  OperationInput,
  OperationResponse,
  SqlParameter,
} from '@azure/cosmos';
import { ValidationError } from '../../errors';
import {
  statusOf,
  TRANSIENT_STATUS,
  TransientStatus,
  translateCosmosError,
  withRetry,
  type RetryPolicy,
} from './errors';

export interface Containers {
  cases: Container;
  lookups: Container;
  meta: Container;
}

export interface CosmosContext extends Containers {
  retry: RetryPolicy;
  streamPageSize: number;
}

const BATCH_LIMIT = 100;

/** Reads one item; null on 404. */
export async function readItem<T extends ItemDefinition>(
  ctx: CosmosContext,
  container: Container,
  id: string,
  pk: string,
  what: string,
) {
  return withRetry(
    what,
    async () => {
      const res = await container.item(id, pk).read<T>();
      return res.statusCode === 404 || res.resource === undefined ? null : res.resource;
    },
    ctx.retry,
  );
}

/** Runs a single-partition query to its end (callers bound it with TOP). */
export async function queryAll<T>(
  ctx: CosmosContext,
  container: Container,
  pk: string,
  query: string,
  parameters: SqlParameter[],
  what: string,
): Promise<T[]> {
  return withRetry(
    what,
    async () =>
      (
        await container.items
          .query<T>({ query, parameters: [{ name: '@pk', value: pk }, ...parameters] }, { partitionKey: pk })
          .fetchAll()
      ).resources,
    ctx.retry,
  );
}

export interface BatchOutcome {
  ok: boolean;
  results: OperationResponse[];
  /** Index and status of the operation that failed, when one did. */
  failed?: { index: number; status: number };
}

/**
 * One transactional batch in one logical partition. Per-operation status codes decide the outcome:
 * the batch's own status can say 200 on the emulator even when an operation failed.
 */
export async function runBatch(
  ctx: CosmosContext,
  container: Container,
  pk: string,
  ops: OperationInput[],
  what: string,
): Promise<BatchOutcome> {
  if (ops.length > BATCH_LIMIT)
    throw new ValidationError('outbox', `${what}: at most ${BATCH_LIMIT - 2} outbox messages per change`);
  const res = await withRetry(
    what,
    async () => {
      let r: Awaited<ReturnType<typeof container.items.batch>>;
      try {
        // The emulator needs the partition key on each operation; the service accepts it there too.
        // Fresh objects per attempt: the SDK rewrites each operation's partitionKey in place.
        r = await container.items.batch(
          ops.map((op) => ({ ...op, partitionKey: pk }) as OperationInput),
          pk,
        );
      } catch (err) {
        // @azure/cosmos 4.x rethrows a failed batch *request* (429, 503, a lost connection) as a plain
        // Error without its status code. Every batch here is conditional (Creates fail 409, Replaces
        // carry an ETag), so sending it again is safe: the retry's own statuses tell what happened.
        if (statusOf(err) !== undefined) throw err;
        throw new TransientStatus(503, undefined, err);
      }
      // A throttled or timed-out batch wrote nothing: retry it whole.
      const transient = (r.result ?? []).find((op) => TRANSIENT_STATUS.has(op.statusCode));
      if (transient || (r.code !== undefined && TRANSIENT_STATUS.has(r.code))) {
        const after = Number(r.headers?.['x-ms-retry-after-ms']);
        throw new TransientStatus(
          transient?.statusCode ?? r.code!,
          Number.isFinite(after) ? after : undefined,
        );
      }
      return r;
    },
    ctx.retry,
  );
  const results = res.result ?? [];
  const index = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
  if (index >= 0) return { ok: false, results, failed: { index, status: results[index]!.statusCode } };
  if (results.length !== ops.length || (res.code !== undefined && res.code >= 400))
    throw translateCosmosError({ code: res.code ?? 500, message: 'incomplete batch response' }, what);
  return { ok: true, results };
}

export function createOps(items: object[]): OperationInput[] {
  return items.map((resourceBody) => ({ operationType: 'Create', resourceBody: resourceBody as JSONObject }));
}
