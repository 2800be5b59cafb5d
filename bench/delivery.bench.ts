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
import { median } from './stats';
import { MIX } from './suppliers-client';
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

/** The outbox sender on `store`, through the real SDK to the activities' serviceUrl, polling every 5 ms. */
const senderOn = (store: Store, options: OutboxSenderOptions) =>
  startOutboxSender({
    store,
    connector: botConnector(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    botAppId: '',
    log: silentLogger,
    options: { pollIntervalMs: 5, ...options },
  });

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
    const sender = senderOn(store, options);
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

/** Supplier requests behind the backlog: 6 s of the agreed 10 000 requests a minute. */
const FLOOD_REQUESTS = 1_000;
/** The supplier's cases, each with its thread in the triage channel. */
const FLOOD_THREADS = 300;
/** The agreed load: 10 000 requests a minute. */
const SUPPLIER_PER_SECOND = 10_000 / 60;
/** How long the supplier keeps up that rate while the sender runs. */
const SUSTAINED_SECONDS = Number(process.env.BENCH_SUSTAINED_SECONDS ?? 30);

/**
 * The triage channel of a desk on the fake Bot Connector, with `FLOOD_THREADS` case threads posted
 * (as they were when the supplier reported the cases), and the messages a supplier's change causes:
 * the case's card replaced (a card of about the real size, 6-7 KB) and a line in its thread.
 */
async function supplierChannel() {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-bench-backlog-'));
  const store = openSqliteStore({ file: join(dir, 'store.db'), blobDir: join(dir, 'blobs') });
  const fake = await startFakeConnector();
  const desk = { ...DESKS[0]!, triageChannel: { ...DESKS[0]!.triageChannel!, serviceUrl: fake.url } };
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
  const start = (options: OutboxSenderOptions) => senderOn(store, options);
  const settled = async (ids: string[]) => {
    for (const id of ids) if ((await store.outbox.get(id, desk.id))?.status !== 'delivered') return false;
    return true;
  };
  const posts = Array.from({ length: FLOOD_THREADS }, (_, i) =>
    message(i, `${ref(i)}:triage`, i, 'post', { type: 'message', text: `Ny sak ${ref(i)}` }),
  );
  await store.outbox.enqueue(posts);
  const first = start({ ratePerSecond: 100_000, concurrency: 16 });
  while (!(await settled(posts.map((p) => p.id)))) await new Promise((r) => setTimeout(r, 20));
  await first.stop();
  fake.clear();
  /** A comment as the desk's thread gets it: a card of its own (about 1.5 KB). */
  const comment = (k: number) => ({
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: `Kommentar ${k}: pakketapet er under 1 % etter omruting. `.repeat(20) },
      ],
    },
  });
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
  /**
   * The messages of the supplier's request `k` at `ms` after t0, in the supplier bench's mix
   * (`suppliers-client.ts`), on the case `k` names among the supplier's: a comment replaces the card
   * and arrives in the thread as a card of its own (with the line it goes as when folded); a status or
   * its case number replaces the card and adds a line; a new incident is posted as a new thread; a
   * read sends nothing.
   */
  const change = (k: number, ms: number): OutboxMessage[] => {
    const i = k % FLOOD_THREADS;
    const kind = MIX[k % MIX.length]!;
    if (kind === 'get') return [];
    if (kind === 'incident') return [message(100_000 + k, `${ref(100_000 + k)}:triage`, ms, 'post', card(k))];
    const update = message(i, `${ref(i)}:s${k}:triage-update`, ms, 'update', card(k));
    if (kind === 'comment')
      return [
        update,
        {
          ...message(i, `${ref(i)}:s${k}:desk-reply`, ms, 'reply', {
            type: 'message',
            attachments: [comment(k)],
          }),
          foldedText: `Leverandøren Kommentar: logg ${k}`,
        },
      ];
    const line = {
      type: 'message',
      text: `Leverandøren: ${kind === 'status' ? 'status' : 'saksnummer'} ${k}`,
    };
    return [update, message(i, `${ref(i)}:s${k}:triage-reply`, ms, 'reply', line)];
  };
  /** A new case from chat (case number FLOOD_THREADS + n), posted as a new thread. */
  const newCase = (n: number, ms: number) =>
    message(FLOOD_THREADS + n, `${ref(FLOOD_THREADS + n)}:triage`, ms, 'post', {
      type: 'message',
      text: `Ny sak ${ref(FLOOD_THREADS + n)}`,
    });
  const calls = () =>
    `${fake.calls.length} Teams calls (${fake.calls.filter((c) => c.kind === 'update').length} card updates, ` +
    `${fake.calls.filter((c) => c.kind === 'reply').length} replies)`;
  return {
    store,
    start,
    settled,
    change,
    newCase,
    calls,
    async close() {
      await fake.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The backlog of a supplier's burst: a change to a case replaces its card and adds a line or a card to
 * its thread (two Teams calls), against Teams' 50 calls a second for the whole app. After
 * `FLOOD_REQUESTS` requests (6 s of the agreed rate) a new case from chat is posted: how long it
 * waits, how many calls the sender makes, and how long the backlog takes to drain, at Teams' limit.
 */
async function benchSupplierBacklog(): Promise<void> {
  const ch = await supplierChannel();
  try {
    const backlog = Array.from({ length: FLOOD_REQUESTS }, (_, k) => ch.change(k, 1_000 + k * 6)).flat();
    const chat = ch.newCase(0, 1_000 + FLOOD_REQUESTS * 6 + 1);
    await ch.store.outbox.enqueue([...backlog, chat]);
    const t = performance.now();
    const sender = ch.start({});
    let chatAt = NaN;
    const all = [...backlog.map((m) => m.id), chat.id];
    for (;;) {
      if (Number.isNaN(chatAt) && (await ch.settled([chat.id]))) chatAt = (performance.now() - t) / 1000;
      if (!Number.isNaN(chatAt) && (await ch.settled(all))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const drained = (performance.now() - t) / 1000;
    await sender.stop();
    console.log(
      `supplier backlog in the triage channel (${FLOOD_REQUESTS} requests on ${FLOOD_THREADS} case threads = ` +
        `${backlog.length} messages), then a new case's post, Teams limit 50 calls/s: the new case posted after ` +
        `${chatAt.toFixed(1)} s; the backlog drained in ${drained.toFixed(1)} s with ${ch.calls()}`,
    );
  } finally {
    await ch.close();
  }
}

/**
 * The supplier at its agreed rate for `SUSTAINED_SECONDS` while the sender runs, a new case from chat
 * every 5 s: how long each new case waits for its post, and whether the backlog stays bounded (the
 * pending messages when the supplier stops).
 */
async function benchSupplierSustained(): Promise<void> {
  const ch = await supplierChannel();
  try {
    const sender = ch.start({});
    const t = performance.now();
    const elapsed = () => performance.now() - t;
    let k = 0;
    let n = 0;
    let messages = 0;
    const pendingNow = async () =>
      (await ch.store.outbox.listDue(isoInstant(new Date('2100-01-01T00:00:00Z')), 1e6)).length;
    /** Pending messages when each new case came, and when the supplier stopped. */
    const backlog: number[] = [];
    const waits: Promise<number>[] = [];
    const waitFor = async (id: string, from: number) => {
      while (!(await ch.settled([id]))) await new Promise((r) => setTimeout(r, 20));
      return (elapsed() - from) / 1000;
    };
    while (elapsed() < SUSTAINED_SECONDS * 1000) {
      const ms = elapsed();
      const batch: OutboxMessage[] = [];
      let post: OutboxMessage | undefined;
      for (; k < (ms / 1000) * SUPPLIER_PER_SECOND; k++) batch.push(...ch.change(k, 1_000 + ms));
      messages += batch.length;
      if (ms >= n * 5_000) {
        backlog.push(await pendingNow());
        post = ch.newCase(n++, 1_000 + ms);
        batch.push(post);
      }
      await ch.store.outbox.enqueue(batch);
      if (post) waits.push(waitFor(post.id, ms));
      await new Promise((r) => setTimeout(r, 50));
    }
    backlog.push(await pendingNow());
    const seconds = elapsed() / 1000;
    const calls = ch.calls();
    const delays = await Promise.all(waits);
    await sender.stop();
    console.log(
      `supplier at 10 000 requests a minute for ${seconds.toFixed(0)} s while the sender runs (${k} requests = ` +
        `${messages} messages on ${FLOOD_THREADS} case threads), a new case every 5 s: new cases posted after ` +
        `${delays.map((d) => d.toFixed(1)).join(', ')} s (median ${median(delays).toFixed(1)} s); messages pending then: ` +
        `${backlog.slice(0, -1).join(', ')}, and ${backlog.at(-1)} when the supplier stopped; ${calls}`,
    );
  } finally {
    await ch.close();
  }
}

export async function run(): Promise<void> {
  await benchSupplierBacklog();
  await benchSupplierSustained();
  await benchWatcher();
  await benchSender('outbox, 10 % 429 with Retry-After 1 s, Teams limit 50 req/s', 500, 1, {});
  await benchSender('outbox, 10 % 429 with Retry-After 0 s, Teams limit 50 req/s', 1000, 0, {});
  await benchSender('outbox, 10 % 429 with Retry-After 0 s, no rate limit (sender capacity)', 3000, 0, {
    ratePerSecond: 100_000,
    concurrency: 16,
  });
}
