import type { Service } from '../desks/model';
import { deskId, orgId, serviceId } from '../ids';
import { orderableFor, orderFieldErrors, orderingOrgs } from './order-input';

const billing = { pattern: '\\d{4}', example: '4410' };
const good = {
  what: 'To bærbare PC-er',
  forWhom: 'Barnevernet',
  earlierCommunication: '',
  billingReference: '4410',
  contactPersons: 'Kari Leder',
};

describe('orderFieldErrors', () => {
  it('is empty for a good form', () => {
    expect(orderFieldErrors({ checklist: good, reporterRole: 'superuser' }, billing)).toEqual({});
  });
  it('names every refused field at once, by the domain’s own rules', () => {
    const errors = orderFieldErrors(
      {
        checklist: { ...good, what: ' ', forWhom: 'B', billingReference: '44-10' },
        reporterRole: 'employee',
      },
      billing,
    );
    expect(errors).toEqual({
      what: { code: 'required' },
      forWhom: { code: 'too_short', min: 2 },
      billingReference: { code: 'format' },
      reporterRole: { code: 'invalid' },
    });
  });
  it('asks for no billing reference on a service that is not billable', () => {
    expect(
      orderFieldErrors({ checklist: { ...good, billingReference: '' }, reporterRole: 'first_line' }),
    ).toEqual({});
    expect(
      orderFieldErrors({ checklist: { ...good, billingReference: '' }, reporterRole: 'first_line' }, billing),
    ).toEqual({
      billingReference: { code: 'required' },
    });
  });
});

describe('orderableFor', () => {
  const desk = { id: deskId('ror-ikt'), orgIds: [orgId('molde'), orgId('aukra')] };
  const base = { deskId: desk.id, criticality: 'normal' as const };
  const order = { orderable: true, description: 'En tjeneste.', needsApproval: false };
  const services: Service[] = [
    { ...base, id: serviceId('b'), name: 'PC', order },
    { ...base, id: serviceId('a'), name: 'Mobil', order, orgIds: [orgId('aukra')] },
    { ...base, id: serviceId('c'), name: 'Gerica' },
    { ...base, id: serviceId('d'), name: 'Gammel', order, retired: true },
  ];
  it('lists the orderable services of the orderer’s virksomhet by name', () => {
    expect(orderableFor(services, [desk], [orgId('aukra')]).map((s) => s.id)).toEqual(['a', 'b']);
    expect(orderableFor(services, [desk], [orgId('molde')]).map((s) => s.id)).toEqual(['b']);
  });
  it('orders for one’s own virksomhet, else those one is superbruker of', () => {
    expect(orderingOrgs({ homeOrgId: orgId('molde'), orgIds: [orgId('aukra')] })).toEqual(['molde']);
    expect(orderingOrgs({ orgIds: [orgId('aukra')] })).toEqual(['aukra']);
  });
});
