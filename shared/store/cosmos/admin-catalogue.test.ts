/**
 * Two app instances on one Cosmos DB database (two clients, as two App Service instances would have):
 * an admin edit made through one is used by the other's catalogue within the marker check interval.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { createAdminService } from '../../app/admin';
import { CATALOGUE_MARKER_CHECK_MS, createCatalogue } from '../../app/catalogue';
import { deskId, orgId, userId } from '../../ids';
import type { Store } from '../../ports';
import { openFsBlobStore } from '../fs-blobs';
import { desk, newCase } from '../test-support/fixtures';
import { openCosmosStore } from './index';

let server: Server;
let dir: string;
const stores: Store[] = [];

beforeAll(async () => {
  server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = mkdtempSync(join(tmpdir(), 'fristvakt-cosmos-admin-'));
});
afterAll(async () => {
  for (const s of stores) await s.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const open = async (): Promise<Store> => {
  const s = await openCosmosStore({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key: 'any',
    databaseId: 'fristvakt-two-instances',
    createIfMissing: true,
    blobs: openFsBlobStore(dir),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  stores.push(s);
  return s;
};

it('uses an edit made on the other instance within the marker check interval', async () => {
  const a = await open();
  const b = await open();
  await a.desks.put(desk('ror-ikt'));
  let t = 1_000_000;
  const clock = () => t;
  const catA = createCatalogue(a, 30_000, clock);
  const catB = createCatalogue(b, 30_000, clock);
  expect((await catB.get()).desk('ror-ikt')!.phone).toBe('+47 71 11 10 00');

  const admin = { access: { userId: userId('u-admin'), admin: true, leadDeskIds: [] }, name: 'Ada Admin' };
  const svc = createAdminService({ store: a, now: () => new Date('2026-05-04T08:00:00Z'), catalogue: catA });
  const current = await svc.getDesk(admin, 'ror-ikt');
  await svc.updateDesk(admin, 'ror-ikt', {
    version: current.version,
    name: current.value.name,
    phone: '+47 70 00 00 00',
    members: current.value.members,
    escalationContacts: [],
    autoCloseWorkingDays: 5,
  });
  expect((await catA.get()).desk('ror-ikt')!.phone).toBe('+47 70 00 00 00');
  t += CATALOGUE_MARKER_CHECK_MS - 1;
  expect((await catB.get()).desk('ror-ikt')!.phone).toBe('+47 71 11 10 00');
  t += 1;
  expect((await catB.get()).desk('ror-ikt')!.phone).toBe('+47 70 00 00 00');
  expect((await b.admin.listAudit({ type: 'desk', id: 'ror-ikt' })).map((e) => e.actor.name)).toEqual([
    'Ada Admin',
  ]);
});

it('a desk made on one instance is in the other catalogue within the interval, and takes its cases', async () => {
  const a = await open();
  const b = await open();
  await a.desks.putOrganisation({ id: orgId('molde'), name: 'Molde kommune' });
  let t = 2_000_000;
  const clock = () => t;
  const catA = createCatalogue(a, 30_000, clock);
  const catB = createCatalogue(b, 30_000, clock);
  expect((await catB.get()).desk('oppvekst-ikt')).toBeUndefined();

  const admin = { access: { userId: userId('u-admin'), admin: true, leadDeskIds: [] }, name: 'Ada Admin' };
  const svc = createAdminService({ store: a, now: () => new Date('2026-05-04T08:00:00Z'), catalogue: catA });
  await svc.createDesk(admin, {
    id: 'oppvekst-ikt',
    name: 'Oppvekst IKT',
    phone: '+47 71 11 12 00',
    policyFrom: { preset: 'ror-ikt' },
    orgIds: ['molde'],
  });
  expect((await catA.get()).desk('oppvekst-ikt')!.name).toBe('Oppvekst IKT');
  t += CATALOGUE_MARKER_CHECK_MS - 1;
  expect((await catB.get()).desk('oppvekst-ikt')).toBeUndefined();
  t += 1;
  expect((await catB.get()).desk('oppvekst-ikt')!.policy.id).toBe('oppvekst-ikt');
  expect((await catB.get()).desksServing(orgId('molde')).map((d) => d.id)).toContain('oppvekst-ikt');

  // The other instance writes the desk's first case: its years record is made then, and the queue finds it.
  const res = await b.cases.create(newCase({ desk: 'oppvekst-ikt' }), 2026, () => []);
  expect((await a.cases.listDeskQueue(deskId('oppvekst-ikt'))).items.map((c) => c.ref)).toEqual([
    res.case.value.ref,
  ]);
});
