/**
 * A new desk through the real server (`POST /api/admin/desks`): only an administrator makes one (a desk
 * lead gets 403), every bad field is 400 at its field in Norwegian, a taken id is 409, and the new desk
 * takes a service and shows in the catalogue at once.
 */
import { startTestServer, type TestServer } from '../../../test-support/server';
import { seedStore, USERS } from '../../../test-support/seed';
import type { AdminAuditResponse, AdminDeskResponse, AdminDesksResponse, AdminVersioned } from './types';
import type { Service } from '../../../../shared/desks/model';
import { PRESETS } from '../../../../shared/sla/presets';

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed: (s) => seedStore(s) });
  tokens.admin = await srv.token({ oid: 'u-admin', name: 'Ada Admin', roles: ['Fristvakt.Admin'] });
  tokens.rorLead = await srv.token({ oid: 'u-lead', name: 'Lea Leder', roles: ['DeskLead.ror-ikt'] });
  tokens.desk = await srv.token({ oid: USERS.desk });
});
afterAll(() => srv.close());

type Who = 'admin' | 'rorLead' | 'desk';
const call = (method: string, path: string, who: Who, body?: unknown) =>
  fetch(srv.url + path, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;

const oppvekst = {
  id: 'oppvekst-ikt',
  name: 'Oppvekst IKT',
  phone: '+47 71 11 12 00',
  email: 'oppvekst.ikt@molde.kommune.no',
  policyFrom: { preset: 'ror-ikt' },
  orgIds: ['molde', 'aukra'],
};

describe('POST /api/admin/desks', () => {
  it('is refused to a desk lead and a desk member, and writes nothing', async () => {
    for (const who of ['rorLead', 'desk'] as const)
      expect([
        who,
        (await call('POST', '/api/admin/desks', who, { ...oppvekst, id: `x-${who}` })).status,
      ]).toEqual([who, 403]);
    const { desks } = await json<AdminDesksResponse>(call('GET', '/api/admin/desks', 'admin'));
    expect(desks.map((d) => d.id).filter((id) => id.startsWith('x-'))).toEqual([]);
  });

  it('names every bad field in Norwegian, at the field', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ id: 'Oppvekst IKT' }, 'id', /små bokstaver/],
      [{ id: undefined }, 'id', /Id må fylles ut/],
      [{ name: '' }, 'name', /Navn må fylles ut/],
      [{ phone: 'ring oss' }, 'phone', /telefonnummer/],
      [{ email: 'oppvekst' }, 'email', /e-postadresse/],
      [{ policyFrom: undefined }, 'policyFrom', /Velg en SLA-mal/],
      [{ policyFrom: { preset: 'gull' } }, 'policyFrom', /Ukjent mal «gull»/],
      [{ policyFrom: { copyOf: 'nope' } }, 'policyFrom', /Ukjent servicesenter «nope»/],
      [{ orgIds: [] }, 'orgIds', /minst én virksomhet/],
      [{ orgIds: ['molde', 'atlantis'] }, 'orgIds', /Ukjente virksomheter: atlantis/],
      [{ autoCloseWorkingDays: 0 }, 'autoCloseWorkingDays', /1–60/],
    ];
    for (const [change, field, message] of cases) {
      const res = await call('POST', '/api/admin/desks', 'admin', { ...oppvekst, ...change });
      const body = await json<{ error: { code: string; field: string; message: string } }>(res);
      expect([field, res.status, body.error.code, body.error.field]).toEqual([
        field,
        400,
        'VALIDATION',
        field,
      ]);
      expect(body.error.message).toMatch(message);
    }
    expect((await call('GET', '/api/admin/desks/oppvekst-ikt', 'admin')).status).toBe(404);
  });

  it('makes the desk (201), audited as created; a taken id is 409 at the id', async () => {
    const res = await call('POST', '/api/admin/desks', 'admin', oppvekst);
    expect(res.status).toBe(201);
    const made = await json<AdminDeskResponse>(res);
    expect(made.item).toMatchObject({
      id: 'oppvekst-ikt',
      name: 'Oppvekst IKT',
      phone: '+47 71 11 12 00',
      email: 'oppvekst.ikt@molde.kommune.no',
      orgIds: ['molde', 'aukra'],
      members: [],
      noticeChannels: [],
      autoCloseWorkingDays: 5,
    });
    expect(made.item.triageChannel).toBeUndefined();
    // The preset's hours and targets, as the new desk's own policy, version 1.
    expect(made.item.policy).toEqual({ ...PRESETS['ror-ikt'], id: 'oppvekst-ikt', name: 'Oppvekst IKT' });

    const again = await call('POST', '/api/admin/desks', 'admin', { ...oppvekst, name: 'Annen' });
    expect(again.status).toBe(409);
    expect(await json(again)).toEqual({
      error: {
        code: 'DUPLICATE',
        field: 'id',
        message: 'Det finnes alt et servicesenter med id «oppvekst-ikt».',
      },
    });
    const taken = await call('POST', '/api/admin/desks', 'admin', { ...oppvekst, id: 'ror-ikt' });
    expect(taken.status).toBe(409);

    const { entries } = await json<AdminAuditResponse>(
      call('GET', '/api/admin/audit?type=desk&id=oppvekst-ikt', 'admin'),
    );
    expect(entries.map((e) => [e.action, e.actor.name, e.before])).toEqual([
      ['create', 'Ada Admin', undefined],
    ]);
    expect((entries[0]!.after as { name: string }).name).toBe('Oppvekst IKT');
  });

  it("copies an existing desk's policy in force; the new desk takes a service and edits at once", async () => {
    const res = await call('POST', '/api/admin/desks', 'admin', {
      ...oppvekst,
      id: 'arkiv-2',
      name: 'Arkiv to',
      email: undefined,
      policyFrom: { copyOf: 'uke' },
    });
    expect(res.status).toBe(201);
    const made = await json<AdminDeskResponse>(res);
    const source = await json<AdminDeskResponse>(call('GET', '/api/admin/desks/uke', 'admin'));
    const { version: _v, ...rest } = source.item.policy;
    expect(made.item.policy).toEqual({ ...rest, id: 'arkiv-2', name: 'Arkiv to' });

    const service = await call('POST', '/api/admin/services', 'admin', {
      id: 'skolearena',
      name: 'Skolearena',
      deskId: 'arkiv-2',
      orgIds: ['molde'],
    });
    expect(service.status).toBe(201);
    expect((await json<AdminVersioned<Service>>(service)).item.deskId).toBe('arkiv-2');

    const edited = await call('PUT', '/api/admin/desks/arkiv-2', 'admin', {
      ...made.item,
      phone: '+47 71 11 12 01',
      version: made.version,
    });
    expect(edited.status).toBe(200);
  });
});
