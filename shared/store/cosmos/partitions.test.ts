/**
 * The `(desk, year)` partitions on `@vercel/cosmosdb-server` with the real SDK: data written under the
 * old model (partitioned by desk alone) is refused in production, migrated in development, resumably
 * and with its counts checked; a year with nothing live leaves the queue's partitions in two steps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosClient, type Container } from '@azure/cosmos';
import type { Case } from '../../cases/model';
import { deskId } from '../../ids';
import type { Store, Versioned } from '../../ports';
import { at, desk, message, newCase, triagePost } from '../test-support/fixtures';
import { openFsBlobStore } from '../fs-blobs';
import { startCosmosEmulator, type CosmosEmulator } from '../test-support/cosmos-emulator';
import { openCosmosStore, type CosmosStoreOptions } from './index';

const ROR = deskId('ror-ikt');
const BYA = deskId('byarkivet');
let emulator: CosmosEmulator;
let endpoint: string;
const dirs: string[] = [];

beforeAll(async () => {
  emulator = await startCosmosEmulator();
  endpoint = emulator.endpoint;
});
afterAll(async () => {
  await emulator.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function open(databaseId: string, options: Partial<CosmosStoreOptions> = {}): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-partitions-'));
  dirs.push(dir);
  return openCosmosStore({
    endpoint,
    key: 'any',
    databaseId,
    createIfMissing: true,
    blobs: openFsBlobStore(dir),
    connectionPolicy: { enableEndpointDiscovery: false },
    ...options,
  });
}

function raw(databaseId: string) {
  const client = new CosmosClient({
    endpoint,
    key: 'any',
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const db = client.database(databaseId);
  return { client, cases: db.container('cases'), meta: db.container('meta') };
}

const all = async (c: Container, pk: string) =>
  (
    await c.items
      .query<Record<string, unknown> & { id: string; type?: string }>(
        { query: 'SELECT * FROM c WHERE c.pk = @pk', parameters: [{ name: '@pk', value: pk }] },
        { partitionKey: pk },
      )
      .fetchAll()
  ).resources;

const strip = ({ _etag, _ts, _rid, _self, _attachments, ...body }: Record<string, unknown>) => body;

it('refuses data of the old model in production, migrates it in development (resumably, counts checked), then reads it all', async () => {
  const dbId = 'fristvakt-legacy';
  const first = await open(dbId);
  await first.desks.put(desk('ror-ikt'));
  await first.desks.put(desk('byarkivet', ['frogner']));
  const made: Versioned<Case>[] = [];
  made.push((await first.cases.create(newCase(), 2026, (c) => [triagePost(c)])).case);
  made.push((await first.cases.create(newCase({ nextDueAt: '2026-03-02T09:30:00Z' }), 2026, () => [])).case);
  made.push((await first.cases.create(newCase({ status: 'closed' }), 2026, () => [])).case);
  made.push((await first.cases.create(newCase({ receivedAt: '2027-01-04T09:00:00Z' }), 2027, () => [])).case);
  made.push((await first.cases.create(newCase({ desk: 'byarkivet', org: 'frogner' }), 2026, () => [])).case);
  // A message written with a change under an id that does not name the case.
  made[1] = await first.cases.update({ ...made[1]!.value, status: 'in_progress' }, made[1]!.version, [
    message('claim-1', ROR, '2026-03-02T09:05:00Z'),
  ]);
  const queue = (await first.cases.listDeskQueue(ROR)).items.map((c) => c.ref);
  await first.close();

  const legacy = await toLegacy(dbId, made[0]!.value.ref);
  await expect(open(dbId, { createIfMissing: false })).rejects.toThrow(
    /partitioned by desk alone: run the one-off migration \(npm run migrate-store/,
  );
  // The one-off command (production): opens as it is, migrates, reports what it moved.
  const oneOff = await open(dbId, { createIfMissing: false, migrations: 'defer' });
  // Everything but the copy an earlier run made and the message whose id names no case.
  expect(await oneOff.migrate()).toEqual({ moved: legacy - 2, cases: made.length });
  await oneOff.close();
  // Development: migrates on open.
  await toLegacy(dbId, made[0]!.value.ref);
  const store = await open(dbId);
  for (const v of made)
    expect((await store.cases.getForDesk(v.value.ref, v.value.deskId))?.value).toEqual(v.value);
  expect((await store.cases.listDeskQueue(ROR)).items.map((c) => c.ref)).toEqual(queue);
  expect(await store.outbox.get('claim-1', ROR)).toMatchObject({ status: 'pending' });
  expect(await store.outbox.get(`${made[0]!.value.ref}:triage`, ROR)).toMatchObject({ status: 'pending' });
  expect((await store.outbox.listDue(at('2027-01-01T00:00:00Z'), 10)).map((m) => m.id).sort()).toEqual(
    ['claim-1', `${made[0]!.value.ref}:triage`].sort(),
  );
  await store.outbox.markDelivered('claim-1', ROR, at('2026-03-02T09:06:00Z'));
  expect(await store.migrate()).toEqual({ moved: 0, cases: made.length });
  // Nothing of a case is left in a desk's own partition but the message whose id names no case.
  const after = raw(dbId);
  const left = [...(await all(after.cases, ROR)), ...(await all(after.cases, BYA))];
  expect(left.map((i) => `${String(i.type)} ${i.id}`)).toEqual(['outbox outbox|claim-1']);
  let now = 0;
  for (const pk of [`${ROR}|2026`, `${ROR}|2027`, `${BYA}|2026`]) now += (await all(after.cases, pk)).length;
  expect(now).toBe(legacy - left.length);
  after.client.dispose();
  await store.close();
});

it('lets a year with nothing open leave the live years in two steps, and a reopened case bring it back', async () => {
  const dbId = 'fristvakt-settle';
  const store = await open(dbId, { closingGraceMs: 0 });
  await store.desks.put(desk('ror-ikt'));
  const old = (await store.cases.create(newCase({ receivedAt: '2025-06-02T09:00:00Z' }), 2025, () => []))
    .case;
  const current = (await store.cases.create(newCase(), 2026, () => [])).case;
  const { client, meta } = raw(dbId);
  const live = async () =>
    Object.keys((await meta.item(`years|${ROR}`, `years|${ROR}`).read<{ live: object }>()).resource!.live);
  expect(await live()).toEqual(['2025', '2026']);
  const closed = await store.cases.update({ ...old.value, status: 'closed', sla: {} }, old.version);
  expect((await store.cases.listDeskQueue(ROR)).items.map((c) => c.ref)).toEqual([current.value.ref]);
  expect(await live()).toEqual(['2025', '2026']); // step 1: closing
  await store.cases.listDeskQueue(ROR);
  expect(await live()).toEqual(['2026']); // step 2: gone
  await store.cases.update({ ...closed.value, status: 'in_progress' }, closed.version);
  expect(await live()).toEqual(['2025', '2026']);
  expect((await store.cases.listDeskQueue(ROR)).items.map((c) => c.ref).sort()).toEqual(
    [old.value.ref, current.value.ref].sort(),
  );
  client.dispose();
  await store.close();
});

/**
 * Puts a database back into the old model: every item of a (desk, year) partition into the desk's
 * partition, no years records, no migration record; then, as an interrupted run leaves it, one case
 * (`copiedRef`) copied to its new partition with its original still there. Returns the items moved back.
 */
async function toLegacy(dbId: string, copiedRef: string): Promise<number> {
  // Back to the old model: every item of a (desk, year) partition into the desk's, no years records.
  const { client, cases, meta } = raw(dbId);
  let legacy = 0;
  for (const d of [ROR, BYA]) {
    const years = (await meta.item(`years|${d}`, `years|${d}`).read<{ years: number[] }>()).resource!;
    for (const year of years.years)
      for (const item of await all(cases, `${d}|${year}`)) {
        await cases.items.create({ ...strip(item), pk: d });
        await cases.item(item.id, `${d}|${year}`).delete();
        legacy += 1;
      }
    await meta.item(`years|${d}`, `years|${d}`).delete();
  }
  await meta.item('migration|partitions', 'migration|partitions').delete();
  // An interrupted run: one case was copied, its original not yet deleted.
  const copied = (await cases.item(copiedRef, ROR).read<Record<string, unknown>>()).resource!;
  await cases.items.create({ ...strip(copied), pk: `${ROR}|2026` });
  await meta.items.create({
    id: `years|${ROR}`,
    pk: `years|${ROR}`,
    type: 'deskYears',
    deskId: ROR,
    years: [2026],
    live: { 2026: 'open' },
  });
  client.dispose();

  return legacy;
}
