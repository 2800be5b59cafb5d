/**
 * Who is watching: every stored change of a case is published here by the change service (the one
 * writer), and the tab's live stream (`GET /api/cases/events`) passes each on to the signed-in people
 * who may see that case. In-process: on the embedded default (one instance) it is complete; with
 * several instances on Cosmos each instance hears its own writes, and the tab's client also polls
 * (see tab/api/handlers/events.ts) so another instance's change arrives within the poll interval.
 */
import type { Case } from '../cases/model';

export interface CaseChanged {
  case: Case;
  version: string;
}

export interface CaseFeed {
  publish(change: CaseChanged): void;
  /** Calls `fn` for each change from now on; returns the unsubscribe function. */
  subscribe(fn: (change: CaseChanged) => void): () => void;
  /** How many listen now (for the health of the live stream). */
  size(): number;
}

export function createCaseFeed(): CaseFeed {
  const listeners = new Set<(change: CaseChanged) => void>();
  return {
    publish(change) {
      for (const fn of listeners) {
        try {
          fn(change);
        } catch {
          // One broken listener (a closed stream) must not stop the others.
        }
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    size: () => listeners.size,
  };
}
