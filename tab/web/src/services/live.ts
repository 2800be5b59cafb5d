/**
 * The tab's live stream of case changes (`GET /api/cases/events`, Server-Sent Events), read with
 * `fetch` streaming: `EventSource` cannot send the Authorization header the API needs. One connection
 * per signed-in page, opened when the first view listens and closed when the last one leaves. When the
 * stream drops it reconnects with a growing, jittered delay, and tells its listeners to reload
 * (`resync`): changes made while it was away were not heard. The server's feed is per instance, so the
 * views also reload on a slow timer (`useLiveRefresh`).
 */
import type { CaseStatus } from '../../../../shared/cases/model';
import { ApiFailure, type Api } from './api';

/** One dispatched Server-Sent Event. */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
}

/**
 * A Server-Sent Events parser (the WHATWG format): feed it text chunks as they arrive, split anywhere;
 * it calls `onMessage` for each complete event. Comment lines (`: ping`) are skipped, `data` lines are
 * joined with a newline, an event without data is not dispatched, `retry` goes to `onRetry`.
 */
export function createSseParser(
  onMessage: (m: SseMessage) => void,
  onRetry: (ms: number) => void = () => undefined,
): (chunk: string) => void {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let id: string | undefined;
  const line = (l: string) => {
    if (l === '') {
      if (data.length > 0)
        onMessage({ event: event || 'message', data: data.join('\n'), ...(id ? { id } : {}) });
      event = '';
      data = [];
      return;
    }
    if (l.startsWith(':')) return;
    const colon = l.indexOf(':');
    const field = colon < 0 ? l : l.slice(0, colon);
    let value = colon < 0 ? '' : l.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) onRetry(Number(value));
  };
  // After a \r at a chunk's end, a \n starting the next chunk is the same line end.
  let afterCr = false;
  return (chunk) => {
    if (afterCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    afterCr = false;
    buffer += chunk;
    const eol = /\r\n|\n|\r/g;
    let start = 0;
    let m: RegExpExecArray | null;
    while ((m = eol.exec(buffer)) !== null) {
      // A \r at the very end may be the first half of \r\n.
      if (m[0] === '\r' && m.index === buffer.length - 1) afterCr = true;
      line(buffer.slice(start, m.index));
      start = m.index + m[0].length;
    }
    buffer = buffer.slice(start);
  };
}

/** A stored change of a case the caller may see, as the stream sends it. */
export interface CaseChange {
  ref: string;
  version: string;
  status: CaseStatus;
  updatedAt: string;
}

export type LiveSignal =
  | { kind: 'case'; change: CaseChange }
  /** The stream (re)connected after a drop: changes meanwhile were missed; reload what is shown. */
  | { kind: 'resync' };

export interface LiveFeed {
  subscribe(fn: (signal: LiveSignal) => void): () => void;
}

export const STREAM_PATH = '/api/cases/events';

/** The reconnect delay after `attempt` failures in a row: 1 s, 2 s, 4 s … up to 30 s, ±20 % jitter. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + 0.4 * random()));
}

const isCaseChange = (v: unknown): v is CaseChange =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CaseChange).ref === 'string' &&
  typeof (v as CaseChange).version === 'string';

export function createLiveFeed(api: Api, options: { backoff?: (attempt: number) => number } = {}): LiveFeed {
  const backoff = options.backoff ?? backoffMs;
  const listeners = new Set<(signal: LiveSignal) => void>();
  let abort: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const emit = (s: LiveSignal) => {
    for (const fn of [...listeners]) fn(s);
  };

  const run = async (controller: AbortController): Promise<void> => {
    let attempt = 0;
    let everConnected = false;
    while (!controller.signal.aborted) {
      let delay = backoff(attempt);
      try {
        const res = await api.stream(STREAM_PATH, controller.signal);
        if (!res.body) throw new Error('no stream');
        if (everConnected) emit({ kind: 'resync' });
        everConnected = true;
        attempt = 0;
        const parse = createSseParser(
          (m) => {
            if (m.event !== 'case') return;
            try {
              const change: unknown = JSON.parse(m.data);
              if (isCaseChange(change)) emit({ kind: 'case', change });
            } catch {
              // A malformed event is skipped; the slow reload catches up.
            }
          },
          (ms) => {
            delay = ms;
          },
        );
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parse(value);
        }
      } catch (err) {
        if (controller.signal.aborted) return;
        // No stream on this server (route absent): the slow reload is all there is.
        if (err instanceof ApiFailure && err.status === 404) return;
        attempt += 1;
      }
      if (controller.signal.aborted) return;
      await new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(delay, backoff(attempt)));
        controller.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    }
  };

  return {
    subscribe(fn) {
      listeners.add(fn);
      if (!abort) {
        const controller = new AbortController();
        abort = controller;
        void run(controller);
      }
      return () => {
        listeners.delete(fn);
        if (listeners.size === 0 && abort) {
          abort.abort();
          abort = null;
          clearTimeout(timer);
        }
      };
    },
  };
}
