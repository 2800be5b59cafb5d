import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createProxy, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { orgId, userId, type IsoInstant } from '../../ids';
import { describeStoreContract } from '../test-support/contract';
import { desk, message, newCase } from '../test-support/fixtures';
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

  it('names a missing database in one line, and what creates it, without createIfMissing', async () => {
    const err = await open('no-such-database', false).then(
      () => null,
      (e: unknown) => e as Error & { code: string; details: Record<string, unknown> },
    );
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { statusCode: 404 } });
    expect(err!.message).toBe(
      "Cosmos DB database 'no-such-database' does not exist: infra/main.bicep creates it (in development the app creates it)",
    );
  });

  it('names a missing container in one line; with createIfMissing it creates what is missing', async () => {
    const first = await open('fristvakt-partial');
    await first.close();
    const raw = new CosmosClient({
      endpoint,
      key: 'any',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    await raw.database('fristvakt-partial').container('lookups').delete();
    raw.dispose();
    await expect(open('fristvakt-partial', false)).rejects.toThrow(
      "Cosmos DB container 'lookups' in database 'fristvakt-partial' does not exist: infra/main.bicep creates it",
    );
    const again = await open('fristvakt-partial', true);
    expect(again.createdNow).toBe(false);
    await again.close();
  });

  it('is created just now by the first open of an empty database only; the probe fails once the database is gone', async () => {
    const first = await open('fristvakt-created');
    expect(first.createdNow).toBe(true);
    const second = await open('fristvakt-created');
    expect(second.createdNow).toBe(false);
    await first.probe(new Date('2026-03-02T09:00:00Z').toISOString() as IsoInstant);
    const client = new CosmosClient({
      endpoint,
      key: 'any',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    await client.database('fristvakt-created').delete();
    await expect(
      second.probe(new Date('2026-03-02T09:00:05Z').toISOString() as IsoInstant),
    ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await first.close();
    await second.close();
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

/**
 * A proxy between the SDK and the emulator that injects faults: throttling, and a batch whose answer is
 * lost after the emulator committed it (as a timeout after commit would).
 */
describe('Cosmos store under injected faults', () => {
  type Fault = (req: IncomingMessage) => 'pass' | 'throttle' | 'lose-answer';
  let proxy: Server;
  let fault: Fault = () => 'pass';
  const served: string[] = [];

  beforeAll(async () => {
    const target = new URL(endpoint);
    proxy = createProxy((req, res) => {
      const decision = fault(req);
      served.push(`${decision} ${req.method} ${req.url}`);
      if (decision === 'throttle') {
        res.writeHead(429, { 'content-type': 'application/json', 'x-ms-retry-after-ms': '20' });
        res.end(JSON.stringify({ code: 'TooManyRequests', message: 'Request rate is large' }));
        req.resume();
        return;
      }
      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          if (decision === 'lose-answer') {
            up.resume();
            up.on('end', () => {
              res.writeHead(503, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ code: 'ServiceUnavailable', message: 'injected' }));
            });
            return;
          }
          res.writeHead(up.statusCode ?? 500, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterEach(() => {
    fault = () => 'pass';
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  const openViaProxy = async (databaseId: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'fristvakt-cosmos-blobs-'));
    tempDirs.push(dir);
    return openCosmosStore({
      endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      key: 'any',
      databaseId,
      createIfMissing: true,
      blobs: openFsBlobStore(dir),
      connectionPolicy: { enableEndpointDiscovery: false },
      retry: { baseDelayMs: 5 },
    });
  };

  it('sends every query to one partition (the emulator ignores the key, so the requests are checked)', async () => {
    const store = await openViaProxy('fristvakt-partitions');
    await store.desks.put(desk('ror-ikt'));
    const c = (await store.cases.create(newCase({ followers: ['u-f'] }), 2026, () => [])).case.value;
    await store.outbox.enqueue([message('m1', c.deskId, '2026-03-02T09:00:00Z')]);
    const queries: (string | undefined)[] = [];
    fault = (req) => {
      if (String(req.headers['x-ms-documentdb-isquery']).toLowerCase() === 'true')
        queries.push(req.headers['x-ms-documentdb-partitionkey'] as string | undefined);
      return 'pass';
    };
    await store.cases.listByReporter(c.reporter.id);
    await store.cases.listByFollower(userId('u-f'));
    await store.cases.listByOrg(c.orgId);
    await store.cases.listDeskQueue(c.deskId);
    await store.cases.listChildren(c.ref, c.deskId);
    await store.cases.listDueBefore(c.deskId, c.receivedAt);
    for await (const _ of store.cases.streamPeriod([c.deskId], c.receivedAt, c.updatedAt));
    for await (const _ of store.cases.streamSummaries([c.deskId], c.receivedAt, c.updatedAt));
    await store.cases.listWarningsDue(c.deskId, null, c.receivedAt);
    await store.migrate();
    await store.outbox.listDue(c.receivedAt, 10);
    await store.notices.listActive(c.deskId);
    await store.notices.listPeriod(c.deskId, c.receivedAt, c.updatedAt);
    await store.desks.list();
    await store.desks.listServices(c.deskId);
    fault = () => 'pass';
    expect(queries.length).toBeGreaterThanOrEqual(20);
    // With the partition key header the gateway sends a query to that one partition only.
    for (const partitionKey of queries) expect(partitionKey).toMatch(/^\[".+"\]$/);
    await store.close();
  });

  it('retries throttled requests, waiting what the service asks', async () => {
    const store = await openViaProxy('fristvakt-faults-1');
    const made = (await store.cases.create(newCase(), 2026, () => [])).case.value;
    let throttled = 0;
    fault = (req) =>
      req.method === 'GET' && req.url!.includes('/docs/') && throttled++ < 2 ? 'throttle' : 'pass';
    const t0 = Date.now();
    expect((await store.cases.getForDesk(made.ref, made.deskId))?.value.ref).toBe(made.ref);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    expect(throttled).toBe(3);
    fault = () => 'pass';
    await store.close();
  });

  it('a creation or an update whose batch committed but whose answer was lost is retried into the same result', async () => {
    const store = await openViaProxy('fristvakt-faults-2');
    let lost = 0;
    fault = (req) =>
      req.method === 'POST' &&
      String(req.headers['x-ms-cosmos-is-batch-request']).toLowerCase() === 'true' &&
      lost++ === 0
        ? 'lose-answer'
        : 'pass';
    const input = newCase({ reporter: 'u-lost', org: 'aukra' });
    const res = await store.cases.create(input, 2026, () => []);
    fault = () => 'pass';
    expect(lost).toBeGreaterThanOrEqual(2);
    expect(res.created).toBe(true);
    const ref = res.case.value.ref;
    expect(await store.cases.locate(ref)).toBe(input.deskId);
    expect((await store.cases.listByReporter(userId('u-lost'))).items.map((c) => c.ref)).toEqual([ref]);
    expect((await store.cases.listByOrg(orgId('aukra'))).items.map((c) => c.ref)).toEqual([ref]);
    const again = await store.cases.create(input, 2026, () => []);
    expect(again).toMatchObject({ created: false, case: { value: { ref } } });

    // The same for an update: the retry meets its own write (412) and answers with the stored version.
    lost = 0;
    fault = (req) =>
      req.method === 'POST' &&
      String(req.headers['x-ms-cosmos-is-batch-request']).toLowerCase() === 'true' &&
      lost++ === 0
        ? 'lose-answer'
        : 'pass';
    const claimed = { ...res.case.value, status: 'in_progress' as const };
    const updated = await store.cases.update(claimed, res.case.version, [
      message('lost:claim', input.deskId, '2026-03-02T09:05:00Z'),
    ]);
    fault = () => 'pass';
    expect(lost).toBeGreaterThanOrEqual(2);
    const stored = await store.cases.getForDesk(ref, input.deskId);
    expect(updated).toEqual(stored);
    expect(stored!.value.status).toBe('in_progress');
    expect(await store.outbox.get('lost:claim', input.deskId)).not.toBeNull();
    await store.close();
  });
});
