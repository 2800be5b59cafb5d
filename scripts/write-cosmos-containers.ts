/**
 * Writes infra/cosmos-containers.json from the store's CONTAINER_DEFINITIONS, the containers, partition
 * keys and indexing policies that infra/main.bicep creates (loadJsonContent). Run after changing the
 * data model: `npm run build && node dist/scripts/write-cosmos-containers.js && npx prettier --write
 * infra/cosmos-containers.json`. infra/infra.test.ts fails
 * while the two differ.
 */
import { writeFileSync } from 'fs';
import { join } from 'path';
import { CONTAINER_DEFINITIONS } from '../shared/store/cosmos/model';
import { repoRoot } from './repo-root';

const target = join(repoRoot(), 'infra', 'cosmos-containers.json');
writeFileSync(target, `${JSON.stringify(CONTAINER_DEFINITIONS, null, 2)}\n`);
console.log(`Wrote ${target}: ${CONTAINER_DEFINITIONS.map((c) => c.id).join(', ')}`);
