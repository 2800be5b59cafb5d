/**
 * Who is calling the tab's API. In Teams the tab sends the SSO token (`authentication.getAuthToken`):
 * an Entra ID access token for the app's own API. It is checked here with jose: the signature against
 * the tenant's JWKS, the issuer (v2 `https://login.microsoftonline.com/<tenant>/v2.0` or v1
 * `https://sts.windows.net/<tenant>/`), the audience (the app id URI or the client id), the expiry and
 * the tenant (`tid`). The user's roles then come from `accessFor`: app roles (`roles`), groups
 * (`groups`), the directory and the desks' members.
 *
 * When the tenant's signing keys cannot be fetched (Entra ID unreachable, an error page instead of the
 * keys), the answer is 503 SIGN_IN_UNAVAILABLE with a log line naming the keys' URL, not 401: the
 * token may well be good.
 *
 * Development sign-in: when (and only when) `devSignIn` is set, a browser outside Teams may name a
 * configured user in the `X-Fristvakt-Dev-User` header instead of sending a token. The configuration
 * turns it on only with FRISTVAKT_ENV=development and the demo directory on (`bot/config.ts`); the
 * server logs it at start, `GET /api/dev/sign-in` tells the tab (for its banner) whether it is on and
 * why, and `/api/me` says when the caller used it.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Request } from 'restify';
import { accessFor, type Directory, type Principal, type UserAccess } from '../../shared/access';
import type { Desk } from '../../shared/desks/model';
import { userId } from '../../shared/ids';
import { signInUnavailable, unauthorized } from './http';

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
  /** Development sign-in (only with FRISTVAKT_ENV=development and the demo directory on). */
  devSignIn?: boolean;
  /** Why the development sign-in is on, for the banner and the logs (e.g. the settings that turned it on). */
  devSignInReason?: string;
}

/** `GET /api/dev/sign-in`: whether the development sign-in is on and why (the tab shows a banner). */
export interface DevSignInStatus {
  devSignIn: boolean;
  /** Set when it is on: what turned it on, in the settings' own words. */
  reason?: string;
}

export const devSignInStatus = (settings: TabAuthSettings): DevSignInStatus =>
  settings.devSignIn
    ? {
        devSignIn: true,
        reason: settings.devSignInReason ?? 'FRISTVAKT_ENV=development and FRISTVAKT_DEMO_DIRECTORY=on',
      }
    : { devSignIn: false };

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

/**
 * Whether a failed check means "the keys could not be had" rather than "the token is bad": the JWKS
 * request timed out, failed on the network, or did not answer 200 with a key set.
 */
function keysUnavailable(err: unknown): boolean {
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) return true;
  if (err instanceof joseErrors.JOSEError)
    return err.code === 'ERR_JOSE_GENERIC' && /JSON Web Key Set HTTP response/.test(err.message);
  return true;
}

/**
 * Checks an Entra access token for this app (signature, issuer, audience, expiry): the one verification
 * the tab's sign-in and the supplier API's client credentials share. Throws 401 / 503 as above.
 */
export function createTokenVerifier(settings: TabAuthSettings): (token: string) => Promise<JWTPayload> {
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
      if (keysUnavailable(err))
        throw signInUnavailable(
          `the identity provider's signing keys could not be fetched from ${settings.jwksUrl} (${
            err instanceof Error ? err.message.split('\n')[0] : String(err)
          })`,
          err,
        );
      if (err instanceof joseErrors.JWTExpired) throw unauthorized('the token has expired');
      if (err instanceof joseErrors.JWTClaimValidationFailed)
        throw unauthorized(`the token's ${err.claim} is not accepted`);
      if (err instanceof joseErrors.JOSEError) throw unauthorized(`the token is not valid (${err.code})`);
      throw unauthorized('the token could not be checked');
    }
  };
  return verify;
}

export function createAuthenticator(settings: TabAuthSettings, directory: Directory): Authenticate {
  const verify = createTokenVerifier(settings);
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
