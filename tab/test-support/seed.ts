/**
 * A small world for the tab's tests and bench: two desks, three virksomheter in two desks' areas, a
 * directory with an employee, superbrukere of two virksomheter, desk members and a report reader, the
 * hand-computed report fixture's cases (refs FV-2026-000001 … 000009), and a few more.
 */
import type { Directory } from '../../shared/access';
import type { Case } from '../../shared/cases/model';
import type { Desk, Service } from '../../shared/desks/model';
import { deskId, orgId, serviceId, userId, type IsoInstant } from '../../shared/ids';
import type { Store } from '../../shared/ports';
import { PRESETS } from '../../shared/sla/presets';
import { fixtureCase, fixtureCases, fixtureNotices } from '../../shared/reports/test-support/fixture';

export const USERS = {
  employee: 'u-ansatt-molde',
  employeeAukra: 'u-ansatt-aukra',
  superMolde: 'u-super-molde',
  superAukra: 'u-super-aukra',
  desk: 'u-desk-1',
  deskUke: 'u-desk-uke',
  reader: 'u-leder',
  nobody: 'u-ingen',
} as const;

export const DESKS: Desk[] = [
  {
    id: deskId('ror-ikt'),
    name: 'ROR-IKT Kundeservice',
    orgIds: [orgId('molde'), orgId('aukra')],
    policy: PRESETS['ror-ikt'],
    phone: '71 11 10 00',
    noticeChannels: [],
    members: [userId(USERS.desk)],
    escalationContacts: [],
    autoCloseWorkingDays: 5,
  },
  {
    id: deskId('uke'),
    name: 'UKE Servicesenter',
    orgIds: [orgId('bydel-frogner')],
    policy: PRESETS['uke-servicesenter'],
    phone: '21 80 21 80',
    noticeChannels: [],
    members: [userId(USERS.deskUke)],
    escalationContacts: [],
    autoCloseWorkingDays: 5,
  },
];

export const SERVICES: Service[] = [
  { id: serviceId('agresso'), name: 'Agresso økonomi', deskId: deskId('ror-ikt'), criticality: 'normal' },
  { id: serviceId('visma'), name: 'Visma lønn', deskId: deskId('ror-ikt'), criticality: 'normal' },
  { id: serviceId('websak'), name: 'WebSak', deskId: deskId('ror-ikt'), criticality: 'high_uptime' },
  { id: serviceId('kompass'), name: 'Kompass', deskId: deskId('uke'), criticality: 'normal' },
];

export const DIRECTORY: Directory = {
  users: {
    [USERS.employee]: { orgId: orgId('molde'), name: 'Kari Nordmann' },
    [USERS.employeeAukra]: { orgId: orgId('aukra'), name: 'Per Aukra' },
    [USERS.superMolde]: { orgId: orgId('molde'), name: 'Siri Superbruker' },
    [USERS.superAukra]: { orgId: orgId('aukra'), name: 'Anders Superbruker' },
    [USERS.desk]: { orgId: orgId('molde'), name: 'Ola Servicesenter' },
    [USERS.deskUke]: { orgId: orgId('bydel-frogner'), name: 'Uma UKE' },
    [USERS.reader]: { orgId: orgId('molde'), name: 'Liv Porteføljeråd' },
  },
  superusers: { molde: [userId(USERS.superMolde)], aukra: [userId(USERS.superAukra)] },
  reportReaders: [userId(USERS.reader)],
};

export const INJECTION_TITLE = '<img src=x onerror=alert(1)>';

/** Cases beyond the fixture: an Aukra case (the other virksomhet) and one with an injection title. */
export function extraCases(): Case[] {
  const aukra = fixtureCase(10, 'Aukra: Skanner virker ikke', '2026-03-18T08:00Z', 'middels', [], {
    orgId: orgId('aukra'),
    reporter: { id: userId(USERS.employeeAukra), name: 'Per Aukra' },
    testContact: { id: userId(USERS.employeeAukra), name: 'Per Aukra' },
    clientKey: 'fx-10',
  });
  const injection = fixtureCase(11, INJECTION_TITLE, '2026-03-19T09:00Z', 'hoy', [], {
    serviceId: serviceId('visma'),
    clientKey: 'fx-11',
  });
  return [aukra, injection];
}

/** A 1×1 PNG, for the screenshot endpoint. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** Desks, services, organisations, the fixture's cases and notices, in reference order. */
export async function seedStore(store: Store, options: { extra?: boolean } = {}): Promise<Case[]> {
  for (const d of DESKS) await store.desks.put(d);
  for (const s of SERVICES) await store.desks.putService(s);
  for (const [id, name] of [
    ['molde', 'Molde kommune'],
    ['aukra', 'Aukra kommune'],
    ['bydel-frogner', 'Bydel Frogner'],
  ])
    await store.desks.putOrganisation({ id: orgId(id), name });
  const all = [...fixtureCases(), ...(options.extra === false ? [] : extraCases())].sort((a, b) =>
    a.ref.localeCompare(b.ref),
  );
  const out: Case[] = [];
  for (const c of all) {
    const { ref: _ref, ...rest } = c;
    if (c.ref === 'FV-2026-000001') {
      await store.blobs.put('shots/fx-1.png', PNG_BYTES, 'image/png');
      rest.attachments = [
        {
          id: 'att-1',
          fileName: 'skjermbilde.png',
          contentType: 'image/png',
          sizeBytes: PNG_BYTES.length,
          blobKey: 'shots/fx-1.png',
          addedAt: c.receivedAt,
          addedBy: c.reporter.id,
        },
      ];
    }
    const created = await store.cases.create(rest, 2026, () => []);
    if (created.case.value.ref !== c.ref)
      throw new Error(`seeded ${created.case.value.ref}, expected ${c.ref}`);
    out.push(created.case.value);
  }
  for (const n of fixtureNotices()) await store.notices.create(n);
  return out;
}

export const iso = (s: string): IsoInstant => new Date(s).toISOString() as IsoInstant;
