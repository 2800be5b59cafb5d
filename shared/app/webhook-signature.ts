/**
 * The signature of Fristvakt's webhooks to operations suppliers (docs/supplier-webhooks.md).
 *
 * Each request carries `Fristvakt-Signature: t=<unix seconds>,v1=<hex>` where `v1` is
 * HMAC-SHA256(secret, `<t>.<raw body>`). While a secret is being rotated the header carries one `v1`
 * per valid secret (the new one first). The receiver recomputes the HMAC over the raw bytes it got,
 * compares in constant time, and refuses a timestamp more than five minutes from its own clock: a
 * captured request cannot be replayed later, and a body changed in transit does not verify.
 *
 * `verifyWebhookSignature` is the receiving side's function as documented; the tests' supplier stub
 * uses it as it stands.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Fristvakt-Signature';
export const EVENT_ID_HEADER = 'Fristvakt-Event-Id';
export const EVENT_TYPE_HEADER = 'Fristvakt-Event-Type';
/** How far a signature's timestamp may be from the receiver's clock. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

const hmac = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');

/** The header value for `body` signed at `timestamp` (unix seconds) with each of `secrets`. */
export function signWebhook(secrets: readonly string[], body: string, timestamp: number): string {
  if (secrets.length === 0) throw new Error('a webhook needs at least one signing secret');
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${hmac(s, timestamp, body)}`)].join(',');
}

export type VerifyResult =
  { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'too_old' | 'mismatch' };

/**
 * The receiver's check: `header` is the `Fristvakt-Signature` value, `body` the raw request body as
 * received (before any JSON parsing), `secrets` the secret(s) the receiver accepts, `nowSeconds` its
 * clock. Valid when one `v1` matches one secret and `t` is within the replay window.
 */
export function verifyWebhookSignature(
  header: string | undefined,
  body: string,
  secrets: readonly string[],
  nowSeconds: number,
  windowSeconds = REPLAY_WINDOW_SECONDS,
): VerifyResult {
  if (!header) return { ok: false, reason: 'malformed' };
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && v && /^\d{1,12}$/.test(v)) timestamp = Number(v);
    else if (k === 'v1' && v && /^[0-9a-f]{64}$/.test(v)) candidates.push(v);
  }
  if (timestamp === undefined || candidates.length === 0) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - timestamp) > windowSeconds) return { ok: false, reason: 'too_old' };
  for (const secret of secrets) {
    const expected = Buffer.from(hmac(secret, timestamp, body), 'hex');
    for (const c of candidates)
      if (timingSafeEqual(expected, Buffer.from(c, 'hex'))) return { ok: true, timestamp };
  }
  return { ok: false, reason: 'mismatch' };
}
