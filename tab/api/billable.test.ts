import type { Store } from '../../shared/ports';
import { caseRef, deskId, isoInstant, userId } from '../../shared/ids';
import type { BillableResponse } from './handlers/billable';
import { startTestServer, type TestServer } from '../test-support/server';
import { seedStore, SERVICES, USERS } from '../test-support/seed';

/** The tab fixture, with a forvalter on Agresso (none on Visma) and four cases marked billable. */
async function seed(store: Store): Promise<void> {
  await seedStore(store);
  const agresso = SERVICES.find((s) => s.id === 'agresso')!;
  await store.desks.putService({
    ...agresso,
    administrator: { id: userId('u-forvalter'), name: 'Øyvind Forvalter' },
  });
  const marks: [string, string][] = [
    ['FV-2026-000001', 'Bestilt tilpasning'],
    ['FV-2026-000005', 'Brukerfeil'],
    ['FV-2026-000008', 'Opplæring'],
    ['FV-2026-000011', 'Utenfor avtalen'],
  ];
  for (const [ref, reason] of marks) {
    const v = (await store.cases.getForDesk(caseRef(ref), deskId('ror-ikt')))!;
    await store.cases.update(
      { ...v.value, billable: { reason, at: isoInstant(new Date('2026-03-19T12:00:00Z')) } },
      v.version,
    );
  }
}

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T12:00:00Z'), seed });
  for (const [k, oid] of Object.entries(USERS)) tokens[k] = await srv.token({ oid });
});
afterAll(() => srv.close());

const get = (path: string, who: keyof typeof USERS) =>
  fetch(srv.url + path, { headers: { Authorization: `Bearer ${tokens[who]}` } });
const summary = (b: BillableResponse) =>
  b.groups.map((g) => [g.administrator.name, g.cases.map((c) => `${c.ref} ${c.reason}`)]);

describe('GET /api/reports/billable', () => {
  it('lists the billable cases of the period by forvalter, "Uten forvalter" last', async () => {
    const res = await get('/api/reports/billable?from=2026-03-02&to=2026-03-31&desk=ror-ikt', 'reader');
    expect(res.status).toBe(200);
    const body = (await res.json()) as BillableResponse;
    expect(body).toMatchObject({ from: '2026-03-02', to: '2026-03-31' });
    expect(summary(body)).toEqual([
      [
        'Øyvind Forvalter',
        ['FV-2026-000001 Bestilt tilpasning', 'FV-2026-000005 Brukerfeil', 'FV-2026-000008 Opplæring'],
      ],
      ['Uten forvalter', ['FV-2026-000011 Utenfor avtalen']],
    ]);
    expect(body.groups[0].administrator.id).toBe('u-forvalter');
    expect(body.groups[0].cases[0]).toEqual({
      ref: 'FV-2026-000001',
      title: 'A: Agresso henger',
      orgId: 'molde',
      reason: 'Bestilt tilpasning',
      receivedAt: '2026-03-02T08:00:00.000Z',
    });
  });

  it('keeps to the period and the filters, for desk members too', async () => {
    const early = (await (
      await get('/api/reports/billable?from=2026-03-02&to=2026-03-15', 'desk')
    ).json()) as BillableResponse;
    expect(summary(early)).toEqual([
      ['Øyvind Forvalter', ['FV-2026-000001 Bestilt tilpasning', 'FV-2026-000005 Brukerfeil']],
    ]);
    const visma = (await (
      await get('/api/reports/billable?from=2026-03-02&to=2026-03-31&service=visma', 'desk')
    ).json()) as BillableResponse;
    expect(summary(visma)).toEqual([['Uten forvalter', ['FV-2026-000011 Utenfor avtalen']]]);
  });

  it('answers 403 to those who may not read reports or the desk', async () => {
    expect((await get('/api/reports/billable?from=2026-03-02&to=2026-03-15', 'employee')).status).toBe(403);
    expect((await get('/api/reports/billable?desk=ror-ikt', 'deskUke')).status).toBe(403);
    const uke = (await (
      await get('/api/reports/billable?from=2026-03-02&to=2026-03-31', 'deskUke')
    ).json()) as BillableResponse;
    expect(uke.groups).toEqual([]);
  });

  it.each([
    ['from=yesterday', 'from'],
    ['from=2026-03-10&to=2026-03-01', 'to'],
    ['from=2024-01-01&to=2026-01-01', 'to'],
    ['desk=../x', 'desk'],
    ['period=q1', 'period'],
  ])('answers 400 for %s', async (query, field) => {
    const res = await get(`/api/reports/billable?${query}`, 'reader');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe(field);
  });

  it('exports CSV with a BOM, names and a file name', async () => {
    const res = await get('/api/reports/billable.csv?from=2026-03-02&to=2026-03-15&desk=ror-ikt', 'reader');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="fakturerbare-saker-2026-03-02-2026-03-15.csv"',
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Forvalter;Sak;Tittel;Virksomhet;Mottatt;Begrunnelse',
      'Øyvind Forvalter;FV-2026-000001;A: Agresso henger;Molde kommune;2026-03-02 09:00;Bestilt tilpasning',
      'Øyvind Forvalter;FV-2026-000005;E: Skriver på Rådhuset;Molde kommune;2026-03-10 14:00;Brukerfeil',
      '',
    ]);
    expect((await get('/api/reports/billable.csv?lang=de', 'reader')).status).toBe(400);
    expect((await get('/api/reports/billable.csv', 'employee')).status).toBe(403);
  });
});
