/**
 * Who is calling the tab's API. In Teams the tab sends the SSO token (`authentication.getAuthToken`):
 * an Entra ID access token for the app's own API. It is checked here with jose: the signature against
 * the tenant's JWKS, the issuer (v2 `https://login.microsoftonline.com/<tenant>/v2.0` or v1
 * `https://sts.windows.net/<tenant>/`), the audience (the app id URI or the client id), the expiry and
 * the tenant (`tid`). The user's roles then come from `accessFor`: app roles (`roles`), groups
 * (`groups`), the directory and the desks' members.
 *
 * Development sign-in: when (and only when) `devSignIn` is set, a browser outside Teams may name a
 * configured user in the `X-Fristvakt-Dev-User` header instead of sending a token. The composition root
 * refuses the setting when FRISTVAKT_ENV=production; the UI shows a banner while it is used.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Request } from 'restify';
import { accessFor, type Directory, type Principal, type UserAccess } from '../../shared/access';
import type { Desk } from '../../shared/desks/model';
import { userId } from '../../shared/ids';
import { unauthorized } from './http';

export interface TabAuthSettings {
  /** The Entra tenant (directory) id. Tokens of any other tenant are refused. */
  tenantId: string;
  /** Accepted audiences: the app id URI (`api://<host>/<client id>`) and the client id. */
  audiences: string[];
  /** The tenant's signing keys, e.g. `https://login.microsoftonline.com/<tenant>/discovery/v2.0/keys`. */
  jwksUrl: string;
  /** Accepted issuers; default the tenant's v2 and v1 issuers. */
  issuers?: string[];
  /** Leeway for `exp`/`nbf`, in seconds (default 60). */
  clockToleranceSeconds?: number;
  /** Development sign-in (never in production; the config refuses it there). */
  devSignIn?: boolean;
}

export const DEV_USER_HEADER = 'x-fristvakt-dev-user';

/** The JWKS URL and issuers of an Entra tenant. */
export function entraEndpoints(tenantId: string): { jwksUrl: string; issuers: string[] } {
  return {
    jwksUrl: `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
    issuers: [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
  };
}

export interface Caller {
  principal: Principal;
  name: string;
  access: UserAccess;
  via: 'entra' | 'dev';
}

export type Authenticate = (req: Request, desks: readonly Desk[]) => Promise<Caller>;

const header = (req: Request, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;

/** Everyone the development sign-in may act as: the directory's users and the desks' members. */
export function devUsers(directory: Directory, desks: readonly Desk[]): Array<{ id: string; name: string }> {
  const out = new Map<string, string>();
  for (const [id, u] of Object.entries(directory.users)) out.set(id, u.name ?? id);
  for (const d of desks) for (const m of d.members) if (!out.has(m)) out.set(m, m);
  for (const ids of Object.values(directory.superusers))
    for (const id of ids) if (!out.has(id)) out.set(id, id);
  for (const id of directory.reportReaders) if (!out.has(id)) out.set(id, id);
  return [...out.entries()]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export function createAuthenticator(settings: TabAuthSettings, directory: Directory): Authenticate {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cooldownDuration: 30_000,
    cacheMaxAge: 3_600_000,
  });
  const issuers = settings.issuers ?? entraEndpoints(settings.tenantId).issuers;

  const verify = async (token: string): Promise<JWTPayload> => {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: issuers,
        audience: settings.audiences,
        clockTolerance: settings.clockToleranceSeconds ?? 60,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iss', 'aud'],
      });
      return payload;
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('the token has expired');
      if (err instanceof joseErrors.JWTClaimValidationFailed)
        throw unauthorized(`the token's ${err.claim} is not accepted`);
      if (err instanceof joseErrors.JOSEError) throw unauthorized(`the token is not valid (${err.code})`);
      throw unauthorized('the token could not be checked');
    }
  };

  return async (req, desks) => {
    const auth = header(req, 'authorization');
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      if (!m) throw unauthorized('the Authorization header must be a bearer token');
      const payload = await verify(m[1]);
      if (payload.tid !== settings.tenantId) throw unauthorized('the token is from another tenant');
      const oid = typeof payload.oid === 'string' ? payload.oid : undefined;
      if (!oid) throw unauthorized('the token names no user (oid)');
      const principal: Principal = {
        id: userId(oid),
        appRoles: strings(payload.roles) ?? [],
        groups: strings(payload.groups) ?? [],
      };
      const name = (typeof payload.name === 'string' && payload.name) || directory.users[oid]?.name || oid;
      return { principal, name, access: accessFor(principal, desks, directory), via: 'entra' };
    }
    const dev = header(req, DEV_USER_HEADER);
    if (dev !== undefined && settings.devSignIn) {
      const user = devUsers(directory, desks).find((u) => u.id === dev);
      if (!user) throw unauthorized('no such development user');
      const principal: Principal = { id: userId(user.id) };
      return { principal, name: user.name, access: accessFor(principal, desks, directory), via: 'dev' };
    }
    throw unauthorized('sign-in required');
  };
}
