import { isoInstant } from '../../shared/ids';
import type { OutboxMessage, Store } from '../../shared/ports';
import type { RecordedCall } from '../test-support/fake-connector';
import { botConnector } from './connector';
import { parkAlertId, startOutboxSender, type OutboxSender, type OutboxSenderOptions } from './outbox-sender';
import {
  accepted,
  caseMessages,
  chatMessage,
  deliveriesPerId,
  DESK,
  newAdapter,
  openBench,
  outboxIdOf,
  putUserChat,
  recordingLogger,
  TRIAGE_CHANNEL_ID,
  waitUntil,
  type Bench,
} from './test-support/setup';

const FAST: OutboxSenderOptions = {
  baseDelayMs: 10,
  maxDelayMs: 100,
  pollIntervalMs: 10,
  defaultThrottleMs: 20,
  concurrency: 4,
  ratePerSecond: 2000,
};

/** The desk's alert of this hour (or of the hour before, when the test ran across an hour). */
async function alertOfTheHour(bench: Bench) {
  for (const at of [new Date(), new Date(Date.now() - 3_600_000)]) {
    const e = await bench.store.outbox.get(parkAlertId(DESK, at), DESK);
    if (e) return e;
  }
  return null;
}

function sender(bench: Bench, options: OutboxSenderOptions = {}, store: Store = bench.store): OutboxSender {
  return startOutboxSender({
    store,
    connector: botConnector(newAdapter(), ''),
    botAppId: '',
    log: recordingLogger(),
    options: { ...FAST, ...options },
  });
}

async function statuses(store: Store, messages: OutboxMessage[]) {
  const out: Record<string, number> = {};
  for (const m of messages) {
    const e = await store.outbox.get(m.id, m.deskId);
    out[e!.status] = (out[e!.status] ?? 0) + 1;
  }
  return out;
}

describe('outbox sender against the fake Bot Connector', () => {
  let bench: Bench;
  afterEach(() => bench.close());

  it('posts a case thread in the channel, then updates and replies in it, through the real SDK', async () => {
    bench = await openBench();
    const [post, update, reply] = caseMessages(1);
    // Enqueued out of order on purpose: the update and reply must wait for the post.
    await bench.store.outbox.enqueue([update!, reply!]);
    await bench.store.outbox.enqueue([post!]);
    const s = sender(bench);
    await waitUntil(
      async () => (await statuses(bench.store, [post!, update!, reply!])).delivered === 3,
      5000,
      'delivery',
    );
    await s.stop();

    const calls = bench.fake.calls.filter(accepted);
    expect(calls.map((c) => c.kind)).toEqual(['create', 'update', 'reply']);
    const create = calls[0]!;
    const body = create.body as {
      isGroup: boolean;
      channelData: { channel: { id: string } };
      activity: { text: string };
    };
    expect(body.isGroup).toBe(true);
    expect(body.channelData.channel.id).toBe(TRIAGE_CHANNEL_ID);
    expect(body.activity.text).toBe('Ny sak FV-2026-000001');
    const thread = await bench.store.threads.get(post!.threadKey!);
    expect(thread).toEqual({
      conversationId: create.createdConversationId,
      activityId: create.responseId,
      serviceUrl: bench.fake.url,
      outboxId: post!.id,
    });
    // The update replaces the posted card; the reply answers in its thread (ids with ';' survive).
    expect(calls[1]).toMatchObject({
      conversationId: thread!.conversationId,
      activityId: thread!.activityId,
    });
    expect(calls[2]).toMatchObject({
      conversationId: thread!.conversationId,
      activityId: thread!.activityId,
    });
    expect(calls.map(outboxIdOf)).toEqual([post!.id, update!.id, reply!.id]);
  });

  it('under random 429/500 and a restart mid-run, delivers every message exactly once', async () => {
    bench = await openBench({ faults: { rate429: 0.1, rate500: 0.1, retryAfterSeconds: 0.03, seed: 42 } });
    const chats = [
      await putUserChat(bench.store, bench.fake.url, 'u1'),
      await putUserChat(bench.store, bench.fake.url, 'u2'),
    ];
    const messages: OutboxMessage[] = [];
    for (let n = 1; n <= 40; n++) messages.push(...caseMessages(n));
    for (let n = 1; n <= 40; n++) messages.push(chatMessage(n, chats[n % 2]!));
    expect(await bench.store.outbox.enqueue(messages)).toHaveLength(160);

    const first = sender(bench, { maxAttempts: 100 });
    await bench.fake.waitFor(() => bench.fake.calls.filter(accepted).length >= 50, 10_000);
    await first.stop();
    const beforeRestart = bench.fake.calls.filter(accepted).length;
    expect(beforeRestart).toBeLessThan(160); // really stopped mid-run

    // A restart: the same SQLite file opened again, a new adapter and a new sender.
    const store = bench.reopen();
    const second = sender(bench, { maxAttempts: 100 }, store);
    await waitUntil(async () => (await statuses(store, messages)).delivered === 160, 20_000, 'all delivered');
    await second.stop();

    const per = deliveriesPerId(bench.fake.calls);
    expect(per.size).toBe(160);
    expect([...per.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    // The faults did happen, and were retried.
    expect(bench.fake.calls.filter((c) => c.status === 429).length).toBeGreaterThan(3);
    expect(bench.fake.calls.filter((c) => c.status === 500).length).toBeGreaterThan(3);
    // Within each chat, messages arrived in the order they were written.
    for (const chat of ['a:chat-u1', 'a:chat-u2']) {
      const order = bench.fake.calls
        .filter((c) => accepted(c) && c.conversationId === chat)
        .map((c) => Number(outboxIdOf(c)!.split(':')[1]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
    // Every update and reply went to its own case's post.
    const created = new Map(
      bench.fake.calls
        .filter((c) => accepted(c) && c.kind === 'create')
        .map((c) => [outboxIdOf(c)!, c.responseId]),
    );
    for (const c of bench.fake.calls.filter(
      (x) => accepted(x) && (x.kind === 'update' || x.kind === 'reply'),
    )) {
      const ref = outboxIdOf(c)!.split(':')[0]!;
      expect(c.activityId).toBe(created.get(`${ref}:triage`));
    }
  });

  it('pauses every send after a 429 for its Retry-After', async () => {
    bench = await openBench();
    let throttled = false;
    bench.fake.setFaults({
      // Only the very first call is throttled, for 300 ms.
      override: () => (throttled ? undefined : ((throttled = true), 429)),
      retryAfterSeconds: 0.3,
    });
    const key = await putUserChat(bench.store, bench.fake.url, 'u1');
    const other = await putUserChat(bench.store, bench.fake.url, 'u2');
    await bench.store.outbox.enqueue([chatMessage(1, key), chatMessage(2, other)]);
    // One send at a time, so the other chat's message starts only after the 429 has arrived.
    const s = sender(bench, { baseDelayMs: 1, concurrency: 1 });
    await waitUntil(() => bench.fake.calls.filter(accepted).length === 2, 5000, 'two deliveries');
    await s.stop();
    const first = bench.fake.calls[0]!;
    expect(first.status).toBe(429);
    // Neither the throttled message nor the other chat's message went out during the pause.
    for (const c of bench.fake.calls.filter(accepted)) expect(c.at - first.at).toBeGreaterThanOrEqual(280);
    expect(s.stats.throttled).toBe(1);
  });

  it('parks at once on 403 (bot removed) and alerts the triage channel in Norwegian', async () => {
    bench = await openBench({
      faults: { override: (c) => (c.conversationId === 'a:chat-gone' ? 403 : undefined) },
    });
    const key = await putUserChat(bench.store, bench.fake.url, 'gone');
    const m = { ...chatMessage(1, key), caseRef: 'FV-2026-000009' as never };
    await bench.store.outbox.enqueue([m]);
    const s = sender(bench);
    await waitUntil(async () => (await alertOfTheHour(bench))?.status === 'delivered', 5000, 'alert');
    await s.stop();

    const parked = await bench.store.outbox.get(m.id, DESK);
    expect(parked).toMatchObject({ status: 'parked', attempts: 1 });
    expect(parked!.lastError).toContain('403');
    expect(bench.fake.calls.filter((c) => c.conversationId === 'a:chat-gone')).toHaveLength(1);
    const alert = bench.fake.calls.find((c) => accepted(c) && c.kind === 'create')!;
    const body = alert.body as { channelData: { channel: { id: string } }; activity: { text: string } };
    expect(body.channelData.channel.id).toBe(TRIAGE_CHANNEL_ID);
    expect(body.activity.text).toContain('FV-2026-000009');
    expect(body.activity.text).toContain('ikke lenger tilgang');
    expect(body.activity.text).toContain(m.id);
  });

  it('parks after maxAttempts of 500s; an alert that cannot be delivered is parked without another alert', async () => {
    bench = await openBench({ faults: { override: () => 500 } });
    const key = await putUserChat(bench.store, bench.fake.url, 'u1');
    await bench.store.outbox.enqueue([chatMessage(1, key)]);
    const s = sender(bench, { maxAttempts: 3 });
    await waitUntil(async () => (await alertOfTheHour(bench))?.status === 'parked', 5000, 'parked alert');
    await new Promise((r) => setTimeout(r, 100));
    await s.stop();
    expect(await bench.store.outbox.get('chat:1', DESK)).toMatchObject({ status: 'parked', attempts: 3 });
    expect(await alertOfTheHour(bench)).toMatchObject({ status: 'parked', attempts: 3 });
    // No alert about the alert: the only alert of the hour is the parked one.
    expect(s.stats.parked).toBe(2);
    expect(bench.fake.calls).toHaveLength(6);
  });

  it('parks a message for a conversation it does not know, with the reason', async () => {
    bench = await openBench();
    await bench.store.outbox.enqueue([chatMessage(1, 'user:nobody')]);
    const s = sender(bench);
    await waitUntil(
      async () => (await bench.store.outbox.get('chat:1', DESK))?.status === 'parked',
      5000,
      'parked',
    );
    await s.stop();
    expect((await bench.store.outbox.get('chat:1', DESK))!.lastError).toContain('no conversation reference');
  });

  it('after a crash between posting a thread and marking it, the restarted sender does not post again', async () => {
    bench = await openBench();
    const [post] = caseMessages(7);
    await bench.store.outbox.enqueue([post!]);
    // The process "dies" right after the post is recorded in the thread store: the mark never lands.
    const dying: Store = {
      ...bench.store,
      outbox: {
        ...bench.store.outbox,
        markDelivered: () => Promise.reject(new Error('process killed')),
      },
    };
    const a = sender(bench, {}, dying);
    await waitUntil(
      async () => (await bench.store.threads.get(post!.threadKey!)) !== null,
      5000,
      'thread recorded',
    );
    await a.stop();
    expect((await bench.store.outbox.get(post!.id, DESK))!.status).toBe('pending');

    const store = bench.reopen();
    const b = sender(bench, {}, store);
    await waitUntil(
      async () => (await store.outbox.get(post!.id, DESK))!.status === 'delivered',
      5000,
      'marked',
    );
    await b.stop();
    expect(bench.fake.calls.filter((c) => c.kind === 'create')).toHaveLength(1);
  });

  it('a message sent whose mark failed is not sent again by the same process', async () => {
    bench = await openBench();
    const key = await putUserChat(bench.store, bench.fake.url, 'u1');
    await bench.store.outbox.enqueue([chatMessage(1, key)]);
    let failMarks = 2;
    const flaky: Store = {
      ...bench.store,
      outbox: {
        ...bench.store.outbox,
        markDelivered: (...args) =>
          failMarks-- > 0
            ? Promise.reject(new Error('store busy'))
            : bench.store.outbox.markDelivered(...args),
      },
    };
    const s = sender(bench, {}, flaky);
    await waitUntil(
      async () => (await bench.store.outbox.get('chat:1', DESK))!.status === 'delivered',
      5000,
      'marked',
    );
    await s.stop();
    expect(bench.fake.calls.filter((c) => c.kind === 'send')).toHaveLength(1);
  });

  // A case changed faster than Teams takes messages (an operations supplier's burst, or the sender
  // held back by throttling): its thread's backlog goes as the last card and the lines as one reply.
  for (const [how, batchSize] of [
    ['its backlog listed in one round', 100],
    ['its backlog read from the store, the listing cut short', 1],
  ] as const)
    it(`condenses a thread: its last card once, one-line replies as one, in the thread's order (${how})`, async () => {
      bench = await openBench();
      const [post] = caseMessages(1);
      await bench.store.outbox.enqueue([post!]);
      let s = sender(bench);
      await waitUntil(async () => (await statuses(bench.store, [post!])).delivered === 1, 5000, 'the post');
      await s.stop();
      bench.fake.clear();

      let ms = 0;
      const later = (
        id: string,
        operation: OutboxMessage['operation'],
        activity: Record<string, unknown>,
      ) => ({
        ...post!,
        id: `${post!.caseRef}:${id}`,
        createdAt: isoInstant(new Date(Date.parse(post!.createdAt) + ++ms)),
        operation,
        activity,
      });
      const text = (t: string) => ({ type: 'message', text: t });
      const backlog: OutboxMessage[] = [
        later('u1', 'update', text('kort 1')),
        later('r1', 'reply', text('Leverandøren skrev: a')),
        later('u2', 'update', text('kort 2')),
        later('r2', 'reply', text('Leverandøren skrev: b')),
        later('c3', 'reply', { type: 'message', attachments: [{ contentType: 'card', content: {} }] }),
        later('r4', 'reply', text('Leverandøren skrev: c')),
        later('u3', 'update', text('kort 3')),
      ];
      const chat = chatMessage(1, await putUserChat(bench.store, bench.fake.url, 'u1'));
      await bench.store.outbox.enqueue([...backlog, chat]);
      s = sender(bench, { batchSize });
      await waitUntil(
        async () => (await statuses(bench.store, [...backlog, chat])).delivered === backlog.length + 1,
        5000,
        'the backlog',
      );
      await s.stop();

      const thread = bench.fake.calls.filter(
        (c) => accepted(c) && c.conversationId?.startsWith(TRIAGE_CHANNEL_ID),
      );
      const what = (c: RecordedCall) => {
        const b = c.body as { text?: string; attachments?: unknown[] };
        return `${c.kind} ${b.text ?? `${b.attachments?.length ?? 0} card(s)`} (${outboxIdOf(c)})`;
      };
      const ref = post!.caseRef;
      expect(thread.map(what)).toEqual([
        `update kort 3 (${ref}:u1)`,
        `reply Leverandøren skrev: a\n\nLeverandøren skrev: b (${ref}:r1)`,
        `reply 1 card(s) (${ref}:c3)`,
        `reply Leverandøren skrev: c (${ref}:r4)`,
      ]);
      expect(bench.fake.calls.filter((c) => accepted(c) && c.kind === 'send').map(outboxIdOf)).toEqual([
        chat.id,
      ]);
      expect(s.stats).toMatchObject({ delivered: 5, condensed: 3, retried: 0, parked: 0 });
    });
});
