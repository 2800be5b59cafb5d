import type { Service } from '../desks/model';
import { caseRef, isoInstant, orgId, serviceId, userId } from '../ids';
import { billableByAdministrator, billableCsv, NO_ADMINISTRATOR_NAME } from './billable';
import { FIXTURE_DESK, FIXTURE_PERIOD, fixtureCase } from './test-support/fixture';

const svc = (id: string, admin?: [string, string]): Service => ({
  id: serviceId(id),
  name: id,
  deskId: FIXTURE_DESK,
  criticality: 'normal',
  ...(admin ? { administrator: { id: userId(admin[0]), name: admin[1] } } : {}),
});
const services = [
  svc('agresso', ['u-oyvind', 'Øyvind Forvalter']),
  svc('visma', ['u-anne', 'Anne Forvalter']),
  svc('websak'),
];
const billable = (reason: string) => ({
  billable: { reason, at: isoInstant(new Date('2026-03-16T10:00:00Z')) },
});

function cases() {
  return [
    // Agresso (Øyvind): two billable in the period, given out of order.
    fixtureCase(1, 'Agresso 2', '2026-03-10T08:00:00Z', 'hoy', [], {
      ref: caseRef('RI-2'),
      serviceId: serviceId('agresso'),
      orgId: orgId('molde'),
      ...billable('Bestilt endring'),
    }),
    fixtureCase(2, 'Agresso 1', '2026-03-02T08:00:00Z', 'hoy', [], {
      ref: caseRef('RI-1'),
      serviceId: serviceId('agresso'),
      orgId: orgId('aukra'),
      ...billable('Brukerfeil'),
    }),
    // Agresso, not billable: left out.
    fixtureCase(3, 'Agresso ikke', '2026-03-03T08:00:00Z', 'hoy', [], {
      ref: caseRef('RI-3'),
      serviceId: serviceId('agresso'),
    }),
    // Visma (Anne): billable, received exactly at the period start (included).
    fixtureCase(4, 'Visma', '2026-03-01T23:00:00Z', 'lav', [], {
      ref: caseRef('RI-4'),
      serviceId: serviceId('visma'),
      orgId: orgId('molde'),
      ...billable('Opplæring'),
    }),
    // Visma, billable but received exactly at the period end (excluded, half-open).
    fixtureCase(5, 'Visma etter', '2026-03-15T23:00:00Z', 'lav', [], {
      ref: caseRef('RI-5'),
      serviceId: serviceId('visma'),
      ...billable('Etter perioden'),
    }),
    // Websak has no administrator; an unknown service neither.
    fixtureCase(6, 'Websak', '2026-03-05T08:00:00Z', 'hoy', [], {
      ref: caseRef('RI-6'),
      serviceId: serviceId('websak'),
      orgId: orgId('molde'),
      ...billable('Ny mal'),
    }),
    fixtureCase(7, 'Ukjent', '2026-03-04T08:00:00Z', 'hoy', [], {
      ref: caseRef('RI-7'),
      serviceId: serviceId('gone'),
      orgId: orgId('aukra'),
      ...billable('Utenfor avtalen'),
    }),
  ];
}

describe('billableByAdministrator', () => {
  it('groups billable cases of the period by forvalter, sorted, "Uten forvalter" last', () => {
    const groups = billableByAdministrator(cases(), services, FIXTURE_PERIOD);
    expect(groups).toEqual([
      {
        administrator: { id: 'u-anne', name: 'Anne Forvalter' },
        cases: [
          {
            ref: 'RI-4',
            title: 'Visma',
            orgId: 'molde',
            reason: 'Opplæring',
            receivedAt: '2026-03-01T23:00:00.000Z',
          },
        ],
      },
      {
        administrator: { id: 'u-oyvind', name: 'Øyvind Forvalter' },
        cases: [
          {
            ref: 'RI-1',
            title: 'Agresso 1',
            orgId: 'aukra',
            reason: 'Brukerfeil',
            receivedAt: '2026-03-02T08:00:00.000Z',
          },
          {
            ref: 'RI-2',
            title: 'Agresso 2',
            orgId: 'molde',
            reason: 'Bestilt endring',
            receivedAt: '2026-03-10T08:00:00.000Z',
          },
        ],
      },
      {
        administrator: { name: NO_ADMINISTRATOR_NAME },
        cases: [
          {
            ref: 'RI-7',
            title: 'Ukjent',
            orgId: 'aukra',
            reason: 'Utenfor avtalen',
            receivedAt: '2026-03-04T08:00:00.000Z',
          },
          {
            ref: 'RI-6',
            title: 'Websak',
            orgId: 'molde',
            reason: 'Ny mal',
            receivedAt: '2026-03-05T08:00:00.000Z',
          },
        ],
      },
    ]);
  });

  it('sorts by Norwegian collation (Æ Ø Å after Z) and returns nothing without billable cases', () => {
    const zsvc = [svc('a', ['u-z', 'Zara']), svc('b', ['u-aa', 'Åse'])];
    const cs = [
      fixtureCase(1, 'b', '2026-03-02T08:00:00Z', 'hoy', [], {
        ref: caseRef('RI-1'),
        serviceId: serviceId('b'),
        ...billable('x'),
      }),
      fixtureCase(2, 'a', '2026-03-02T08:00:00Z', 'hoy', [], {
        ref: caseRef('RI-2'),
        serviceId: serviceId('a'),
        ...billable('y'),
      }),
    ];
    expect(billableByAdministrator(cs, zsvc, FIXTURE_PERIOD).map((g) => g.administrator.name)).toEqual([
      'Zara',
      'Åse',
    ]);
    expect(
      billableByAdministrator(
        cases().filter((c) => !c.billable),
        services,
        FIXTURE_PERIOD,
      ),
    ).toEqual([]);
  });
});

describe('billableCsv', () => {
  it('writes one row per case with the forvalter, Oslo times and names, BOM first', () => {
    const csv = billableCsv(billableByAdministrator(cases(), services, FIXTURE_PERIOD), 'nb', (id) =>
      id === 'molde' ? 'Molde kommune' : id,
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFForvalter;Sak;Tittel;Virksomhet;Mottatt;Begrunnelse',
      'Anne Forvalter;RI-4;Visma;Molde kommune;2026-03-02 00:00;Opplæring',
      'Øyvind Forvalter;RI-1;Agresso 1;aukra;2026-03-02 09:00;Brukerfeil',
      'Øyvind Forvalter;RI-2;Agresso 2;Molde kommune;2026-03-10 09:00;Bestilt endring',
      'Uten forvalter;RI-7;Ukjent;aukra;2026-03-04 09:00;Utenfor avtalen',
      'Uten forvalter;RI-6;Websak;Molde kommune;2026-03-05 09:00;Ny mal',
      '',
    ]);
    expect(billableCsv(billableByAdministrator(cases(), [], FIXTURE_PERIOD), 'en')).toContain(
      'No administrator;RI-4;Visma;molde;2026-03-02 00:00;Opplæring',
    );
  });
});
