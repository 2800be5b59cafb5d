/**
 * The Graph people directory against a local fake of Microsoft Graph (a real HTTP server): the
 * requests it makes (advanced `$search` with `ConsistencyLevel`, `getByIds`, the bearer token), how it
 * reads the answers, its retries of throttled answers with `Retry-After`, and that other failures are
 * not retried. Through the admin service too: a failing directory is `DIRECTORY_UNAVAILABLE`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdminService } from '../../shared/app/admin';
import { isFristvaktError } from '../../shared/errors';
import { userId } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import { configuredPeople, graphPeople } from './graph-people';
import { directoryPeople } from '../../shared/people';
import { EMPTY_DIRECTORY } from '../../shared/access';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

const USERS = [
  {
    id: 'aad-1',
    displayName: 'Kari Nordmann',
    mail: 'kari.nordmann@molde.kommune.no',
    userPrincipalName: 'kari@molde.no',
  },
  { id: 'aad-2', displayName: 'Karl Berg', mail: null, userPrincipalName: 'karl.berg@molde.kommune.no' },
  { id: 'aad-3', displayName: null, mail: null, userPrincipalName: 'x#EXT#' },
];

let server: Server;
let base: string;
let seen: Seen[] = [];
/** Answers queued for the next requests (status, headers, body); empty: the normal answer. */
let script: Array<[number, Record<string, string>, unknown]> = [];

function normal(req: Seen): [number, unknown] {
  if (req.method === 'GET' && req.path === '/v1.0/users') {
    const term = /displayName:([^"]*)"/.exec(req.query.get('$search') ?? '')?.[1]?.toLowerCase() ?? '';
    return [200, { value: USERS.filter((u) => (u.displayName ?? '').toLowerCase().includes(term)) }];
  }
  if (req.method === 'POST' && req.path === '/v1.0/directoryObjects/getByIds') {
    const ids = (JSON.parse(req.body) as { ids: string[] }).ids;
    return [
      200,
      {
        value: USERS.filter((u) => ids.includes(u.id)).map((u) => ({
          '@odata.type': '#microsoft.graph.user',
          ...u,
        })),
      },
    ];
  }
  return [404, { error: { code: 'Request_ResourceNotFound' } }];
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const s: Seen = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(s);
      const [status, headers, body] = script.shift() ?? [normal(s)[0], {}, normal(s)[1]];
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));
beforeEach(() => {
  seen = [];
  script = [];
});

const sleeps: number[] = [];
const record = (ms: number): Promise<void> => {
  sleeps.push(ms);
  return Promise.resolve();
};
const people = () =>
  graphPeople({
    baseUrl: base,
    token: () => Promise.resolve('app-token'),
    retry: {
      maxAttempts: 3,
      baseDelayMs: 10,
      maxDelayMs: 100,
      random: () => 0,
      sleep: record,
    },
  });

describe('people from Microsoft Graph', () => {
  it('searches users by name or e-mail with an advanced query and the app token', async () => {
    const found = await people().search('kar', 5);
    expect(found).toEqual([
      { id: 'aad-1', name: 'Kari Nordmann', email: 'kari.nordmann@molde.kommune.no' },
      { id: 'aad-2', name: 'Karl Berg', email: 'karl.berg@molde.kommune.no' },
    ]);
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req!.headers.authorization).toBe('Bearer app-token');
    expect(req!.headers.consistencylevel).toBe('eventual');
    expect(req!.query.get('$search')).toBe('"displayName:kar" OR "mail:kar"');
    expect(req!.query.get('$select')).toBe('id,displayName,mail,userPrincipalName');
    expect(req!.query.get('$top')).toBe('5');
  });

  it('keeps quotes out of the search term', async () => {
    await people().search('ka"r\\i');
    expect(seen[0]!.query.get('$search')).toBe('"displayName:ka r i" OR "mail:ka r i"');
  });

  it('names members by id through getByIds, in the order asked, leaving out the unknown', async () => {
    const found = await people().lookup(['aad-2', 'nope', 'aad-3', 'aad-1']);
    expect(found).toEqual([
      { id: 'aad-2', name: 'Karl Berg', email: 'karl.berg@molde.kommune.no' },
      { id: 'aad-3', name: 'aad-3' },
      { id: 'aad-1', name: 'Kari Nordmann', email: 'kari.nordmann@molde.kommune.no' },
    ]);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0]!.body)).toEqual({ ids: ['aad-2', 'nope', 'aad-3', 'aad-1'], types: ['user'] });
    expect(seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('retries a throttled answer after its Retry-After, and a 503', async () => {
    sleeps.length = 0;
    script = [
      [429, { 'Retry-After': '2' }, { error: { code: 'TooManyRequests' } }],
      [503, {}, { error: { code: 'serviceNotAvailable' } }],
    ];
    expect((await people().search('kari')).map((p) => p.id)).toEqual(['aad-1']);
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([2000, 0]);
  });

  it("gives up after the policy's attempts, and does not retry a refusal", async () => {
    script = [
      [429, {}, {}],
      [429, {}, {}],
      [429, {}, {}],
    ];
    await expect(people().search('kari')).rejects.toMatchObject({ status: 429 });
    expect(seen).toHaveLength(3);
    seen = [];
    script = [[403, {}, { error: { code: 'Authorization_RequestDenied' } }]];
    await expect(people().search('kari')).rejects.toMatchObject({ status: 403 });
    expect(seen).toHaveLength(1);
  });

  it('retries a refused connection, then gives up', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    sleeps.length = 0;
    const err: unknown = await graphPeople({
      baseUrl: `http://127.0.0.1:${port}/v1.0`,
      token: () => Promise.resolve('t'),
      retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 100, random: () => 0, sleep: record },
    })
      .search('kari')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TypeError', cause: { code: 'ECONNREFUSED' } });
    expect(sleeps).toHaveLength(2);
  });

  it('is DIRECTORY_UNAVAILABLE to the admin pages when Graph refuses, with a Norwegian message', async () => {
    script = [[403, {}, { error: { code: 'Authorization_RequestDenied' } }]];
    const svc = createAdminService({ store: {} as Store, now: () => new Date(), people: people() });
    const actor = { access: { userId: userId('u-admin'), admin: true, leadDeskIds: [] } };
    const err: unknown = await svc.searchPeople(actor, 'kari').catch((e: unknown) => e);
    expect(isFristvaktError(err, 'DIRECTORY_UNAVAILABLE')).toBe(true);
    expect((err as Error).message).toBe(
      'Katalogen svarer ikke nå. Prøv igjen om litt, eller bruk en Entra-gruppe.',
    );
  });

  it('is used only for a single-tenant Entra app with the demo directory off', () => {
    const fallback = directoryPeople(EMPTY_DIRECTORY);
    const bot = { appId: 'a', password: 'p', tenantId: 't', appType: 'SingleTenant' };
    expect(configuredPeople(bot, true, fallback)).toBe(fallback);
    expect(configuredPeople({ ...bot, tenantId: undefined }, false, fallback)).toBe(fallback);
    expect(configuredPeople({ appType: 'MultiTenant' }, false, fallback)).toBe(fallback);
    expect(configuredPeople(bot, false, fallback)).not.toBe(fallback);
  });
});
