/**
 * `npm run migrate-store`: the one-off migration of a Cosmos DB database to the store's current data
 * model (cases partitioned by desk alone move to their (desk, year) partitions; docs/operations.md).
 * Reads only the store's variables: `COSMOS_ENDPOINT`, `COSMOS_DATABASE` (default `fristvakt`) and
 * `COSMOS_KEY`, or, without a key, the signed-in Azure identity (`az login`; it needs the Cosmos DB
 * Built-in Data Contributor role). Creates nothing: a missing database or container stops it.
 * Idempotent and resumable: run it again after an interruption. It checks the counts before it reports
 * and exits non-zero when they do not add up. Stop the app first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultAzureCredential } from '@azure/identity';
import { openCosmosStore } from '../shared/store/cosmos';
import { openFsBlobStore } from '../shared/store/fs-blobs';

async function main(): Promise<void> {
  const endpoint = process.env.COSMOS_ENDPOINT;
  if (!endpoint) throw new Error('COSMOS_ENDPOINT is not set: the Cosmos DB account to migrate');
  const key = process.env.COSMOS_KEY;
  // The migration touches no attachment; the store wants a blob store all the same.
  const blobDir = mkdtempSync(join(tmpdir(), 'fristvakt-migrate-'));
  const store = await openCosmosStore({
    endpoint,
    databaseId: process.env.COSMOS_DATABASE ?? 'fristvakt',
    ...(key ? { key } : { credential: new DefaultAzureCredential() }),
    blobs: openFsBlobStore(blobDir),
    migrations: 'defer',
  });
  try {
    const { moved, cases } = await store.migrate();
    console.log(`Store migrated: ${moved} items moved now; ${cases} cases in the store, counts checked.`);
  } finally {
    await store.close();
    rmSync(blobDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
