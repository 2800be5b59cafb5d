/**
 * Who is calling the supplier API: a configured, enabled supplier, by its API key (`X-Api-Key`) or an
 * Entra client-credentials token carrying the app role `Supplier.<id>` (checked with the tab's own
 * verification, `createTokenVerifier`; when the supplier lists `entraAppIds`, the token's client id
 * must be one of them). Anything else is 401, saying no more than that.
 *
 * The supplier is read from the catalogue (its cached copy, reloaded when the store's catalogue marker
 * moves), not from the store on every request: a supplier's system sends thousands a minute. An admin
 * save on this instance invalidates the copy at once, so a revoked key or a disabled supplier is refused
 * on the next request; on another instance within the catalogue's marker check
 * (`CATALOGUE_MARKER_CHECK_MS`). A key's hash is computed once (`createKeyMatcher`).
 */
import type { Request } from 'restify';
import type { JWTPayload } from 'jose';
import type { Catalogue } from '../../../shared/app/catalogue';
import { createKeyMatcher, keyOwner } from '../../../shared/app/supplier-keys';
import { SUPPLIER_ROLE_PREFIX, type Supplier } from '../../../shared/suppliers/model';
import { unauthorized } from '../http';

export const API_KEY_HEADER = 'x-api-key';

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export type SupplierAuthenticate = (req: Request) => Promise<Supplier>;

export function createSupplierAuthenticator(
  catalogue: Catalogue,
  verifyToken?: (token: string) => Promise<JWTPayload>,
  tenantId?: string,
): SupplierAuthenticate {
  const refused = () => unauthorized('the credential is not valid');
  const matches = createKeyMatcher();
  const enabled = async (id: string): Promise<Supplier> => {
    const found = (await catalogue.get()).supplier(id);
    if (!found || found.disabled) throw refused();
    return found;
  };
  return async (req) => {
    const key = header(req, API_KEY_HEADER);
    if (key !== undefined) {
      const owner = keyOwner(key.trim());
      if (!owner) throw refused();
      const found = await enabled(owner.supplierId);
      if (!matches(found, key.trim())) throw refused();
      return found;
    }
    const auth = header(req, 'authorization');
    if (auth !== undefined && verifyToken) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) throw unauthorized('the Authorization header must be a bearer token');
      const payload = await verifyToken(m[1]!);
      if (tenantId !== undefined && payload.tid !== tenantId)
        throw unauthorized('the token is from another tenant');
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r) => typeof r === 'string') : [];
      const ids = (roles as string[])
        .filter((r) => r.startsWith(SUPPLIER_ROLE_PREFIX))
        .map((r) => r.slice(SUPPLIER_ROLE_PREFIX.length));
      if (ids.length !== 1) throw unauthorized('the token carries no single Supplier.<id> role');
      const found = await enabled(ids[0]!);
      const client = [payload.azp, payload.appid].find((v): v is string => typeof v === 'string');
      if (found.entraAppIds.length > 0 && (!client || !found.entraAppIds.includes(client))) throw refused();
      return found;
    }
    throw unauthorized('sign-in required: X-Api-Key or an Entra bearer token');
  };
}
