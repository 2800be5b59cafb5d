/**
 * Operations suppliers (driftsleverandører, seed 001 M.1.3 and M.2; seed 002 §3.2.3) as configured
 * parties: who they are, which services they operate, how they sign in to the supplier API and where
 * Fristvakt sends their webhooks. Pure: key hashing and secret lookup live on the Node side
 * (`shared/app/supplier-keys.ts`, `shared/app/supplier-secrets.ts`).
 *
 * Credentials, two kinds (either or both):
 * - **Entra client credentials** (preferred): the supplier's own app registration gets the app role
 *   `Supplier.<id>` on Fristvakt's API; its tokens are checked like the tab's (`tab/api/auth.ts`).
 *   `entraAppIds` pins the client ids (`azp`/`appid`) allowed to carry the role.
 * - **API keys**: shown once when created, stored only as the SHA-256 of the key. A key is 256 random
 *   bits, so a slow password hash (scrypt) buys nothing against guessing and would cost every request a
 *   deliberate delay; SHA-256 is one-way and compared in constant time. At most `MAX_ACTIVE_KEYS` are
 *   valid at once (rotate: create the new one, switch, revoke the old one). A revoked key stays listed
 *   (who, when) but never matches.
 *
 * Webhooks: `webhook.url` (https) and the NAME of the signing secret, never the secret itself. Secrets
 * live where every other secret does (docs/operations.md: Key Vault, surfaced to the app as environment
 * variables through Key Vault references): the store, its backups and the audit log never hold one.
 */
import type { Brand, DeskId, IsoInstant, OrgId, ServiceId, UserId } from '../ids';

/** A configured supplier, e.g. `sopra-steria`. */
export type SupplierId = Brand<string, 'SupplierId'>;
export const supplierId = (s: string): SupplierId => s as SupplierId;

/** Which kind of operations it runs (seed 001 M.2: driftsleverandør applikasjon / infrastruktur). */
export type SupplierOperates = 'application' | 'infrastructure';

/** One API key: its id (shown in the key's text), the SHA-256 of the whole key, and its life. */
export interface SupplierApiKey {
  id: string;
  /** Hex SHA-256 of the full key text. */
  hash: string;
  /** The key's last four characters, to tell keys apart in the admin page. */
  hint: string;
  createdAt: IsoInstant;
  createdBy: UserId;
  revokedAt?: IsoInstant;
  revokedBy?: UserId;
}

export interface SupplierWebhook {
  /** Where signed case messages are POSTed (https only). */
  url: string;
  /**
   * The name of the environment variable (a Key Vault reference in Azure) holding the HMAC-SHA256
   * signing secret, e.g. `FRISTVAKT_SUPPLIER_SECRET_SOPRA_STERIA`.
   */
  secretName: string;
  /** While rotating: the previous secret's variable, still accepted by the supplier for a while. */
  previousSecretName?: string;
}

export interface Supplier {
  id: SupplierId;
  name: string;
  operates: SupplierOperates[];
  /** The services it operates (the catalogue's ids): its incidents name one of these. */
  serviceIds: ServiceId[];
  /** The desk that receives its incidents (M.2.1.3: Brukerstøtte 2. linje). */
  deskId: DeskId;
  /** The virksomhet its incidents are filed under (absent: the service's first, else the desk's first). */
  orgId?: OrgId;
  /** Phoned for critical faults (M.2.1.3: kritisk = telefon og e-post). */
  phone: string;
  email: string;
  /** Entra client ids allowed to act as this supplier (with the app role `Supplier.<id>`). */
  entraAppIds: string[];
  apiKeys: SupplierApiKey[];
  webhook?: SupplierWebhook;
  /** A disabled supplier's requests are refused (401) and nothing is sent to it. */
  disabled?: boolean;
}

/** The Entra app role that makes a client-credentials token act as supplier `id`. */
export const SUPPLIER_ROLE_PREFIX = 'Supplier.';
export const supplierRole = (id: SupplierId): string => `${SUPPLIER_ROLE_PREFIX}${id}`;

/** At most two keys valid at a time: the current one and the one being rotated in. */
export const MAX_ACTIVE_KEYS = 2;

export const activeKeys = (s: Pick<Supplier, 'apiKeys'>): SupplierApiKey[] =>
  s.apiKeys.filter((k) => k.revokedAt === undefined);

/** What the admin page and the API show of a supplier: key hashes left out. */
export type SupplierView = Omit<Supplier, 'apiKeys'> & {
  apiKeys: Array<Omit<SupplierApiKey, 'hash'>>;
};

export const supplierView = (s: Supplier): SupplierView => ({
  ...s,
  apiKeys: s.apiKeys.map(({ hash: _hash, ...k }) => {
    void _hash;
    return k;
  }),
});

/**
 * The text of an API key: `fvk_<supplier id>_<key id>_<secret>`. The supplier id and key id let the
 * server find the one hash to compare without an index of hashes; the secret is 32 random bytes,
 * base64url. Supplier ids never contain `_` (`SUPPLIER_ID`), key ids are hex.
 */
export const API_KEY_PREFIX = 'fvk_';
export const SUPPLIER_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseApiKey(text: string): { supplierId: SupplierId; keyId: string } | null {
  const m = /^fvk_([a-z0-9][a-z0-9-]{0,62})_([0-9a-f]{8,32})_[A-Za-z0-9_-]{43}$/.exec(text);
  return m ? { supplierId: supplierId(m[1]!), keyId: m[2]! } : null;
}

/** The environment variable names a signing secret may have. */
export const SECRET_NAME = /^FRISTVAKT_SUPPLIER_[A-Z0-9_]{1,80}$/;

/**
 * The Key Vault secret an app setting named `name` refers to (infra/main.bicep `supplierSecretNames`):
 * the same name in lower case with dashes, as Key Vault secret names take no underscores.
 */
export const keyVaultSecretNameOf = (name: string): string => name.trim().replace(/_/g, '-').toLowerCase();

/**
 * A supplier's signing secret from the process's settings, by the name the supplier's settings give:
 * only a `FRISTVAKT_SUPPLIER_…` name, never an empty value, and never a Key Vault reference App Service
 * could not resolve (it then leaves the setting's text, `@Microsoft.KeyVault(…)`, as the value: signing
 * with that guessable text would be worse than not sending). Undefined: the webhook is parked and the
 * desk told the secret is missing.
 */
export function supplierSecretFrom(
  env: Readonly<Partial<Record<string, string | undefined>>>,
  name: string,
): string | undefined {
  if (!SECRET_NAME.test(name)) return undefined;
  const value = env[name];
  if (!value || /^@Microsoft\.KeyVault\(/i.test(value.trim())) return undefined;
  return value;
}
