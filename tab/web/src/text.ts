/**
 * The tab's words in Norwegian bokmål (default) and English, and Oslo-time formatting, without React:
 * the page's boot script paints the list's first rows with them before the bundle (and React) has run.
 * Domain terms (statuses, SLA states, wait reasons …) come from `shared/cases/labels.ts`, so the tab says
 * what the bot says. The React side (the locale's context, `useT`) is `i18n.ts`.
 */
import type { LocalizedText, Locale } from '../../../shared/i18n-text';

export const ZONE = 'Europe/Oslo';

const T = {
  appName: { nb: 'Fristvakt', en: 'Fristvakt' },
  tabCases: { nb: 'Saker', en: 'Cases' },
  tabReport: { nb: 'SLA-rapport', en: 'SLA report' },
  tabNotices: { nb: 'Driftsmeldinger', en: 'Service notices' },
  tabSettings: { nb: 'Innstillinger', en: 'Settings' },
  devBanner: {
    nb: 'Ikke for produksjon. Du er logget inn som testbruker',
    en: 'Not for production. Signed in as the test user',
  },
  devPick: { nb: 'Velg testbruker', en: 'Pick a test user' },
  signInAs: { nb: 'Logg inn som', en: 'Sign in as' },
  roleDesk: { nb: 'servicesenter:', en: 'desk:' },
  roleSuperuser: { nb: 'superbruker i', en: 'superuser in' },
  roleReportReader: { nb: 'leser SLA-rapporter', en: 'reads SLA reports' },
  roleEmployee: { nb: 'ansatt', en: 'employee' },
  devPickHelp: {
    nb: 'Fanen er åpnet utenfor Teams. Velg hvem du vil være (kun i utviklingsmodus).',
    en: 'The tab is open outside Teams. Choose who to be (development mode only).',
  },
  openInTeams: {
    nb: 'Åpne Fristvakt i Microsoft Teams for å logge inn.',
    en: 'Open Fristvakt in Microsoft Teams to sign in.',
  },
  loading: { nb: 'Laster …', en: 'Loading …' },
  error: { nb: 'Noe gikk galt', en: 'Something went wrong' },
  retry: { nb: 'Prøv igjen', en: 'Try again' },
  viewDesk: { nb: 'Servicesenterets kø', en: 'Desk queue' },
  viewOrg: { nb: 'Virksomhetens saker', en: 'Organisation’s cases' },
  viewMine: { nb: 'Mine saker', en: 'My cases' },
  search: { nb: 'Søk på saksnummer eller tittel', en: 'Search reference or title' },
  status: { nb: 'Status', en: 'Status' },
  priority: { nb: 'Prioritet', en: 'Priority' },
  service: { nb: 'Tjeneste', en: 'Service' },
  org: { nb: 'Virksomhet', en: 'Organisation' },
  desk: { nb: 'Servicesenter', en: 'Desk' },
  assignee: { nb: 'Saksbehandler', en: 'Assignee' },
  assigneeMe: { nb: 'Meg', en: 'Me' },
  assigneeNone: { nb: 'Ikke tildelt', en: 'Unassigned' },
  all: { nb: 'Alle', en: 'All' },
  sort: { nb: 'Sortering', en: 'Sort' },
  sortDue: { nb: 'Nærmeste frist', en: 'Nearest deadline' },
  sortNewest: { nb: 'Nyeste', en: 'Newest' },
  sortOldest: { nb: 'Eldste', en: 'Oldest' },
  sortPriority: { nb: 'Prioritet', en: 'Priority' },
  sortRef: { nb: 'Saksnummer', en: 'Reference' },
  sortTitle: { nb: 'Tittel', en: 'Title' },
  clearFilters: { nb: 'Nullstill filtre', en: 'Clear filters' },
  filters: { nb: 'Filtre', en: 'Filters' },
  datePlaceholder: { nb: 'dd.mm.åååå', en: 'dd.mm.yyyy' },
  dateHint: {
    nb: 'Skriv datoen som dd.mm.åååå, f.eks. 02.03.2026',
    en: 'Write the date as dd.mm.yyyy, e.g. 02.03.2026',
  },
  timePlaceholder: { nb: 'tt:mm', en: 'hh:mm' },
  timeHint: { nb: 'Skriv klokkeslettet som tt:mm, f.eks. 08:00', en: 'Write the time as hh:mm, e.g. 08:00' },
  week: { nb: 'uke', en: 'week' },
  showMore: { nb: 'Vis flere', en: 'Show more' },
  deskClosed: {
    nb: 'er stengt nå: fristene i arbeidstid står stille og starter igjen',
    en: 'is closed now: business-time deadlines stand still and start again',
  },
  ref: { nb: 'Saksnr.', en: 'Ref.' },
  title: { nb: 'Tittel', en: 'Title' },
  response: { nb: 'Responstid igjen', en: 'Response time left' },
  resolution: { nb: 'Løsningstid igjen', en: 'Resolution time left' },
  shown: { nb: 'saker', en: 'cases' },
  of: { nb: 'av', en: 'of' },
  noCases: { nb: 'Ingen saker her.', en: 'No cases here.' },
  due: { nb: 'frist', en: 'due' },
  late: { nb: 'over fristen', en: 'late' },
  left: { nb: 'igjen', en: 'left' },
  metAt: { nb: 'oppfylt', en: 'met' },
  back: { nb: 'Tilbake til sakene', en: 'Back to the cases' },
  checklist: { nb: 'Sjekkliste', en: 'Checklist' },
  symptom: { nb: 'Hvordan feilen arter seg', en: 'How the fault shows itself' },
  tried: { nb: 'Hva er forsøkt', en: 'Tried so far' },
  scope: { nb: 'Omfang', en: 'Scope' },
  availability: { nb: 'Tilgjengelighet', en: 'Availability' },
  startedAt: { nb: 'Feilen startet', en: 'Started' },
  reporter: { nb: 'Innmelder', en: 'Reporter' },
  reporterRole: { nb: 'Innmelders rolle', en: 'Reporter’s role' },
  testContact: { nb: 'Kontakt for test', en: 'Test contact' },
  followers: { nb: 'Følgere', en: 'Followers' },
  screenshots: { nb: 'Skjermbilder', en: 'Screenshots' },
  noScreenshots: { nb: 'Ingen skjermbilder.', en: 'No screenshots.' },
  timeline: { nb: 'Hendelser', en: 'Timeline' },
  slaClocks: { nb: 'Frister', en: 'Deadlines' },
  pauses: { nb: 'Pauser', en: 'Pauses' },
  noPauses: { nb: 'Ingen pauser', en: 'No pauses' },
  ongoing: { nb: 'pågår', en: 'ongoing' },
  explanation: { nb: 'Forklaring', en: 'Explanation' },
  parent: { nb: 'Hovedsak', en: 'Parent case' },
  children: { nb: 'Undersaker', en: 'Child cases' },
  actions: { nb: 'Handlinger', en: 'Actions' },
  claim: { nb: 'Ta saken', en: 'Claim' },
  changePriority: { nb: 'Endre prioritet', en: 'Change priority' },
  reason: { nb: 'Begrunnelse', en: 'Reason' },
  wait: { nb: 'Sett til Avventer', en: 'Set to waiting' },
  waitReason: { nb: 'Venter på', en: 'Waiting on' },
  supplierCaseNumber: { nb: 'Leverandørens saksnr.', en: 'Supplier’s case no.' },
  supplierHeldBy: { nb: 'Hos leverandør', en: 'With supplier' },
  supplierSince: { nb: 'siden', en: 'since' },
  supplierLastContact: { nb: 'siste kontakt', en: 'last contact' },
  supplierPick: { nb: 'Driftsleverandør', en: 'Operations supplier' },
  supplierOther: { nb: 'Annen leverandør (navn)', en: 'Another supplier (name)' },
  supplierNone: { nb: 'Ingen valgt', en: 'None chosen' },
  supplierEmailTitle: { nb: 'E-post til leverandøren', en: 'E-mail to the supplier' },
  supplierEmailHelp: {
    nb: 'Leverandøren har ikke integrasjon med Fristvakt. Send saken som e-post (kopier teksten), og legg inn leverandørens saksnummer når de svarer.',
    en: 'The supplier has no integration with Fristvakt. Send the case by e-mail (copy the text), and enter the supplier’s case number when they answer.',
  },
  supplierEmailTo: { nb: 'Til', en: 'To' },
  supplierEmailSubject: { nb: 'Emne', en: 'Subject' },
  resume: { nb: 'Gjenoppta', en: 'Resume' },
  escalate: { nb: 'Eskaler', en: 'Escalate' },
  toLine: { nb: 'Til', en: 'To' },
  note: { nb: 'Notat', en: 'Note' },
  solve: { nb: 'Løs saken', en: 'Solve' },
  solution: { nb: 'Løsning', en: 'Solution' },
  solutionAsk: {
    nb: 'Virker det nå? Godta løsningen, eller si hva som fortsatt ikke virker – da åpnes saken igjen.',
    en: 'Does it work now? Accept the solution, or say what still does not work – the case then reopens.',
  },
  acceptSolution: { nb: 'Godta løsningen', en: 'Accept the solution' },
  rejectSolution: { nb: 'Ikke løst', en: 'Not solved' },
  rejectComment: { nb: 'Hva virker fortsatt ikke?', en: 'What still does not work?' },
  rejectSend: { nb: 'Send: ikke løst', en: 'Send: not solved' },
  rejectRequired: { nb: 'Skriv hva som fortsatt ikke virker.', en: 'Write what still does not work.' },
  solutionAccepted: { nb: 'Løsningen er godtatt', en: 'The solution was accepted' },
  solutionRejected: { nb: 'Ikke løst', en: 'Not solved' },
  conflict: {
    nb: 'Saken er endret siden du åpnet den',
    en: 'The case changed since you opened it',
  },
  conflictBy: { nb: 'av', en: 'by' },
  conflictHelp: { nb: 'Se oppdatert sak og prøv igjen.', en: 'Check the updated case and try again.' },
  saved: { nb: 'Lagret', en: 'Saved' },
  period: { nb: 'Periode', en: 'Period' },
  from: { nb: 'Fra og med', en: 'From' },
  to: { nb: 'Til og med', en: 'To' },
  show: { nb: 'Vis', en: 'Show' },
  exportCsv: { nb: 'Eksporter CSV', en: 'Export CSV' },
  casesInPeriod: { nb: 'Saker i perioden', en: 'Cases in the period' },
  openBacklog: { nb: 'Åpne saker nå', en: 'Open cases now' },
  shareResponse: { nb: 'Responstid innenfor frist', en: 'Response within target' },
  shareResolution: { nb: 'Løsningstid innenfor frist', en: 'Resolution within target' },
  median: { nb: 'Median', en: 'Median' },
  p90: { nb: '90-persentil', en: '90th percentile' },
  perPriority: { nb: 'Per prioritet', en: 'Per priority' },
  cases: { nb: 'Saker', en: 'Cases' },
  met: { nb: 'Innenfor', en: 'Met' },
  breached: { nb: 'Brutt', en: 'Breached' },
  perWeek: { nb: 'Saker per uke', en: 'Cases per week' },
  backlogAge: { nb: 'Åpne saker etter alder', en: 'Open cases by age' },
  breaches: { nb: 'Brudd og forklaringer', en: 'Breaches and explanations' },
  noBreaches: { nb: 'Ingen brudd i perioden.', en: 'No breaches in the period.' },
  moreInCsv: { nb: 'alle står i CSV-eksporten', en: 'all are in the CSV export' },
  lateBy: { nb: 'Over fristen', en: 'Late by' },
  slaVersion: { nb: 'SLA-versjon', en: 'SLA version' },
  uptime: { nb: 'Oppetid per tjeneste (mål 99,8 %)', en: 'Uptime per service (goal 99.8 %)' },
  dueCol: { nb: 'Frist', en: 'Due' },
  sharePerPriority: {
    nb: 'Andel innenfor frist per prioritet (%)',
    en: 'Share within target per priority (%)',
  },
  uptimeCol: { nb: 'Oppetid', en: 'Uptime' },
  downtime: { nb: 'Nedetid', en: 'Downtime' },
  goalMet: { nb: 'Målet nådd', en: 'Goal met' },
  goalMissed: { nb: 'Under målet', en: 'Below goal' },
  outagesCol: { nb: 'Avbrudd og kilde', en: 'Outages and source' },
  sourceNotice: { nb: 'Driftsmelding', en: 'Notice' },
  sourceCase: { nb: 'Sak', en: 'Case' },
  uptimeRule: {
    nb: 'Nedetid telles fra driftsavbrudd (driftsmeldinger) og fra saker der tjenesten er helt nede for hele virksomheten eller flere; avbrudd som overlapper, telles én gang.',
    en: 'Downtime counts outage notices and cases reporting the service fully down for a whole organisation or more; overlapping outages count once.',
  },
  businessMinutes: { nb: 'minutter i åpningstid', en: 'business minutes' },
  activeNotices: { nb: 'Aktive driftsmeldinger', en: 'Active notices' },
  recentNotices: { nb: 'Nylig avsluttet', en: 'Recently resolved' },
  noNotices: { nb: 'Ingen driftsmeldinger.', en: 'No notices.' },
  publish: { nb: 'Publiser driftsmelding', en: 'Publish a notice' },
  kind: { nb: 'Type', en: 'Kind' },
  text: { nb: 'Tekst', en: 'Text' },
  services: { nb: 'Berørte tjenester', en: 'Affected services' },
  shortNoticeReason: {
    nb: 'Hvorfor varsles det mindre enn 3 dager før?',
    en: 'Why less than 3 days’ notice?',
  },
  published: { nb: 'Driftsmeldingen er publisert.', en: 'The notice is published.' },
  until: { nb: 'til', en: 'until' },
  publishedBy: { nb: 'Publisert av', en: 'Published by' },
  startDate: { nb: 'Startdato', en: 'Start date' },
  startTime: { nb: 'Starttid', en: 'Start time' },
  expectedEndDate: { nb: 'Forventet slutt, dato', en: 'Expected end, date' },
  expectedEndTime: { nb: 'Forventet slutt, klokkeslett', en: 'Expected end, time' },
  noticeUpdate: { nb: 'Oppdater', en: 'Update' },
  noticeResolve: { nb: 'Løst', en: 'Resolved' },
  noticeNewText: { nb: 'Ny tekst', en: 'New text' },
  noticeSave: { nb: 'Lagre oppdatering', en: 'Save update' },
  noticeClosingText: { nb: 'Avsluttende tekst (valgfri)', en: 'Closing text (optional)' },
  noticeResolveConfirm: { nb: 'Merk som løst', en: 'Mark as resolved' },
  noticeChangedMeanwhile: {
    nb: 'Driftsmeldingen ble endret av noen andre i mellomtiden. Se den oppdaterte og prøv igjen.',
    en: 'Someone else changed the notice meanwhile. Check the updated one and try again.',
  },
  cancel: { nb: 'Avbryt', en: 'Cancel' },
  // Orders (bestillinger): the list, the order view, "Bestill" and the report's order figures.
  kindFault: { nb: 'Feilmeldinger', en: 'Faults' },
  kindOrder: { nb: 'Bestillinger', en: 'Orders' },
  orderBadge: { nb: 'Bestilling', en: 'Order' },
  awaitingApproval: { nb: 'Venter på godkjenning', en: 'Awaiting approval' },
  order: { nb: 'Bestilling', en: 'Order' },
  orderWhat: { nb: 'Hva bestilles', en: 'What is ordered' },
  orderForWhom: { nb: 'For hvem', en: 'For whom' },
  orderEarlier: { nb: 'Tidligere kommunikasjon (oppsummert)', en: 'Earlier communication (summary)' },
  orderContacts: { nb: 'Kontaktpersoner i virksomheten', en: 'Contact persons at the organisation' },
  ordererRole: { nb: 'Din rolle', en: 'Your role' },
  orderer: { nb: 'Bestiller', en: 'Orderer' },
  billing_invoice_reference: { nb: 'Fakturareferanse', en: 'Invoice reference' },
  billing_resource_number: { nb: 'Ressursnummer', en: 'Resource number' },
  billing_cost_centre: { nb: 'Kostnadssted', en: 'Cost centre' },
  orderPrice: { nb: 'Pris', en: 'Price' },
  orderDeliveryTime: { nb: 'Leveringstid', en: 'Delivery time' },
  workingDaysUnit: { nb: 'virkedager', en: 'working days' },
  expectedDelivery: { nb: 'Forventet levert', en: 'Expected delivery' },
  deliveryAfterApproval: {
    nb: 'Leveringsdatoen regnes fra estimatet er godkjent.',
    en: 'The delivery date counts from the approval of the estimate.',
  },
  noDeliveryTime: {
    nb: 'Tjenestekatalogen oppgir ingen leveringstid.',
    en: 'The service catalogue gives no delivery time.',
  },
  needsApproval: { nb: 'Krever godkjent estimat', en: 'Needs an approved estimate' },
  estimates: { nb: 'Estimater og svar', en: 'Estimates and answers' },
  noEstimates: { nb: 'Ingen estimater ennå.', en: 'No estimates yet.' },
  estimateHours: { nb: 'Timer', en: 'Hours' },
  estimateText: { nb: 'Hva estimatet omfatter', en: 'What the estimate covers' },
  estimateApproved: { nb: 'Godkjent', en: 'Approved' },
  estimateRejected: { nb: 'Avvist', en: 'Rejected' },
  estimatePending: { nb: 'Venter på svar', en: 'Awaiting answer' },
  approve: { nb: 'Godkjenn', en: 'Approve' },
  rejectEstimate: { nb: 'Avvis', en: 'Reject' },
  rejectReason: { nb: 'Begrunnelse for avvisning', en: 'Reason for rejecting' },
  rejectReasonRequired: {
    nb: 'Skriv hvorfor du avviser estimatet.',
    en: 'Write why you reject the estimate.',
  },
  approvalHelp: {
    nb: 'Bestillingen gjennomføres først når du har godkjent estimatet her. Et svar på annen måte, for eksempel en kommentar, godkjenner ikke.',
    en: 'The order is carried out only once you approve the estimate here. An answer given any other way, such as a comment, does not approve.',
  },
  sendEstimate: { nb: 'Send estimat', en: 'Send estimate' },
  estimateHelp: {
    nb: 'Estimatet oppgis i timer (kvarter), aldri som fastpris.',
    en: 'The estimate is given in hours (quarter hours), never as a fixed price.',
  },
  estimateHoursError: {
    nb: 'Oppgi timer i hele kvarter, for eksempel 7,5.',
    en: 'Give hours in quarter hours, for example 7.5.',
  },
  estimateTextRequired: { nb: 'Beskriv hva estimatet omfatter.', en: 'Describe what the estimate covers.' },
  convertToOrder: { nb: 'Konverter til bestilling', en: 'Convert to order' },
  convertToFault: { nb: 'Konverter til feilmelding', en: 'Convert to fault' },
  convertHelp: {
    nb: 'Historikk, kommentarer og følgere beholdes, og melderen får beskjed. Fristene starter på nytt.',
    en: 'History, comments and followers are kept, and the reporter is told. The deadlines start again.',
  },
  orderButton: { nb: 'Bestill', en: 'Order' },
  orderFormTitle: { nb: 'Bestill fra tjenestekatalogen', en: 'Order from the service catalogue' },
  orderChooseService: { nb: 'Tjeneste', en: 'Service' },
  orderNoServices: {
    nb: 'Det er ingen tjenester å bestille for virksomheten din.',
    en: 'There are no services to order for your organisation.',
  },
  orderChecklistHelp: {
    nb: 'Sjekkliste for bestilling: jo mer entydig, jo raskere kan bestillingen gjennomføres.',
    en: 'Order checklist: the clearer the order, the sooner it can be carried out.',
  },
  orderSubmit: { nb: 'Send bestilling', en: 'Send order' },
  orderCancel: { nb: 'Avbryt', en: 'Cancel' },
  orderCreated: { nb: 'Bestillingen er registrert', en: 'The order is registered' },
  orderOpen: { nb: 'Åpne bestillingen', en: 'Open the order' },
  orderFormErrors: {
    nb: 'Noen felt må rettes. Se meldingen ved feltet.',
    en: 'Some fields need correcting. See the message at the field.',
  },
  fieldRequired: { nb: 'Feltet må fylles ut.', en: 'This field is required.' },
  fieldTooShort: { nb: 'Skriv minst {n} tegn.', en: 'Write at least {n} characters.' },
  fieldTooLong: { nb: 'Skriv høyst {n} tegn.', en: 'Write at most {n} characters.' },
  fieldFormat: { nb: 'Formatet stemmer ikke. Eksempel: {x}', en: 'The format does not match. Example: {x}' },
  fieldExample: { nb: 'Eksempel: {x}', en: 'Example: {x}' },
  fieldRole: { nb: 'Velg rollen din.', en: 'Choose your role.' },
  reportOrders: { nb: 'Bestillinger', en: 'Orders' },
  reportOrdersCount: { nb: 'Bestillinger i perioden', en: 'Orders in the period' },
  reportConverted: { nb: 'herav gjort om fra feilmelding', en: 'of which converted from a fault' },
  reportDelivered: { nb: 'Levert i perioden', en: 'Delivered in the period' },
  reportOnTime: { nb: 'Levert innen leveringstiden', en: 'Delivered within the delivery time' },
  reportMedianDelivery: { nb: 'Leveringstid, median', en: 'Delivery time, median' },
  reportP90Delivery: { nb: 'Leveringstid, 90-persentil', en: 'Delivery time, 90th percentile' },
  reportApprovalWait: {
    nb: 'Venting på godkjenning (holdes utenfor leveringstiden)',
    en: 'Waiting for approval (kept out of the delivery time)',
  },
  reportApprovalAnswered: { nb: 'Besvarte estimater', en: 'Answered estimates' },
  reportApprovalPending: { nb: 'Estimater uten svar', en: 'Estimates without an answer' },
  reportBilling: { nb: 'Fakturerbare bestillinger etter referanse', en: 'Billable orders by reference' },
  reportBillingNone: { nb: 'Ingen fakturerbare bestillinger.', en: 'No billable orders.' },
  reportOrdersCsv: { nb: 'Last ned bestillinger (CSV)', en: 'Download orders (CSV)' },
  adminOrderTerms: { nb: 'Bestilling fra tjenestekatalogen', en: 'Ordering from the service catalogue' },
  adminOrderable: { nb: 'Kan bestilles', en: 'Orderable' },
  adminOrderOnly: {
    nb: 'Kun bestilling (vises ikke i feilmeldingsskjemaet)',
    en: 'Order only (not in the fault form)',
  },
  adminOrderDescription: { nb: 'Beskrivelse for bestilleren', en: 'Description for the orderer' },
  adminBilling: { nb: 'Fakturerbar', en: 'Billable' },
  adminBillingNone: { nb: 'Ikke fakturerbar', en: 'Not billable' },
  adminBillingPattern: { nb: 'Format (regulært uttrykk)', en: 'Format (regular expression)' },
  adminBillingExample: { nb: 'Eksempel som bestilleren ser', en: 'Example shown to the orderer' },
} satisfies Record<string, LocalizedText>;

export type TextKey = keyof typeof T;

/** The words of one locale: `t` a text of the tab, `l` a domain text. */
export interface Texts {
  t: (k: TextKey) => string;
  l: (x: LocalizedText) => string;
  locale: Locale;
}

const TEXTS = new Map<Locale, Texts>();

/** The words of `locale`, the same object each time (so it may be a hook's dependency). */
export function textsOf(locale: Locale): Texts {
  let texts = TEXTS.get(locale);
  if (!texts) {
    texts = { t: (k) => T[k][locale], l: (x) => x[locale], locale };
    TEXTS.set(locale, texts);
  }
  return texts;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: Locale, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { timeZone: ZONE, dateStyle: 'short' }
        : kind === 'time'
          ? { timeZone: ZONE, timeStyle: 'short' }
          : { timeZone: ZONE, dateStyle: 'short', timeStyle: 'short' };
    f = new Intl.DateTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', opts);
    formatters.set(key, f);
  }
  return f;
}

/** An instant in Oslo time, e.g. `02.03.2026, 09:00`. */
export const formatDateTime = (d: Date | string, locale: Locale): string =>
  fmt(locale, 'dateTime').format(typeof d === 'string' ? new Date(d) : d);
export const formatDate = (d: Date | string, locale: Locale): string =>
  fmt(locale, 'date').format(typeof d === 'string' ? new Date(d) : d);

export function formatPercent(share: number | null, locale: Locale, digits = 1): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** Minutes of the Oslo offset at `utcMs` (60 or 120). */
function osloOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** A `datetime-local` value read as Oslo time → an ISO instant. */
export function osloLocalToIso(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return '';
  const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  let utc = naive - osloOffsetMinutes(naive) * 60_000;
  utc = naive - osloOffsetMinutes(utc) * 60_000;
  return new Date(utc).toISOString();
}

/** An instant → a `datetime-local` value in Oslo time. */
export function isoToOsloLocal(d: Date): string {
  const local = new Date(d.getTime() + osloOffsetMinutes(d.getTime()) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Today's date in Oslo, `YYYY-MM-DD`. */
export const osloDate = (d: Date): string => isoToOsloLocal(d).slice(0, 10);
