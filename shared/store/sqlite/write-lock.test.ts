import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { counted, countTries, createCounter, increment } from '../test-support/write-lock-counter';
import type { WriteLockJob } from '../test-support/write-lock-worker';
import { shareWriteLock, write, writeNow, type Db } from './io';
import { freeFrom, STUCK_MS, writeLock, writeLockFor } from './write-lock';

const dirs: string[] = [];
const open: Db[] = [];
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
  for (const db of open.splice(0)) if (db.open) db.close();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A new database file with the counter, and this thread's connection to it. */
function counterFile(): { file: string; db: Db } {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-write-lock-'));
  dirs.push(dir);
  const file = join(dir, 'counter.db');
  const db = new Database(file);
  open.push(db);
  createCounter(db);
  return { file, db };
}

/** Compiles the worker's TypeScript modules with esbuild as they are required (as the sources run under jest). */
const BOOTSTRAP = `
const { readFileSync } = require('node:fs');
const { workerData } = require('node:worker_threads');
const { transformSync } = require(workerData.esbuild);
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { loader: 'ts', format: 'cjs', target: 'node20' });
  module._compile(code, filename);
};
require(workerData.entry);
`;

function startWorker(job: WriteLockJob): Worker {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: {
      ...job,
      entry: join(__dirname, '../test-support/write-lock-worker.ts'),
      esbuild: require.resolve('esbuild'),
    },
  });
  workers.push(worker);
  return worker;
}

const message = <T>(worker: Worker): Promise<T> =>
  new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });

const turn = () => new Promise((next) => setImmediate(next));

describe('the write lock of a file shared by the connections of one process', () => {
  it('lets the main thread and a worker write at once without SQLite refusing either, and keeps every write', async () => {
    const { file, db } = counterFile();
    const lock = writeLockFor(file);
    shareWriteLock(db, writeLock(lock));
    const tries = countTries(db);
    const rounds = 200;
    const perRound = 10;
    const worker = startWorker({ mode: 'increments', file, lock, rounds, perRound });
    await message(worker);
    const theirs = message<{ done: number; refused: number }>(worker);
    worker.postMessage('go');
    let mine = 0;
    for (let r = 0; r < rounds; r++) {
      await Promise.all(Array.from({ length: perRound }, () => write(db, () => increment(db))));
      mine += perRound;
      await turn();
    }
    const { done, refused } = await theirs;
    expect(counted(db)).toBe(mine + done);
    expect(mine + done).toBe(2 * rounds * perRound);
    expect({ mine: tries.count - mine, theirs: refused }).toEqual({ mine: 0, theirs: 0 });
  });

  it('is released when the transaction throws, by a queued write and by a write now', async () => {
    const { file, db } = counterFile();
    const lock = writeLockFor(file);
    shareWriteLock(db, writeLock(lock));
    // Another thread's view of the lock: takes it only if no one holds it.
    const elsewhere = async () => {
      const worker = startWorker({ mode: 'hold', lock });
      const threadId = worker.threadId;
      await message(worker);
      const held = writeLock(lock).tryTake();
      await worker.terminate();
      freeFrom(lock, threadId);
      return held;
    };
    await expect(
      write(db, () => {
        increment(db);
        throw new Error('refused by the case');
      }),
    ).rejects.toThrow('refused by the case');
    expect(() =>
      writeNow(db, () => {
        throw new Error('refused by the month');
      }),
    ).toThrow('refused by the month');
    expect(writeLock(lock).tryTake()).toBe(true);
    writeLock(lock).release();
    expect(counted(db)).toBe(0);
    // And a worker holding it keeps this thread out until it is freed.
    expect(await elsewhere()).toBe(false);
    expect(writeLock(lock).tryTake()).toBe(true);
    writeLock(lock).release();
  });

  it('does not keep writes waiting beyond its bound for a worker terminated while holding it', async () => {
    const { file, db } = counterFile();
    const lock = writeLockFor(file);
    shareWriteLock(db, writeLock(lock));
    const worker = startWorker({ mode: 'hold', lock });
    await message(worker);
    await worker.terminate(); // nothing frees the lock: the waiting write finds it stuck
    const started = Date.now();
    await Promise.all([write(db, () => increment(db)), write(db, () => increment(db))]);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(STUCK_MS - 50);
    expect(waited).toBeLessThan(STUCK_MS + 1_000);
    expect(counted(db)).toBe(2);
    // From then on writes take it at once.
    const again = Date.now();
    await write(db, () => increment(db));
    expect(Date.now() - again).toBeLessThan(200);
  }, 10_000);

  it('is freed at once when the thread that started the worker frees what the ended worker held', async () => {
    const { file, db } = counterFile();
    const lock = writeLockFor(file);
    shareWriteLock(db, writeLock(lock));
    const worker = startWorker({ mode: 'hold', lock });
    const threadId = worker.threadId;
    await message(worker);
    const waiting = write(db, () => increment(db));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted(db)).toBe(0);
    const started = Date.now();
    await worker.terminate();
    freeFrom(lock, threadId);
    await waiting;
    expect(Date.now() - started).toBeLessThan(STUCK_MS / 2);
    expect(counted(db)).toBe(1);
  });

  it('lets a waiting thread write between the writes of a burst, not after all of them', async () => {
    const { file, db } = counterFile();
    const lock = writeLockFor(file);
    shareWriteLock(db, writeLock(lock));
    const worker = startWorker({ mode: 'one', file, lock });
    await message(worker);
    const seen = message<number>(worker);
    const view = writeLock(lock);
    // Held meanwhile, so that the burst's ten writes are all queued before the first runs.
    expect(view.tryTake()).toBe(true);
    // Inside the burst's first write, the worker asks for the lock.
    const burst = Array.from({ length: 10 }, (_, i) =>
      write(db, () => {
        increment(db);
        if (i !== 0) return;
        worker.postMessage('go');
        const until = Date.now() + 5_000;
        while (!view.othersWait() && Date.now() < until); // the worker is waiting for its turn
      }),
    );
    view.release();
    await Promise.all(burst);
    // The worker wrote right after the first write of the burst: it saw its own and that one.
    expect(await seen).toBe(2);
    expect(counted(db)).toBe(11);
  });

  it('is the same for every store of this thread on a file, and a worker adopts the one it is given', () => {
    const given = new SharedArrayBuffer(16);
    expect(writeLockFor('/tmp/x/../fristvakt-a.db')).toBe(writeLockFor('/tmp/fristvakt-a.db'));
    expect(writeLockFor('/tmp/fristvakt-b.db', given)).toBe(given);
    expect(writeLockFor('/tmp/fristvakt-b.db')).toBe(given);
  });
});

describe('the writes of one connection while another connection holds SQLite’s write lock', () => {
  it('wait in one queue: only the first asks SQLite again on each turn, and all land once it is free', async () => {
    const { file, db } = counterFile();
    const other = new Database(file);
    open.push(other);
    other.exec('BEGIN IMMEDIATE');
    const tries = countTries(db);
    const pending = Array.from({ length: 50 }, () => write(db, () => increment(db)));
    // The tries on each turn of the event loop while the lock is held (a refused write first asks
    // again on every turn).
    const perTurn: number[] = [];
    const until = Date.now() + 30;
    while (Date.now() < until) {
      const before = tries.count;
      await turn();
      perTurn.push(tries.count - before);
    }
    other.exec('COMMIT');
    await Promise.all(pending);
    expect(counted(db)).toBe(50);
    expect(perTurn.some((n) => n > 0)).toBe(true);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(2);
  });
});
