/**
 * The countdowns' clock: one ticking source the countdown cells subscribe to, so a tick re-renders only
 * them, not the grid. The time comes from `now()` (injectable; tests drive the browser's clock).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

export interface Ticker {
  now(): Date;
  subscribe(cb: () => void): () => void;
  snapshot(): number;
}

export function createTicker(now: () => Date = () => new Date(), intervalMs = 1000): Ticker {
  let current = now().getTime();
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    current = now().getTime();
    for (const l of listeners) l();
  };
  return {
    now: () => new Date(current),
    snapshot: () => current,
    subscribe(cb) {
      listeners.add(cb);
      if (!timer) timer = setInterval(tick, intervalMs);
      return () => {
        listeners.delete(cb);
        if (listeners.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}

export const TickerContext = createContext<Ticker>(createTicker());

/** The current time, re-rendering the caller at every tick. */
export function useNow(): Date {
  const ticker = useContext(TickerContext);
  const ms = useSyncExternalStore(ticker.subscribe, ticker.snapshot);
  return new Date(ms);
}
