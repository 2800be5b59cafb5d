/**
 * Who is calling the supplier API: a configured, enabled supplier, by its API key (`X-Api-Key`) or an
 * Entra client-credentials token carrying the app role `Supplier.<id>` (checked with the tab's own
 * verification, `createTokenVerifier`; when the supplier lists `entraAppIds`, the token's client id
 * must be one of them). Anything else is 401, saying no more than that.
 */
import type { Request } from 'restify';
import type { JWTPayload } from 'jose';
import { keyOwner, matchesActiveKey } from '../../../shared/app/supplier-keys';
import type { Store } from '../../../shared/ports';
import { SUPPLIER_ROLE_PREFIX, type Supplier } from '../../../shared/suppliers/model';
import { unauthorized } from '../http';

export const API_KEY_HEADER = 'x-api-key';

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

export type SupplierAuthenticate = (req: Request) => Promise<Supplier>;

export function createSupplierAuthenticator(
  store: Store,
  verifyToken?: (token: string) => Promise<JWTPayload>,
  tenantId?: string,
): SupplierAuthenticate {
  const refused = () => unauthorized('the credential is not valid');
  return async (req) => {
    const key = header(req, API_KEY_HEADER);
    if (key !== undefined) {
      const owner = keyOwner(key.trim());
      if (!owner) throw refused();
      const found = await store.admin.getSupplier(owner.supplierId);
      if (!found || found.value.disabled || !matchesActiveKey(found.value, key.trim())) throw refused();
      return found.value;
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
      const found = await store.admin.getSupplier(ids[0]!);
      if (!found || found.value.disabled) throw refused();
      const client = [payload.azp, payload.appid].find((v): v is string => typeof v === 'string');
      if (found.value.entraAppIds.length > 0 && (!client || !found.value.entraAppIds.includes(client)))
        throw refused();
      return found.value;
    }
    throw unauthorized('sign-in required: X-Api-Key or an Entra bearer token');
  };
}
