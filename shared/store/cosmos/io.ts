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
import { translateCosmosError, withRetry, type RetryPolicy } from './errors';

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
  // The emulator needs the partition key on each operation; the service accepts it there too.
  const withPk = ops.map((op) => ({ ...op, partitionKey: pk }) as OperationInput);
  const res = await withRetry(what, () => container.items.batch(withPk, pk), ctx.retry);
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
