/**
 * `@vercel/cosmosdb-server` in-process on a random loopback port (plain http: the SDK needs no TLS
 * workaround), for tests and benches that run the real `@azure/cosmos` against it.
 */
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';

export interface CosmosEmulator {
  endpoint: string;
  close(): Promise<void>;
}

export async function startCosmosEmulator(): Promise<CosmosEmulator> {
  const server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
