import {
  makeKeys,
  startTestServer,
  signToken,
  TENANT,
  CLIENT_ID,
  type TestServer,
} from '../test-support/server';
import { seedStore, USERS } from '../test-support/seed';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed: (s) => seedStore(s) });
});
afterAll(() => srv.close());

const get = (path: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(srv.url + path, { headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers } });

describe('tab API sign-in (tokens signed by a local JWKS)', () => {
  it('accepts a valid token and derives the roles', async () => {
    const res = await get('/api/me', await srv.token({ oid: USERS.desk, name: 'Ola' }));
    expect(res.status).toBe(200);
    const me = (await res.json()) as {
      user: { id: string; name: string };
      access: { deskIds: string[] };
      views: string[];
      devSignIn: boolean;
    };
    expect(me.user).toEqual({ id: USERS.desk, name: 'Ola' });
    expect(me.access.deskIds).toEqual(['ror-ikt']);
    expect(me.views).toEqual(['desk', 'mine']);
    expect(me.devSignIn).toBe(false);
  });

  it('takes roles from app roles in the token', async () => {
    const token = await srv.token({
      oid: 'u-fra-entra',
      roles: ['Desk.uke', 'Superuser.aukra', 'Reports.Read'],
    });
    const me = (await (await get('/api/me', token)).json()) as { access: Record<string, unknown> };
    expect(me.access).toMatchObject({ deskIds: ['uke'], orgIds: ['aukra'], reportReader: true });
  });

  it('accepts the v1 issuer and the client id as audience', async () => {
    const token = await srv.token({
      oid: USERS.employee,
      iss: `https://sts.windows.net/${TENANT}/`,
      aud: CLIENT_ID,
    });
    expect((await get('/api/me', token)).status).toBe(200);
  });

  it.each([
    ['no token', async () => undefined],
    ['an expired token', async () => srv.token({ oid: USERS.desk, expiresIn: -600 })],
    ['a wrong audience', async () => srv.token({ oid: USERS.desk, aud: 'api://someone-else' })],
    [
      'another tenant (its own issuer)',
      async () => srv.token({ oid: USERS.desk, tid: '99999999-0000-0000-0000-000000000000' }),
    ],
    [
      'another tenant behind our issuer',
      async () =>
        srv.token({
          oid: USERS.desk,
          tid: '99999999-0000-0000-0000-000000000000',
          iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        }),
    ],
    ['a key not in the JWKS', async () => signToken(await makeKeys('other'), { oid: USERS.desk })],
    ['a garbled token', async () => 'abc.def.ghi'],
  ])('refuses %s with 401', async (_name, make) => {
    const res = await get('/api/cases', await make());
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNAUTHORIZED');
  });

  it('ignores the development header when development sign-in is off', async () => {
    const res = await get('/api/me', undefined, { 'X-Fristvakt-Dev-User': USERS.desk });
    expect(res.status).toBe(401);
    expect((await get('/api/dev/users')).status).toBe(404);
  });

  it('answers 403 when the role is missing', async () => {
    const employee = await srv.token({ oid: USERS.employee });
    expect((await get('/api/cases?view=desk', employee)).status).toBe(403);
    expect((await get('/api/cases?view=org', employee)).status).toBe(403);
    expect((await get('/api/reports/sla?from=2026-03-02&to=2026-03-15', employee)).status).toBe(403);
    const desk = await srv.token({ oid: USERS.desk });
    expect((await get('/api/cases?view=desk&desk=uke', desk)).status).toBe(403);
    expect((await get('/api/reports/sla?desk=uke', desk)).status).toBe(403);
    const post = await fetch(`${srv.url}/api/notices`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${employee}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        deskId: 'ror-ikt',
        kind: 'outage',
        title: 't',
        text: 't',
        serviceIds: ['agresso'],
        startsAt: '2026-03-20T12:00:00Z',
      }),
    });
    expect(post.status).toBe(403);
  });
});

describe('development sign-in', () => {
  let dev: TestServer;
  beforeAll(async () => {
    dev = await startTestServer({
      now: new Date('2026-03-20T12:00:00Z'),
      devSignIn: true,
      seed: (s) => seedStore(s),
    });
  });
  afterAll(() => dev.close());

  it('lists the demo users and signs in as one, marked as development', async () => {
    const users = (await (await fetch(`${dev.url}/api/dev/users`)).json()) as {
      users: Array<{ id: string }>;
    };
    expect(users.users.map((u) => u.id)).toContain(USERS.desk);
    const me = await fetch(`${dev.url}/api/me`, { headers: { 'X-Fristvakt-Dev-User': USERS.desk } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { devSignIn: boolean }).devSignIn).toBe(true);
    const unknown = await fetch(`${dev.url}/api/me`, { headers: { 'X-Fristvakt-Dev-User': 'u-who' } });
    expect(unknown.status).toBe(401);
  });
});
