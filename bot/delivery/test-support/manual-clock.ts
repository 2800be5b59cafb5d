/**
 * A simulated clock for the background jobs: time moves only when the test says so. `advanceTo` fires
 * the sleeps in time order and, after each, waits (in real time) until the woken job sleeps again
 * before time moves on. Counting a few quiet turns of the event loop is not enough: a store write may
 * wait in real time for the file's write lock (held by its checkpointer's thread), and a job still
 * running when time moved on read a later `now` than its wake-up.
 */
import type { Clock } from '../clock';

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class ManualClock implements Clock {
  private t: number;
  private sleepers: Sleeper[] = [];
  private seq = 0;

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      // Woken by the clock or by the signal; either way the signal lets go of it (a job's one signal
      // sees a sleep per sweep, thousands in a simulated week).
      const aborted = () => {
        this.sleepers = this.sleepers.filter((x) => x !== s);
        resolve();
      };
      const s: Sleeper = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', aborted);
          resolve();
        },
      };
      this.sleepers.push(s);
      signal?.addEventListener('abort', aborted, { once: true });
    });
  }

  /**
   * Lets the jobs run until `sleeping` sleeps wait (each running job loop keeps one; default: as many
   * as wait now), then until the event loop is quiet. Throws after `limitMs` of real time, naming what
   * it waited for, rather than let time move on under a job still running.
   */
  async settle(sleeping = this.sleepers.length, limitMs = 10_000): Promise<void> {
    const giveUp = Date.now() + limitMs;
    while (this.sleepers.length < sleeping) {
      if (Date.now() > giveUp)
        throw new Error(`ManualClock: ${this.sleepers.length} of ${sleeping} sleeps after ${limitMs} ms`);
      await turn();
    }
    let quiet = 0;
    let last = this.seq;
    for (let i = 0; i < 2000 && quiet < 4; i++) {
      await turn();
      if (this.seq === last) quiet += 1;
      else {
        last = this.seq;
        quiet = 0;
      }
    }
  }

  async advanceTo(target: Date | string): Promise<void> {
    const end = new Date(target).getTime();
    for (;;) {
      this.sleepers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.sleepers[0];
      if (!next || next.at > end) break;
      const sleeping = this.sleepers.length;
      this.sleepers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
      // The woken job sleeps again before time moves on.
      await this.settle(sleeping);
    }
    this.t = Math.max(this.t, end);
    await this.settle();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.t + ms));
  }
}
