import { startDelivery } from './index';
import {
  chatMessage,
  deliveriesPerId,
  DESK,
  newAdapter,
  openBench,
  putUserChat,
  recordingLogger,
  waitUntil,
  type Bench,
} from './test-support/setup';

describe('startDelivery (composition-root entry)', () => {
  let bench: Bench;
  afterEach(() => bench.close());

  it('two instances on one store: only the lease holder sends, every message arrives once', async () => {
    bench = await openBench();
    const key = await putUserChat(bench.store, bench.fake.url, 'u1');
    const options = { pollIntervalMs: 10, baseDelayMs: 10 };
    const a = startDelivery({
      store: bench.store,
      adapter: newAdapter(),
      botAppId: '',
      log: recordingLogger(),
      holder: 'A',
      sender: options,
    });
    await a.lease.ready;
    const b = startDelivery({
      store: bench.store,
      adapter: newAdapter(),
      botAppId: '',
      log: recordingLogger(),
      holder: 'B',
      sender: options,
    });
    await b.lease.ready;
    const messages = Array.from({ length: 30 }, (_, i) => chatMessage(i, key));
    await bench.store.outbox.enqueue(messages);
    a.kick();
    b.kick();
    await waitUntil(
      async () => {
        for (const m of messages)
          if ((await bench.store.outbox.get(m.id, DESK))!.status !== 'delivered') return false;
        return true;
      },
      5000,
      'delivery',
    );
    expect([a.lease.isHeld(), b.lease.isHeld()]).toEqual([true, false]);
    expect(a.sender.stats.delivered).toBe(30);
    expect(b.sender.stats.delivered).toBe(0);
    expect([...deliveriesPerId(bench.fake.calls).values()]).toEqual(Array(30).fill(1));
    await a.stop();
    await b.stop();
  });
});
