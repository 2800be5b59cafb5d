/**
 * A real server for the tab's tests and bench: restify on 127.0.0.1:0 with the tab's routes and its
 * built bundle at `/tab/`, the embedded SQLite store in a temp dir, and a local JWKS endpoint whose key
 * signs test tokens exactly as Entra ID would (RS256, `iss`, `aud`, `tid`, `oid`, `roles`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import restify, { type Server } from 'restify';
import type { Directory } from '../../shared/access';
import type { Store } from '../../shared/ports';
import { openSqliteStore } from '../../shared/store/sqlite';
import { createCaseChanges, type CaseMessages } from '../../shared/app/case-changes';
import { createCaseFeed } from '../../shared/app/case-feed';
import { createCatalogue } from '../../shared/app/catalogue';
import { createContext, open, type TabApiDeps } from '../api/context';
import { tabRoutes } from '../api/routes';
import { staticHandler } from '../api/static-files';
import { DIRECTORY } from './seed';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const APP_ID_URI = `api://fristvakt.example/${CLIENT_ID}`;

export interface Keys {
  privateKey: CryptoKey;
  kid: string;
  jwks: { keys: unknown[] };
}

export async function makeKeys(kid = 'test-key-1'): Promise<Keys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { privateKey, kid, jwks: { keys: [jwk] } };
}

export interface TokenSpec {
  oid: string;
  name?: string;
  roles?: string[];
  groups?: string[];
  tid?: string;
  aud?: string;
  iss?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  keys?: Keys;
}

export async function signToken(keys: Keys, spec: TokenSpec): Promise<string> {
  const k = spec.keys ?? keys;
  const tid = spec.tid ?? TENANT;
  const now = Math.floor(Date.now() / 1000);
  const claims: JWTPayload = { tid, oid: spec.oid, name: spec.name ?? spec.oid, ver: '2.0' };
  if (spec.roles) claims.roles = spec.roles;
  if (spec.groups) claims.groups = spec.groups;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: k.kid, typ: 'JWT' })
    .setIssuer(spec.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(spec.aud ?? APP_ID_URI)
    .setIssuedAt(now - 60)
    .setNotBefore(now - 60)
    .setExpirationTime(now + (spec.expiresIn ?? 3600))
    .sign(k.privateKey);
}

export interface TestServer {
  url: string;
  store: Store;
  keys: Keys;
  /** The server's clock: tests move it. */
  clock: { now: Date };
  token(spec: TokenSpec): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  now: Date;
  devSignIn?: boolean;
  directory?: Directory;
  /** Serve this built bundle at `/tab/`. */
  distDir?: string;
  seed?: (store: Store) => Promise<unknown>;
  deps?: Partial<TabApiDeps>;
  /**
   * The Teams messages a case change causes. The tab depends on no surface: its own tests leave them
   * out; a test that reads the outbox runs from `bot/` and passes the bot's builder.
   */
  messages?: CaseMessages;
}

/** No Teams messages: what the tab's API does is the same, only the outbox stays empty. */
const NO_MESSAGES: CaseMessages = { created: () => [], changed: () => [] };

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'fristvakt-tab-'));
  const store = openSqliteStore({ file: join(dir, 'db.sqlite'), blobDir: join(dir, 'blobs') });
  if (options.seed) await options.seed(store);
  const keys = await makeKeys();
  const clock = { now: options.now };
  const server: Server = restify.createServer({ name: 'tab-test', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1024 * 1024 }));
  server.get('/test/jwks', (_req, res, next) => {
    res.json(keys.jwks);
    next();
  });
  const directory = options.directory ?? DIRECTORY;
  // The real change service, as the server wires it (a test composition root), publishing every
  // stored change to the feed the live stream (`GET /api/cases/events`) reads.
  const feed = createCaseFeed();
  const changes = createCaseChanges({
    store,
    catalogue: createCatalogue(store, 0),
    directory,
    messages: options.messages ?? NO_MESSAGES,
    feed,
  });
  const deps: TabApiDeps = {
    store,
    directory,
    changes,
    feed,
    now: () => clock.now,
    auth: {
      tenantId: TENANT,
      audiences: [APP_ID_URI, CLIENT_ID],
      jwksUrl: 'http://placeholder/', // replaced below once the port is known
      devSignIn: options.devSignIn ?? false,
    },
    ...options.deps,
  };
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  deps.auth = { ...deps.auth, jwksUrl: `${url}/test/jwks` };
  for (const r of tabRoutes(deps)) server[r.method]({ path: r.path, name: r.name }, r.handler);
  // The production handler (encodings, cache headers, 304s), so the tests see what a browser gets; its
  // coded errors (a missing asset: 404) answered as the tab API's routes answer them.
  if (options.distDir) server.get('/tab/*', open(createContext(deps), staticHandler(options.distDir)));
  return {
    url,
    store,
    keys,
    clock,
    token: (spec) => signToken(keys, spec),
    async close() {
      const closing = new Promise<void>((ok) => server.close(() => ok()));
      server.server.closeAllConnections();
      await closing;
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
