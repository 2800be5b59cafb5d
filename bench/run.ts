/**
 * `npm run bench`: runs every `bench/*.bench.ts` (compiled) in turn and prints its figures.
 * Each bench module exports `name` and `run(): Promise<void>` and prints its own lines.
 * `npm run bench -- store` runs only benches whose file name contains "store".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  name: string;
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => !filter || f.includes(filter))
    .sort();
  console.log(`Fristvakt benchmarks on Node ${process.version}, ${new Date().toISOString()}`);
  for (const file of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(__dirname, file)) as BenchModule;
    console.log(`\n## ${mod.name}`);
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
