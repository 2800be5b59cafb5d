/**
 * The supplier rate limit holds across app instances on one store: two whole apps (startApp, each
 * with its own connection to one SQLite file, as two App Service instances share one Cosmos account)
 * and one supplier. What one instance lets through is taken out of the other's bucket within its next
 * share, and the shares are a few store writes, not one per request.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type Harness } from './test-support/harness';
import { saveTietoWithKey } from './test-support/supplier-fixture';
import type { LeaseStore, Store } from '../shared/ports';
import { openSqliteStore } from '../shared/store/sqlite';
import { DEFAULT_RATE_LIMIT, rateSlotMark } from '../tab/api/suppliers/rate-limit';

const T0 = new Date('2026-03-03T09:00:00Z');
let dir: string;
const harnesses: Harness[] = [];
const stores: Store[] = [];
let writes = 0;
let key = '';

/** Counts the store writes the limit makes (lease renewals and marks). */
function counted(store: Store): Store {
  const leases: LeaseStore = store.leases;
  store.leases = {
    ...leases,
    tryAcquire: (...args) => {
      writes += 1;
      return leases.tryAcquire(...args);
    },
    putMark: (...args) => {
      writes += 1;
      return leases.putMark(...args);
    },
    getMark: (...args) => leases.getMark(...args),
    release: (...args) => leases.release(...args),
  };
  return store;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fristvakt-rate-instances-'));
  const open = () =>
    counted(openSqliteStore({ file: join(dir, 'fristvakt.db'), blobDir: join(dir, 'blobs') }));
  const a = open();
  harnesses.push(await startHarness({ app: { store: a }, now: T0 }));
  const b = open();
  stores.push(a, b);
  harnesses.push(await startHarness({ app: { store: b }, now: T0 }));
  key = await saveTietoWithKey(a, T0);
  for (const h of harnesses) h.app.catalogue.invalidate();
});
afterAll(async () => {
  for (const h of harnesses) await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `n` requests to one instance (a case that does not exist: 404, after the limit); their statuses. */
async function send(h: Harness, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const res = await fetch(`${h.app.url}/api/suppliers/v1/cases/FV-2026-999999`, {
      headers: { 'X-Api-Key': key },
    });
    await res.arrayBuffer();
    out.push(res.status);
  }
  return out;
}

/** Waits until the instance in slot `k` has published `count` requests (its share has run). */
async function published(k: number, count: number): Promise<void> {
  for (;;) {
    const raw = await stores[0]!.leases.getMark(rateSlotMark(k));
    const counts = raw ? (JSON.parse(raw) as { counts: Record<string, number> }).counts : {};
    if (counts.tieto === count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const tick = (ms: number) => {
  for (const h of harnesses) h.now.value = new Date(h.now.value.getTime() + ms);
};

it('what instance A let through is taken from instance B’s bucket: together they keep one limit', async () => {
  const [a, b] = harnesses as [Harness, Harness];
  const { burst } = DEFAULT_RATE_LIMIT;
  writes = 0;
  // Both instances share once: A takes slot 0, B slot 1, and each has seen the other.
  expect(await send(a, 1)).toEqual([404]);
  await published(0, 1);
  expect(await send(b, 1)).toEqual([404]);
  await published(1, 1);

  // A lets 400 through (its bucket had 500); a second later it shares them.
  const fromA = await send(a, 400);
  expect(fromA.filter((s) => s === 429)).toEqual([]);
  tick(1_000);
  expect(await send(a, 1)).toEqual([404]);
  await published(0, 402);

  // B has used 2 of its own 500, but at its next share it takes in A's 401: at most burst - 400 are
  // left for it (its bucket is full again after a second), not its own 498.
  expect(await send(b, 1)).toEqual([404]);
  await published(1, 2);
  const fromB = await send(b, 200);
  const passed = fromB.filter((s) => s === 404).length;
  expect(fromB.filter((s) => s !== 404 && s !== 429)).toEqual([]);
  expect(passed).toBeGreaterThan(0);
  expect(passed).toBeLessThanOrEqual(burst - 400);
  expect(fromB.slice(passed).every((s) => s === 429)).toBe(true);

  // A few store writes for about 600 requests: slot leases and one mark per share.
  expect(writes).toBeLessThanOrEqual(10);
});
