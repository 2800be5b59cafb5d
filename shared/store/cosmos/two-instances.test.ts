/**
 * Two app instances on one Cosmos account, as App Service scales out: each its own `startApp` with its
 * own Cosmos client, both on one `@vercel/cosmosdb-server`. Fault reports submitted to both at once
 * through the bot's HTTP endpoint get reference numbers that are unique and without gaps, and the SLA
 * report from the summaries sees every case exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpServer } from '@vercel/cosmosdb-server';
import { startHarness, type Harness } from '../../../bot/test-support/harness';
import { GOOD_ANSWERS, submitForm } from '../../../bot/test-support/fault-form';
import type { TestUser } from '../../../bot/test-support/activities';
import { deskId, isoInstant } from '../../ids';
import { slaReportBuilder } from '../../reports/figures';
import { openFsBlobStore } from '../fs-blobs';
import { feedReport } from '../report-feed';
import { openCosmosStore } from './index';

const REPORTS_PER_INSTANCE = 15;
const users: TestUser[] = Array.from({ length: 6 }, (_, i) => ({
  aadObjectId: `demo-ansatt-molde-${i}`,
  name: `Ansatt ${i}`,
}));

let server: ReturnType<typeof createHttpServer>;
const harnesses: Harness[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = createHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const h of harnesses) await h.close();
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function instance(endpoint: string): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-two-'));
  dirs.push(dir);
  const store = await openCosmosStore({
    endpoint,
    key: 'any',
    databaseId: 'fristvakt-two-instances',
    createIfMissing: true,
    blobs: openFsBlobStore(dir),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const h = await startHarness({ app: { store }, now: new Date('2026-03-03T09:00:00Z') });
  harnesses.push(h);
  return h;
}

it('two instances taking fault reports at once: unique, gap-free references; the report sees each case once', async () => {
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The first seeds the empty account; the second opens it as it is.
  const a = await instance(endpoint);
  const b = await instance(endpoint);
  expect(a.app.store.createdNow).toBe(true);
  expect(b.app.store.createdNow).toBe(false);

  const submissions = [a, b].flatMap((h, which) =>
    Array.from({ length: REPORTS_PER_INSTANCE }, (_, i) => {
      const user = users[(i + which) % users.length]!;
      return submitForm(h, user, `two-${which}-${i}`, { ...GOOD_ANSWERS, title: `Rapport ${which}-${i}` });
    }),
  );
  const answers = await Promise.all(submissions);
  const refs = answers.map((r) => {
    expect(r.status).toBe(200);
    return /FV-2026-\d{6}/.exec(JSON.stringify(r.body))?.[0];
  });
  const total = 2 * REPORTS_PER_INSTANCE;
  expect(refs.every((r) => r !== undefined)).toBe(true);
  expect(new Set(refs).size).toBe(total);
  const numbers = refs.map((r) => Number(r!.slice(-6))).sort((x, y) => x - y);
  expect(numbers).toEqual(Array.from({ length: total }, (_, i) => i + 1));

  // Each instance's report (from the summaries written with the cases) sees every case exactly once.
  for (const h of [a, b]) {
    const desk = (await h.app.store.desks.get(deskId('ror-ikt')))!.value;
    const from = isoInstant(new Date('2026-01-01T00:00:00Z'));
    const to = isoInstant(new Date('2027-01-01T00:00:00Z'));
    const seen: string[] = [];
    for await (const s of h.app.store.cases.streamSummaries([desk.id], from, to)) seen.push(s.ref);
    expect([...seen].sort()).toEqual([...refs].sort());
    const builder = slaReportBuilder({
      period: { from: new Date(from), to: new Date(to) },
      now: new Date('2026-03-03T12:00:00Z'),
      notices: [],
      policies: { [desk.id]: desk.policy },
    });
    const fed = await feedReport(h.app.store.cases, builder, [desk.id], from, to);
    expect(fed.summaries + fed.timelines).toBe(total);
    expect(builder.finish().cases).toBe(total);
  }
});
