/**
 * The admin routes through the real server: who may call them (403 for everyone else, on every route),
 * field errors at the field, version conflicts that name who changed what, the policy preview, the
 * service import's dry run, the audit log, and `/api/me` telling the tab whether to show "Innstillinger".
 */
import type { MeResponse } from '../../../common/api-types';
import { startTestServer, type TestServer } from '../../../test-support/server';
import { seedStore, USERS } from '../../../test-support/seed';
import type {
  AdminAuditResponse,
  AdminImportResponse,
  AdminPolicyResponse,
  AdminPreviewResponse,
  AdminServiceResponse,
  AdminDeskResponse,
  AdminPeopleResponse,
} from './types';
import { deskId } from '../../../../shared/ids';

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed: (s) => seedStore(s) });
  tokens.admin = await srv.token({ oid: 'u-admin', name: 'Ada Admin', roles: ['Fristvakt.Admin'] });
  tokens.rorLead = await srv.token({ oid: 'u-lead', name: 'Lea Leder', roles: ['DeskLead.ror-ikt'] });
  tokens.ukeLead = await srv.token({ oid: 'u-ukelead', name: 'Ulf Leder', roles: ['DeskLead.uke'] });
  tokens.desk = await srv.token({ oid: USERS.desk });
  tokens.employee = await srv.token({ oid: USERS.employee });
});
afterAll(() => srv.close());

type Who = 'admin' | 'rorLead' | 'ukeLead' | 'desk' | 'employee';
const call = (
  method: string,
  path: string,
  who: Who,
  body?: unknown,
  type = typeof body === 'string' ? 'text/csv' : 'application/json',
) =>
  fetch(srv.url + path, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[who]}`,
      ...(body === undefined ? {} : { 'Content-Type': type }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;

const ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/api/admin/desks'],
  ['POST', '/api/admin/desks', {}],
  ['GET', '/api/admin/desks/ror-ikt'],
  ['PUT', '/api/admin/desks/ror-ikt', {}],
  ['GET', '/api/admin/policies/ror-ikt'],
  ['PUT', '/api/admin/policies/ror-ikt', {}],
  ['POST', '/api/admin/policies/preview', {}],
  ['GET', '/api/admin/services'],
  ['GET', '/api/admin/services.csv'],
  ['GET', '/api/admin/services/agresso'],
  ['POST', '/api/admin/services', {}],
  ['PUT', '/api/admin/services/agresso', {}],
  ['POST', '/api/admin/services/import?dryRun=true', 'id;navn'],
  ['GET', '/api/admin/organisations'],
  ['GET', '/api/admin/organisations/molde'],
  ['POST', '/api/admin/organisations', {}],
  ['PUT', '/api/admin/organisations/molde', {}],
  ['GET', '/api/admin/audit'],
  ['GET', '/api/admin/people?q=kari'],
  ['POST', '/api/admin/desks/ror-ikt/unlink', {}],
];

describe('admin routes', () => {
  it('answer 403 on every route to a desk member, an employee; a desk lead only for their own desk', async () => {
    for (const who of ['desk', 'employee'] as const)
      for (const [m, p, b] of ROUTES)
        expect([m, p, who, (await call(m, p, who, b)).status]).toEqual([m, p, who, 403]);
    for (const [m, p, b] of ROUTES)
      if (
        !p.includes('ror-ikt') &&
        p !== '/api/admin/desks' &&
        !p.includes('preview') &&
        !p.includes('/people')
      )
        expect([m, p, (await call(m, p, 'rorLead', b)).status]).toEqual([m, p, 403]);
    expect((await call('GET', '/api/admin/desks/ror-ikt', 'ukeLead')).status).toBe(403);
    expect((await call('GET', '/api/admin/policies/ror-ikt', 'ukeLead')).status).toBe(403);
    expect((await call('GET', '/api/admin/desks/ror-ikt', 'rorLead')).status).toBe(200);
    expect((await call('GET', '/api/admin/audit?type=desk&id=uke', 'rorLead')).status).toBe(403);
    expect((await call('POST', '/api/admin/desks/ror-ikt/unlink', 'ukeLead', {})).status).toBe(403);
  });

  it('tells the tab whether to show Innstillinger', async () => {
    expect((await json<MeResponse>(call('GET', '/api/me', 'admin'))).settings).toBe(true);
    expect((await json<MeResponse>(call('GET', '/api/me', 'ukeLead'))).settings).toBe(true);
    expect((await json<MeResponse>(call('GET', '/api/me', 'desk'))).settings).toBe(false);
  });

  it('changes a desk: field errors at the field in Norwegian, a stale version names who changed what', async () => {
    const d = await json<AdminDeskResponse>(call('GET', '/api/admin/desks/uke', 'ukeLead'));
    const body = {
      version: d.version,
      name: d.item.name,
      phone: 'ring oss',
      members: d.item.members,
      escalationContacts: [],
      autoCloseWorkingDays: 5,
    };
    const bad = await call('PUT', '/api/admin/desks/uke', 'ukeLead', body);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: {
        code: 'VALIDATION',
        field: 'phone',
        message: 'Telefon må være et telefonnummer, f.eks. +47 71 11 10 00.',
      },
    });
    const ok = await call('PUT', '/api/admin/desks/uke', 'ukeLead', { ...body, phone: '+47 21 80 21 80' });
    expect(ok.status).toBe(200);
    const stale = await call('PUT', '/api/admin/desks/uke', 'admin', { ...body, phone: '+47 22 22 22 22' });
    expect(stale.status).toBe(409);
    expect((await json<{ error: { message: string } }>(stale)).error.message).toMatch(
      /^Ulf Leder endret dette .*phone/,
    );
    const audit = await json<AdminAuditResponse>(call('GET', '/api/admin/audit?type=desk&id=uke', 'ukeLead'));
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({
      actor: { id: 'u-ukelead', name: 'Ulf Leder' },
      objectType: 'desk',
      fields: ['phone'],
    });
  });

  it('makes a new service with its own policy: preview, a new version, field errors from the engine', async () => {
    const created = await call('POST', '/api/admin/services', 'admin', {
      id: 'fagsystem-helse',
      name: 'Fagsystem helse',
      deskId: 'uke',
      criticality: 'life_and_health',
    });
    expect(created.status).toBe(201);
    expect((await json<AdminServiceResponse>(created)).item.name).toBe('Fagsystem helse');
    const dup = await call('POST', '/api/admin/services', 'admin', {
      id: 'fagsystem-helse',
      name: 'X',
      deskId: 'uke',
    });
    expect(dup.status).toBe(400);
    expect((await json<{ error: { field: string } }>(dup)).error.field).toBe('id');

    const p = await json<AdminPolicyResponse>(call('GET', '/api/admin/policies/uke', 'ukeLead'));
    const draft = { ...p.versions[0]!, name: 'UKE 2026' };
    const badPolicy = {
      ...draft,
      priorities: [{ ...draft.priorities[0]!, response: { kind: 'cut_off', before: '25:00' } }],
    };
    const bad = await call('PUT', '/api/admin/policies/uke', 'ukeLead', {
      version: p.version,
      policy: badPolicy,
    });
    expect(bad.status).toBe(400);
    expect((await json<{ error: { field: string; message: string } }>(bad)).error).toEqual({
      code: 'VALIDATION',
      field: 'priorities[0].response.before',
      message: 'priorities[0].response.before: må være et klokkeslett TT:MM (00:00–24:00).',
    });
    const preview = await json<AdminPreviewResponse>(
      call('POST', '/api/admin/policies/preview', 'ukeLead', {
        policy: draft,
        receivedAt: '2026-03-20T14:00:00Z',
        priority: draft.priorities[0]!.id,
      }),
    );
    expect(preview.receivedAt).toBe('2026-03-20T14:00:00.000Z');
    expect(preview.response.kind).toBe(draft.priorities[0]!.response.kind);
    const saved = await json<AdminPolicyResponse>(
      call('PUT', '/api/admin/policies/uke', 'ukeLead', { version: p.version, policy: draft }),
    );
    expect(saved.versions.map((v) => v.version?.number ?? 1)).toEqual([2, 1]);
    expect(saved.versions[0]!.version!.validFrom).toBe('2026-03-20T12:00:00.000Z');
  });

  it('imports services from CSV: a dry run shows changes and row errors; a faulty file writes nothing', async () => {
    const header = 'id;navn;desk;kritikalitet;forvalter_id;forvalter_navn;leverandor;virksomheter;status\r\n';
    const csv =
      header + 'agresso;Agresso ERP;ror-ikt;normal;;;;;aktiv\r\nny-tjeneste;Ny;uke;normal;;;;;aktiv\r\n';
    const dry = await json<AdminImportResponse>(
      call('POST', '/api/admin/services/import?dryRun=true', 'admin', csv, 'text/csv'),
    );
    expect(dry.changes.map((c) => `${c.id}:${c.action}`)).toEqual(['agresso:update', 'ny-tjeneste:create']);
    expect(dry.errors).toEqual([]);
    const broken = csv + 'x;;nope;normal;;;;;aktiv\r\n';
    const refused = await call('POST', '/api/admin/services/import', 'admin', broken, 'text/csv');
    expect(refused.status).toBe(400);
    const report = await json<AdminImportResponse & { error: { code: string } }>(refused);
    expect(report.error.code).toBe('VALIDATION');
    expect(report.errors.map((e) => `${e.line}:${e.field}`)).toEqual(['4:navn', '4:desk']);
    const names = async () =>
      (
        await json<{ services: Array<{ name: string }> }>(call('GET', '/api/admin/services', 'admin'))
      ).services.map((s) => s.name);
    expect(await names()).not.toContain('Ny');
    const done = await call('POST', '/api/admin/services/import', 'admin', csv, 'text/csv');
    expect(done.status).toBe(200);
    expect(await names()).toEqual(expect.arrayContaining(['Agresso ERP', 'Ny']));
    const exported = await call('GET', '/api/admin/services.csv', 'admin');
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await exported.text()).toContain('ny-tjeneste;Ny;uke;normal');
  });

  it('finds people in the directory for a desk lead; a too short search is a field error', async () => {
    const found = await json<AdminPeopleResponse>(call('GET', '/api/admin/people?q=kari', 'ukeLead'));
    expect(found.people).toEqual([{ id: USERS.employee, name: 'Kari Nordmann' }]);
    const short = await call('GET', '/api/admin/people?q=k', 'rorLead');
    expect(short.status).toBe(400);
    expect((await json<{ error: unknown }>(short)).error).toEqual({
      code: 'VALIDATION',
      field: 'q',
      message: 'Skriv minst 2 tegn for å søke.',
    });
  });

  it("sets a desk's members as people and its escalation contacts; unknown ids are shown as ids", async () => {
    const d = await json<AdminDeskResponse>(call('GET', '/api/admin/desks/ror-ikt', 'rorLead'));
    expect(d.members).toEqual([{ id: USERS.desk, name: 'Ola Servicesenter' }]);
    const body = {
      version: d.version,
      name: d.item.name,
      phone: d.item.phone,
      members: [USERS.desk, USERS.superMolde, 'u-ukjent'],
      escalationContacts: [{ id: USERS.reader, name: 'Liv Porteføljeråd', email: 'liv@ror-ikt.no' }],
      autoCloseWorkingDays: 5,
    };
    const twice = await call('PUT', '/api/admin/desks/ror-ikt', 'rorLead', {
      ...body,
      escalationContacts: [...body.escalationContacts, ...body.escalationContacts],
    });
    expect(twice.status).toBe(400);
    expect((await json<{ error: { field: string } }>(twice)).error.field).toBe('escalationContacts');
    const group = await call('PUT', '/api/admin/desks/ror-ikt', 'rorLead', {
      ...body,
      memberGroupId: 'kundeservice',
    });
    expect((await json<{ error: unknown }>(group)).error).toEqual({
      code: 'VALIDATION',
      field: 'memberGroupId',
      message: 'Entra-gruppe må være gruppens objekt-id, f.eks. 0b6c7a4e-1111-4c2d-8e3f-000000000002.',
    });
    const saved = await json<AdminDeskResponse>(call('PUT', '/api/admin/desks/ror-ikt', 'rorLead', body));
    expect(saved.members).toEqual([
      { id: USERS.desk, name: 'Ola Servicesenter' },
      { id: USERS.superMolde, name: 'Siri Superbruker' },
      { id: 'u-ukjent', name: 'u-ukjent' },
    ]);
    expect(saved.item.escalationContacts).toEqual(body.escalationContacts);
    const withGroup = await json<AdminDeskResponse>(
      call('PUT', '/api/admin/desks/ror-ikt', 'rorLead', {
        ...body,
        version: saved.version,
        memberGroupId: '0B6C7A4E-1111-4C2D-8E3F-000000000002',
      }),
    );
    expect(withGroup.item.memberGroupId).toBe('0B6C7A4E-1111-4C2D-8E3F-000000000002');
  });

  it('unlinks a channel linked from Teams, in the change log; nothing to unlink is a field error', async () => {
    const current = (await srv.store.desks.get(deskId('ror-ikt')))!;
    const triage = {
      teamId: 't',
      channelId: '19:triage@thread.tacv2',
      serviceUrl: 'https://x/',
      name: 'Saker',
    };
    const notice = { teamId: 't', channelId: '19:notice@thread.tacv2', serviceUrl: 'https://x/' };
    const linked = await srv.store.desks.put(
      { ...current.value, triageChannel: triage, noticeChannels: [notice] },
      current.version,
    );
    const stale = await call('POST', '/api/admin/desks/ror-ikt/unlink', 'rorLead', {
      version: current.version,
      channel: { kind: 'triage' },
    });
    expect(stale.status).toBe(409);
    const one = await json<AdminDeskResponse>(
      call('POST', '/api/admin/desks/ror-ikt/unlink', 'rorLead', {
        version: linked.version,
        channel: { kind: 'triage' },
      }),
    );
    expect(one.item.triageChannel).toBeUndefined();
    expect(one.item.noticeChannels).toEqual([notice]);
    const again = await call('POST', '/api/admin/desks/ror-ikt/unlink', 'rorLead', {
      version: one.version,
      channel: { kind: 'triage' },
    });
    expect(again.status).toBe(400);
    expect((await json<{ error: unknown }>(again)).error).toEqual({
      code: 'VALIDATION',
      field: 'channel',
      message: 'Servicesenteret har ingen triasjekanal å koble fra.',
    });
    const two = await json<AdminDeskResponse>(
      call('POST', '/api/admin/desks/ror-ikt/unlink', 'admin', {
        version: one.version,
        channel: { kind: 'notice', channelId: notice.channelId },
      }),
    );
    expect(two.item.noticeChannels).toEqual([]);
    const audit = await json<AdminAuditResponse>(
      call('GET', '/api/admin/audit?type=desk&id=ror-ikt', 'rorLead'),
    );
    expect(audit.entries.slice(0, 2).map((e) => [e.actor.name, e.fields])).toEqual([
      ['Ada Admin', ['noticeChannels']],
      ['Lea Leder', ['triageChannel']],
    ]);
  });

  it("stores a service's own fellesfeil thresholds; a bad one is named at its field in Norwegian", async () => {
    const s = await json<AdminServiceResponse>(call('GET', '/api/admin/services/kompass', 'admin'));
    const body = {
      version: s.version,
      name: s.item.name,
      deskId: s.item.deskId,
      criticality: s.item.criticality,
    };
    const bad = await call('PUT', '/api/admin/services/kompass', 'admin', {
      ...body,
      fellesfeil: { windowMinutes: 0 },
    });
    expect(bad.status).toBe(400);
    expect((await json<{ error: unknown }>(bad)).error).toEqual({
      code: 'VALIDATION',
      field: 'fellesfeil.windowMinutes',
      message: 'Tidsvindu (minutter) må være et helt tall fra 1 til 1440.',
    });
    const ok = await json<AdminServiceResponse>(
      call('PUT', '/api/admin/services/kompass', 'admin', {
        ...body,
        fellesfeil: { windowMinutes: 20, minOrganisations: '' },
      }),
    );
    expect(ok.item.fellesfeil).toEqual({ windowMinutes: 20 });
    // A CSV import (which has no threshold columns) keeps them.
    const header = 'id;navn;desk;kritikalitet;forvalter_id;forvalter_navn;leverandor;virksomheter;status\r\n';
    await call(
      'POST',
      '/api/admin/services/import',
      'admin',
      header + 'kompass;Kompass 2;uke;normal;;;;;aktiv\r\n',
    );
    const after = await json<AdminServiceResponse>(call('GET', '/api/admin/services/kompass', 'admin'));
    expect(after.item).toMatchObject({ name: 'Kompass 2', fellesfeil: { windowMinutes: 20 } });
  });
});
