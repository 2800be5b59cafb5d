/**
 * A supplier saved through the admin routes of one app instance reaches the catalogue of another
 * instance on the same store within the marker check interval, on SQLite (two connections to one
 * database file) and on Cosmos DB (two clients of one account): the escalation pick-lists and the
 * supplier API of every instance read the suppliers from that catalogue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { startHarness, type Harness } from './test-support/harness';
import { CATALOGUE_MARKER_CHECK_MS, createCatalogue } from '../shared/app/catalogue';
import type { Store } from '../shared/ports';
import { openCosmosStore } from '../shared/store/cosmos';
import { openFsBlobStore } from '../shared/store/fs-blobs';
import { openSqliteStore } from '../shared/store/sqlite';

const SPEC = {
  id: 'tieto',
  name: 'Tieto',
  operates: ['application'],
  serviceIds: ['uke-agresso'],
  deskId: 'uke',
  phone: '+47 21 00 00 00',
  email: 'drift@tieto.example',
  webhook: { url: 'https://tieto.example/hooks', secretName: 'FRISTVAKT_SUPPLIER_SECRET_TIETO' },
};

let dir: string;
let cosmos: Server;
const harnesses: Harness[] = [];
const stores: Store[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fristvakt-supplier-catalogue-'));
  cosmos = createHttpServer();
  await new Promise<void>((resolve) => cosmos.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const h of harnesses) await h.close();
  for (const s of stores) await s.close();
  cosmos.closeAllConnections();
  await new Promise<void>((resolve) => cosmos.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const sqlite = (): Store =>
  openSqliteStore({ file: join(dir, 'fristvakt.db'), blobDir: join(dir, 'sqlite-blobs') });
const cosmosStore = (): Promise<Store> =>
  openCosmosStore({
    endpoint: `http://127.0.0.1:${(cosmos.address() as AddressInfo).port}`,
    key: 'any',
    databaseId: 'fristvakt-supplier-catalogue',
    createIfMissing: true,
    blobs: openFsBlobStore(join(dir, 'cosmos-blobs')),
    connectionPolicy: { enableEndpointDiscovery: false },
  });

async function admin(h: Harness, method: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${h.app.url}/api/admin/suppliers${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Fristvakt-Dev-User': 'demo-admin' },
    body: JSON.stringify(body),
  });
}

describe.each([
  ['SQLite', async () => sqlite()],
  ['Cosmos DB', cosmosStore],
])('on %s', (_name, open) => {
  it('a supplier created and then changed on instance A is in instance B’s catalogue within the bound', async () => {
    // Instance A: the whole app (seeded) with the admin routes; instance B: its own store client and
    // catalogue on a clock of the test's.
    const a = await open();
    const h = await startHarness({ app: { store: a } });
    harnesses.push(h);
    const b = await open();
    stores.push(b);
    let t = 1_000_000;
    const catB = createCatalogue(b, 60_000, () => t);
    expect((await catB.get()).supplier('tieto')).toBeUndefined();

    const created = await admin(h, 'POST', '', SPEC);
    expect(created.status).toBe(201);
    t += CATALOGUE_MARKER_CHECK_MS - 1;
    expect((await catB.get()).supplier('tieto')).toBeUndefined(); // its copy, checked a moment ago
    t += 1;
    expect((await catB.get()).suppliersOf('uke-agresso').map((s) => s.name)).toContain('Tieto');

    const { version } = (await created.json()) as { version: string };
    expect((await admin(h, 'PUT', '/tieto', { ...SPEC, phone: '+47 22 22 22 22', version })).status).toBe(
      200,
    );
    t += CATALOGUE_MARKER_CHECK_MS;
    expect((await catB.get()).supplier('tieto')!.phone).toBe('+47 22 22 22 22');

    // A new key (a save of its own): the other instance sees it too, as the supplier API must.
    expect((await admin(h, 'POST', '/tieto/keys', {})).status).toBe(201);
    t += CATALOGUE_MARKER_CHECK_MS;
    expect((await catB.get()).supplier('tieto')!.apiKeys).toHaveLength(1);
  });
});
