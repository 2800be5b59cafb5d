/**
 * The write lock that the connections of one process to one database file share (the main thread's
 * store, the supplier API thread's, a second store on the same file): they take turns through it
 * instead of through SQLite. SQLite's own lock refuses a writer while another connection writes, and
 * the refused writer can only ask again later: two threads writing at once kept refusing each other,
 * and a write waited for the next free moment that it happened to ask in. Here a waiting writer sleeps
 * until the holder releases (`Atomics.waitAsync`, so its event loop goes on) and is woken at once.
 *
 * The lock is a few words of a `SharedArrayBuffer`, which a worker receives in its `workerData`:
 * - the holder: a thread's id plus one (`threadId` is 0 on the main thread), 0 when free;
 * - the next turn: the thread that asked while another held the lock; the others let it go first, so
 *   a thread that writes again and again does not keep the lock from one that waits (two threads that
 *   both keep writing take turns);
 * - the turns taken so far: a waiter that sees no turn taken for `STUCK_MS` finds the holder (or the
 *   thread whose turn was next) gone, as a worker terminated while holding it, and frees the lock.
 *
 * The lock only orders writers: SQLite's lock still guards the file (another process, the checkpointer),
 * so a writer that frees a stuck lock and writes meanwhile is still safe.
 */
import { resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

const HOLDER = 0;
const NEXT = 1;
const TURNS = 2;
const WORDS = 3;

/** No turn taken for this long: the holder, or the thread next, is gone (a transaction takes milliseconds). */
export const STUCK_MS = 1_000;

/** `Atomics.waitAsync` (Node has it; TypeScript declares it from ES2024's library, past this project's). */
const atomics = Atomics as unknown as {
  waitAsync(
    words: Int32Array,
    index: number,
    value: number,
    timeoutMs: number,
  ): { async: false; value: string } | { async: true; value: Promise<string> };
};

/** The real `setTimeout`, taken before any test can fake the timers. */
const realSetTimeout = setTimeout;

/** This thread's mark in the lock's words. */
const ME = threadId + 1;

export interface WriteLock {
  /** Takes the lock if it is free and no other thread waits for its turn; never waits. */
  tryTake(): boolean;
  /** Takes the lock once it is this thread's turn; the event loop goes on meanwhile. */
  take(): Promise<void>;
  /** Frees the lock if this thread holds it and wakes the waiters. */
  release(): void;
  /** True while another thread waits for its turn: the holder lets it go before its next write. */
  othersWait(): boolean;
}

export function writeLock(buffer: SharedArrayBuffer): WriteLock {
  const words = new Int32Array(buffer, 0, WORDS);
  const tryTake = (): boolean => {
    const next = Atomics.load(words, NEXT);
    if (next !== 0 && next !== ME) return false;
    if (Atomics.compareExchange(words, HOLDER, 0, ME) !== 0) return false;
    Atomics.add(words, TURNS, 1);
    if (next === ME && Atomics.compareExchange(words, NEXT, ME, 0) === ME) Atomics.notify(words, NEXT);
    return true;
  };
  return {
    tryTake,
    async take() {
      let turns = Atomics.load(words, TURNS);
      let since = Date.now();
      while (!tryTake()) {
        // Ask for the next turn, unless another thread already did: then wait for it to take its turn.
        const next = Atomics.load(words, NEXT);
        if (next === 0 && Atomics.compareExchange(words, NEXT, 0, ME) === 0) continue;
        const watched = next === ME ? HOLDER : NEXT;
        const seen = Atomics.load(words, watched);
        if (seen === 0) continue;
        const left = since + STUCK_MS - Date.now();
        if (left <= 0) {
          if (Atomics.load(words, TURNS) === turns) freeFrom(buffer, seen - 1);
          turns = Atomics.load(words, TURNS);
          since = Date.now();
          continue;
        }
        const waited = atomics.waitAsync(words, watched, seen, left);
        if (!waited.async) continue;
        // A pending `waitAsync` does not keep the event loop alive: a timer does, while it waits.
        const alive = realSetTimeout(() => undefined, left);
        await waited.value;
        clearTimeout(alive);
      }
    },
    release() {
      if (Atomics.compareExchange(words, HOLDER, ME, 0) === ME) Atomics.notify(words, HOLDER);
    },
    othersWait() {
      const next = Atomics.load(words, NEXT);
      return next !== 0 && next !== ME;
    },
  };
}

/**
 * Frees the lock of a thread that ended (its worker's `threadId`): what it held, and the turn it
 * waited for, so that the others need not wait `STUCK_MS` to find it gone.
 */
export function freeFrom(buffer: SharedArrayBuffer, endedThreadId: number): void {
  const words = new Int32Array(buffer, 0, WORDS);
  const mark = endedThreadId + 1;
  if (Atomics.compareExchange(words, HOLDER, mark, 0) === mark) Atomics.notify(words, HOLDER);
  if (Atomics.compareExchange(words, NEXT, mark, 0) === mark) Atomics.notify(words, NEXT);
}

/** This thread's lock of each database file, by its absolute path. */
const byFile = new Map<string, SharedArrayBuffer>();

/**
 * The write lock of `file` in this process: the one `given` (a worker's, from the thread that started
 * it), else the one this thread already uses for the file, else a new one. A worker that opens the
 * file passes on what this returns.
 */
export function writeLockFor(file: string, given?: SharedArrayBuffer): SharedArrayBuffer {
  const key = resolve(file);
  const buffer = given ?? byFile.get(key) ?? new SharedArrayBuffer(WORDS * Int32Array.BYTES_PER_ELEMENT);
  byFile.set(key, buffer);
  return buffer;
}
