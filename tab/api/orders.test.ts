/**
 * Orders through the tab's API against the real server and store: "Bestill" with every refused field
 * at once, the order's access (an outsider gets 404 exactly as on a fault), the estimate loop from the
 * tab (send, reject needs a reason, approve), the desk's "Venter på godkjenning" filter, the conversion
 * of a fault, and the report's order figures.
 */
import type {
  CaseDetailResponse,
  CaseListResponse,
  NewOrderResponse,
  OrderFormErrorResponse,
  OrderReportResponse,
} from '../common/api-types';
import { PC_CHECKLIST, seedWithOrders } from '../test-support/orders';
import { USERS } from '../test-support/seed';
import { startTestServer, type TestServer } from '../test-support/server';

let srv: TestServer;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  srv = await startTestServer({ now: new Date('2026-03-20T09:00:00Z'), seed: seedWithOrders });
  for (const [k, oid] of Object.entries(USERS)) tokens[k] = await srv.token({ oid });
});
afterAll(() => srv.close());

type Who = keyof typeof USERS;
const get = (path: string, who: Who) =>
  fetch(srv.url + path, { headers: { Authorization: `Bearer ${tokens[who]}` } });
const post = (path: string, who: Who, body: unknown) =>
  fetch(srv.url + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokens[who]}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const detail = async (ref: string, who: Who) =>
  (await (await get(`/api/cases/${ref}`, who)).json()) as CaseDetailResponse;
const act = async (ref: string, who: Who, body: Record<string, unknown>) => {
  const d = await detail(ref, who);
  return post(`/api/cases/${ref}/actions`, who, { ...body, version: d.version });
};

let pcRef = '';
let integrationRef = '';

describe('POST /api/orders', () => {
  it('answers every refused field at once, and creates nothing', async () => {
    const res = await post('/api/orders', 'employee', {
      serviceId: 'ror-bestill-pc',
      reporterRole: 'superuser',
      clientKey: 'k-bad',
      checklist: { ...PC_CHECKLIST, what: '', billingReference: '44-10' },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as OrderFormErrorResponse;
    expect(body.fields).toEqual({ what: { code: 'required' }, billingReference: { code: 'format' } });
    const mine = (await (
      await get('/api/cases?view=mine&kind=order', 'employee')
    ).json()) as CaseListResponse;
    expect(mine.items).toEqual([]);
  });

  it('creates the order through the change service with a BE- reference and its delivery date', async () => {
    const order = {
      serviceId: 'ror-bestill-pc',
      reporterRole: 'first_line',
      clientKey: 'k-pc',
      checklist: PC_CHECKLIST,
    };
    const res = await post('/api/orders', 'employee', order);
    expect(res.status).toBe(201);
    const body = (await res.json()) as NewOrderResponse;
    expect(body).toMatchObject({ ref: 'BE-2026-000001', created: true, needsApproval: false });
    // Friday 20 March 10:00 + 5 working days (ROR-IKT, Mon–Fri) = Friday 27 March 10:00.
    expect(body.expectedDeliveryAt).toBe('2026-03-27T09:00:00.000Z');
    pcRef = body.ref;
    const again = await post('/api/orders', 'employee', order);
    expect(again.status).toBe(200);
    expect(((await again.json()) as NewOrderResponse).ref).toBe(pcRef);
  });

  it('refuses a service that is not orderable, or not for the orderer’s virksomhet', async () => {
    const agresso = await post('/api/orders', 'employee', {
      serviceId: 'agresso',
      reporterRole: 'first_line',
      clientKey: 'k-a',
      checklist: PC_CHECKLIST,
    });
    expect(agresso.status).toBe(400);
    const uke = await post('/api/orders', 'employee', {
      serviceId: 'uke-bestill-mobil',
      reporterRole: 'first_line',
      clientKey: 'k-u',
      checklist: PC_CHECKLIST,
    });
    expect(uke.status).toBe(400);
  });
});

describe('access to an order', () => {
  it('shows the order to its orderer and the desk, and is 404 to an outsider as a fault is', async () => {
    expect((await get(`/api/cases/${pcRef}`, 'employee')).status).toBe(200);
    expect((await get(`/api/cases/${pcRef}`, 'desk')).status).toBe(200);
    expect((await get(`/api/cases/${pcRef}`, 'superMolde')).status).toBe(200);
    for (const who of ['employeeAukra', 'superAukra', 'deskUke', 'nobody'] as const) {
      const order = await get(`/api/cases/${pcRef}`, who);
      const fault = await get('/api/cases/FV-2026-000001', who);
      const none = await get('/api/cases/BE-2026-999999', who);
      expect([order.status, fault.status, none.status]).toEqual([404, 404, 404]);
      expect(await order.json()).toEqual({
        error: { code: 'NOT_FOUND', message: `no case ${pcRef}` },
      });
    }
    const outsider = await act(pcRef, 'desk', { action: 'claim' });
    expect(outsider.status).toBe(200);
    const rogue = await post(`/api/cases/${pcRef}/actions`, 'employeeAukra', {
      action: 'claim',
      version: 'x',
    });
    expect(rogue.status).toBe(404);
  });
});

describe('the estimate loop from the tab', () => {
  it('sends an estimate, shows the order under "Venter på godkjenning", needs a reason to reject', async () => {
    const res = await post('/api/orders', 'employee', {
      serviceId: 'ror-bestill-integrasjon',
      reporterRole: 'administrator',
      clientKey: 'k-int',
      checklist: { ...PC_CHECKLIST, billingReference: 'R12345' },
    });
    integrationRef = ((await res.json()) as NewOrderResponse).ref;
    expect((await act(integrationRef, 'desk', { action: 'claim' })).status).toBe(409);
    expect(
      (await act(integrationRef, 'desk', { action: 'estimate', hours: '7,5', text: 'Oppsett og test.' }))
        .status,
    ).toBe(200);
    const queue = (await (
      await get('/api/cases?view=desk&approval=pending', 'desk')
    ).json()) as CaseListResponse;
    expect(queue.items.map((r) => [r.ref, r.kind, r.awaitingApproval])).toEqual([
      [integrationRef, 'order', true],
    ]);
    // Only the orderer answers; a rejection needs its reason.
    const estimateId = (await detail(integrationRef, 'employee')).case.order!.estimates[0]!.id;
    expect(
      (await act(integrationRef, 'desk', { action: 'answer_estimate', approve: true, estimateId })).status,
    ).toBe(403);
    const noReason = await act(integrationRef, 'employee', {
      action: 'answer_estimate',
      approve: false,
      estimateId,
    });
    expect(noReason.status).toBe(400);
    const rejected = await act(integrationRef, 'employee', {
      action: 'answer_estimate',
      approve: false,
      estimateId,
      reason: 'For mange timer',
    });
    expect(rejected.status).toBe(200);
    expect(((await rejected.json()) as CaseDetailResponse).case.order!.estimates[0]!.answer).toMatchObject({
      approved: false,
      reason: 'For mange timer',
    });
  });

  it('a new estimate, approved by the orderer, lets the desk take the order', async () => {
    expect(
      (await act(integrationRef, 'desk', { action: 'estimate', hours: 'mange', text: 'x' })).status,
    ).toBe(400);
    expect(
      (await act(integrationRef, 'desk', { action: 'estimate', hours: '5', text: 'Uten test.' })).status,
    ).toBe(200);
    const d = await detail(integrationRef, 'employee');
    const estimateId = d.case.order!.estimates[1]!.id;
    const ok = await act(integrationRef, 'employee', {
      action: 'answer_estimate',
      approve: true,
      estimateId,
    });
    expect(ok.status).toBe(200);
    expect((await act(integrationRef, 'desk', { action: 'claim' })).status).toBe(200);
    const after = await detail(integrationRef, 'employee');
    expect(after.case.order!.estimates.map((e) => [e.hours, e.answer?.approved])).toEqual([
      [7.5, false],
      [5, true],
    ]);
  });
});

describe('conversion and filters', () => {
  it('the desk converts a fault to an order; the list marks it and filters by kind', async () => {
    const res = await act('FV-2026-000005', 'desk', { action: 'convert', to: 'order' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as CaseDetailResponse;
    expect(body.case.kind).toBe('order');
    expect(body.case.ref).toBe('FV-2026-000005');
    expect(body.case.order?.checklist.forWhom).toBe(body.case.reporter.name);
    const orders = (await (await get('/api/cases?view=desk&kind=order', 'desk')).json()) as CaseListResponse;
    expect(orders.items.map((r) => r.ref).sort()).toEqual([
      'BE-2026-000001',
      'BE-2026-000002',
      'FV-2026-000005',
    ]);
    const faults = (await (await get('/api/cases?view=desk&kind=fault', 'desk')).json()) as CaseListResponse;
    expect(faults.items.some((r) => r.kind === 'order')).toBe(false);
    expect((await act('FV-2026-000008', 'employee', { action: 'convert', to: 'order' })).status).toBe(403);
  });
});

describe('GET /api/reports/orders', () => {
  it('gives the period’s order figures to report readers, billable orders by reference', async () => {
    const res = await get('/api/reports/orders?from=2026-03-01&to=2026-03-31', 'reader');
    expect(res.status).toBe(200);
    const { report } = (await res.json()) as OrderReportResponse;
    expect(report).toMatchObject({ orders: 3, convertedFromFault: 1, delivered: 0 });
    expect(report.approval).toMatchObject({ answered: 2, pending: 0 });
    expect(report.billing.map((g) => [g.reference, g.refs])).toEqual([
      ['4410', ['BE-2026-000001']],
      ['R12345', ['BE-2026-000002']],
    ]);
    const csv = await get('/api/reports/orders.csv?from=2026-03-01&to=2026-03-31', 'reader');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('BE-2026-000002;');
    expect((await get('/api/reports/orders', 'employee')).status).toBe(403);
  });
});
