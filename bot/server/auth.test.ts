/**
 * The endpoint's authentication, offline: a local OpenID/JWKS server and RS256 tokens the test signs.
 * Every bad token is 401 (never 500), a good one runs the turn and the reply reaches the fake connector.
 */
import { installActivity, messageActivity, type TestUser } from '../test-support/activities';
import { TestCredentialsFactory } from '../test-support/credentials';
import { startHarness, type Harness } from '../test-support/harness';
import { startOpenIdServer, type OpenIdServer } from '../test-support/openid-server';

const APP_ID = '11111111-2222-3333-4444-555555555555';
const user: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };

describe('with BOT_ID: Bot Framework tokens are required', () => {
  let openid: OpenIdServer;
  let h: Harness;
  beforeAll(async () => {
    openid = await startOpenIdServer();
    h = await startHarness({
      env: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-used', FRISTVAKT_ENV: 'test' },
      app: { authEndpoints: openid.endpoints, credentialsFactory: new TestCredentialsFactory(APP_ID) },
    });
  });
  afterAll(async () => {
    await h.close();
    await openid.close();
  });

  const bearer = (t: string): Record<string, string> => ({ Authorization: `Bearer ${t}` });

  it('accepts a valid token, runs the turn and replies through the connector with the bot token', async () => {
    const token = await openid.sign({ aud: APP_ID, serviceurl: h.serviceUrl });
    const res = await h.post(messageActivity(user, h.serviceUrl, 'hjelp'), bearer(token));
    expect(res.status).toBe(200);
    const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    expect(call.headers.authorization).toBe('Bearer test-outbound-token');
  });

  it.each([
    ['no token', async () => ({})],
    [
      'an expired token',
      async () =>
        bearer(await openid.sign({ aud: APP_ID, serviceurl: h.serviceUrl }, { expiresInSec: -600 })),
    ],
    [
      'a wrong audience',
      async () => bearer(await openid.sign({ aud: 'someone-else', serviceurl: h.serviceUrl })),
    ],
    [
      'a wrong service URL',
      async () => bearer(await openid.sign({ aud: APP_ID, serviceurl: 'https://evil.example/' })),
    ],
    [
      'a bad signature',
      async () => bearer(await openid.sign({ aud: APP_ID, serviceurl: h.serviceUrl }, { foreignKey: true })),
    ],
    [
      'an unknown key id',
      async () => bearer(await openid.sign({ aud: APP_ID, serviceurl: h.serviceUrl }, { kid: 'nope' })),
    ],
    ['garbage', async () => bearer('not.a.jwt')],
  ])('answers 401 with a coded JSON error for %s, and sends nothing', async (_what, headers) => {
    h.connector.clear();
    const res = await h.post(messageActivity(user, h.serviceUrl, 'hjelp'), await headers());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    await new Promise((r) => setTimeout(r, 50));
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe('without BOT_ID (local development)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('accepts an activity without a token and welcomes on install', async () => {
    const res = await h.post(installActivity(user, h.serviceUrl));
    expect(res.status).toBe(200);
    const call = await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send');
    expect(JSON.stringify(call.body)).toContain('Fristvakt');
  });

  it('answers a malformed body with 400 and a coded JSON error', async () => {
    const res = await fetch(`${h.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"type": "message",',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ error: { code: 'MALFORMED_BODY', message: expect.any(String) } });
  });

  it.each([['[]'], ['"text"'], ['{"text":"no type"}'], ['{"type":"message"}']])(
    'answers JSON that is no activity (%s) with 400',
    async (body) => {
      const res = await fetch(`${h.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MALFORMED_BODY');
    },
  );

  it('serves /healthz and answers unknown routes with coded JSON 404', async () => {
    const ok = await fetch(`${h.app.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok', desks: 3 });
    const missing = await fetch(`${h.app.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('answers /tab/ with a coded 404 when the tab is not built', async () => {
    const res = await fetch(`${h.app.url}/tab/missing.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
