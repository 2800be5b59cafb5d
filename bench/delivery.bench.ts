/**
 * Delivery: the SLA watcher's sweep over 50 000 open cases of `year-load.ts`'s three desks on the
 * embedded store (the first sweep, whose backlog becomes a digest card, under 1 s; steady and after a
 * restart under 100 ms), the outbox sender's throughput against the fake Bot Connector with 10 %
 * injected 429s, and a supplier's backlog in the triage channel: what a new case's post waits behind
 * once an operations supplier has changed its cases faster than Teams takes messages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Desk } from '../shared/desks/model';
import { isoInstant, userId } from '../shared/ids';
import type { OutboxMessage, Store } from '../shared/ports';
import { openSqliteStore } from '../shared/store/sqlite';
import { botConnector } from '../bot/delivery/connector';
import { startOutboxSender, type OutboxSenderOptions } from '../bot/delivery/outbox-sender';
import { startSlaWatcher } from '../bot/delivery/sla-watcher';
import { silentLogger } from '../bot/server/logger';
import { startFakeConnector } from '../bot/test-support/fake-connector';
import { channelConversationKey, triageThreadKey } from '../bot/delivery/sla-warning-message';
import { loadDesks, storedDesk, yearOfCases } from './year-load';

export const name = 'delivery (SLA watcher sweep, outbox sender)';

const OPEN_CASES = 50_000;
const NOW = new Date('2026-05-20T10:00:00Z'); // a Wednesday, 12:00 in Oslo: business hours

/**
 * The year's load (`year-load.ts`), its three preset desks with a triage channel each and an
 * escalation contact: the watcher posts its warnings and digests there.
 */
const LOAD = loadDesks();
const DESKS: Desk[] = LOAD.map((d, i) => ({
  ...storedDesk(d),
  triageChannel: {
    teamId: `19:team-${i}@thread.tacv2`,
    channelId: `19:triage-${i}@thread.tacv2`,
    serviceUrl: 'http://127.0.0.1:9/',
  },
  escalationContacts: [{ id: userId('u-lead'), name: 'Leder' }],
}));

/**
 * The open cases of the 10 days before NOW (a mix of on track, at risk, paused and breached), as the
 * year's load has them: every case still being worked, none solved yet.
 */
export async function seedOpenCases(store: Store): Promise<void> {
  for (const d of DESKS) await store.desks.put(d);
  const cases = yearOfCases({
    seed: 7,
    desks: LOAD,
    cases: OPEN_CASES,
    from: NOW.getTime() - 10 * 86_400_000,
    to: NOW.getTime(),
    now: NOW.getTime(),
    reporters: 3000,
    openOnly: true,
  });
  for (const c of cases) await store.cases.create(c, 2026, () => []);
}

async function benchWatcher(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-delivery-'));
  const store = openSqliteStore({ file: join(dir, 'store.db'), blobDir: join(dir, 'blobs') });
  try {
    let t = performance.now();
    await seedOpenCases(store);
    console.log(
      `seeded ${OPEN_CASES} open cases on 3 desks in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const watcher = startSlaWatcher({ store, log: silentLogger }, false);
    const sweep = async (label: string, at: Date, goalMs: number, w = watcher) => {
      t = performance.now();
      const cpu = process.cpuUsage();
      const r = await w.sweep(at);
      const ms = performance.now() - t;
      const used = process.cpuUsage(cpu);
      console.log(
        `${label}: ${ms.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU ` +
          `(${r.cases} cases read, ${r.due} warnings due, ${r.enqueued.length} enqueued, ${r.digests} digest cards; ` +
          `load ${loadavg()[0]!.toFixed(1)})  goal < ${goalMs} ms: ${ms < goalMs ? 'met' : 'MISSED'}`,
      );
    };
    const minute = (n: number) => new Date(NOW.getTime() + n * 60_000);
    await sweep('sweep 1 (first: the backlog becomes one digest card per desk)', NOW, 1000);
    await sweep('sweep 2 (steady state, one minute later)', minute(1), 100);
    await sweep('sweep 3 (steady state, one minute later)', minute(2), 100);
    await sweep(
      'sweep after a restart (new watcher, one minute later: the last sweep is read from the store)',
      minute(3),
      100,
      startSlaWatcher({ store, log: silentLogger }, false),
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchSender(
  label: string,
  count: number,
  retryAfterSeconds: number,
  options: OutboxSenderOptions,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-outbox-'));
  const store = openSqliteStore({ file: join(dir, 'store.db'), blobDir: join(dir, 'blobs') });
  const fake = await startFakeConnector({ faults: { rate429: 0.1, retryAfterSeconds, seed: 5 } });
  try {
    const desk = { ...DESKS[0]!, triageChannel: { ...DESKS[0]!.triageChannel!, serviceUrl: fake.url } };
    await store.desks.put(desk);
    for (let u = 0; u < 50; u++)
      await store.conversations.put(`user:u${u}`, {
        channelId: 'msteams',
        serviceUrl: fake.url,
        bot: { id: 'bot', name: 'Fristvakt' },
        conversation: { id: `a:chat-${u}`, conversationType: 'personal' },
      });
    const at = isoInstant(new Date('2026-05-20T10:00:00Z'));
    const messages: OutboxMessage[] = [];
    for (let i = 0; i < count; i++)
      messages.push({
        id: `m${i}`,
        deskId: desk.id,
        createdAt: at,
        operation: 'post',
        conversationKey: `user:u${i % 50}`,
        activity: { type: 'message', text: `Melding ${i}` },
      });
    await store.outbox.enqueue(messages);
    const t = performance.now();
    const sender = startOutboxSender({
      store,
      connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
      botAppId: '',
      log: silentLogger,
      options: { pollIntervalMs: 5, ...options },
    });
    while (sender.stats.delivered < count) await new Promise((r) => setTimeout(r, 5));
    const s = (performance.now() - t) / 1000;
    await sender.stop();
    const throttled = fake.calls.filter((c) => c.status === 429).length;
    console.log(
      `${label}: ${count} messages in ${s.toFixed(2)} s = ${(count / s).toFixed(0)} messages/s ` +
        `(${throttled} answered 429, ${fake.calls.length} calls, ${sender.stats.parked} parked)`,
    );
  } finally {
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Supplier changes in the backlog: 6 s of the agreed 10 000 requests a minute. */
const FLOOD_CHANGES = 1_000;
/** The supplier's cases, each with its thread in the triage channel. */
const FLOOD_THREADS = 300;

/**
 * The triage channel behind a supplier's burst. Each change the supplier makes to one of its cases
 * updates the case's card in the channel and adds a line to its thread (two Teams calls), at up to
 * 167 changes a second, against Teams' 50 calls a second for the whole app. After `FLOOD_CHANGES`
 * changes on `FLOOD_THREADS` posted threads, a new case from chat is posted: how long it waits, how
 * many calls the sender makes, and how long the backlog takes to drain, at Teams' limit.
 */
async function benchSupplierBacklog(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-backlog-'));
  const store = openSqliteStore({ file: join(dir, 'store.db'), blobDir: join(dir, 'blobs') });
  const fake = await startFakeConnector();
  const desk = { ...DESKS[0]!, triageChannel: { ...DESKS[0]!.triageChannel!, serviceUrl: fake.url } };
  const start = (options: OutboxSenderOptions) =>
    startOutboxSender({
      store,
      connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
      botAppId: '',
      log: silentLogger,
      options: { pollIntervalMs: 5, ...options },
    });
  const settled = async (ids: string[]) => {
    for (const id of ids) {
      const e = await store.outbox.get(id, desk.id);
      if (e?.status === 'pending') return false;
    }
    return true;
  };
  try {
    await store.desks.put(desk);
    const channel = channelConversationKey(desk.triageChannel);
    const t0 = Date.parse('2026-05-20T10:00:00Z');
    const ref = (i: number) => `FV-2026-${String(i + 1).padStart(6, '0')}`;
    const message = (
      i: number,
      id: string,
      ms: number,
      operation: OutboxMessage['operation'],
      activity: Record<string, unknown>,
    ): OutboxMessage => ({
      id,
      deskId: desk.id,
      createdAt: isoInstant(new Date(t0 + ms)),
      operation,
      conversationKey: channel,
      threadKey: triageThreadKey(ref(i)),
      activity,
    });
    // The supplier's cases are posted first, as they were when the supplier reported them.
    const posts = Array.from({ length: FLOOD_THREADS }, (_, i) =>
      message(i, `${ref(i)}:triage`, i, 'post', { type: 'message', text: `Ny sak ${ref(i)}` }),
    );
    await store.outbox.enqueue(posts);
    let sender = start({ ratePerSecond: 100_000, concurrency: 16 });
    while (!(await settled(posts.map((p) => p.id)))) await new Promise((r) => setTimeout(r, 20));
    await sender.stop();
    fake.clear();

    // A triage card of about the real size (6-7 KB) and a line in the thread per change.
    const card = (k: number) => ({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [{ type: 'TextBlock', text: `Endring ${k} `.repeat(500) }],
          },
        },
      ],
    });
    const backlog: OutboxMessage[] = [];
    for (let k = 0; k < FLOOD_CHANGES; k++) {
      const i = k % FLOOD_THREADS;
      const ms = 1_000 + k * 6;
      backlog.push(message(i, `${ref(i)}:s${k}:triage-update`, ms, 'update', card(k)));
      backlog.push(
        message(i, `${ref(i)}:s${k}:triage-reply`, ms, 'reply', {
          type: 'message',
          text: `Leverandøren skrev: endring ${k}`,
        }),
      );
    }
    const chat = message(
      FLOOD_THREADS,
      `${ref(FLOOD_THREADS)}:triage`,
      1_000 + FLOOD_CHANGES * 6 + 1,
      'post',
      {
        type: 'message',
        text: `Ny sak ${ref(FLOOD_THREADS)}`,
      },
    );
    await store.outbox.enqueue([...backlog, chat]);

    const t = performance.now();
    sender = start({});
    let chatAt = NaN;
    const all = [...backlog.map((m) => m.id), chat.id];
    for (;;) {
      if (Number.isNaN(chatAt) && (await settled([chat.id]))) chatAt = (performance.now() - t) / 1000;
      if (!Number.isNaN(chatAt) && (await settled(all))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const drained = (performance.now() - t) / 1000;
    await sender.stop();
    console.log(
      `supplier backlog in the triage channel (${FLOOD_CHANGES} changes on ${FLOOD_THREADS} case threads = ` +
        `${backlog.length} messages), then a new case's post, Teams limit 50 calls/s: the new case posted after ` +
        `${chatAt.toFixed(1)} s; the backlog drained in ${drained.toFixed(1)} s with ${fake.calls.length} Teams calls ` +
        `(${fake.calls.filter((c) => c.kind === 'update').length} card updates, ` +
        `${fake.calls.filter((c) => c.kind === 'reply').length} replies)`,
    );
  } finally {
    await fake.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await benchSupplierBacklog();
  await benchWatcher();
  await benchSender('outbox, 10 % 429 with Retry-After 1 s, Teams limit 50 req/s', 500, 1, {});
  await benchSender('outbox, 10 % 429 with Retry-After 0 s, Teams limit 50 req/s', 1000, 0, {});
  await benchSender('outbox, 10 % 429 with Retry-After 0 s, no rate limit (sender capacity)', 3000, 0, {
    ratePerSecond: 100_000,
    concurrency: 16,
  });
}
