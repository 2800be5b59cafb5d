/**
 * Both adapters keep what a case records about its policy versions (`policyVersion`, `policyMoves`)
 * and write its report summary and warning instants under the version the case runs under, not the
 * desk's newest one: SQLite on disk, and Cosmos DB with the real SDK against @vercel/cosmosdb-server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Case } from '../cases/model';
import { deskId, isoInstant, userId, type IsoInstant } from '../ids';
import type { Store } from '../ports';
import type { CaseSummary } from '../reports/summary';
import { caseSla } from '../sla/case-sla';
import type { SlaPolicy } from '../sla/policy';
import { openCosmosStore } from './cosmos/index';
import { openFsBlobStore } from './fs-blobs';
import { openSqliteStore } from './sqlite/index';
import { desk, newCase, policy } from './test-support/fixtures';

const ROR = deskId('ror-ikt');
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'fristvakt-versions-'));
  dirs.push(d);
  return d;
};
let server: Server;
let endpoint: string;
beforeAll(async () => {
  server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Version 2 of the fixture policy: Høy resolution 8 business hours instead of 4. */
function longer(): SlaPolicy {
  const p = policy();
  p.priorities[0]!.resolution = { kind: 'business_minutes', minutes: 480 };
  return p;
}

/** The report summary the store keeps for case `ref` (received on 2 March 2026). */
async function summaryOf(store: Store, ref: string): Promise<CaseSummary> {
  for await (const s of store.cases.streamSummaries(
    [ROR],
    '2026-03-01T00:00:00Z' as IsoInstant,
    '2026-03-03T00:00:00Z' as IsoInstant,
  ))
    if (s.ref === ref) return s;
  throw new Error(`no summary of ${ref}`);
}

const adapters: Array<[string, () => Promise<Store>]> = [
  [
    'SQLite',
    () => {
      const dir = tempDir();
      return Promise.resolve(openSqliteStore({ file: join(dir, 'f.db'), blobDir: join(dir, 'blobs') }));
    },
  ],
  [
    'Cosmos DB',
    () =>
      openCosmosStore({
        endpoint,
        key: 'any',
        databaseId: `fristvakt-versions-${Date.now()}`,
        createIfMissing: true,
        blobs: openFsBlobStore(tempDir()),
        connectionPolicy: { enableEndpointDiscovery: false },
      }),
  ],
];

describe.each(adapters)('policy versions on the %s store', (_name, open) => {
  let store: Store;
  beforeAll(async () => {
    store = await open();
    await store.desks.put(desk('ror-ikt'));
  });
  afterAll(() => store.close());

  it('keeps policyVersion and policyMoves, and summarises a case under its own version', async () => {
    const current = (await store.desks.get(ROR))!;
    const savedAt = isoInstant(new Date('2026-03-02T09:30:00Z'));
    await store.admin.savePolicy(ROR, longer(), current.version, {
      id: 'audit-v2',
      at: savedAt,
      actor: { id: userId('u-admin'), name: 'Admin' },
      objectType: 'policy',
      objectId: 'ror-ikt',
      action: 'update',
      after: longer(),
    });
    const deskNow = (await store.desks.get(ROR))!.value;
    expect(deskNow.policy.version?.number).toBe(2);
    expect(deskNow.previousPolicies?.map((p) => p.version?.number ?? 1)).toEqual([1]);

    // Received under version 1 (09:00, before the save), stored after it.
    const input = { ...newCase({ receivedAt: '2026-03-02T09:00:00Z' }), policyVersion: 1 };
    const made = (await store.cases.create(input, 2026, () => [])).case;
    expect(made.value.policyVersion).toBe(1);
    const read = (await store.cases.getForDesk(made.value.ref, ROR))!;
    expect(read.value.policyVersion).toBe(1);
    expect(read.value.policyMoves).toBeUndefined();

    const moves = [{ at: isoInstant(new Date('2026-03-02T10:00:00Z')), to: 2 }];
    const moved: Case = { ...read.value, policyMoves: moves, updatedAt: moves[0]!.at };
    await store.cases.update(moved, read.version, []);
    const back = (await store.cases.getForDesk(made.value.ref, ROR))!.value;
    expect(back.policyVersion).toBe(1);
    expect(back.policyMoves).toEqual(moves);

    // The summary the store wrote says which versions the case ran under, and the report can use it.
    const mine = await summaryOf(store, made.value.ref);
    expect(mine.policyVersions).toEqual([1, 2]);
    expect(mine.resolution?.dueAt).toBe(
      caseSla(back, deskNow, new Date(moves[0]!.at)).resolution.dueAt?.toISOString(),
    );
  });

  it('a case received under version 1 and never moved keeps version-1 deadlines in its summary', async () => {
    const deskNow = (await store.desks.get(ROR))!.value;
    const input = { ...newCase({ receivedAt: '2026-03-02T09:05:00Z' }), policyVersion: 1 };
    const made = (await store.cases.create(input, 2026, () => [])).case.value;
    const s = await summaryOf(store, made.ref);
    expect(s.policyVersions).toBeUndefined();
    expect(s.timelineNeeded).toBeUndefined();
    // 4 business hours (version 1) from Monday 10:05 Oslo: 14:05, not version 2's 8 (Tuesday).
    expect(s.resolution?.dueAt).toBe('2026-03-02T13:05:00.000Z');
    expect(caseSla(made, deskNow, new Date(made.receivedAt)).resolution.dueAt?.toISOString()).toBe(
      '2026-03-02T13:05:00.000Z',
    );
  });
});
