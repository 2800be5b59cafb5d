/**
 * The outbox's second transport: a signed HTTP POST to an operations supplier's endpoint, for outbox
 * messages of kind `webhook` (bot/messages/supplier-messages.ts writes them). The outbox sender calls it
 * as it calls Teams, with the same retries, backoff and parking:
 *
 * - 2xx: delivered. 408, 429, 5xx, a timeout or a network error: retried with backoff (a supplier's 429
 *   does not pause Teams' sends). Any other answer (3xx is not followed, 4xx): parked, the desk alerted.
 * - A supplier removed, disabled or without an endpoint, or whose signing secret is not in the
 *   environment: parked at once (waiting cannot fix configuration).
 *
 * The request is made when it is sent: the supplier's current endpoint and secret(s) (the previous one
 * too while rotating: both signatures in the header), a fresh timestamp (the receiver's replay window
 * is five minutes), and fresh short-lived links to the case's attachments. The body is the JSON the
 * message builder stored, with those links added. docs/supplier-webhooks.md documents it.
 */
import type { AttachmentLinks } from '../../shared/app/attachment-links';
import { ATTACHMENT_LINK_TTL_SECONDS } from '../../shared/app/attachment-links';
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
} from '../../shared/app/webhook-signature';
import type { OutboxEntry } from '../../shared/ports';
import type { Supplier } from '../../shared/suppliers/model';
import type { WebhookAttachment, WebhookBody } from '../../shared/suppliers/outbound';
import { DeliveryError } from './failures';

export type Transport = (e: OutboxEntry) => Promise<void>;

export interface WebhookTransportDeps {
  /** The supplier as configured now (the admin store). */
  supplier(id: string): Promise<Supplier | null>;
  /** A signing secret by its environment variable's name (`SupplierWebhook.secretName`). */
  secretOf(name: string): string | undefined;
  /** Makes the attachments' short-lived links; without it the body lists them without links. */
  links?: AttachmentLinks;
  now(): Date;
  /** How long to wait for the supplier's answer (default 10 s). */
  timeoutMs?: number;
}

const USER_AGENT = 'Fristvakt-Webhooks/1';

const park = (message: string, nb: string) => new DeliveryError('park', message, nb);
const retry = (message: string, nb: string) => new DeliveryError('retry', message, nb);

export function createWebhookTransport(deps: WebhookTransportDeps): Transport {
  const timeoutMs = deps.timeoutMs ?? 10_000;
  return async (e) => {
    const id = e.conversationKey.replace(/^supplier:/, '');
    const supplier = await deps.supplier(id);
    if (!supplier || supplier.disabled || !supplier.webhook)
      throw park(
        `supplier ${id} is gone, disabled or has no endpoint`,
        `Driftsleverandøren ${id} er fjernet, slått av eller har ikke lenger endepunkt.`,
      );
    const { url, secretName, previousSecretName } = supplier.webhook;
    const secrets = [secretName, ...(previousSecretName ? [previousSecretName] : [])]
      .map((n) => deps.secretOf(n))
      .filter((s): s is string => typeof s === 'string' && s.length > 0);
    if (secrets.length === 0)
      throw park(
        `the signing secret ${secretName} of supplier ${id} is not set`,
        `Signeringsnøkkelen til ${supplier.name} (${secretName}) mangler i miljøet. Be driftsansvarlig legge den inn.`,
      );
    const now = deps.now();
    const body = e.activity as unknown as WebhookBody;
    const expiresAt = new Date(now.getTime() + ATTACHMENT_LINK_TTL_SECONDS * 1000);
    const attachments: WebhookAttachment[] = (body.case?.attachments ?? []).map((a) =>
      deps.links
        ? {
            ...a,
            url: deps.links.link(body.case.reference, a.id, expiresAt),
            expiresAt: expiresAt.toISOString(),
          }
        : a,
    );
    const text = JSON.stringify({ ...body, case: { ...body.case, attachments } });
    const timestamp = Math.floor(now.getTime() / 1000);
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': USER_AGENT,
          [SIGNATURE_HEADER]: signWebhook(secrets, text, timestamp),
          [EVENT_ID_HEADER]: body.id,
          [EVENT_TYPE_HEADER]: body.type,
        },
        body: text,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw retry(
        `${supplier.name}: ${timedOut ? `no answer in ${timeoutMs} ms` : `network error: ${String(err)}`}`,
        timedOut
          ? `${supplier.name} svarte ikke i tide.`
          : `Fristvakt fikk ikke kontakt med endepunktet til ${supplier.name} (nettverksfeil).`,
      );
    }
    // The body is not read further than needed: drain it so the connection can be reused.
    await res.arrayBuffer().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return;
    if (res.status >= 500 || res.status === 408 || res.status === 429)
      throw retry(
        `${supplier.name}: HTTP ${res.status}`,
        `${supplier.name} svarte med feil (${res.status}).`,
      );
    throw park(
      `${supplier.name}: HTTP ${res.status}`,
      `${supplier.name} avviste meldingen (${res.status}). Sjekk endepunktet og signeringsnøkkelen.`,
    );
  };
}
