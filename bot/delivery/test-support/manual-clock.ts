/**
 * A simulated clock for the background jobs: time moves only when the test says so. `advanceTo` fires
 * the sleeps in time order and, after each, lets the woken job run until it sleeps again (its store
 * calls are synchronous SQLite under a promise, so a few turns of the event loop are enough).
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
      const s: Sleeper = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      this.sleepers.push(s);
      signal?.addEventListener(
        'abort',
        () => {
          this.sleepers = this.sleepers.filter((x) => x !== s);
          resolve();
        },
        { once: true },
      );
    });
  }

  /** How many sleeps are waiting (each running job loop keeps one). */
  get waiting(): number {
    return this.sleepers.length;
  }

  /** Lets woken jobs run until every one of them sleeps again (or `maxTurns` pass). */
  async settle(maxTurns = 2000): Promise<void> {
    let quiet = 0;
    let last = this.seq;
    for (let i = 0; i < maxTurns && quiet < 4; i++) {
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
      this.sleepers.shift();
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await this.settle();
    }
    this.t = Math.max(this.t, end);
    await this.settle();
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(new Date(this.t + ms));
  }
}
