/**
 * `npm run migrate-store`: the one-off migration of the configured store to the current data model
 * (on Cosmos DB: cases partitioned by desk alone move to their (desk, year) partitions; on SQLite there
 * is nothing to move). Reads the same environment as the app (bot/config.ts). Idempotent and
 * resumable: run it again after an interruption. It checks the counts before it reports, and exits
 * non-zero when they do not add up. Stop the app first (docs/operations.md).
 */
import { openStore } from '../bot/app';
import { loadConfig } from '../bot/config';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const store = await openStore(config, true);
  try {
    const { moved, cases } = await store.migrate();
    console.log(`Store migrated: ${moved} items moved now; ${cases} cases in the store, counts checked.`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
