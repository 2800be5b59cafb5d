/**
 * Demo cases for the local loop (`npm run dev`): a handful of cases across the three desks of the
 * embedded default, one in every state (Ny, Under arbeid, Avventer supplier and reporter, Løst, Lukket,
 * and one whose deadlines are long past),
 * made the way the app makes them: `openCase` from a filled-in fault report, then lifecycle commands
 * (`applyCommand`) by the desk and the reporter, each stored through the store port. Several are the
 * playground user's own, so "mine saker" and the tab's "Mine saker" show them.
 *
 * Idempotent: every case has a fixed client key, so running it again adds nothing.
 */
import { DESKS, PLAYGROUND_USER_ID, SERVICES } from '../bot/seed';
import type { CaseCommand } from '../shared/cases/lifecycle';
import { applyCommand } from '../shared/cases/lifecycle';
import type { ActorRole, Case, Person, ReporterRole, Scope, Availability } from '../shared/cases/model';
import { openCase } from '../shared/cases/open-case';
import { isoInstant, orgId, userId, type DeskId, type UserId } from '../shared/ids';
import type { Store, Versioned } from '../shared/ports';

const person = (id: string, name: string): Person => ({ id: userId(id), name });

const PEOPLE = {
  alex: person(PLAYGROUND_USER_ID, 'Alex Wilber'),
  kari: person('demo-ansatt-molde', 'Kari Nordmann'),
  ola: person('demo-ansatt-frogner', 'Ola Hansen'),
  ingrid: person('demo-ansatt-bym', 'Ingrid Berg'),
  siri: person('demo-desk-ror', 'Siri Kundeservice'),
  byarkiv: person('demo-desk-byarkivet', 'Bjørn Byarkivet'),
  jon: person('demo-desk-uke', 'Jon Servicesenter'),
};

interface Step {
  /** Minutes after the case was received. */
  after: number;
  by: Person;
  role: ActorRole;
  command: CaseCommand;
}

interface DemoCase {
  key: string;
  service: string;
  org: string;
  reporter: Person;
  reporterRole?: ReporterRole;
  title: string;
  symptom: string;
  triedSoFar: string;
  scope: Scope;
  availability: Availability;
  /** Hours before now the case was received. */
  receivedHoursAgo: number;
  steps: Step[];
}

const claim = (after: number, by: Person): Step => ({ after, by, role: 'desk', command: { type: 'claim' } });

export const DEMO_CASES: readonly DemoCase[] = [
  {
    key: 'demo-ny-skriver',
    service: 'ror-skriver',
    org: 'molde',
    reporter: PEOPLE.alex,
    title: 'Skriveren i 2. etasje skriver ikke ut',
    symptom: 'Utskrifter blir liggende i køen med status «Feil». Gjelder skriveren ved kantina.',
    triedSoFar: 'Slått skriveren av og på, prøvd fra to PC-er.',
    scope: 'department',
    availability: 'partial',
    receivedHoursAgo: 2,
    steps: [],
  },
  {
    key: 'demo-under-arbeid-visma',
    service: 'ror-visma',
    org: 'molde',
    reporter: PEOPLE.alex,
    title: 'Får ikke logget inn i Visma',
    symptom: 'Innloggingen stopper med «Ugyldig brukernavn eller passord» selv om passordet er riktig.',
    triedSoFar: 'Byttet passord i går, tømt nettleserens buffer.',
    scope: 'me',
    availability: 'all',
    receivedHoursAgo: 26,
    steps: [
      claim(20, PEOPLE.siri),
      {
        after: 25,
        by: PEOPLE.siri,
        role: 'desk',
        command: {
          type: 'comment',
          visibility: 'public',
          text: 'Vi ser på kontoen din i Visma og melder tilbake.',
        },
      },
    ],
  },
  {
    key: 'demo-avventer-leverandor-gerica',
    service: 'ror-gerica',
    org: 'molde',
    reporter: PEOPLE.kari,
    title: 'Gerica henger ved lagring av journalnotat',
    symptom: 'Gerica fryser i ett minutt når et journalnotat lagres, for alle på hjemmetjenesten.',
    triedSoFar: 'Startet Gerica på nytt, prøvd på en annen PC.',
    scope: 'department',
    availability: 'partial',
    receivedHoursAgo: 74,
    steps: [
      claim(10, PEOPLE.siri),
      {
        after: 40,
        by: PEOPLE.siri,
        role: 'desk',
        command: { type: 'wait', reason: 'supplier', supplierCaseNumber: 'TIE-48213' },
      },
      {
        after: 45,
        by: PEOPLE.siri,
        role: 'desk',
        command: { type: 'escalate', toLine: 'supplier', supplier: 'Tieto', note: 'Meldt til leverandøren.' },
      },
    ],
  },
  {
    key: 'demo-lost-vpn',
    service: 'ror-pc',
    org: 'molde',
    reporter: PEOPLE.alex,
    title: 'Hjemmekontor: VPN faller ut hver halvtime',
    symptom: 'VPN-forbindelsen brytes omtrent hver 30. minutt, og jeg må logge inn på nytt.',
    triedSoFar: 'Startet ruteren på nytt, prøvd kablet nett.',
    scope: 'me',
    availability: 'partial',
    receivedHoursAgo: 98,
    steps: [
      claim(60, PEOPLE.siri),
      {
        after: 300,
        by: PEOPLE.siri,
        role: 'desk',
        command: { type: 'solve', solution: 'Ny VPN-profil er lagt ut på PC-en din. Start PC-en på nytt.' },
      },
    ],
  },
  {
    key: 'demo-lukket-kalender',
    service: 'ror-epost',
    org: 'molde',
    reporter: PEOPLE.kari,
    title: 'Kalenderinvitasjoner kommer ikke fram',
    symptom: 'Møteinvitasjoner fra eksterne avsendere kommer ikke i kalenderen min.',
    triedSoFar: 'Sjekket søppelpost og regler i Outlook.',
    scope: 'me',
    availability: 'partial',
    receivedHoursAgo: 190,
    steps: [
      claim(30, PEOPLE.siri),
      {
        after: 120,
        by: PEOPLE.siri,
        role: 'desk',
        command: { type: 'solve', solution: 'Regelen som flyttet invitasjoner til en mappe er fjernet.' },
      },
      { after: 200, by: PEOPLE.kari, role: 'reporter', command: { type: 'accept' } },
    ],
  },
  {
    // Never claimed: both deadlines long past (brutt), for the red rows and the breach reports.
    key: 'demo-brutt-minside',
    service: 'ror-minside',
    org: 'molde',
    reporter: PEOPLE.kari,
    reporterRole: 'superuser',
    title: 'Min side viser feilside for alle innbyggere',
    symptom: 'Innbyggere som logger inn på Min side får «Noe gikk galt» i stedet for sakene sine.',
    triedSoFar: 'Prøvd med to testbrukere og flere nettlesere.',
    scope: 'organisation',
    availability: 'all',
    receivedHoursAgo: 200,
    steps: [],
  },
  {
    key: 'demo-avventer-innmelder-websak',
    service: 'websak',
    org: 'bydel-frogner',
    reporter: PEOPLE.ola,
    title: 'Feilmelding ved oppstart av WebSak',
    symptom: 'WebSak viser «Kunne ikke laste brukerprofil» ved oppstart, og jeg kommer ikke videre.',
    triedSoFar: 'Logget ut og inn av PC-en.',
    scope: 'me',
    availability: 'all',
    receivedHoursAgo: 50,
    steps: [
      claim(90, PEOPLE.byarkiv),
      {
        after: 95,
        by: PEOPLE.byarkiv,
        role: 'desk',
        command: { type: 'wait', reason: 'reporter', note: 'Send oss et skjermbilde av feilmeldingen.' },
      },
    ],
  },
  {
    key: 'demo-ny-agresso',
    service: 'uke-agresso',
    org: 'etat-bym',
    reporter: PEOPLE.ingrid,
    reporterRole: 'superuser',
    title: 'Agresso er nede for hele etaten',
    symptom: 'Ingen i Bymiljøetaten får åpnet Agresso; innloggingssiden svarer ikke.',
    triedSoFar: 'Prøvd fra flere PC-er og nettverk.',
    scope: 'organisation',
    availability: 'all',
    receivedHoursAgo: 1,
    steps: [],
  },
  {
    key: 'demo-under-arbeid-kompass',
    service: 'uke-kompass',
    org: 'etat-bym',
    reporter: PEOPLE.ingrid,
    title: 'Kompass viser feil status på bestilling',
    symptom: 'En levert PC står fortsatt som «Under behandling» i Kompass.',
    triedSoFar: 'Oppdatert siden, ventet en dag.',
    scope: 'me',
    availability: 'partial',
    receivedHoursAgo: 30,
    steps: [claim(45, PEOPLE.jon)],
  },
];

/** Creates the demo cases that do not exist yet; returns how many it created. */
export async function seedDemoCases(store: Store, now: Date): Promise<number> {
  let created = 0;
  for (const demo of DEMO_CASES) {
    const service = SERVICES.find((s) => s.id === demo.service);
    if (!service) throw new Error(`Demo case ${demo.key}: no service ${demo.service} in bot/seed`);
    const desk = DESKS.find((d) => d.id === service.deskId);
    if (!desk) throw new Error(`Demo case ${demo.key}: no desk ${service.deskId} in bot/seed`);
    const received = new Date(now.getTime() - demo.receivedHoursAgo * 3_600_000);
    const input = openCase(
      {
        deskId: desk.id,
        orgId: orgId(demo.org),
        kind: 'fault',
        serviceId: service.id,
        title: demo.title,
        checklist: {
          symptom: demo.symptom,
          triedSoFar: demo.triedSoFar,
          scope: demo.scope,
          availability: demo.availability,
          startedAt: isoInstant(new Date(received.getTime() - 15 * 60_000)),
        },
        reporterRole: demo.reporterRole ?? 'employee',
        followers: [],
        clientKey: demo.key,
      },
      { policy: desk.policy, service, now: received, reporter: demo.reporter },
    );
    const result = await store.cases.create(input, received.getUTCFullYear(), () => []);
    if (!result.created) continue;
    created++;
    let current: Versioned<Case> = result.case;
    for (const step of demo.steps) {
      const at = new Date(received.getTime() + step.after * 60_000);
      const next = applyCommand(current.value, step.command, {
        actor: { kind: 'user', ...step.by },
        role: step.role,
        now: at,
        policy: desk.policy,
      });
      current = await store.cases.update(next.case, current.version);
    }
  }
  return created;
}

/**
 * Development only: makes `user` a member of `deskId`, so one developer in the playground can both
 * report faults and work the desk's channel (link it, claim cases). Returns whether it changed anything.
 */
export async function addDeskMember(store: Store, deskId: DeskId, user: UserId): Promise<boolean> {
  const current = await store.desks.get(deskId);
  if (!current) throw new Error(`No desk ${deskId} in the store`);
  if (current.value.members.includes(user)) return false;
  await store.desks.put({ ...current.value, members: [...current.value.members, user] }, current.version);
  return true;
}
