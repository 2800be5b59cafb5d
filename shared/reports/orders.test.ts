import { applyCommand, type ActorRole, type CaseCommand } from '../cases/lifecycle';
import type { Case } from '../cases/model';
import { openOrder, type OpenOrderInput } from '../cases/orders';
import { orderTermsFromFault } from '../cases/order-input';
import { ACTORS, MONDAY_0900, ROR, colleague, reporter, storedCase } from '../cases/test-support/fixtures';
import type { Service } from '../desks/model';
import { caseRef, deskId, orgId, serviceId } from '../ids';
import { orderReport, orderReportCsv, quantile, workingDaysTaken } from './orders';

const terms = {
  orderable: true,
  description: 'Bærbar PC med dokkingstasjon.',
  deliveryWorkingDays: 5,
  billing: { kind: 'cost_centre' as const, pattern: '\\d{4}', example: '4410' },
};
const plain: Service = {
  id: serviceId('ny-pc'),
  name: 'Ny PC',
  deskId: deskId('ror-ikt'),
  criticality: 'normal',
  order: { ...terms, needsApproval: false },
};
const approved: Service = {
  ...plain,
  id: serviceId('oppgradering'),
  order: { ...terms, needsApproval: true },
};

function order(ref: string, service: Service, billingReference: string, clientKey = ref): Case {
  const input: OpenOrderInput = {
    deskId: deskId('ror-ikt'),
    orgId: orgId('molde'),
    serviceId: service.id,
    checklist: {
      what: 'To bærbare PC-er',
      forWhom: 'Barnevernet',
      earlierCommunication: '',
      billingReference,
      contactPersons: 'Kari Leder',
    },
    reporterRole: 'superuser',
    followers: [colleague],
    clientKey,
  };
  return { ...openOrder(input, { policy: ROR, service, now: MONDAY_0900, reporter }), ref: caseRef(ref) };
}

/** Applies a command at an Oslo wall-clock instant of November 2026 (CET, UTC+1). */
function at(c: Case, local: string, cmd: CaseCommand, role: ActorRole = 'desk'): Case {
  const now = new Date(`2026-11-${local}:00+01:00`);
  return applyCommand(c, cmd, { actor: ACTORS[role], role, now, policy: ROR }).case;
}
const lastEstimate = (c: Case) => c.order!.estimates[c.order!.estimates.length - 1]!.id;

const period = { from: new Date('2026-11-01T00:00:00+01:00'), to: new Date('2026-12-01T00:00:00+01:00') };
const NOW = new Date('2026-11-20T12:00:00+01:00');
const policies = { 'ror-ikt': { policy: ROR } };

// A: no approval, received Mon 2 Nov 09:00, delivered Wed 4 Nov 09:00: 2 working days, on time.
let a = order('BE-2026-000001', plain, '4410');
a = at(a, '02T09:10', { type: 'claim' });
a = at(a, '04T09:00', { type: 'solve', solution: 'Levert.' });
// B: needs approval; estimate Mon 10:00, approved Tue 3 Nov 10:00 (1 working day waited); delivered
// Thu 12 Nov 12:00: 8 working days after the approval, later than the catalogue's 5.
let b = order('BE-2026-000002', approved, '4410');
b = at(b, '02T10:00', { type: 'send_estimate', hours: 6, text: 'Installasjon og oppsett.' });
b = at(b, '03T10:00', { type: 'answer_estimate', approve: true, estimateId: lastEstimate(b) }, 'reporter');
b = at(b, '03T11:00', { type: 'claim' });
b = at(b, '12T12:00', { type: 'solve', solution: 'Levert.' });
// C: a fault converted to an order (counted as an order, converted), not delivered.
let c = storedCase();
c = at(c, '02T09:30', { type: 'change_kind', to: 'order', order: orderTermsFromFault(c, plain) });
// D: an order converted to a fault: not an order in the report.
let d = order('BE-2026-000004', plain, '5520');
d = at(d, '02T09:30', { type: 'change_kind', to: 'fault' });
// E: an estimate still waiting for its answer.
let e = order('BE-2026-000005', approved, '5520');
e = at(e, '05T10:00', { type: 'send_estimate', hours: 3, text: 'Oppsett.' });

describe('orderReport', () => {
  const report = orderReport({ period, now: NOW, cases: [a, b, c, d, e], policies });

  it('counts orders under the kind they ended as, converted faults included', () => {
    expect(report.orders).toBe(4);
    expect(report.convertedFromFault).toBe(1);
    expect(report.rows.map((r) => r.ref)).toEqual(
      expect.arrayContaining(['BE-2026-000001', 'BE-2026-000002', 'FV-2026-000001', 'BE-2026-000005']),
    );
    expect(report.rows.some((r) => r.ref === 'BE-2026-000004')).toBe(false);
  });

  it('gives delivered within the delivery time, median and p90 in working days', () => {
    expect(report.delivered).toBe(2);
    expect(report.withDeliveryTime).toBe(2);
    expect(report.onTime).toBe(1);
    expect(report.onTimeShare).toBe(0.5);
    expect(report.rows.find((r) => r.ref === 'BE-2026-000001')).toMatchObject({
      deliveryWorkingDays: 2,
      onTime: true,
    });
    expect(report.rows.find((r) => r.ref === 'BE-2026-000002')).toMatchObject({
      deliveryWorkingDays: 8,
      onTime: false,
      approvalWaitWorkingDays: 1,
    });
    expect(report.medianDeliveryWorkingDays).toBe(5);
    expect(report.p90DeliveryWorkingDays).toBe(8);
  });

  it('shows the wait for approval apart, with the estimates still unanswered', () => {
    expect(report.approval).toEqual({
      answered: 1,
      medianWaitWorkingDays: 1,
      p90WaitWorkingDays: 1,
      pending: 1,
    });
  });

  it('groups billable orders by their reference', () => {
    expect(report.billing).toEqual([
      { reference: '4410', kind: 'cost_centre', orders: 2, refs: ['BE-2026-000001', 'BE-2026-000002'] },
      { reference: '5520', kind: 'cost_centre', orders: 1, refs: ['BE-2026-000005'] },
    ]);
  });

  it('leaves out orders neither received nor delivered in the period', () => {
    const december = {
      from: new Date('2026-12-01T00:00:00+01:00'),
      to: new Date('2027-01-01T00:00:00+01:00'),
    };
    const r = orderReport({ period: december, now: NOW, cases: [a, b], policies });
    expect(r).toMatchObject({ orders: 0, delivered: 0, onTimeShare: null, medianDeliveryWorkingDays: null });
  });

  it('writes the rows as CSV with names', () => {
    const csv = orderReportCsv(report, 'nb', { service: () => 'Ny PC', org: () => 'Molde' });
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('Leveringstid (virkedager)');
    expect(lines.find((l) => l.startsWith('BE-2026-000002'))).toContain(';8;5;nei;1;4410;nei');
  });
});

describe('workingDaysTaken and quantile', () => {
  it('counts whole working days over a weekend', () => {
    const cal = ROR.calendar;
    // Fri 6 Nov 14:00 → Mon 9 Nov 14:00 is one working day; 14:01 needs two.
    expect(
      workingDaysTaken(new Date('2026-11-06T14:00:00+01:00'), new Date('2026-11-09T14:00:00+01:00'), cal),
    ).toBe(1);
    expect(
      workingDaysTaken(new Date('2026-11-06T14:00:00+01:00'), new Date('2026-11-09T14:01:00+01:00'), cal),
    ).toBe(2);
    expect(
      workingDaysTaken(new Date('2026-11-06T14:00:00+01:00'), new Date('2026-11-06T13:00:00+01:00'), cal),
    ).toBe(0);
  });
  it('takes the nearest rank', () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([], 0.9)).toBeNull();
  });
});
