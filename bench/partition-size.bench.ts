/**
 * Real document sizes on Cosmos and what they mean for ten years of Oslo. The whole app (bot endpoint,
 * change service, message builders, Cosmos adapter with the real SDK) runs against
 * `@vercel/cosmosdb-server`: fault reports through the fault form, then a desk's work on each case
 * (claim, public and internal comments, waiting on a supplier, a rejected solution now and then, solve,
 * accept), with the desk's triage channel linked so every change writes its Teams messages. Then every
 * item is read back from the emulator and measured as stored (JSON with the system properties).
 *
 * Printed: item sizes by kind, the bytes one case occupies in its partition, the largest desk's logical
 * partition over ten years with cases partitioned by desk (the old model) and by (desk, year), against
 * Cosmos's 20 GB per logical partition. Assumptions are printed with the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosClient } from '@azure/cosmos';
import { userActor } from '../shared/app/case-changes';
import type { CaseCommand } from '../shared/cases/lifecycle';
import { deskId, userId, type CaseRef } from '../shared/ids';
import { openFsBlobStore } from '../shared/store/fs-blobs';
import { openCosmosStore } from '../shared/store/cosmos';
import { startCosmosEmulator } from '../shared/store/test-support/cosmos-emulator';
import { GOOD_ANSWERS, openForm, submitForm } from '../bot/test-support/fault-form';
import { startHarness } from '../bot/test-support/harness';

export const name = 'partition sizes (real Cosmos items, ten years of Oslo)';

const CASES = 60;
/** Oslo: 200 000 cases a year, most of them at UKE (the assumption for the largest desk). */
const OSLO_PER_YEAR = 200_000;
const LARGEST_DESK_SHARE = 0.8;
const YEARS = 10;
const LIMIT_BYTES = 20 * 1024 ** 3;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
function stats(sizes: number[]): string {
  const s = [...sizes].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return `n=${s.length} median ${kb(at(0.5))}, p90 ${kb(at(0.9))}, max ${kb(s[s.length - 1] ?? 0)}, mean ${kb(mean)}`;
}

/** What the app sent to Cosmos, by kind: requests and bytes (written: request bodies; read: response bodies). */
interface Traffic {
  [kind: string]: { requests: number; bytes: number };
}

function kindOf(req: IncomingMessage): string | null {
  const url = req.url ?? '';
  if (!url.includes('/docs')) return null;
  if (String(req.headers['x-ms-cosmos-is-batch-request']).toLowerCase() === 'true') return 'batch (write)';
  if (String(req.headers['x-ms-documentdb-isquery']).toLowerCase() === 'true') return 'query (read)';
  if (req.method === 'GET') return 'point read';
  if (req.method === 'DELETE') return 'delete';
  return 'single write';
}

/** A counting proxy in front of the emulator: every byte the SDK sends and receives for documents. */
async function countingProxy(target: string, traffic: Traffic) {
  const to = new URL(target);
  const proxy = createServer((req, res) => {
    const kind = kindOf(req);
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      const sent = Buffer.concat(body);
      const up = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const back: Buffer[] = [];
          answer.on('data', (c: Buffer) => back.push(c));
          answer.on('end', () => {
            const got = Buffer.concat(back);
            if (kind) {
              const t = (traffic[kind] ??= { requests: 0, bytes: 0 });
              t.requests += 1;
              t.bytes += kind.includes('read') ? got.length : sent.length;
            }
            res.writeHead(answer.statusCode ?? 500, answer.headers);
            res.end(got);
          });
        },
      );
      up.end(sent);
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return proxy;
}

export async function run(): Promise<void> {
  const emulator = await startCosmosEmulator();
  const direct = emulator.endpoint;
  const traffic: Traffic = {};
  const proxy = await countingProxy(direct, traffic);
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-sizes-'));
  const store = await openCosmosStore({
    endpoint,
    key: 'any',
    databaseId: 'sizes',
    createIfMissing: true,
    blobs: openFsBlobStore(dir),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const h = await startHarness({ app: { store }, now: new Date('2026-03-03T08:30:00Z') });
  const ror = deskId('ror-ikt');
  try {
    // The desk's triage channel, so each change writes the card update and replies it causes in Teams.
    const desk = (await store.desks.get(ror))!;
    await store.desks.put(
      {
        ...desk.value,
        triageChannel: {
          teamId: 'team-ror',
          channelId: '19:triage@thread.tacv2',
          serviceUrl: h.serviceUrl,
          tenantId: 'tenant-1',
          name: 'Triage',
        },
      },
      desk.version,
    );
    h.app.catalogue.invalidate();
    const agent = userActor(
      { id: userId('demo-desk-ror'), name: 'Siri Kundeservice' },
      (await h.app.catalogue.get()).desks,
      h.app.deps.directory,
    );
    for (const k of Object.keys(traffic)) delete traffic[k];
    const rand = rng(2026);
    const step = (minutes: number) => {
      h.now.value = new Date(h.now.value.getTime() + minutes * 60_000);
    };
    for (let i = 0; i < CASES; i += 1) {
      const user = { aadObjectId: 'demo-ansatt-molde', name: 'Kari Nordmann' };
      const { clientKey } = await openForm(h, user);
      const res = await submitForm(h, user, clientKey, {
        ...GOOD_ANSWERS,
        title: `Sak ${i}: lønnsslippen vises ikke for ansatte i avdelingen`,
      });
      const ref = /FV-\d{4}-\d{6}/.exec(JSON.stringify(res.body))![0] as CaseRef;
      const reporter = userActor(
        { id: userId(user.aadObjectId), name: user.name },
        (await h.app.catalogue.get()).desks,
        h.app.deps.directory,
      );
      const act = async (who: typeof agent, command: CaseCommand) => {
        step(5 + Math.floor(rand() * 40));
        await h.app.deps.changes.apply(ref, command, who, h.now.value);
      };
      await act(agent, { type: 'claim' });
      const comments = Math.floor(rand() * 4);
      for (let c = 0; c < comments; c += 1)
        await act(agent, {
          type: 'comment',
          visibility: rand() < 0.5 ? 'public' : 'internal',
          text: 'Vi har sjekket tilgangene i Visma og ser at rollen mangler for din bruker. Vi følger opp.',
        });
      if (rand() < 0.3) {
        await act(agent, { type: 'wait', reason: 'supplier', supplierCaseNumber: `VIS-${10_000 + i}` });
        await act(agent, { type: 'resume', note: 'Leverandøren har rettet feilen i sitt miljø.' });
      }
      await act(agent, { type: 'solve', solution: 'Rollen er lagt til og lønnsslippen vises igjen.' });
      if (rand() < 0.1) {
        await act(reporter, { type: 'reject', comment: 'Den vises fortsatt ikke for meg.' });
        await act(agent, { type: 'solve', solution: 'Hurtigbufferen er tømt; nå skal den vises.' });
      }
      await act(reporter, { type: 'accept' });
      step(60);
    }

    const seen = { ...traffic };
    const client = new CosmosClient({
      endpoint: direct,
      key: 'any',
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const db = client.database('sizes');
    const read = async (container: string) =>
      (await db.container(container).items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll())
        .resources;
    const items = await read('cases');
    const pointers = await read('lookups');
    client.dispose();
    const size = (i: unknown) => Buffer.byteLength(JSON.stringify(i));
    const byType = new Map<string, number[]>();
    for (const i of items) {
      const kind = String(i.type);
      byType.set(kind, [...(byType.get(kind) ?? []), size(i)]);
    }
    byType.set('pointer (lookups)', pointers.map(size));
    console.log(
      `  ${CASES} cases through the fault form, each claimed, 0–3 comments, 30 % waiting on a supplier, 10 % a rejected solution, solved, accepted; triage channel linked`,
    );
    for (const [kind, sizes] of [...byType].sort()) console.log(`  ${kind.padEnd(18)} ${stats(sizes)}`);
    const events = items
      .filter((i) => i.type === 'case')
      .map((i) => ((i.data as { events: unknown[] }).events ?? []).length);
    console.log(`  events per case: ${stats(events.map((n) => n * 1024)).replace(/ KB/g, '')}`);
    // What one more event adds to a case item: the least-squares slope of size over events.
    const caseSizes = byType.get('case') ?? [];
    const mx = events.reduce((a, b) => a + b, 0) / events.length;
    const my = caseSizes.reduce((a, b) => a + b, 0) / caseSizes.length;
    const slope =
      events.reduce((a, x, i) => a + (x - mx) * (caseSizes[i]! - my), 0) /
      events.reduce((a, x) => a + (x - mx) ** 2, 0);
    console.log(`  each event adds about ${Math.round(slope)} bytes to the case item`);

    console.log('  what the app sent to Cosmos for these cases (creation and every change; no deliveries):');
    for (const [kind, t] of Object.entries(seen).sort())
      console.log(
        `    ${kind.padEnd(14)} ${(t.requests / CASES).toFixed(1)} requests and ${kb(t.bytes / CASES)} a case`,
      );
    const total = (kind: string) => (byType.get(kind) ?? []).reduce((a, b) => a + b, 0);
    const perCaseKept = (total('case') + total('summary') + total('clientKey')) / CASES;
    const outboxPerCase = total('outbox') / CASES;
    const largest = OSLO_PER_YEAR * LARGEST_DESK_SHARE;
    // Delivered messages expire after 7 days: at most a week's messages are in a partition at a time.
    const outboxResident = (largest / 52) * outboxPerCase;
    const tenYears = YEARS * largest * perCaseKept + outboxResident;
    const oneYear = largest * perCaseKept + outboxResident;
    console.log(
      `  kept per case in its partition (case + summary + client-key marker): ${kb(perCaseKept)}; outbox per case ${kb(outboxPerCase)} (expires 7 days after delivery)`,
    );
    console.log(
      `  largest desk (${LARGEST_DESK_SHARE * 100} % of ${OSLO_PER_YEAR} a year = ${largest}): by desk, ten years in one logical partition: ${gb(tenYears)} of 20 GB (${((100 * tenYears) / LIMIT_BYTES).toFixed(0)} %)`,
    );
    console.log(
      `  by (desk, year): one year per logical partition: ${gb(oneYear)} of 20 GB (${((100 * oneYear) / LIMIT_BYTES).toFixed(1)} %); a 3× busier year or 3× longer histories still fit`,
    );
  } finally {
    await h.close();
    await store.close();
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
