/**
 * The three SLA policies of domain.md, shipped as presets. Each number below names the seed section it
 * comes from; what the seeds leave open is marked DECISION and is ours to change (a desk's policy is
 * data: an administrator can copy a preset and adjust it). Every preset is validated on load.
 */
import { priorityId } from '../ids';
import { norwegianHolidays } from './index';
import type { BusinessCalendar } from './index';
import type { SlaPolicy, SlaTargetSpec } from './policy';
import { validatePolicy } from './validate';

export const PRESET_IDS = ['ror-ikt', 'byarkivet-websak', 'uke-servicesenter'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/** Years whose Norwegian public holidays the presets carry. */
export const PRESET_HOLIDAY_YEARS = { from: 2020, to: 2040 } as const;

function holidays(): string[] {
  const days: string[] = [];
  for (let y = PRESET_HOLIDAY_YEARS.from; y <= PRESET_HOLIDAY_YEARS.to; y++)
    days.push(...norwegianHolidays(y));
  return days;
}

/** Monday–Friday, one period a day, in Oslo, with Norwegian public holidays. */
function weekdays(from: string, to: string): BusinessCalendar {
  const p = [{ from, to }];
  return { zone: 'Europe/Oslo', week: { 1: p, 2: p, 3: p, 4: p, 5: p }, holidays: holidays() };
}

const bm = (minutes: number): SlaTargetSpec => ({ kind: 'business_minutes', minutes });
const wd = (days: number): SlaTargetSpec => ({ kind: 'working_days', days });

/**
 * ROR-IKT (seed 004). Desk hours Mon–Fri 08:00–15:30 (§5.2); targets and definitions from the table
 * in §5.6 ("Mål for svartid" = response, "Mål for løsningstid" = resolution).
 *
 * Kritisk is NOT counted around the clock. §5.6 says its fault fixing goes on "løpende inntil feilen er
 * utbedret" (continuously until fixed), but §5.4 says "Håndtering av saker vil foregå i Kundeservice sin
 * åpningstid" (cases are handled in the desk's opening hours), §5.2 staffs the desk 08:00–15:30 only,
 * and the agreement describes no on-call duty. We read "løpende" as "without interruption during the
 * desk's hours" (in contrast with Middels, "innenfor ordinær arbeidstid", i.e. scheduled work), so
 * a Kritisk case received Friday 20:00 is due 15 min after Monday 08:00. A desk with an on-call
 * arrangement sets `criticalAroundTheClock: true`.
 *
 * Pauses (DECISION, from §5.5): a case that cannot be solved in time because of a third party
 * ("ekstern leverandør, programvare") gets a new plan agreed with the reporter, so waiting on a
 * supplier pauses the clocks; waiting on the reporter pauses them too (nothing the desk can do);
 * ROR-IKT's own third line (driftsavdeling, §4.12) is part of ROR-IKT and does not pause.
 */
const rorIkt: SlaPolicy = {
  id: 'ror-ikt',
  name: 'ROR-IKT Kundeservice',
  calendar: weekdays('08:00', '15:30'),
  priorities: [
    {
      id: priorityId('kritisk'),
      label: { nb: 'Kritisk', en: 'Critical' },
      level: 1,
      critical: true,
      response: bm(15),
      resolution: bm(2 * 60),
      definition: {
        nb: 'Bortfall av applikasjoner som er nødvendige for tjenester som omhandler liv og helse, eller av andre systemer hvor det forventes høy oppetid. Feilretting foregår løpende til feilen er utbedret eller en tilfredsstillende midlertidig løsning er etablert.',
        en: 'Loss of applications needed for life-and-health services, or of other systems expected to have high uptime. Worked continuously until fixed or a satisfactory workaround is in place.',
      },
    },
    {
      id: priorityId('hoy'),
      label: { nb: 'Høy', en: 'High' },
      level: 2,
      critical: false,
      response: bm(60),
      resolution: bm(4 * 60),
      definition: {
        nb: 'Fullstendig bortfall av system som berører minst én virksomhet eller faggruppe. Elektroniske tjenester som innbyggerne bruker i dialog med kommunen.',
        en: 'Total loss of a system affecting at least one organisation or professional group. Electronic services citizens use in dialogue with the municipality.',
      },
    },
    {
      id: priorityId('middels'),
      label: { nb: 'Middels', en: 'Medium' },
      level: 3,
      critical: false,
      response: bm(3 * 60),
      resolution: wd(3),
      definition: {
        nb: 'Bortfall av system som berører minst én bruker. Feilretting skjer innenfor ordinær arbeidstid.',
        en: 'Loss of a system affecting at least one user. Fixed within ordinary working hours.',
      },
    },
    {
      id: priorityId('lav'),
      label: { nb: 'Lav', en: 'Low' },
      level: 4,
      critical: false,
      response: bm(4 * 60),
      resolution: wd(5),
      definition: {
        nb: 'Feil i utstyr eller system som ikke direkte hindrer ordinært arbeid. Feilretting av hjemmekontorløsning. Feilrettingen skjer etter nærmere avtale.',
        en: 'Faults in equipment or systems that do not directly stop ordinary work. Home-office fixes. Fixed by agreement.',
      },
    },
  ],
  defaultPriority: priorityId('middels'), // DECISION: the most common class; the desk sets the final one.
  atRiskShare: 0.75, // DECISION (the business-time API's example).
  pauseWhileWaiting: { supplier: true, third_line: false, reporter: true },
  criticalAroundTheClock: false,
};

/**
 * Byarkivet, WebSak (seed 000): support hours 09:00–15:00 ("besvares … mellom kl. 09:00 og kl. 15:00"),
 * Mon–Fri (DECISION: the seed names no days; working days are weekdays that are not public holidays).
 * The seed's targets are all about *starting* the work ("Responstid for å påbegynne feilretting"), so they
 * are response targets; resolution is "til problemet er løst" for every category: no target.
 * A: "så snart som mulig … mellom 9-15": no numeric target. B: 2 virkedager, C: 10 virkedager after
 * 1st line received the case (receipt = the case's creation).
 *
 * No cut-off target here: seed 003's 12:00 rule ("Tjenestenivå på daglige oppgaver", first bullet:
 * incoming documents on e-postmottak, SvarInn, forms and paper are "registreres, journalføres og
 * fordeles samme arbeidsdag dersom de mottas før kl. 12") is about registering documents, not about
 * WebSak support cases; for those the same section says only "som hovedregel, besvares førstelinje
 * brukerstøttehenvendelser mellom kl. 09:00 og kl. 15:00", i.e. the support hours above. A desk that
 * takes document registration requests in Fristvakt can give such a priority `{ kind: 'cut_off',
 * before: '12:00' }`.
 *
 * Pauses: the seed says that when Byarkivet depends on the 3rd line or a supplier, the case is updated
 * so a delay gets an explanation, i.e. the clock keeps running and the breach is explained: supplier and
 * third line do not pause. Waiting on the reporter pauses (DECISION).
 */
const byarkivet: SlaPolicy = {
  id: 'byarkivet-websak',
  name: 'Byarkivet WebSak brukerstøtte',
  calendar: weekdays('09:00', '15:00'),
  priorities: [
    {
      id: priorityId('A'),
      label: { nb: 'A – kritisk problem', en: 'A – critical problem' },
      level: 1,
      critical: true,
      response: {
        kind: 'none',
        note: {
          nb: 'Så snart som mulig etter mottatt varsel om feil, mellom kl. 9 og 15.',
          en: 'As soon as possible after the fault is reported, between 09:00 and 15:00.',
        },
      },
      resolution: {
        kind: 'none',
        note: {
          nb: 'Det jobbes til det er funnet en løsning. Bruker holdes informert.',
          en: 'Worked until a solution is found. The user is kept informed.',
        },
      },
      definition: {
        nb: 'Systemet eller enkelte moduler er nede. Feil ved utsendelse av brev. Feil på fulltekstpublisert offentlig journal. Registreringsfeil som gir feil tilgang til kritisk eller sensitiv informasjon.',
        en: 'The system or some modules are down. Letters fail to send. Faults in the published public journal. Registration errors exposing critical or sensitive information.',
      },
    },
    {
      id: priorityId('B'),
      label: { nb: 'B – alvorlig problem', en: 'B – serious problem' },
      // Level 2: between a system-wide outage (A) and minor problems (C). The seed lists a single
      // user's start-up error under B, which ROR-IKT would call Middels (3); the suggestion maps level 3
      // to B (see shared/cases/priority.ts).
      level: 2,
      critical: false,
      response: wd(2),
      resolution: {
        kind: 'none',
        note: { nb: 'Feilretting til problemet er løst.', en: 'Worked until the problem is solved.' },
      },
      definition: {
        nb: 'Feil på tilgangsstyring, tilgjengelighet for saker og dokumenter, feilregistreringer, flytting og kopiering av saker og journalposter, en bruker får feil ved oppstart av systemet.',
        en: 'Faults in access control, availability of cases and documents, misregistrations, moving and copying cases and records, a user gets an error when starting the system.',
      },
    },
    {
      id: priorityId('C'),
      label: { nb: 'C – mindre alvorlig problem', en: 'C – minor problem' },
      level: 4,
      critical: false,
      response: wd(10),
      resolution: {
        kind: 'none',
        note: { nb: 'Feilretting til problemet er løst.', en: 'Worked until the problem is solved.' },
      },
      definition: {
        nb: 'Forslag til annen konfigurasjon eller endring for å løse mindre problemer.',
        en: 'Proposals for another configuration or a change to solve minor problems.',
      },
    },
  ],
  defaultPriority: priorityId('B'), // DECISION
  atRiskShare: 0.75, // DECISION
  pauseWhileWaiting: { supplier: false, third_line: false, reporter: true },
  criticalAroundTheClock: false,
};

const catalogueNote = {
  nb: 'Ingen fast frist i avtalen: forventede leveringstider står i UKEs tjenestekatalog.',
  en: 'No fixed target in the agreement: expected delivery times are in UKE’s service catalogue.',
};

/**
 * UKE Servicesenter (seed 002). Open weekdays 08:00–20:00 (§4.3). The seed has two classes of fault,
 * critical and not critical (§5.1.2.1, §5.1.2.2): a critical fault is also phoned in (§5.1.2.2) and is
 * the only kind handled outside opening hours (§4.3: the phone goes to Sopra Steria's 24/7 monitoring),
 * hence `criticalAroundTheClock: true`. The seed gives NO numeric response or resolution targets (§6:
 * "Forventet leveringstider er beskrevet i UKEs Tjenestekatalog"), so both targets are `none`; a desk that
 * has figures from the catalogue puts them in its copy of this policy. Levels (1 and 3) and the pause
 * settings are DECISIONS: §5.1.2.2 treats fellesfeil under critical faults, so the suggestion maps a
 * department-wide outage (level 2) to Kritisk.
 */
const uke: SlaPolicy = {
  id: 'uke-servicesenter',
  name: 'UKE Servicesenter',
  calendar: weekdays('08:00', '20:00'),
  priorities: [
    {
      id: priorityId('kritisk'),
      label: { nb: 'Kritisk feil', en: 'Critical fault' },
      level: 1,
      critical: true,
      response: {
        kind: 'none',
        note: {
          nb: 'Ring alltid UKEs Servicesenter i tillegg og forklar sak og konsekvens. Kritiske feil håndteres også utenfor åpningstid.',
          en: 'Always phone UKE Servicesenter too and explain the case and its consequence. Critical faults are handled outside opening hours too.',
        },
      },
      resolution: { kind: 'none', note: catalogueNote },
      definition: {
        nb: 'Kritisk feil, for eksempel en fellesfeil som rammer flere brukere i flere virksomheter.',
        en: 'A critical fault, e.g. a major incident hitting many users in several organisations.',
      },
    },
    {
      id: priorityId('ikke-kritisk'),
      label: { nb: 'Ikke kritisk feil', en: 'Non-critical fault' },
      level: 3,
      critical: false,
      response: { kind: 'none', note: catalogueNote },
      resolution: { kind: 'none', note: catalogueNote },
      definition: {
        nb: 'Feil som ikke er kritisk. Meldes i Kompass/Fristvakt; Servicesenteret bistår med prioritering.',
        en: 'A fault that is not critical. Reported in writing; the service centre helps set the priority.',
      },
    },
  ],
  defaultPriority: priorityId('ikke-kritisk'),
  atRiskShare: 0.75,
  pauseWhileWaiting: { supplier: true, third_line: false, reporter: true },
  criticalAroundTheClock: true,
};

/** The presets, each validated on load: a broken preset fails at import, naming the field. */
export const PRESETS: Record<PresetId, SlaPolicy> = {
  'ror-ikt': validatePolicy(rorIkt),
  'byarkivet-websak': validatePolicy(byarkivet),
  'uke-servicesenter': validatePolicy(uke),
};

export const isPresetId = (s: string): s is PresetId => (PRESET_IDS as readonly string[]).includes(s);
