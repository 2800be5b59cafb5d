/**
 * Supplier API keys (shared/suppliers/model.ts): made here, shown once, kept only as SHA-256. A key is
 * `fvk_<supplier id>_<key id>_<32 random bytes, base64url>`: 256 bits of secret, so a fast one-way hash
 * is enough (nobody can guess through the hash space), and checking one costs microseconds on every
 * request where scrypt would cost tens of milliseconds by design. Compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IsoInstant, UserId } from '../ids';
import {
  activeKeys,
  API_KEY_PREFIX,
  parseApiKey,
  type Supplier,
  type SupplierApiKey,
  type SupplierId,
} from '../suppliers/model';

export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** A new key for `supplier`: the text (shown once) and what is stored. */
export function newApiKey(
  supplier: SupplierId,
  at: IsoInstant,
  by: UserId,
): { text: string; stored: SupplierApiKey } {
  const id = randomBytes(6).toString('hex');
  const text = `${API_KEY_PREFIX}${supplier}_${id}_${randomBytes(32).toString('base64url')}`;
  return { text, stored: { id, hash: hashApiKey(text), hint: text.slice(-4), createdAt: at, createdBy: by } };
}

/** Which supplier and key a presented key names, before any lookup (null: not a key at all). */
export const keyOwner = (text: string): { supplierId: SupplierId; keyId: string } | null => parseApiKey(text);

/** Whether `text` is one of `supplier`'s active (not revoked) keys. */
export function matchesActiveKey(
  supplier: Pick<Supplier, 'apiKeys'>,
  text: string,
  hashOf: (text: string) => string = hashApiKey,
): boolean {
  const owner = parseApiKey(text);
  if (!owner) return false;
  const key = activeKeys(supplier).find((k) => k.id === owner.keyId);
  if (!key) return false;
  const want = Buffer.from(key.hash, 'hex');
  const got = Buffer.from(hashOf(text), 'hex');
  return want.length === got.length && timingSafeEqual(want, got);
}

/**
 * `matchesActiveKey` for a server that sees the same few keys thousands of times a minute: the hash
 * of a key that matched is remembered (at most `size` keys), so a supplier's steady traffic hashes
 * nothing. Only the hash is remembered, never a verdict: whether the key is still active is read from
 * the supplier given on every call, so a revoked key fails at once. A key that did not match is not
 * remembered (random keys cannot fill the memo).
 */
export function createKeyMatcher(size = 64): (supplier: Pick<Supplier, 'apiKeys'>, text: string) => boolean {
  const hashes = new Map<string, string>();
  return (supplier, text) => {
    let fresh: string | undefined;
    const ok = matchesActiveKey(supplier, text, (t) => hashes.get(t) ?? (fresh = hashApiKey(t)));
    if (ok && fresh !== undefined) {
      if (hashes.size >= size) hashes.clear();
      hashes.set(text, fresh);
    }
    return ok;
  };
}
