/**
 * The supplier API under load beside chat: one supplier posting incidents as fast as it may (its token
 * bucket: 10 000 a minute, bursts of 500; refusals are 429 and counted apart) while employees report
 * faults through the bot endpoint, on the embedded default (SQLite in a temp dir). Chat is measured
 * alone first, then with the supplier running: incidents/s and their p99, and chat's p99 both times.
 *
 * Duration per phase: `BENCH_SECONDS` (default 15). 20 chat clients, 20 supplier clients.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { silentLogger } from '../bot/server/logger';
import { VERBS } from '../bot/cards/verbs';
import { GOOD_ANSWERS } from '../bot/test-support/fault-form';
import { newApiKey } from '../shared/app/supplier-keys';
import { deskId, isoInstant, serviceId, userId } from '../shared/ids';
import { supplierId } from '../shared/suppliers/model';

export const name = 'suppliers: inbound incidents beside chat fault reports';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CHAT_CLIENTS = 20;
const SUPPLIER_CLIENTS = 20;

interface Tally {
  ok: number;
  limited: number;
  failed: number;
  ms: number[];
}
const tally = (): Tally => ({ ok: 0, limited: 0, failed: 0, ms: [] });

function summary(label: string, t: Tally, seconds: number): string {
  const s = [...t.ms].sort((a, b) => a - b);
  const at = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN).toFixed(1);
  return (
    `${label}: ${(t.ok / seconds).toFixed(0)}/s (${t.ok} ok` +
    `${t.limited ? `, ${t.limited} refused 429` : ''}${t.failed ? `, ${t.failed} failed` : ''}), ` +
    `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`
  );
}

/** Runs `clients` loops of `once` until `until`; each answer's status decides where it counts. */
async function load(clients: number, until: number, once: (i: number) => Promise<number>, t: Tally) {
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      while (Date.now() < until) {
        const t0 = performance.now();
        const status = await once(i).catch(() => 0);
        const ms = performance.now() - t0;
        if (status === 200 || status === 201) {
          t.ok += 1;
          t.ms.push(ms);
        } else if (status === 429) t.limited += 1;
        else t.failed += 1;
      }
    }),
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-suppliers-'));
  const config = {
    ...loadConfig({ FRISTVAKT_DATA_DIR: dir, FRISTVAKT_ENV: 'test' }),
    port: 0,
    host: '127.0.0.1',
  };
  const app = await startApp(config, { log: silentLogger, jobs: false });
  const serviceUrl = 'http://127.0.0.1:9/';
  try {
    const ror = (await app.store.desks.get(deskId('ror-ikt')))!;
    await app.store.desks.put(
      { ...ror.value, triageChannel: { teamId: 'team-1', channelId: '19:triage@thread.tacv2', serviceUrl } },
      ror.version,
    );
    const at = isoInstant(new Date());
    const key = newApiKey(supplierId('bench-drift'), at, userId('bench'));
    await app.store.admin.putSupplier(
      {
        id: supplierId('bench-drift'),
        name: 'Bench Drift',
        operates: ['infrastructure'],
        serviceIds: [serviceId('ror-nettverk')],
        deskId: deskId('ror-ikt'),
        phone: '+47 22 00 00 00',
        email: 'drift@bench.example',
        entraAppIds: [],
        apiKeys: [key.stored],
      },
      undefined,
      {
        id: 'bench',
        at,
        actor: { id: userId('bench') },
        objectType: 'supplier',
        objectId: 'bench-drift',
        action: 'create',
        after: {},
      },
    );
    app.catalogue.invalidate();

    const started = new Date(Date.now() - 10 * 60_000);
    const oslo = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Oslo',
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(started);
    const [startedDate, startedTime] = oslo.split(' ');
    const report = (i: number) =>
      fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: randomUUID(),
          channelId: 'msteams',
          serviceUrl,
          locale: 'nb-NO',
          from: { id: `29:bench-${i}`, name: `Bench ${i}`, aadObjectId: `bench-${i}` },
          recipient: { id: '28:bot', name: 'Fristvakt' },
          conversation: { id: `a:bench-${i}`, conversationType: 'personal', tenantId: 't' },
          value: {
            action: {
              type: 'Action.Execute',
              verb: VERBS.faultSubmit,
              data: {
                ...GOOD_ANSWERS,
                clientKey: randomUUID(),
                startedDate,
                startedTime,
              },
            },
          },
        }),
      }).then(async (r) => ((await r.text()).includes('FV-') ? r.status : 500));
    const incident = () =>
      fetch(`${app.url}/api/suppliers/v1/incidents`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': key.text },
        body: JSON.stringify({
          supplierReference: randomUUID(),
          serviceId: 'ror-nettverk',
          category: 'communication',
          priority: 'middels',
          title: 'Pakketap på kjernesvitsj',
          message: 'Overvåkingen melder 4 % pakketap på kjernesvitsj 2',
          startedAt: started.toISOString(),
        }),
      }).then(async (r) => {
        await r.arrayBuffer();
        return r.status;
      });

    console.log(`${CHAT_CLIENTS} chat clients, ${SUPPLIER_CLIENTS} supplier clients, ${SECONDS} s per phase`);
    const alone = tally();
    await load(CHAT_CLIENTS, Date.now() + SECONDS * 1000, report, alone);
    console.log(summary('chat fault reports alone', alone, SECONDS));

    const chat = tally();
    const inbound = tally();
    const until = Date.now() + SECONDS * 1000;
    await Promise.all([
      load(CHAT_CLIENTS, until, report, chat),
      load(SUPPLIER_CLIENTS, until, () => incident(), inbound),
    ]);
    console.log(summary('supplier incidents (201, our reference)', inbound, SECONDS));
    console.log(summary('chat fault reports meanwhile', chat, SECONDS));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
