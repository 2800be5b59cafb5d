import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type { OutboxMessage } from '../../shared/ports';
import { startOutboxSender } from './outbox-sender';
import { botConnector } from './connector';
import {
  accepted,
  caseMessages,
  chatMessage,
  deliveriesPerId,
  newAdapter,
  openBench,
  putUserChat,
  recordingLogger,
  waitUntil,
  type Bench,
} from './test-support/setup';

const CONCURRENCY = 4; // the child's setting: at most this many sends are in flight when it dies

describe('outbox sender killed with SIGKILL mid-run', () => {
  let bench: Bench;
  afterEach(() => bench.close());

  it('loses nothing; at most the in-flight messages arrive twice', async () => {
    bench = await openBench({ faults: { rate429: 0.05, rate500: 0.05, retryAfterSeconds: 0.02, seed: 9 } });
    const chat = await putUserChat(bench.store, bench.fake.url, 'u1');
    const chat2 = await putUserChat(bench.store, bench.fake.url, 'u2');
    const messages: OutboxMessage[] = [];
    for (let n = 1; n <= 20; n++) messages.push(...caseMessages(n));
    for (let n = 1; n <= 60; n++) messages.push(chatMessage(n, n % 2 ? chat : chat2));
    await bench.store.outbox.enqueue(messages);

    const entry = join(__dirname, 'test-support', 'child-sender.ts');
    const outfile = join(bench.dir, 'child-sender.js');
    buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    const child = spawn(process.execPath, [outfile, bench.file, join(bench.dir, 'blobs')], {
      env: { ...process.env, NODE_PATH: join(__dirname, '..', '..', 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await bench.fake.waitFor(() => bench.fake.calls.filter(accepted).length >= 50, 20_000);
    child.kill('SIGKILL');
    await exited;
    const beforeCrash = bench.fake.calls.filter(accepted).length;
    expect(beforeCrash).toBeLessThan(messages.length);

    const store = bench.reopen();
    const s = startOutboxSender({
      store,
      connector: botConnector(newAdapter(), ''),
      botAppId: '',
      log: recordingLogger(),
      options: {
        baseDelayMs: 10,
        maxDelayMs: 100,
        pollIntervalMs: 10,
        concurrency: 4,
        ratePerSecond: 2000,
        maxAttempts: 100,
      },
    });
    await waitUntil(
      async () => {
        for (const m of messages)
          if ((await store.outbox.get(m.id, m.deskId))!.status !== 'delivered') return false;
        return true;
      },
      20_000,
      'all delivered',
    );
    await s.stop();

    const per = deliveriesPerId(bench.fake.calls);
    expect(per.size).toBe(messages.length); // nothing lost
    const twice = [...per.entries()].filter(([, n]) => n > 1);
    expect(twice.every(([, n]) => n === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(CONCURRENCY);
  });
});
