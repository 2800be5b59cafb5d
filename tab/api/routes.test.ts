import type {
  CaseDetailResponse,
  CaseListResponse,
  NoticesResponse,
  ReportResponse,
} from '../common/api-types';
import { EXPECTED } from '../../shared/reports/test-support/fixture';
import { startTestServer, type TestServer } from '../test-support/server';
import { INJECTION_TITLE, PNG_BYTES, seedStore, USERS } from '../test-support/seed';

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed: (s) => seedStore(s) });
  for (const [k, oid] of Object.entries(USERS)) tokens[k] = await srv.token({ oid });
});
afterAll(() => srv.close());

const get = (path: string, who: keyof typeof USERS) =>
  fetch(srv.url + path, { headers: { Authorization: `Bearer ${tokens[who]}` } });
const post = (path: string, who: keyof typeof USERS, body: unknown) =>
  fetch(srv.url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const json = async <T>(res: Response | Promise<Response>): Promise<T> => (await (await res).json()) as T;
const refs = (l: CaseListResponse) => l.items.map((r) => r.ref);

describe('GET /api/cases', () => {
  it('gives a desk its open queue, nearest deadline first, with SLA snapshots for the countdowns', async () => {
    const list = await json<CaseListResponse>(get('/api/cases', 'desk'));
    // Open (not Lukket) ROR-IKT cases: all 11 seeded; sorted by next deadline, none last. An
    // unfiltered queue of one desk streams from the store: no total, no cursor on the last page.
    expect(list.items).toHaveLength(11);
    expect(list.total).toBeUndefined();
    expect(list.cursor).toBeUndefined();
    const dues = list.items.map((r) => r.nextDueAt ?? '~');
    expect([...dues].sort()).toEqual(dues);
    const e = list.items.find((r) => r.ref === 'FV-2026-000005')!;
    expect(e.response).toMatchObject({
      state: 'breached',
      clock: 'business',
      dueAt: '2026-03-11T09:30:00.000Z',
    });
    expect(e.resolution).toMatchObject({ state: 'breached', dueAt: '2026-03-17T13:00:00.000Z' });
    const f = list.items.find((r) => r.ref === 'FV-2026-000006')!;
    expect(f.resolution.state).toBe('paused');
    expect(f.resolution.pauses[0]).toMatchObject({ reason: 'reporter', from: '2026-03-13T14:20:00.000Z' });
  });

  it('filters by status, priority, service, virksomhet, assignee and searches reference or title', async () => {
    expect(refs(await json(get('/api/cases?status=waiting', 'desk')))).toEqual(['FV-2026-000006']);
    expect(refs(await json(get('/api/cases?priority=lav,middels&sort=ref', 'desk')))).toEqual([
      'FV-2026-000003',
      'FV-2026-000005',
      'FV-2026-000010',
    ]);
    expect(refs(await json(get('/api/cases?service=visma', 'desk')))).toEqual(['FV-2026-000011']);
    expect(refs(await json(get('/api/cases?org=aukra', 'desk')))).toEqual(['FV-2026-000010']);
    expect((await json<CaseListResponse>(get('/api/cases?assignee=none', 'desk'))).total).toBe(4);
    expect((await json<CaseListResponse>(get('/api/cases?assignee=me', 'desk'))).total).toBe(7);
    expect(refs(await json(get('/api/cases?q=journal', 'desk')))).toEqual(['FV-2026-000004']);
    expect(refs(await json(get('/api/cases?q=fv-2026-000009', 'desk')))).toEqual(['FV-2026-000009']);
  });

  it('streams an unfiltered desk queue from the store, page by page, in deadline order', async () => {
    const all = await json<CaseListResponse>(get('/api/cases', 'desk'));
    const first = await json<CaseListResponse>(get('/api/cases?limit=4', 'desk'));
    expect(first.cursor).toMatch(/^s\./);
    const rest = await json<CaseListResponse>(
      get(`/api/cases?limit=100&cursor=${encodeURIComponent(first.cursor!)}`, 'desk'),
    );
    expect([...refs(first), ...refs(rest)]).toEqual(refs(all));
    expect(
      (await get(`/api/cases?status=new&cursor=${encodeURIComponent(first.cursor!)}`, 'desk')).status,
    ).toBe(400);
  });

  it('pages with a cursor', async () => {
    const first = await json<CaseListResponse>(get('/api/cases?sort=ref&limit=4', 'desk'));
    expect(refs(first)).toEqual(['FV-2026-000001', 'FV-2026-000002', 'FV-2026-000003', 'FV-2026-000004']);
    const second = await json<CaseListResponse>(
      get(`/api/cases?sort=ref&limit=4&cursor=${first.cursor}`, 'desk'),
    );
    expect(second.items[0].ref).toBe('FV-2026-000005');
    const last = await json<CaseListResponse>(get('/api/cases?sort=ref&limit=4&cursor=8', 'desk'));
    expect(last.items).toHaveLength(3);
    expect(last.cursor).toBeUndefined();
  });

  it('keeps virksomheter apart: a superbruker sees their own, an employee their own cases', async () => {
    const molde = await json<CaseListResponse>(get('/api/cases', 'superMolde'));
    expect(molde.total).toBe(10);
    expect(molde.items.every((r) => r.orgId === 'molde')).toBe(true);
    expect(refs(await json(get('/api/cases', 'superAukra')))).toEqual(['FV-2026-000010']);
    expect((await get('/api/cases?view=org&org=aukra', 'superMolde')).status).toBe(403);
    expect(refs(await json(get('/api/cases', 'employeeAukra')))).toEqual(['FV-2026-000010']);
    const mine = await json<CaseListResponse>(get('/api/cases?view=mine', 'employee'));
    expect(mine.items.every((r) => r.orgId === 'molde')).toBe(true);
    expect((await json<CaseListResponse>(get('/api/cases', 'deskUke'))).items).toEqual([]);
  });

  it.each([
    ['view=everything', 'view'],
    ['status=open', 'status'],
    ['sort=sideways', 'sort'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['cursor=-1', 'cursor'],
    ['priority=%3Cscript%3E', 'priority'],
    ['colour=red', 'colour'],
    ['view=desk&view=org', 'view'],
  ])('answers 400 with the reason for %s', async (query, field) => {
    const res = await get(`/api/cases?${query}`, 'desk');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'VALIDATION', field });
    expect(body.error.message.length).toBeGreaterThan(5);
  });
});

describe('GET /api/cases/:ref', () => {
  it('returns the case, its events, its policy and the version', async () => {
    const d = await json<CaseDetailResponse>(get('/api/cases/FV-2026-000004', 'desk'));
    expect(d.case.title).toBe('D: Journalsystem nede – æøå');
    expect(d.case.events.map((e) => e.type)).toEqual([
      'created',
      'claimed',
      'waiting_started',
      'waiting_ended',
      'solved',
      'breach_explained',
    ]);
    expect(d.policy.id).toBe('ror-ikt');
    expect(d.canAct).toBe(true);
    expect(typeof d.version).toBe('string');
  });

  it('answers 404 for another virksomhet’s case and for a case that does not exist', async () => {
    expect((await get('/api/cases/FV-2026-000010', 'superMolde')).status).toBe(404);
    expect((await get('/api/cases/FV-2026-000001', 'superAukra')).status).toBe(404);
    expect((await get('/api/cases/FV-2026-000001', 'employeeAukra')).status).toBe(404);
    expect((await get('/api/cases/FV-2026-000001', 'deskUke')).status).toBe(404);
    expect((await get('/api/cases/FV-2026-999999', 'desk')).status).toBe(404);
    expect((await get('/api/cases/FV-2026-000010', 'superAukra')).status).toBe(200);
    const own = await json<CaseDetailResponse>(get('/api/cases/FV-2026-000001', 'employee'));
    expect(own.canAct).toBe(false);
  });

  it('answers 400 for something that is not a reference', async () => {
    const res = await get('/api/cases/not-a-ref', 'desk');
    expect(res.status).toBe(400);
  });

  it('keeps case text as data (an injection title comes back verbatim)', async () => {
    const d = await json<CaseDetailResponse>(get('/api/cases/FV-2026-000011', 'desk'));
    expect(d.case.title).toBe(INJECTION_TITLE);
  });

  it('streams a screenshot to whoever may see the case, and nobody else', async () => {
    const res = await get('/api/cases/FV-2026-000001/attachments/att-1', 'employee');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG_BYTES)).toBe(true);
    expect((await get('/api/cases/FV-2026-000001/attachments/att-1', 'superAukra')).status).toBe(404);
    expect((await get('/api/cases/FV-2026-000001/attachments/nope', 'desk')).status).toBe(404);
  });
});

describe('GET /api/reports/sla', () => {
  it('gives report readers the figures of the hand-computed fixture', async () => {
    const r = await json<ReportResponse>(
      get('/api/reports/sla?from=2026-03-02&to=2026-03-15&desk=ror-ikt', 'reader'),
    );
    expect(r.report.cases).toBe(EXPECTED.cases);
    expect(r.report.response).toEqual(EXPECTED.response);
    expect(r.report.resolution).toEqual(EXPECTED.resolution);
    expect(r.report.perWeek).toEqual(EXPECTED.perWeek);
    expect(r.report.breaches.map((b) => b.ref)).toEqual(EXPECTED.breaches.map((b) => b.ref));
    expect(r.breachCount).toBe(EXPECTED.breaches.length);
    // Each breach says the policy versions its case ran under: every fixture case ran under version 1.
    expect(r.report.breaches.map((b) => b.policyVersions)).toEqual(EXPECTED.breaches.map(() => [1]));
    expect(r.report).not.toHaveProperty('rows');
    expect(r.report.openCases).toBe(EXPECTED.openCases);
    const agresso = r.report.uptime.find((u) => u.serviceId === 'agresso')!;
    expect(agresso.downMinutes).toBe(120);
    expect(r.names.services.agresso).toBe('Agresso økonomi');
  });

  it('narrows by service and virksomhet', async () => {
    const r = await json<ReportResponse>(
      get('/api/reports/sla?from=2026-03-02&to=2026-03-31&org=aukra', 'desk'),
    );
    expect(r.report.cases).toBe(1);
    // As of now (20 March): its response is overdue, its resolution (3 working days) still runs.
    expect(r.report.breaches.map((x) => [x.ref, x.target])).toEqual([['FV-2026-000010', 'response']]);
    const v = await json<ReportResponse>(
      get('/api/reports/sla?from=2026-03-02&to=2026-03-31&service=visma', 'reader'),
    );
    expect(v.report.cases).toBe(1);
    expect(v.report.breaches.map((x) => x.ref)).toEqual(['FV-2026-000011', 'FV-2026-000011']);
    expect(v.report.uptime.map((u) => u.serviceId)).toEqual(['visma']);
  });

  it.each([
    ['from=2026-13-01', 'from'],
    ['from=yesterday', 'from'],
    ['from=2026-03-10&to=2026-03-01', 'to'],
    ['from=2024-01-01&to=2026-01-01', 'to'],
    ['lang=de', 'lang'],
    ['desk=../x', 'desk'],
    ['period=q1', 'period'],
  ])('answers 400 for %s', async (query, field) => {
    const res = await get(`/api/reports/sla?${query}`, 'reader');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
  });

  it('exports CSV with a BOM, Norwegian letters and a file name', async () => {
    const res = await get('/api/reports/sla.csv?from=2026-03-02&to=2026-03-15&desk=ror-ikt', 'reader');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="sla-rapport-2026-03-02-2026-03-15.csv"',
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Journalsystem nede – æøå');
    expect(text).toContain('Alle;Responstid;4;3;57,14;20;90');
    expect(text).toContain('Agresso økonomi;99,4;120;Nei');
  });
});

describe('notices', () => {
  it('lists active and recent notices of the desks that concern the caller', async () => {
    const n = await json<NoticesResponse>(get('/api/notices', 'employee'));
    expect(n.active.map((x) => x.id)).toEqual(['n-4']);
    expect(n.publishDesks).toEqual([]);
    const uke = await json<NoticesResponse>(get('/api/notices', 'deskUke'));
    expect(uke.active).toEqual([]);
    expect(uke.publishDesks).toEqual(['uke']);
  });

  it('lets a desk member publish, validating the input', async () => {
    const base = {
      deskId: 'ror-ikt',
      kind: 'planned_maintenance',
      title: 'Oppgradering av Agresso',
      text: 'Agresso er utilgjengelig.',
      serviceIds: ['agresso'],
      startsAt: '2026-03-21T16:00:00Z',
    };
    const tooSoon = await post('/api/notices', 'desk', base);
    expect(tooSoon.status).toBe(400);
    expect(((await tooSoon.json()) as { error: { field: string } }).error.field).toBe('shortNoticeReason');
    expect((await post('/api/notices', 'desk', { ...base, serviceIds: ['kompass'] })).status).toBe(400);
    expect((await post('/api/notices', 'desk', { ...base, kind: 'party' })).status).toBe(400);
    expect((await post('/api/notices', 'deskUke', base)).status).toBe(403);
    const ok = await post('/api/notices', 'desk', { ...base, shortNoticeReason: 'Sikkerhetsoppdatering' });
    expect(ok.status).toBe(201);
    const n = await json<NoticesResponse>(get('/api/notices', 'employee'));
    expect(n.active.map((x) => x.title)).toContain('Oppgradering av Agresso');
  });
});
