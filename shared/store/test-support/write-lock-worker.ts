/**
 * A worker thread for the write lock's tests (`../sqlite/write-lock.test.ts`), run from the TypeScript
 * sources: `increments` opens its own connection to the file, shares the process's write lock, says
 * it is ready and, told to go, adds one to the counter `rounds` × `perRound` times (each round's writes
 * at once), then says how many of its writes SQLite refused the lock; `hold` takes the lock and never lets it go (until terminated);
 * `one` writes once when told (below).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { shareWriteLock, write } from '../sqlite/io';
import { writeLock } from '../sqlite/write-lock';
import { counted, countTries, increment } from './write-lock-counter';

export type WriteLockJob =
  | { mode: 'increments'; file: string; lock: SharedArrayBuffer; rounds: number; perRound: number }
  | { mode: 'hold'; lock: SharedArrayBuffer }
  | { mode: 'one'; file: string; lock: SharedArrayBuffer };

/** `one`: told to go, adds one to the counter in one write and says what the counter was then. */
async function one(job: Extract<WriteLockJob, { mode: 'one' }>): Promise<void> {
  const db = new Database(job.file);
  shareWriteLock(db, writeLock(job.lock));
  await new Promise<void>((go) => {
    parentPort!.once('message', () => go());
    parentPort!.postMessage('ready');
  });
  const seen = await write(db, () => {
    increment(db);
    return counted(db);
  });
  db.close();
  parentPort!.postMessage(seen);
}

async function increments(job: Extract<WriteLockJob, { mode: 'increments' }>): Promise<void> {
  const db = new Database(job.file);
  shareWriteLock(db, writeLock(job.lock));
  const tries = countTries(db);
  // Ready: the test starts writing when it says so, with this thread.
  await new Promise<void>((go) => {
    parentPort!.once('message', () => go());
    parentPort!.postMessage('ready');
  });
  let done = 0;
  for (let r = 0; r < job.rounds; r++) {
    await Promise.all(Array.from({ length: job.perRound }, () => write(db, () => increment(db))));
    done += job.perRound;
    await new Promise((next) => setImmediate(next));
  }
  db.close();
  parentPort!.postMessage({ done, refused: tries.count - done });
}

const job = workerData as WriteLockJob;
if (job.mode === 'hold') {
  writeLock(job.lock).tryTake();
  parentPort!.postMessage('held');
  setInterval(() => undefined, 60_000); // alive, holding it, until the test terminates the thread
} else if (job.mode === 'one') void one(job);
else void increments(job);
