/**
 * Keeps a view current: reloads it (debounced) when the live stream says a case it shows changed, when
 * the stream reconnects after a drop, and on a slow timer — the fallback for changes written by another
 * server instance, which this instance's stream does not hear (see tab/api/handlers/events.ts).
 */
import { createContext, useContext, useEffect, useRef } from 'react';
import type { CaseChange, LiveFeed } from './live';

/** The page's one live feed (App provides it); without one, views reload on the timer only. */
export const LiveContext = createContext<LiveFeed | null>(null);

/** Several changes in a burst (a claim and its message) become one reload. */
export const LIVE_DEBOUNCE_MS = 300;
/** The fallback reload for changes the stream cannot hear (another instance's writes). */
export const LIVE_POLL_MS = 60_000;

/**
 * Calls `reload` when `concerns(change)` says a streamed change matters to the view (after
 * `LIVE_DEBOUNCE_MS`), after a reconnect, and every `LIVE_POLL_MS` while the page is visible.
 * `enabled: false` (nothing loaded yet) holds it back.
 */
export function useLiveRefresh(
  concerns: (change: CaseChange) => boolean,
  reload: () => void,
  enabled = true,
): void {
  const feed = useContext(LiveContext);
  const latest = useRef({ concerns, reload });
  latest.current = { concerns, reload };

  useEffect(() => {
    if (!enabled) return;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const soon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => latest.current.reload(), LIVE_DEBOUNCE_MS);
    };
    const unsubscribe = feed?.subscribe((s) => {
      if (s.kind === 'resync' || latest.current.concerns(s.change)) soon();
    });
    const poll = setInterval(() => {
      if (document.visibilityState !== 'hidden') latest.current.reload();
    }, LIVE_POLL_MS);
    return () => {
      clearTimeout(pending);
      clearInterval(poll);
      unsubscribe?.();
    };
  }, [feed, enabled]);
}
