/**
 * Sign-in at the edge of the real server (`startApp`): an identity provider that cannot be reached is
 * 503 with a clear log line (not 401), for the bot's Bot Framework tokens and for the tab's Entra ID
 * tokens; a token with a bad signature is 401 and its log line holds no key. The development sign-in
 * is on only with FRISTVAKT_ENV=development and the demo directory on, and says so.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../config';
import { main } from '../index';
import { messageActivity, type TestUser } from '../test-support/activities';
import { TestCredentialsFactory } from '../test-support/credentials';
import { startHarness, type Harness } from '../test-support/harness';
import { startOpenIdServer, type OpenIdServer } from '../test-support/openid-server';
import { recordingLogger } from './logger';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };
const PEM_OR_KEY = /BEGIN (PUBLIC KEY|CERTIFICATE|RSA)|"n":"|MII[A-Za-z0-9+/]{40}/;

async function listen(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const close = (server: Server): Promise<void> => new Promise((r) => server.close(() => r()));

describe("the bot's Bot Framework tokens", () => {
  let openid: OpenIdServer;
  beforeAll(async () => {
    openid = await startOpenIdServer();
  });
  afterAll(() => openid.close());

  it('answers 503 with a log line when the OpenID metadata cannot be fetched', async () => {
    const down = createHttpServer((_req, res) => {
      res.statusCode = 500;
      res.end('down');
    });
    const url = await listen(down);
    const log = recordingLogger();
    const h = await startHarness({
      env: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-used', FRISTVAKT_ENV: 'test' },
      app: {
        log,
        credentialsFactory: new TestCredentialsFactory(APP_ID),
        authEndpoints: {
          ...openid.endpoints,
          toBotFromChannelOpenIdMetadataUrl: `${url}/.well-known/openid-configuration`,
          toBotFromEmulatorOpenIdMetadataUrl: `${url}/.well-known/openid-configuration`,
        },
      },
    });
    try {
      const token = await openid.sign({ aud: APP_ID, serviceurl: h.serviceUrl });
      const res = await h.post(messageActivity(kari, h.serviceUrl, 'hjelp'), {
        Authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ error: { code: 'SIGN_IN_UNAVAILABLE', message: expect.any(String) } });
      expect(log.lines.filter((l) => l.startsWith('error bot sign-in unavailable'))).toHaveLength(1);
    } finally {
      await h.close();
      await close(down);
    }
  });

  it('answers a bad signature 401 and logs one line without the key', async () => {
    const log = recordingLogger();
    const h = await startHarness({
      env: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-used', FRISTVAKT_ENV: 'test' },
      app: { log, authEndpoints: openid.endpoints, credentialsFactory: new TestCredentialsFactory(APP_ID) },
    });
    try {
      const token = await openid.sign({ aud: APP_ID, serviceurl: h.serviceUrl }, { foreignKey: true });
      const res = await h.post(messageActivity(kari, h.serviceUrl, 'hjelp'), {
        Authorization: `Bearer ${token}`,
      });
      expect(res.status).toBe(401);
      expect(log.lines.length).toBeGreaterThan(0);
      for (const line of log.lines) {
        expect(line).not.toMatch(PEM_OR_KEY);
        expect(line).not.toContain('\n');
      }
    } finally {
      await h.close();
    }
  });
});

describe("the tab's Entra ID tokens", () => {
  const TENANT = 'tttttttt-0000-0000-0000-000000000001';
  const AUD = 'api://fristvakt.example/cccccccc-0000-0000-0000-000000000001';
  let keys: { privateKey: CryptoKey; jwks: unknown };
  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    keys = {
      privateKey,
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] },
    };
  });
  const token = (): Promise<string> =>
    new SignJWT({ tid: TENANT, oid: 'demo-ansatt-molde', name: 'Kari' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(AUD)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(keys.privateKey);

  async function withJwks(
    jwksUrl: string,
    run: (h: Harness, log: ReturnType<typeof recordingLogger>) => Promise<void>,
  ) {
    const log = recordingLogger();
    const h = await startHarness({
      env: { FRISTVAKT_ENV: 'test' },
      app: { log, tabAuth: { tenantId: TENANT, audiences: [AUD], jwksUrl } },
    });
    try {
      await run(h, log);
    } finally {
      await h.close();
    }
  }

  it.each([
    [
      'unreachable',
      async () => ({ url: `http://127.0.0.1:${await closedPortOf()}/keys`, stop: async () => {} }),
    ],
    [
      'answering 500',
      async () => {
        const s = createHttpServer((_req, res) => {
          res.statusCode = 500;
          res.end('oops');
        });
        return { url: `${await listen(s)}/keys`, stop: () => close(s) };
      },
    ],
  ])('answers 503 with a log line naming the keys when the identity provider is %s', async (_what, start) => {
    const jwks = await start();
    try {
      await withJwks(jwks.url, async (h, log) => {
        const res = await fetch(`${h.app.url}/api/me`, {
          headers: { Authorization: `Bearer ${await token()}` },
        });
        expect(res.status).toBe(503);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('SIGN_IN_UNAVAILABLE');
        const lines = log.lines.filter((l) => l.includes('SIGN_IN_UNAVAILABLE'));
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(jwks.url);
      });
    } finally {
      await jwks.stop();
    }
  });

  it('answers a good token 200 and a bad signature 401 when the keys are there, logging no key', async () => {
    const s = createHttpServer((_req, res) => {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(keys.jwks));
    });
    const url = await listen(s);
    try {
      await withJwks(`${url}/keys`, async (h, log) => {
        const good = await token();
        expect(
          (await fetch(`${h.app.url}/api/me`, { headers: { Authorization: `Bearer ${good}` } })).status,
        ).toBe(200);
        const [head, body] = good.split('.');
        const forged = `${head}.${body}.${'A'.repeat(342)}`;
        const bad = await fetch(`${h.app.url}/api/me`, { headers: { Authorization: `Bearer ${forged}` } });
        expect(bad.status).toBe(401);
        for (const line of log.lines) expect(line).not.toMatch(PEM_OR_KEY);
      });
    } finally {
      await close(s);
    }
  });
});

async function closedPortOf(): Promise<number> {
  const s = createHttpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await close(s);
  return port;
}

describe('the development sign-in', () => {
  it('is on only with FRISTVAKT_ENV=development and the demo directory on', () => {
    const on = (env: Record<string, string>): boolean => loadConfig(env).tab.devSignIn;
    expect(on({})).toBe(true);
    expect(on({ FRISTVAKT_ENV: 'development', FRISTVAKT_DEMO_DIRECTORY: 'on' })).toBe(true);
    expect(on({ FRISTVAKT_ENV: 'development', FRISTVAKT_DEMO_DIRECTORY: 'off' })).toBe(false);
    expect(on({ FRISTVAKT_ENV: 'test' })).toBe(false);
    expect(on({ FRISTVAKT_ENV: 'test', FRISTVAKT_DEMO_DIRECTORY: 'on' })).toBe(false);
  });

  it('is refused by the real server under FRISTVAKT_ENV=test, and the API says it is off', async () => {
    const h = await startHarness({ env: { FRISTVAKT_ENV: 'test' } });
    try {
      const me = await fetch(`${h.app.url}/api/me`, {
        headers: { 'X-Fristvakt-Dev-User': 'demo-ansatt-molde' },
      });
      expect(me.status).toBe(401);
      expect((await fetch(`${h.app.url}/api/dev/users`)).status).toBe(404);
      expect(await (await fetch(`${h.app.url}/api/dev/sign-in`)).json()).toEqual({ devSignIn: false });
    } finally {
      await h.close();
    }
  });

  it('tells the tab (for its banner) and the start-up log that it is on, and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fristvakt-devsignin-'));
    const lines: string[] = [];
    const out = {
      log: (l: string) => lines.push(l),
      warn: (l: string) => lines.push(l),
      error: (l: string) => lines.push(l),
    };
    const app = await main(
      { FRISTVAKT_DATA_DIR: dir, HOST: '127.0.0.1', PORT: String(await closedPortOf()) },
      dir,
      out,
      { log: recordingLogger(), jobs: false },
    );
    try {
      if ('exitCode' in app) throw new Error(lines.join('\n'));
      expect(lines.join('\n')).toMatch(
        /DEVELOPMENT SIGN-IN IS ON \(FRISTVAKT_ENV=development and FRISTVAKT_DEMO_DIRECTORY=on\)/,
      );
      expect(await (await fetch(`${app.url}/api/dev/sign-in`)).json()).toEqual({
        devSignIn: true,
        reason: 'FRISTVAKT_ENV=development and FRISTVAKT_DEMO_DIRECTORY=on',
      });
      await app.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
