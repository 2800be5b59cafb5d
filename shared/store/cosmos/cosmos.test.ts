import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { orgId, userId } from '../../ids';
import { describeStoreContract } from '../contract';
import { newCase } from '../test-support/fixtures';
import { openFsBlobStore } from '../fs-blobs';
import { openCosmosStore } from './index';

let server: Server;
let endpoint: string;
let dbCounter = 0;
const tempDirs: string[] = [];

beforeAll(async () => {
  server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract(
  'Cosmos DB (@azure/cosmos against @vercel/cosmosdb-server)',
  async ({ streamPageSize }) => {
    const dir = mkdtempSync(join(tmpdir(), 'fristvakt-cosmos-blobs-'));
    tempDirs.push(dir);
    dbCounter += 1;
    const store = await openCosmosStore({
      endpoint,
      key: 'any',
      databaseId: `fristvakt-test-${dbCounter}`,
      createIfMissing: true,
      blobs: openFsBlobStore(dir),
      connectionPolicy: { enableEndpointDiscovery: false },
      streamPageSize,
    });
    return {
      store,
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
);

describe('Cosmos store specifics', () => {
  const open = async (databaseId: string, createIfMissing = true) => {
    const dir = mkdtempSync(join(tmpdir(), 'fristvakt-cosmos-blobs-'));
    tempDirs.push(dir);
    return openCosmosStore({
      endpoint,
      key: 'any',
      databaseId,
      createIfMissing,
      blobs: openFsBlobStore(dir),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  };

  it('surfaces a failure with its status code: a missing database without createIfMissing', async () => {
    await expect(open('no-such-database', false)).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      details: { statusCode: 404 },
    });
  });

  it('never shows a case through a pointer that does not match it (dangling or stale lookups)', async () => {
    const store = await open('fristvakt-pointers');
    const made = (await store.cases.create(newCase({ org: 'molde', reporter: 'u-kari' }), 2026, () => []))
      .case.value;
    const client = new CosmosClient({
      endpoint,
      key: 'any',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const lookups = client.database('fristvakt-pointers').container('lookups');
    const base = { id: made.ref, ref: made.ref, deskId: made.deskId, receivedAt: made.receivedAt };
    // A pointer filed under another organisation and another reporter (as a crash mid-move could leave).
    await lookups.items.create({ ...base, pk: 'org|aukra', type: 'byOrg' });
    await lookups.items.create({ ...base, pk: 'user|u-ola', type: 'byReporter' });
    // A pointer to a case that was never written (a creation that failed after its pointers).
    await lookups.items.create({
      ...base,
      id: 'FV-2026-000999',
      ref: 'FV-2026-000999',
      pk: 'org|molde',
      type: 'byOrg',
    });
    client.dispose();

    expect((await store.cases.listByOrg(orgId('aukra'))).items).toEqual([]);
    expect((await store.cases.listByReporter(userId('u-ola'))).items).toEqual([]);
    expect((await store.cases.listByOrg(orgId('molde'))).items.map((c) => c.ref)).toEqual([made.ref]);
    expect((await store.cases.listByReporter(userId('u-kari'))).items.map((c) => c.ref)).toEqual([made.ref]);
    await store.close();
  });
});
