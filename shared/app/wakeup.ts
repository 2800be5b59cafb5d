/**
 * A signal from the writers of outbox messages to the outbox sender: every write wakes it at once
 * instead of waiting for its next poll. Created by the composition root before anything writes, and
 * listened to by the sender once it runs (a wake before that is harmless: the first poll sends).
 */
export interface Wakeup {
  notify(): void;
  listen(fn: () => void): () => void;
}

export function createWakeup(): Wakeup {
  const listeners = new Set<() => void>();
  return {
    notify() {
      for (const fn of listeners) fn();
    },
    listen(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
