/**
 * Short-lived download links for a case's attachments, for parties without a Fristvakt sign-in (an
 * operations supplier receiving a case by webhook): `<base>/api/attachment-links/<ref>/<id>?exp=<unix
 * seconds>&sig=<hex>`, where `sig` is HMAC-SHA256(server secret, `<ref>/<id>/<exp>`). The link names
 * one attachment of one case and stops working at `exp`; the server's secret never leaves it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LeaseStore } from '../ports';

/** How long a link in a webhook stays valid (the supplier fetches the files when it takes the case). */
export const ATTACHMENT_LINK_TTL_SECONDS = 60 * 60;
export const ATTACHMENT_LINK_PATH = '/api/attachment-links';

export interface AttachmentLinks {
  /** The link to attachment `id` of `ref`, valid until `expiresAt`. */
  link(ref: string, id: string, expiresAt: Date): string;
  /** Whether a request's `exp` and `sig` are this server's and not expired at `now`. */
  valid(ref: string, id: string, exp: string | undefined, sig: string | undefined, now: Date): boolean;
}

/** `baseUrl`: the server's public address, asked when a link is made (known once it listens). */
export function createAttachmentLinks(secret: string, baseUrl: () => string): AttachmentLinks {
  if (secret.length < 16) throw new Error('the attachment link secret must have at least 16 characters');
  const sign = (ref: string, id: string, exp: number): string =>
    createHmac('sha256', secret).update(`${ref}/${id}/${exp}`, 'utf8').digest('hex');
  return {
    link(ref, id, expiresAt) {
      const base = baseUrl().replace(/\/+$/, '');
      const exp = Math.floor(expiresAt.getTime() / 1000);
      return `${base}${ATTACHMENT_LINK_PATH}/${encodeURIComponent(ref)}/${encodeURIComponent(id)}?exp=${exp}&sig=${sign(ref, id, exp)}`;
    },
    valid(ref, id, exp, sig, now) {
      if (!exp || !/^\d{1,12}$/.test(exp) || !sig || !/^[0-9a-f]{64}$/.test(sig)) return false;
      if (Number(exp) * 1000 <= now.getTime()) return false;
      return timingSafeEqual(Buffer.from(sign(ref, id, Number(exp)), 'hex'), Buffer.from(sig, 'hex'));
    },
  };
}

const SECRET_MARK = 'attachment-link-secret';

/**
 * The server's link secret, kept in the store so every instance signs and checks alike: made at the
 * first start (32 random bytes), read afterwards. Two instances starting together both read back the
 * one written last.
 */
export async function attachmentLinkSecret(leases: Pick<LeaseStore, 'getMark' | 'putMark'>): Promise<string> {
  const existing = await leases.getMark(SECRET_MARK);
  if (existing) return existing;
  await leases.putMark(SECRET_MARK, randomBytes(32).toString('hex'));
  return (await leases.getMark(SECRET_MARK)) ?? '';
}
