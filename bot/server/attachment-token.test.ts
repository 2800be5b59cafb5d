/**
 * The bot's Bot Framework token stays with Microsoft, through the real server with authentication on:
 * a pasted image on a Teams attachment host (https://smba.trafficmanager.net/…) is fetched with the
 * token; one anywhere else (or over http) without it; a redirect to another host never carries it.
 * Teams' host is served here by a local server: the downloader's HTTP client routes
 * `https://smba.trafficmanager.net` and `https://evil.example` to two local servers, keeping every
 * header, so what each host receives is recorded as sent.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { messageActivity, type TestUser } from '../test-support/activities';
import { cardOfInvoke, cardText, textOfCall } from '../test-support/cards';
import { TestCredentialsFactory } from '../test-support/credentials';
import { GOOD_ANSWERS, openForm, submitForm } from '../test-support/fault-form';
import { startHarness, type Harness } from '../test-support/harness';
import { startOpenIdServer, type OpenIdServer } from '../test-support/openid-server';
import { createFetchDownloader, mayCarryBotToken } from '../conversation/download';

/** The test's outbound credentials, which also hand out their token as real app credentials do (`getToken`). */
class TokenCredentialsFactory extends TestCredentialsFactory {
  override async createCredentials(): ReturnType<TestCredentialsFactory['createCredentials']> {
    const creds = await super.createCredentials();
    return Object.assign(creds, { getToken: () => Promise.resolve('test-outbound-token') });
  }
}

const APP_ID = '11111111-2222-3333-4444-555555555555';
const BOT_TOKEN = 'Bearer test-outbound-token';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const kari: TestUser = { aadObjectId: 'aad-kari', name: 'Kari Nordmann' };

interface Host {
  server: Server;
  url: string;
  seen: Array<{ path: string; headers: IncomingHttpHeaders }>;
}

async function host(redirects: Record<string, string> = {}): Promise<Host> {
  const seen: Host['seen'] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const to = redirects[req.url ?? ''];
    if (to) {
      res.writeHead(302, { Location: to });
      return res.end();
    }
    res.setHeader('Content-Type', 'image/png');
    res.end(PNG);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

let openid: OpenIdServer;
let teams: Host;
let evil: Host;
let h: Harness;
let ref: string;
beforeAll(async () => {
  openid = await startOpenIdServer();
  evil = await host();
  teams = await host({
    '/emea/v3/attachments/moved/views/original': 'https://evil.example/stolen.png',
    '/emea/v3/attachments/same-host/views/original': '/emea/v3/attachments/x/views/original',
  });
  const routes: Record<string, string> = {
    'https://smba.trafficmanager.net': teams.url,
    'https://evil.example': evil.url,
  };
  const routed: typeof fetch = (input, init) => {
    const url = new URL(String(input));
    const to = routes[url.origin];
    return fetch(to ? `${to}${url.pathname}${url.search}` : url.href, init);
  };
  const inner = await startHarness({
    env: { BOT_ID: APP_ID, BOT_PASSWORD: 'not-used', FRISTVAKT_ENV: 'test' },
    app: {
      authEndpoints: openid.endpoints,
      credentialsFactory: new TokenCredentialsFactory(APP_ID),
      downloader: createFetchDownloader({ fetch: routed }),
    },
  });
  const token = await openid.sign({ aud: APP_ID, serviceurl: inner.serviceUrl });
  h = {
    ...inner,
    post: (a, headers = {}) => inner.post(a, { Authorization: `Bearer ${token}`, ...headers }),
  };
  const { clientKey } = await openForm(h, kari);
  ref = /FV-2026-\d{6}/.exec(
    cardText(cardOfInvoke((await submitForm(h, kari, clientKey, GOOD_ANSWERS)).body)),
  )![0];
});
afterAll(async () => {
  await h.close();
  await openid.close();
  for (const s of [teams, evil]) await new Promise((r) => s.server.close(r));
});

async function paste(contentUrl: string): Promise<string> {
  h.connector.clear();
  const res = await h.post(
    messageActivity(kari, h.serviceUrl, '', [{ contentType: 'image/png', contentUrl, name: 'bilde.png' }]),
  );
  expect(res.status).toBe(200);
  return textOfCall(await h.connector.waitFor((c) => c.kind === 'reply' || c.kind === 'send'));
}

const lastSeen = (s: Host) => s.seen[s.seen.length - 1]!;

it('sends the token over https to the Teams attachment host', async () => {
  expect(await paste('https://smba.trafficmanager.net/emea/v3/attachments/a1/views/original')).toBe(
    `Lagret bilde.png på sak ${ref}.`,
  );
  expect(lastSeen(teams).headers.authorization).toBe(BOT_TOKEN);
});

it('fetches an image on any other host, or over http, without the token', async () => {
  expect(await paste(`${evil.url}/shot.png`)).toBe(`Lagret bilde.png på sak ${ref}.`);
  expect(lastSeen(evil).headers.authorization).toBeUndefined();
  await paste('https://evil.example/shot.png');
  expect(lastSeen(evil).headers.authorization).toBeUndefined();
  const before = teams.seen.length;
  await paste(`${teams.url}/emea/v3/attachments/a2/views/original`);
  expect(teams.seen.length).toBe(before + 1);
  expect(lastSeen(teams).headers.authorization).toBeUndefined();
});

it('follows a redirect to another host without the token, and one on the same host with it', async () => {
  await paste('https://smba.trafficmanager.net/emea/v3/attachments/moved/views/original');
  expect(lastSeen(evil).path).toBe('/stolen.png');
  expect(lastSeen(evil).headers.authorization).toBeUndefined();
  await paste('https://smba.trafficmanager.net/emea/v3/attachments/same-host/views/original');
  expect(lastSeen(teams).path).toBe('/emea/v3/attachments/x/views/original');
  expect(lastSeen(teams).headers.authorization).toBe(BOT_TOKEN);
});

it('knows the Teams attachment hosts', () => {
  expect(mayCarryBotToken('https://smba.trafficmanager.net/amer/v3/attachments/1/views/original')).toBe(true);
  expect(mayCarryBotToken('https://us-api.asm.skype.com/v1/objects/0-eus-d1/views/imgo')).toBe(true);
  expect(mayCarryBotToken('http://smba.trafficmanager.net/amer/v3/attachments/1')).toBe(false);
  expect(mayCarryBotToken('https://smba.trafficmanager.net:8443/amer/')).toBe(false);
  expect(mayCarryBotToken('https://smba.trafficmanager.net.evil.example/')).toBe(false);
  expect(mayCarryBotToken('https://evilasm.skype.com/')).toBe(false);
  expect(mayCarryBotToken('https://user@smba.trafficmanager.net/')).toBe(false);
});
