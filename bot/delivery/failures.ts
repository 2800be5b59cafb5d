/**
 * What a failed send means: retry later (429, 5xx, 408, network errors, a thread not posted yet) or
 * park now (other 4xx: 403 the bot was removed, 404 the conversation is gone, 400 a bad activity; or no
 * conversation to send to). The reason is logged in English and shown to the desk in Norwegian.
 */
export type FailureKind = 'retry' | 'park';

export interface Failure {
  kind: FailureKind;
  /** HTTP status, when the connector answered. */
  status?: number;
  /** Whether Teams throttled us (429): the whole sender pauses. */
  throttled: boolean;
  /** From `Retry-After`, in ms. */
  retryAfterMs?: number;
  /** For the log and the outbox entry's `lastError`. */
  reason: string;
  /** For the desk's alert. */
  reasonNb: string;
}

/** A delivery problem found before calling the connector. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly reasonNb: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** `Retry-After` as seconds (fractions accepted) or an HTTP date, in ms from `nowMs`. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

interface HttpishError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { status?: number; headers?: { get?(name: string): string | undefined | null } };
}

const NB_BY_STATUS: Record<number, string> = {
  400: 'Teams avviste meldingen som ugyldig (400).',
  401: 'Fristvakt ble ikke godkjent av Teams (401). Sjekk appens passord/sertifikat.',
  403: 'Fristvakt har ikke lenger tilgang til samtalen (403). Er appen fjernet fra teamet eller chatten?',
  404: 'Samtalen eller meldingen finnes ikke lenger i Teams (404).',
  413: 'Meldingen er for stor for Teams (413).',
};

export function classifyFailure(err: unknown, nowMs: number): Failure {
  if (err instanceof DeliveryError)
    return { kind: err.kind, throttled: false, reason: err.message, reasonNb: err.reasonNb };
  const e = (err ?? {}) as HttpishError;
  const status = e.statusCode ?? e.response?.status;
  const message = (e.message ?? String(err)).slice(0, 300);
  if (status === undefined)
    return {
      kind: 'retry',
      throttled: false,
      reason: `network error: ${e.code ?? ''} ${message}`.trim(),
      reasonNb: 'Fristvakt fikk ikke kontakt med Teams (nettverksfeil).',
    };
  const retryAfterMs = parseRetryAfter(e.response?.headers?.get?.('retry-after'), nowMs);
  const base = { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  if (status === 429)
    return {
      ...base,
      kind: 'retry',
      throttled: true,
      reason: 'HTTP 429 throttled',
      reasonNb: 'Teams begrenset trafikken (429).',
    };
  if (status >= 500 || status === 408)
    return {
      ...base,
      kind: 'retry',
      throttled: false,
      reason: `HTTP ${status}: ${message}`,
      reasonNb: `Teams svarte med feil (${status}).`,
    };
  return {
    ...base,
    kind: 'park',
    throttled: false,
    reason: `HTTP ${status}: ${message}`,
    reasonNb: NB_BY_STATUS[status] ?? `Teams avviste meldingen (${status}).`,
  };
}
