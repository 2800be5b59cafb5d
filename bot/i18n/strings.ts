/**
 * Every user-facing text of the bot, in Norwegian bokmål (the default) and English. Keyed by what it is
 * for; functions where a text takes values. `strings(locale)` gives one language.
 */
import type { Locale } from '../../shared/i18n-text';
import type {
  Availability,
  CaseStatus,
  FaultType,
  ReporterRole,
  Scope,
  WaitReason,
} from '../../shared/cases/model';

export interface Strings {
  appName: string;
  welcome: { title: string; intro: string; whatYouCanDo: string };
  buttons: { report: string; myCases: string; notices: string; help: string };
  help: { title: string; lines: string[] };
  hint: (text: string) => string;
  form: {
    title: string;
    intro: string;
    desk: string;
    changeDesk: string;
    service: string;
    servicePlaceholder: string;
    org: string;
    titleLabel: string;
    titlePlaceholder: string;
    symptom: string;
    symptomPlaceholder: string;
    triedSoFar: string;
    triedSoFarPlaceholder: string;
    scope: string;
    availability: string;
    startedDate: string;
    startedTime: string;
    reporterRole: string;
    faultType: string;
    testContact: string;
    testContactPlaceholder: string;
    followers: string;
    followersPlaceholder: string;
    followersNote: string;
    submit: string;
    fixErrors: string;
  };
  scope: Record<Scope, string>;
  availability: Record<Availability, string>;
  reporterRole: Record<ReporterRole, string>;
  /** The fault type choices; `unknown` ("Vet ikke") gives the case no fault type. */
  faultType: Record<FaultType | 'unknown', string>;
  status: Record<CaseStatus, string>;
  waitReason: Record<WaitReason, string>;
  errors: {
    required: string;
    tooLong: (max: number) => string;
    tooShort: (min: number) => string;
    invalid: string;
    unknownChoice: string;
    serviceNotInDesk: string;
    orgNotServed: string;
    badDate: string;
    future: string;
    tooOld: string;
    badPerson: string;
    tooManyFollowers: (max: number) => string;
    unknownAction: string;
    generic: string;
    expired: string;
    commentRequired: string;
  };
  notice: {
    title: string;
    intro: (service: string) => string;
    expectedEnd: (when: string) => string;
    joinButton: string;
    newButton: string;
  };
  confirmation: {
    title: (ref: string) => string;
    linkedToNotice: string;
    suggestedPriority: string;
    responseDue: string;
    resolutionDue: string;
    noDeadline: string;
    callNow: (phone: string, desk: string) => string;
    nextTitle: string;
    next: (desk: string) => string;
    screenshots: string;
    already: string;
  };
  myCases: {
    title: string;
    none: string;
    open: string;
    recent: string;
    timeLeft: (t: string) => string;
    late: (t: string) => string;
    paused: string;
    show: string;
    followedMark: string;
  };
  caseStatus: {
    notFound: (ref: string) => string;
    usage: string;
    history: string;
    service: string;
    priority: string;
    statusLabel: string;
    assignee: string;
    responseDue: string;
    resolutionDue: string;
    supplierCase: string;
  };
  event: {
    created: string;
    claimed: (who: string) => string;
    assigned: (who: string) => string;
    priorityChanged: (to: string) => string;
    waiting: (reason: string) => string;
    waitingEnded: string;
    escalated: string;
    comment: string;
    solved: string;
    accepted: string;
    rejected: string;
    closed: string;
    closedNoAnswer: string;
    linked: (ref: string) => string;
    childLinked: (ref: string) => string;
    attachment: (name: string) => string;
    followers: string;
    breachExplained: string;
  };
  solution: {
    title: (ref: string) => string;
    intro: string;
    solutionLabel: string;
    autoClose: (days: number) => string;
    accept: string;
    reject: string;
    rejectComment: string;
    rejectPlaceholder: string;
    thanks: (ref: string) => string;
    reopened: (ref: string) => string;
  };
  update: {
    claimed: (ref: string, who: string) => string;
    waitingSupplier: (ref: string, supplierCase?: string) => string;
    waitingOther: (ref: string, reason: string) => string;
    resumed: (ref: string) => string;
    autoClosedNote: (days: number) => string;
    autoClosed: (ref: string) => string;
    open: string;
  };
  attachments: {
    saved: (name: string, ref: string) => string;
    tooLarge: (name: string, maxMb: number) => string;
    badType: (name: string) => string;
    noCase: string;
    failed: (name: string) => string;
  };
  notices: {
    title: string;
    none: string;
    kind: Record<'outage' | 'degraded' | 'planned_maintenance', string>;
  };
}

const nb: Strings = {
  appName: 'Fristvakt',
  welcome: {
    title: 'Hei, jeg er Fristvakt',
    intro:
      'Her kan du melde feil til servicesenteret og følge sakene dine. Du får saksnummer og frister med en gang.',
    whatYouCanDo: 'Hva vil du gjøre?',
  },
  buttons: { report: 'Meld feil', myCases: 'Mine saker', notices: 'Driftsmeldinger', help: 'Hjelp' },
  help: {
    title: 'Slik bruker du Fristvakt',
    lines: [
      '**meld feil** – meld en feil til servicesenteret',
      '**mine saker** – se sakene dine med status og frister',
      '**status FV-2026-000123** – se én sak med historikk',
      '**driftsmeldinger** – se kjente feil og planlagt vedlikehold',
      '**kommenter FV-2026-000123 tekst** – skriv en kommentar i saken',
      '**følg FV-2026-000123** / **slutt å følge FV-2026-000123** – få (eller slutt å få) beskjed om en sak',
      '**hjelp** – vis denne oversikten',
      'Skjermbilder: lim inn eller legg ved i chatten, så lagres de på den siste åpne saken din.',
    ],
  },
  hint: (text) =>
    `Jeg forstod ikke «${text}». Skriv **meld feil** for å melde en feil, **mine saker** for sakene dine, eller **hjelp** for alt jeg kan.`,
  form: {
    title: 'Meld feil',
    intro: 'Fyll ut sjekklisten, så kommer saken raskt til riktig sted. Felt merket * må fylles ut.',
    desk: 'Servicesenter',
    changeDesk: 'Bytt servicesenter',
    service: 'Tjeneste / system',
    servicePlaceholder: 'Søk etter tjeneste',
    org: 'Virksomhet',
    titleLabel: 'Kort beskrivelse',
    titlePlaceholder: 'F.eks. «Får ikke logget inn i Gerica»',
    symptom: 'Hvordan arter feilen seg?',
    symptomPlaceholder: 'Hva skjer, og eventuell feilmelding',
    triedSoFar: 'Hva har du forsøkt?',
    triedSoFarPlaceholder: 'F.eks. startet PC-en på nytt, prøvd en annen nettleser',
    scope: 'Hvem er berørt?',
    availability: 'Fungerer deler av tjenesten?',
    startedDate: 'Når startet feilen? (dato)',
    startedTime: 'Klokkeslett',
    reporterRole: 'Din rolle',
    faultType: 'Type feil',
    testContact: 'Hvem kan teste og bekrefte at feilen er rettet?',
    testContactPlaceholder: 'Navn eller e-post (tomt = deg selv)',
    followers: 'Hvem skal følge saken?',
    followersPlaceholder: 'Navn eller e-post, skilt med komma',
    followersNote: 'Skriv navn eller e-postadresser; personvelger kommer i Teams senere.',
    submit: 'Send feilmelding',
    fixErrors: 'Noe mangler eller er feil. Se meldingene under feltene.',
  },
  scope: {
    me: 'Bare meg',
    department: 'Min avdeling',
    organisation: 'Hele virksomheten',
    several_organisations: 'Flere virksomheter eller lokasjoner',
  },
  availability: { partial: 'Deler av tjenesten fungerer', all: 'Hele tjenesten er utilgjengelig' },
  faultType: {
    functional: 'Funksjonell feil (noe virker ikke som forventet i fagsystemet)',
    technical_application: 'Teknisk feil – applikasjon',
    technical_infrastructure: 'Teknisk feil – infrastruktur (nett, pålogging, server, database, backup)',
    unknown: 'Vet ikke',
  },
  reporterRole: {
    employee: 'Sluttbruker',
    superuser: 'Superbruker',
    first_line: '1. linje',
    administrator: 'Forvalter',
  },
  status: { new: 'Ny', in_progress: 'Under arbeid', waiting: 'Avventer', solved: 'Løst', closed: 'Lukket' },
  waitReason: { supplier: 'leverandør', third_line: '3. linje', reporter: 'svar fra deg' },
  errors: {
    required: 'Må fylles ut.',
    tooLong: (max) => `For lang tekst (maks ${max} tegn).`,
    tooShort: (min) => `For kort (minst ${min} tegn).`,
    invalid: 'Ugyldig verdi.',
    unknownChoice: 'Velg et av alternativene i listen.',
    serviceNotInDesk: 'Tjenesten hører ikke til valgt servicesenter.',
    orgNotServed: 'Servicesenteret betjener ikke denne virksomheten.',
    badDate: 'Ugyldig dato eller klokkeslett.',
    future: 'Tidspunktet kan ikke være fram i tid.',
    tooOld: 'Tidspunktet er mer enn ett år tilbake.',
    badPerson: 'Skriv et navn eller en e-postadresse.',
    tooManyFollowers: (max) => `Høyst ${max} følgere.`,
    unknownAction: 'Denne handlingen kjenner jeg ikke.',
    generic: 'Noe gikk galt hos oss. Prøv igjen om litt, eller ring servicesenteret.',
    expired: 'Dette kortet er utdatert. Skriv «meld feil» for å begynne på nytt.',
    commentRequired: 'Skriv hva som fortsatt ikke virker.',
  },
  notice: {
    title: 'Kjent feil på denne tjenesten',
    intro: (service) => `Det finnes allerede en driftsmelding for **${service}**. Gjelder den deg?`,
    expectedEnd: (when) => `Forventet løst: ${when}`,
    joinButton: 'Dette gjelder meg også',
    newButton: 'Meld ny feil',
  },
  confirmation: {
    title: (ref) => `Takk! Saken er registrert: ${ref}`,
    linkedToNotice: 'Saken er knyttet til den kjente feilen, og du får beskjed når den er løst.',
    suggestedPriority: 'Foreslått prioritet',
    responseDue: 'Svar innen',
    resolutionDue: 'Løst innen',
    noDeadline: 'Ingen fast frist (arbeides med til løst)',
    callNow: (phone, desk) => `Kritisk feil: ring ${desk} nå på ${phone}.`,
    nextTitle: 'Hva skjer nå?',
    next: (desk) =>
      `${desk} vurderer saken og setter endelig prioritet. Du får beskjed her når saken tas, om den venter på leverandør, og når den er løst.`,
    screenshots: 'Har du skjermbilder? Lim dem inn eller legg dem ved i chatten, så lagres de på saken.',
    already: 'Denne feilmeldingen var allerede sendt; her er saken.',
  },
  myCases: {
    title: 'Mine saker',
    none: 'Du har ingen saker ennå. Skriv «meld feil» for å melde en feil.',
    open: 'Åpne saker',
    recent: 'Nylig lukket',
    timeLeft: (t) => `${t} igjen`,
    late: (t) => `${t} på overtid`,
    paused: 'Fristen står på pause',
    show: 'Vis',
    followedMark: '(du følger)',
  },
  caseStatus: {
    notFound: (ref) => `Fant ingen sak ${ref}.`,
    usage: 'Skriv saksnummeret, f.eks. «status FV-2026-000123».',
    history: 'Historikk',
    service: 'Tjeneste',
    priority: 'Prioritet',
    statusLabel: 'Status',
    assignee: 'Saksbehandler',
    responseDue: 'Svarfrist',
    resolutionDue: 'Løsningsfrist',
    supplierCase: 'Leverandørens saksnr.',
  },
  event: {
    created: 'Saken ble meldt',
    claimed: (who) => `${who} tok saken`,
    assigned: (who) => `Tildelt ${who}`,
    priorityChanged: (to) => `Prioritet endret til ${to}`,
    waiting: (reason) => `Avventer ${reason}`,
    waitingEnded: 'Arbeidet fortsetter',
    escalated: 'Eskalert',
    comment: 'Kommentar',
    solved: 'Løst',
    accepted: 'Løsningen ble godtatt',
    rejected: 'Løsningen ble avvist',
    closed: 'Lukket',
    closedNoAnswer: 'Lukket uten svar',
    linked: (ref) => `Knyttet til hovedsak ${ref}`,
    childLinked: (ref) => `Undersak ${ref} knyttet til`,
    attachment: (name) => `Vedlegg: ${name}`,
    followers: 'Følgere endret',
    breachExplained: 'Forklaring på fristbrudd',
  },
  solution: {
    title: (ref) => `Sak ${ref} er løst`,
    intro: 'Servicesenteret har løst saken. Kan du jobbe som normalt igjen?',
    solutionLabel: 'Løsning',
    autoClose: (days) => `Svarer du ikke, lukkes saken automatisk etter ${days} virkedager.`,
    accept: 'Løst – takk',
    reject: 'Ikke løst',
    rejectComment: 'Hva virker fortsatt ikke? (må fylles ut ved «Ikke løst»)',
    rejectPlaceholder: 'Beskriv hva som fortsatt ikke virker',
    thanks: (ref) => `Takk! Sak ${ref} er lukket.`,
    reopened: (ref) => `Sak ${ref} er åpnet igjen, og servicesenteret ser på den på nytt.`,
  },
  update: {
    claimed: (ref, who) => `${who} har tatt sak ${ref} og jobber med den.`,
    waitingSupplier: (ref, supplierCase) =>
      `Sak ${ref} venter på leverandør${supplierCase ? ` (leverandørens saksnr. ${supplierCase})` : ''}.`,
    waitingOther: (ref, reason) => `Sak ${ref} avventer ${reason}.`,
    resumed: (ref) => `Arbeidet med sak ${ref} fortsetter.`,
    autoClosedNote: (days) => `Lukket automatisk: ingen svar på løsningen innen ${days} virkedager.`,
    autoClosed: (ref) => `Sak ${ref} er lukket fordi vi ikke fikk svar på løsningen.`,
    open: 'Vis sak',
  },
  attachments: {
    saved: (name, ref) => `Lagret ${name} på sak ${ref}.`,
    tooLarge: (name, maxMb) => `Kan ikke lagre ${name}: filen er større enn ${maxMb} MB.`,
    badType: (name) => `Kan ikke lagre ${name}: bare bilder (PNG, JPEG, GIF, WebP) og PDF tas imot.`,
    noCase: 'Du har ingen åpen sak å legge vedlegget på. Skriv «meld feil» først.',
    failed: (name) => `Klarte ikke å hente ${name}. Prøv å legge det ved på nytt.`,
  },
  notices: {
    title: 'Aktive driftsmeldinger',
    none: 'Ingen aktive driftsmeldinger nå.',
    kind: {
      outage: 'Driftsavbrudd',
      degraded: 'Redusert drift',
      planned_maintenance: 'Planlagt vedlikehold',
    },
  },
};

const en: Strings = {
  appName: 'Fristvakt',
  welcome: {
    title: 'Hi, I am Fristvakt',
    intro:
      'Report faults to the service desk here and follow your cases. You get a reference number and deadlines at once.',
    whatYouCanDo: 'What would you like to do?',
  },
  buttons: { report: 'Report a fault', myCases: 'My cases', notices: 'Service notices', help: 'Help' },
  help: {
    title: 'How to use Fristvakt',
    lines: [
      '**meld feil** (report fault) – report a fault to the service desk',
      '**mine saker** (my cases) – your cases with status and deadlines',
      '**status FV-2026-000123** – one case with its history',
      '**driftsmeldinger** (notices) – known faults and planned maintenance',
      '**kommenter FV-2026-000123 text** (comment) – write a comment on the case',
      '**følg FV-2026-000123** / **slutt å følge FV-2026-000123** (follow / unfollow) – hear (or stop hearing) about a case',
      '**hjelp** (help) – this overview',
      'Screenshots: paste or attach them in the chat; they are stored on your latest open case.',
    ],
  },
  hint: (text) =>
    `I did not understand “${text}”. Type **report fault** to report a fault, **my cases** for your cases, or **help** for everything I can do.`,
  form: {
    title: 'Report a fault',
    intro: 'Fill in the checklist so the case reaches the right place quickly. Fields marked * are required.',
    desk: 'Service desk',
    changeDesk: 'Change service desk',
    service: 'Service / system',
    servicePlaceholder: 'Search for a service',
    org: 'Organisation',
    titleLabel: 'Short description',
    titlePlaceholder: 'E.g. “Cannot log in to Gerica”',
    symptom: 'How does the fault show itself?',
    symptomPlaceholder: 'What happens, and any error message',
    triedSoFar: 'What have you tried?',
    triedSoFarPlaceholder: 'E.g. restarted the PC, tried another browser',
    scope: 'Who is affected?',
    availability: 'Does part of the service work?',
    startedDate: 'When did it start? (date)',
    startedTime: 'Time',
    reporterRole: 'Your role',
    faultType: 'Type of fault',
    testContact: 'Who can test and confirm the fix?',
    testContactPlaceholder: 'Name or e-mail (empty = you)',
    followers: 'Who should follow the case?',
    followersPlaceholder: 'Names or e-mails, separated by commas',
    followersNote: 'Type names or e-mail addresses; a people picker will come in Teams later.',
    submit: 'Send fault report',
    fixErrors: 'Something is missing or wrong. See the messages under the fields.',
  },
  scope: {
    me: 'Just me',
    department: 'My department',
    organisation: 'The whole organisation',
    several_organisations: 'Several organisations or locations',
  },
  availability: { partial: 'Part of the service works', all: 'The whole service is unavailable' },
  faultType: {
    functional: 'Functional fault (something does not work as expected in the application)',
    technical_application: 'Technical fault – application',
    technical_infrastructure: 'Technical fault – infrastructure (network, sign-in, server, database, backup)',
    unknown: "Don't know",
  },
  reporterRole: {
    employee: 'End user',
    superuser: 'Super user',
    first_line: 'First line',
    administrator: 'Administrator',
  },
  status: { new: 'New', in_progress: 'In progress', waiting: 'Waiting', solved: 'Solved', closed: 'Closed' },
  waitReason: { supplier: 'the supplier', third_line: 'third line', reporter: 'your answer' },
  errors: {
    required: 'Required.',
    tooLong: (max) => `Too long (at most ${max} characters).`,
    tooShort: (min) => `Too short (at least ${min} characters).`,
    invalid: 'Invalid value.',
    unknownChoice: 'Choose one of the options in the list.',
    serviceNotInDesk: 'The service does not belong to the chosen service desk.',
    orgNotServed: 'The service desk does not serve this organisation.',
    badDate: 'Invalid date or time.',
    future: 'The time cannot be in the future.',
    tooOld: 'The time is more than a year ago.',
    badPerson: 'Type a name or an e-mail address.',
    tooManyFollowers: (max) => `At most ${max} followers.`,
    unknownAction: 'I do not know this action.',
    generic: 'Something went wrong on our side. Try again shortly, or phone the service desk.',
    expired: 'This card is out of date. Type “report fault” to start again.',
    commentRequired: 'Describe what still does not work.',
  },
  notice: {
    title: 'Known fault on this service',
    intro: (service) => `There is already a service notice for **${service}**. Does it apply to you?`,
    expectedEnd: (when) => `Expected fixed: ${when}`,
    joinButton: 'This affects me too',
    newButton: 'Report a new fault',
  },
  confirmation: {
    title: (ref) => `Thank you! Your case is registered: ${ref}`,
    linkedToNotice: 'The case is linked to the known fault; you will be told when it is fixed.',
    suggestedPriority: 'Suggested priority',
    responseDue: 'Response by',
    resolutionDue: 'Resolved by',
    noDeadline: 'No fixed deadline (worked until solved)',
    callNow: (phone, desk) => `Critical fault: phone ${desk} now on ${phone}.`,
    nextTitle: 'What happens next?',
    next: (desk) =>
      `${desk} reviews the case and sets the final priority. You are told here when the case is taken, when it waits on a supplier, and when it is solved.`,
    screenshots: 'Have screenshots? Paste or attach them in the chat and they are stored with the case.',
    already: 'This fault report had already been sent; here is the case.',
  },
  myCases: {
    title: 'My cases',
    none: 'You have no cases yet. Type “report fault” to report one.',
    open: 'Open cases',
    recent: 'Recently closed',
    timeLeft: (t) => `${t} left`,
    late: (t) => `${t} overdue`,
    paused: 'Deadline paused',
    show: 'Show',
    followedMark: '(following)',
  },
  caseStatus: {
    notFound: (ref) => `Found no case ${ref}.`,
    usage: 'Type the reference number, e.g. “status FV-2026-000123”.',
    history: 'History',
    service: 'Service',
    priority: 'Priority',
    statusLabel: 'Status',
    assignee: 'Handled by',
    responseDue: 'Response deadline',
    resolutionDue: 'Resolution deadline',
    supplierCase: 'Supplier case no.',
  },
  event: {
    created: 'Case reported',
    claimed: (who) => `${who} took the case`,
    assigned: (who) => `Assigned to ${who}`,
    priorityChanged: (to) => `Priority changed to ${to}`,
    waiting: (reason) => `Waiting on ${reason}`,
    waitingEnded: 'Work resumed',
    escalated: 'Escalated',
    comment: 'Comment',
    solved: 'Solved',
    accepted: 'Solution accepted',
    rejected: 'Solution rejected',
    closed: 'Closed',
    closedNoAnswer: 'Closed without an answer',
    linked: (ref) => `Linked to parent case ${ref}`,
    childLinked: (ref) => `Child case ${ref} linked`,
    attachment: (name) => `Attachment: ${name}`,
    followers: 'Followers changed',
    breachExplained: 'Breach explained',
  },
  solution: {
    title: (ref) => `Case ${ref} is solved`,
    intro: 'The service desk has solved the case. Can you work as normal again?',
    solutionLabel: 'Solution',
    autoClose: (days) => `Without an answer the case closes itself after ${days} working days.`,
    accept: 'Solved – thanks',
    reject: 'Not solved',
    rejectComment: 'What still does not work? (required for “Not solved”)',
    rejectPlaceholder: 'Describe what still does not work',
    thanks: (ref) => `Thank you! Case ${ref} is closed.`,
    reopened: (ref) => `Case ${ref} is reopened and the service desk looks at it again.`,
  },
  update: {
    claimed: (ref, who) => `${who} has taken case ${ref} and is working on it.`,
    waitingSupplier: (ref, supplierCase) =>
      `Case ${ref} is waiting on the supplier${supplierCase ? ` (supplier case no. ${supplierCase})` : ''}.`,
    waitingOther: (ref, reason) => `Case ${ref} is waiting on ${reason}.`,
    resumed: (ref) => `Work on case ${ref} continues.`,
    autoClosedNote: (days) => `Closed automatically: no answer to the solution within ${days} working days.`,
    autoClosed: (ref) => `Case ${ref} is closed because we got no answer to the solution.`,
    open: 'Show case',
  },
  attachments: {
    saved: (name, ref) => `Stored ${name} on case ${ref}.`,
    tooLarge: (name, maxMb) => `Cannot store ${name}: the file is larger than ${maxMb} MB.`,
    badType: (name) => `Cannot store ${name}: only images (PNG, JPEG, GIF, WebP) and PDF are accepted.`,
    noCase: 'You have no open case to attach this to. Type “report fault” first.',
    failed: (name) => `Could not fetch ${name}. Try attaching it again.`,
  },
  notices: {
    title: 'Active service notices',
    none: 'No active service notices right now.',
    kind: { outage: 'Outage', degraded: 'Degraded service', planned_maintenance: 'Planned maintenance' },
  },
};

const ALL: Record<Locale, Strings> = { nb, en };
export const strings = (locale: Locale): Strings => ALL[locale];
