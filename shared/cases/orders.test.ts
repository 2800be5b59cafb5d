import { ValidationError } from '../errors';
import { caseRef, deskId, orgId, serviceId, type EventId } from '../ids';
import type { Service } from '../desks/model';
import { computeSla } from '../sla/state';
import { addWorkingDays } from '../sla/working-days';
import { orderPolicy, slaViewOf } from '../sla/order-sla';
import { caseSla } from '../sla/case-sla';
import { applyCommand, type ActorRole, type CaseCommand } from './lifecycle';
import type { Case } from './model';
import { approvalRequired, openOrder, orderTerms, pendingEstimate, type OpenOrderInput } from './orders';
import {
  ACTORS,
  errorOf,
  MONDAY_0900,
  ROR,
  agent,
  colleague,
  minutesAfter,
  reporter,
  storedCase,
} from './test-support/fixtures';

const pc: Service = {
  id: serviceId('ny-pc'),
  name: 'Ny PC',
  deskId: deskId('ror-ikt'),
  criticality: 'normal',
  order: {
    orderable: true,
    description: 'Bærbar PC med dokkingstasjon, ferdig installert.',
    priceText: 'kr 9 500 per PC',
    deliveryWorkingDays: 5,
    needsApproval: true,
    billing: { kind: 'cost_centre', pattern: '\\d{4}', example: '4410' },
  },
};

function input(over: Partial<OpenOrderInput> = {}): OpenOrderInput {
  return {
    deskId: deskId('ror-ikt'),
    orgId: orgId('molde'),
    serviceId: pc.id,
    checklist: {
      what: 'To bærbare PC-er til nye saksbehandlere',
      forWhom: 'Barnevernet, Molde',
      earlierCommunication: 'Avtalt med IT-koordinator på e-post 28. oktober.',
      billingReference: '4410',
      contactPersons: 'Kari Leder, 712 00 000',
    },
    reporterRole: 'superuser',
    followers: [colleague],
    clientKey: 'order-1',
    ...over,
  };
}

const order = (over: Partial<OpenOrderInput> = {}, service: Service = pc): Case => ({
  ...openOrder(input(over), { policy: ROR, service, now: MONDAY_0900, reporter }),
  ref: caseRef('BE-2026-000001'),
});

let clock = MONDAY_0900.getTime();
beforeEach(() => {
  clock = MONDAY_0900.getTime();
});
function apply(c: Case, cmd: CaseCommand, role: ActorRole = 'desk'): Case {
  clock = Math.max(clock, Date.parse(c.updatedAt)) + 10 * 60_000;
  return applyCommand(c, cmd, { actor: ACTORS[role], role, now: new Date(clock), policy: ROR }).case;
}

describe('openOrder', () => {
  it('copies the catalogue terms, has no fault checklist, goes to the desk at the lowest priority', () => {
    const c = order();
    expect(c).toMatchObject({
      kind: 'order',
      status: 'new',
      line: 'second',
      priority: 'lav',
      title: 'Ny PC: To bærbare PC-er til nye saksbehandlere',
      order: {
        deliveryWorkingDays: 5,
        needsApproval: true,
        billing: 'cost_centre',
        priceText: 'kr 9 500 per PC',
        estimates: [],
        checklist: { billingReference: '4410', forWhom: 'Barnevernet, Molde' },
      },
    });
    expect(c.checklist).toBeUndefined();
    expect(c.followers).toEqual([colleague]);
  });

  it.each([
    ['a billable service without a reference', { billingReference: '' }, 'checklist.billingReference'],
    ['a reference in the wrong format', { billingReference: 'ABC' }, 'checklist.billingReference'],
    ['nothing ordered', { what: '' }, 'checklist.what'],
    ['no contact persons', { contactPersons: ' ' }, 'checklist.contactPersons'],
  ])('refuses %s, naming the field', (_name, over, field) => {
    const base = input().checklist as Record<string, unknown>;
    const e = errorOf(() => order({ checklist: { ...base, ...over } }));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.details.field ?? (e as ValidationError).field).toBe(field);
  });

  it('drops a reference when the service is not billable, and refuses a service that cannot be ordered', () => {
    const free: Service = { ...pc, order: { ...pc.order!, billing: undefined } };
    expect(order({}, free).order?.checklist.billingReference).toBeUndefined();
    const no: Service = { ...pc, order: { ...pc.order!, orderable: false } };
    expect(errorOf(() => order({}, no)).message).toMatch(/cannot be ordered/);
    expect(errorOf(() => order({ reporterRole: 'employee' })).message).toMatch(/reporterRole/);
  });

  it('keeps its promise when the catalogue changes later (the terms are copied)', () => {
    const c = order();
    (pc.order as { deliveryWorkingDays?: number }).deliveryWorkingDays = 20;
    try {
      expect(c.order?.deliveryWorkingDays).toBe(5);
    } finally {
      (pc.order as { deliveryWorkingDays?: number }).deliveryWorkingDays = 5;
    }
  });
});

describe('the estimate loop', () => {
  it('estimate → reject with reason → new estimate → approve → work → delivered → accepted', () => {
    let c = order();
    // Nothing moves the order to work before an estimate is approved.
    expect(errorOf(() => apply(c, { type: 'claim' })).details.reason).toBe('ESTIMATE_MISSING');
    c = apply(c, { type: 'send_estimate', hours: 12, text: 'Innkjøp og klargjøring av to PC-er.' });
    expect(c.status).toBe('waiting');
    expect(c.events.slice(-2).map((e) => e.type)).toEqual(['estimate_sent', 'waiting_started']);
    expect(pendingEstimate(c)?.hours).toBe(12);
    for (const cmd of [{ type: 'claim' }, { type: 'resume' }, { type: 'solve', solution: 'Levert' }] as const)
      expect(errorOf(() => apply(c, cmd)).details.reason).toBe('APPROVAL_PENDING');
    expect(errorOf(() => apply(c, { type: 'wait', reason: 'supplier' })).details.reason).toBe(
      'APPROVAL_PENDING',
    );
    // "ok" in a comment is a comment, never an approval.
    c = apply(c, { type: 'comment', visibility: 'public', text: 'ok' }, 'reporter');
    expect(approvalRequired(c)).toBe(true);
    expect(c.status).toBe('waiting');
    // Only the orderer answers, and a rejection needs its reason.
    expect(errorOf(() => apply(c, { type: 'answer_estimate', approve: true })).code).toBe('FORBIDDEN');
    expect(errorOf(() => apply(c, { type: 'answer_estimate', approve: false }, 'reporter')).code).toBe(
      'VALIDATION',
    );
    c = apply(c, { type: 'answer_estimate', approve: false, reason: 'For mange timer.' }, 'reporter');
    expect(c.status).toBe('new');
    expect(c.order?.estimates[0]?.answer).toMatchObject({ approved: false, reason: 'For mange timer.' });
    expect(errorOf(() => apply(c, { type: 'claim' })).details.reason).toBe('APPROVAL_PENDING');

    c = apply(c, { type: 'send_estimate', hours: 7.5, text: 'Bare klargjøring.' });
    const second = pendingEstimate(c)!.id;
    // An answer to the replaced estimate is refused.
    expect(
      errorOf(() =>
        apply(c, { type: 'answer_estimate', approve: true, estimateId: 'e3' as EventId }, 'reporter'),
      ).details.field,
    ).toBe('estimateId');
    c = apply(c, { type: 'answer_estimate', approve: true, estimateId: second }, 'reporter');
    expect(c.status).toBe('new');
    expect(approvalRequired(c)).toBe(false);
    c = apply(c, { type: 'claim' });
    expect(c.status).toBe('in_progress');
    c = apply(c, { type: 'solve', solution: 'PC-ene er levert til Barnevernet.' });
    c = apply(c, { type: 'accept' }, 'reporter');
    expect(c.status).toBe('closed');
    expect(c.order?.estimates.map((e) => [e.hours, e.answer?.approved])).toEqual([
      [12, false],
      [7.5, true],
    ]);
  });

  it('a changed estimate after approval needs a new approval; the answer keeps the assignee at work', () => {
    let c = order();
    c = apply(c, { type: 'send_estimate', hours: 4, text: 'Klargjøring.' });
    c = apply(c, { type: 'answer_estimate', approve: true }, 'reporter');
    c = apply(c, { type: 'claim' });
    c = apply(c, { type: 'send_estimate', hours: 9, text: 'Mer arbeid enn ventet.' });
    expect(c.status).toBe('waiting');
    expect(errorOf(() => apply(c, { type: 'resume' })).details.reason).toBe('APPROVAL_PENDING');
    c = apply(c, { type: 'answer_estimate', approve: true }, 'reporter');
    expect(c).toMatchObject({ status: 'in_progress', assignee: agent });
  });

  it('refuses an estimate for a service that needs no approval, and checks the hours', () => {
    const free = order({}, { ...pc, order: { ...pc.order!, needsApproval: false } });
    expect(errorOf(() => apply(free, { type: 'send_estimate', hours: 3, text: 'x' })).code).toBe(
      'VALIDATION',
    );
    expect(approvalRequired(free)).toBe(false);
    expect(apply(free, { type: 'claim' }).status).toBe('in_progress');
    const c = order();
    for (const hours of [0, -1, 0.1, 1e6, Number.NaN])
      expect(errorOf(() => apply(c, { type: 'send_estimate', hours, text: 'x' })).details.field).toBe(
        'hours',
      );
    expect(errorOf(() => apply(c, { type: 'send_estimate', hours: 2, text: 'x' }, 'superuser')).code).toBe(
      'FORBIDDEN',
    );
  });

  it('reminds once per estimate, by the system only', () => {
    let c = order();
    c = apply(c, { type: 'send_estimate', hours: 2, text: 'Klargjøring.' });
    const id = pendingEstimate(c)!.id;
    expect(errorOf(() => apply(c, { type: 'remind_approval', estimateId: id })).code).toBe('FORBIDDEN');
    c = apply(c, { type: 'remind_approval', estimateId: id }, 'system');
    expect(c.events.at(-1)).toMatchObject({ type: 'approval_reminded', estimateId: id });
    expect(c.status).toBe('waiting');
    expect(errorOf(() => apply(c, { type: 'remind_approval', estimateId: id }, 'system')).code).toBe(
      'VALIDATION',
    );
  });
});

describe('conversion fault ↔ order', () => {
  it('keeps history, comments and followers; the terms come with the conversion', () => {
    let c = storedCase();
    c = apply(c, { type: 'comment', visibility: 'public', text: 'Kan dere sette opp en ny PC?' }, 'reporter');
    c = apply(c, { type: 'claim' });
    const before = c.events.length;
    const terms = orderTerms(
      {
        what: 'Ny PC',
        forWhom: reporter.name,
        earlierCommunication: '',
        billingReference: '4410',
        contactPersons: reporter.name,
      },
      { ...pc.order!, billing: pc.order!.billing },
    );
    expect(errorOf(() => apply(c, { type: 'change_kind', to: 'order' }, 'desk')).details.field).toBe('order');
    expect(
      errorOf(() => apply(c, { type: 'change_kind', to: 'order', order: terms }, 'superuser')).code,
    ).toBe('FORBIDDEN');
    c = apply(c, { type: 'change_kind', to: 'order', order: terms });
    expect(c.kind).toBe('order');
    expect(c.ref).toBe('FV-2026-000001');
    expect(c.events.slice(0, before).map((e) => e.type)).toContain('comment');
    expect(c.followers).toEqual([colleague]);
    expect(c.checklist?.symptom).toMatch(/Gerica/);
    expect(c.order).toMatchObject({ needsApproval: true, deliveryWorkingDays: 5, estimates: [] });
    // Under arbeid already, but the converted order now waits for an approved estimate.
    expect(errorOf(() => apply(c, { type: 'solve', solution: 'x' })).details.reason).toBe('ESTIMATE_MISSING');
    c = apply(c, { type: 'change_kind', to: 'fault' });
    expect(c.kind).toBe('fault');
    expect(c.order?.checklist.what).toBe('Ny PC');
    expect(apply(c, { type: 'solve', solution: 'Løst' }).status).toBe('solved');
    expect(errorOf(() => apply(c, { type: 'change_kind', to: 'fault' })).details.field).toBe('to');
  });
});

describe('the order SLA (order-sla.ts)', () => {
  it('delivery is the catalogue working days, paused while waiting for approval', () => {
    let c = order();
    const sla0 = computeSla(slaViewOf(c), orderPolicy(ROR, c), MONDAY_0900);
    expect(sla0.resolution.dueAt).toEqual(addWorkingDays(MONDAY_0900, 5, ROR.calendar));
    // Estimate sent at 09:10 (a response), answered an hour later: delivery moves by that hour.
    c = apply(c, { type: 'send_estimate', hours: 2, text: 'Klargjøring.' });
    const sent = Date.parse(c.updatedAt);
    c = applyCommand(
      c,
      { type: 'answer_estimate', approve: true },
      { actor: ACTORS.reporter, role: 'reporter', now: new Date(sent + 60 * 60_000), policy: ROR },
    ).case;
    const sla = computeSla(slaViewOf(c), orderPolicy(ROR, c), minutesAfter(new Date(sent), 120));
    expect(sla.response.state).toBe('met');
    expect(sla.resolution.pauses).toHaveLength(1);
    expect(sla.resolution.dueAt!.getTime() - sla0.resolution.dueAt!.getTime()).toBe(60 * 60_000);
  });

  it('restarts both clocks at a conversion', () => {
    let c = storedCase();
    c = apply(c, { type: 'claim' });
    const terms = orderTerms(
      { what: 'Ny PC', forWhom: 'Rita', earlierCommunication: '', contactPersons: 'Rita' },
      { deliveryWorkingDays: 2, needsApproval: false },
    );
    c = apply(c, { type: 'change_kind', to: 'order', order: terms });
    const at = new Date(c.updatedAt);
    const view = slaViewOf(c);
    expect(view.receivedAt).toBe(c.updatedAt);
    const sla = computeSla(view, orderPolicy(ROR, c), at);
    expect(sla.resolution.dueAt).toEqual(addWorkingDays(at, 2, ROR.calendar));
    expect(sla.response.state).not.toBe('met');
  });

  it('is what the one SLA function of a case (case-sla.ts) and the stored deadlines say', () => {
    const c = order();
    const due = addWorkingDays(MONDAY_0900, 5, ROR.calendar);
    expect(caseSla(c, { policy: ROR }, MONDAY_0900).resolution.dueAt).toEqual(due);
    expect(c.sla.resolutionDueAt).toBe(due.toISOString());
    const waiting = apply(c, { type: 'send_estimate', hours: 2, text: 'Klargjøring.' });
    // Paused: no fixed delivery deadline is stored while the orderer decides.
    expect(waiting.sla.resolutionDueAt).toBeUndefined();
    expect(caseSla(waiting, { policy: ROR }, new Date(waiting.updatedAt)).resolution.state).toBe('paused');
  });
});
