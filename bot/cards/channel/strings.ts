/**
 * The words of the channel flow (triage card, desk actions, driftsmeldinger), in Norwegian bokmål and
 * English. Posts in a desk's channel are in Norwegian (the desks work in Norwegian); a card answered to
 * one viewer (refresh, action) follows that viewer's Teams locale.
 */
import type { Locale } from '../../../shared/i18n-text';

export interface ChannelStrings {
  link: {
    triage: (desk: string) => string;
    notices: (desk: string) => string;
    whoMayAct: (names: string) => string;
    group: string;
    onlyInChannel: string;
    usage: (desks: string) => string;
    unknownDesk: (arg: string, desks: string) => string;
    notMember: (desk: string) => string;
    alreadyNotices: (desk: string) => string;
  };
  card: {
    newCase: string;
    service: string;
    org: string;
    reporter: string;
    scope: string;
    priority: string;
    status: string;
    assignee: string;
    nobody: string;
    line: string;
    supplierCase: string;
    response: string;
    resolution: string;
    due: (when: string) => string;
    left: (amount: string) => string;
    late: (amount: string) => string;
    pausedLeft: (amount: string) => string;
    met: string;
    noTarget: string;
    business: string;
    deadlines: string;
    overall: Record<'on_track' | 'at_risk' | 'breached' | 'paused' | 'done', string>;
    parent: (ref: string) => string;
    children: (n: number) => string;
    readOnly: string;
    asOf: (when: string) => string;
  };
  actions: {
    claim: string;
    assign: string;
    priority: string;
    wait: string;
    resume: string;
    escalate: string;
    solve: string;
    link: string;
    notice: string;
    save: string;
    more: string;
    incident: string;
    assignee: string;
    newPriority: string;
    priorityReason: string;
    waitReason: string;
    supplierCaseNumber: string;
    note: string;
    toLine: string;
    supplierName: string;
    solution: string;
    solutionPlaceholder: string;
    childrenToo: (n: number) => string;
    parentRef: string;
    parentPlaceholder: string;
  };
  done: {
    claimed: string;
    assigned: (who: string) => string;
    priority: (to: string) => string;
    waiting: (reason: string, no?: string) => string;
    resumed: string;
    escalated: (to: string, supplier?: string) => string;
    solved: string;
    solvedChildren: (n: number) => string;
    linked: (parent: string) => string;
    childLinked: (child: string, count: number) => string;
    line: (who: string, what: string, when: string) => string;
  };
  errors: {
    notMember: (desk: string) => string;
    notFound: (ref: string) => string;
    first: (who: string, what: string, when: string) => string;
    changedMeanwhile: string;
    illegal: (status: string) => string;
    required: (field: string) => string;
    tooLong: (field: string, max: number) => string;
    badChoice: (field: string) => string;
    alreadyYours: string;
    alreadyAssigned: (who: string) => string;
    samePriority: string;
    sameWait: string;
    sameLine: string;
    badParent: string;
    generic: string;
    title: string;
  };
  notice: {
    formTitle: string;
    formIntro: string;
    kind: string;
    services: string;
    title: string;
    titlePlaceholder: string;
    startDate: string;
    startTime: string;
    endDate: string;
    endTime: string;
    text: string;
    textPlaceholder: string;
    shortNoticeReason: string;
    shortNoticeHint: string;
    channels: string;
    noChannels: string;
    publish: string;
    fixErrors: string;
    kinds: Record<'outage' | 'degraded' | 'planned_maintenance', string>;
    status: Record<'active' | 'resolved', string>;
    start: string;
    expectedEnd: string;
    resolvedAt: string;
    unknownEnd: string;
    affected: string;
    hovedsak: string;
    linkedCases: (n: number) => string;
    update: string;
    updateText: string;
    resolve: string;
    resolveText: string;
    published: (n: number) => string;
    updatedReply: (who: string, when: string, text: string) => string;
    resolvedReply: (who: string, when: string) => string;
    reporterResolved: (ref: string, title: string) => string;
    notFound: string;
    alreadyResolved: string;
    threeDays: string;
    startInPast: string;
    endBeforeStart: string;
    noDesk: string;
    field: { required: string; tooLong: (max: number) => string; badChoice: string; badDate: string };
  };
}

const nb: ChannelStrings = {
  link: {
    triage: (desk) =>
      `Denne kanalen er nå triasjekanalen til **${desk}**. Nye saker postes her som egne tråder, med kort som holdes oppdatert.`,
    notices: (desk) => `Driftsmeldinger fra **${desk}** publiseres nå også i denne kanalen.`,
    whoMayAct: (names) =>
      `Bare medlemmer av servicesenteret kan koble kanaler og handle på sakene: ${names}.`,
    group: 'medlemmer av Entra-gruppen',
    onlyInChannel: 'Kanaler kobles i en Teams-kanal: skriv **@Fristvakt koble <servicesenter>** der.',
    usage: (desks) =>
      `Skriv **@Fristvakt koble <servicesenter>** eller **@Fristvakt koble driftsmeldinger <servicesenter>**. Servicesentre: ${desks}.`,
    unknownDesk: (arg, desks) => `Jeg kjenner ikke servicesenteret «${arg}». Velg ett av: ${desks}.`,
    notMember: (desk) => `Bare medlemmer av ${desk} kan koble kanaler for det. Ingenting er endret.`,
    alreadyNotices: (desk) => `Kanalen er allerede en driftsmeldingskanal for ${desk}.`,
  },
  card: {
    newCase: 'Ny sak',
    service: 'Tjeneste',
    org: 'Virksomhet',
    reporter: 'Innmelder',
    scope: 'Omfang',
    priority: 'Prioritet',
    status: 'Status',
    assignee: 'Saksbehandler',
    nobody: 'Ingen ennå',
    line: 'Hos',
    supplierCase: 'Leverandørens saksnr.',
    response: 'Responstid',
    resolution: 'Løsningstid',
    due: (when) => `frist ${when}`,
    left: (amount) => `${amount} igjen`,
    late: (amount) => `${amount} over fristen`,
    pausedLeft: (amount) => `pauset, ${amount} igjen`,
    met: 'oppfylt',
    noTarget: 'ingen frist',
    business: 'arbeidstid',
    deadlines: 'Frister',
    overall: {
      on_track: '● I rute',
      at_risk: '▲ I fare',
      breached: '■ Brutt',
      paused: '‖ Pauset',
      done: '✓ Ferdig',
    },
    parent: (ref) => `Undersak av ${ref}`,
    children: (n) => `Hovedsak i fellesfeil: ${n} ${n === 1 ? 'undersak' : 'undersaker'}`,
    readOnly: 'Bare medlemmer av servicesenteret kan handle på saken.',
    asOf: (when) => `Oppdatert ${when}`,
  },
  actions: {
    claim: 'Ta saken',
    assign: 'Tildel',
    priority: 'Endre prioritet',
    wait: 'Avventer',
    resume: 'Gjenoppta',
    escalate: 'Eskaler',
    solve: 'Løs',
    link: 'Knytt til hovedsak',
    notice: 'Lag driftsmelding',
    save: 'Lagre',
    more: 'Mer …',
    incident: 'Fellesfeil / driftsmelding …',
    assignee: 'Tildel til',
    newPriority: 'Ny prioritet',
    priorityReason: 'Begrunnelse (valgfri)',
    waitReason: 'Hva venter saken på?',
    supplierCaseNumber: 'Leverandørens saksnummer',
    note: 'Notat (valgfritt)',
    toLine: 'Eskaler til',
    supplierName: 'Leverandør',
    solution: 'Løsning',
    solutionPlaceholder: 'Hva ble gjort? Innmelderen får teksten.',
    childrenToo: (n) => `Løser også ${n} ${n === 1 ? 'undersak' : 'undersaker'} med samme løsning.`,
    parentRef: 'Hovedsakens saksnummer',
    parentPlaceholder: 'FV-2026-000123',
  },
  done: {
    claimed: 'tok saken',
    assigned: (who) => `tildelte saken til ${who}`,
    priority: (to) => `endret prioritet til ${to}`,
    waiting: (reason, no) => `satte saken til ${reason.toLowerCase()}${no ? ` (saksnr. ${no})` : ''}`,
    resumed: 'gjenopptok saken',
    escalated: (to, supplier) => `eskalerte saken til ${to.toLowerCase()}${supplier ? ` (${supplier})` : ''}`,
    solved: 'løste saken',
    solvedChildren: (n) => `løste saken, og ${n} ${n === 1 ? 'undersak' : 'undersaker'} med samme løsning`,
    linked: (parent) => `knyttet saken til hovedsak ${parent}`,
    childLinked: (child, count) => `knyttet ${child} til saken som undersak (${count} i alt)`,
    line: (who, what, when) => `${who} ${what} · ${when}`,
  },
  errors: {
    notMember: (desk) => `Bare medlemmer av ${desk} kan handle på denne saken. Ingenting er endret.`,
    notFound: (ref) => `Fant ikke sak ${ref}.`,
    first: (who, what, when) => `${who} var først: ${what} (${when}). Her er saken slik den er nå.`,
    changedMeanwhile: 'Saken ble endret i mellomtiden. Her er saken slik den er nå; prøv igjen om nødvendig.',
    illegal: (status) => `Det kan ikke gjøres nå som saken har status ${status}.`,
    required: (field) => `${field}: må fylles ut.`,
    tooLong: (field, max) => `${field}: for lang tekst (maks ${max} tegn).`,
    badChoice: (field) => `${field}: velg et av alternativene.`,
    alreadyYours: 'Saken er allerede din.',
    alreadyAssigned: (who) => `Saken er allerede tildelt ${who}.`,
    samePriority: 'Saken har allerede den prioriteten.',
    sameWait: 'Saken venter allerede på det.',
    sameLine: 'Saken er allerede hos den linjen.',
    badParent: 'Hovedsaken må være en annen, åpen sak hos samme servicesenter som ikke selv er en undersak.',
    generic: 'Noe gikk galt. Ingenting er endret; prøv igjen.',
    title: 'Ikke utført',
  },
  notice: {
    formTitle: 'Ny driftsmelding',
    formIntro: 'Fyll ut og publiser til kanalene du velger. Felt merket * må fylles ut.',
    kind: 'Type',
    services: 'Berørte tjenester',
    title: 'Overskrift',
    titlePlaceholder: 'F.eks. «Gerica utilgjengelig»',
    startDate: 'Start (dato)',
    startTime: 'Start (klokkeslett)',
    endDate: 'Forventet slutt (dato)',
    endTime: 'Forventet slutt (klokkeslett)',
    text: 'Melding',
    textPlaceholder: 'Hva skjer, hvem er berørt, hva brukerne bør gjøre',
    shortNoticeReason: 'Begrunnelse for kort varsel',
    shortNoticeHint: 'Planlagt vedlikehold varsles minst 3 dager før (SLA §6.2), ellers må det begrunnes.',
    channels: 'Publiser i kanalene',
    noChannels:
      'Servicesenteret har ingen driftsmeldingskanal ennå. Skriv @Fristvakt koble driftsmeldinger <servicesenter> i en kanal.',
    publish: 'Publiser',
    fixErrors: 'Noe mangler eller er feil. Se meldingene ved feltene.',
    kinds: {
      outage: 'Driftsavbrudd',
      degraded: 'Redusert drift',
      planned_maintenance: 'Planlagt vedlikehold',
    },
    status: { active: 'Aktiv', resolved: 'Løst' },
    start: 'Start',
    expectedEnd: 'Forventet slutt',
    resolvedAt: 'Løst',
    unknownEnd: 'ukjent',
    affected: 'Berørte tjenester',
    hovedsak: 'Hovedsak',
    linkedCases: (n) => `${n} ${n === 1 ? 'sak' : 'saker'} knyttet til meldingen`,
    update: 'Oppdater',
    updateText: 'Oppdatering',
    resolve: 'Løst',
    resolveText: 'Avsluttende melding (valgfri)',
    published: (n) => `Driftsmeldingen er publisert i ${n} ${n === 1 ? 'kanal' : 'kanaler'}.`,
    updatedReply: (who, when, text) => `Oppdatert av ${who} · ${when}: ${text}`,
    resolvedReply: (who, when) => `✓ Løst · ${who} · ${when}`,
    reporterResolved: (ref, title) =>
      `Driftsmeldingen «${title}» som saken din ${ref} er knyttet til, er løst. Gi beskjed hvis feilen fortsatt er der.`,
    notFound: 'Fant ikke driftsmeldingen.',
    alreadyResolved: 'Driftsmeldingen er allerede løst.',
    threeDays:
      'Planlagt vedlikehold må varsles minst 3 dager før start, eller ha en begrunnelse for kort varsel.',
    startInPast: 'Planlagt vedlikehold kan ikke starte tilbake i tid.',
    endBeforeStart: 'Forventet slutt må være etter start.',
    noDesk:
      'Denne kanalen er ikke koblet til et servicesenter. Skriv @Fristvakt koble <servicesenter> først.',
    field: {
      required: 'Må fylles ut.',
      tooLong: (max) => `For lang tekst (maks ${max} tegn).`,
      badChoice: 'Velg et av alternativene i listen.',
      badDate: 'Ugyldig dato eller klokkeslett.',
    },
  },
};

const en: ChannelStrings = {
  link: {
    triage: (desk) =>
      `This channel is now **${desk}**'s triage channel. New cases are posted here as threads, with cards kept up to date.`,
    notices: (desk) => `Service notices from **${desk}** are now published in this channel too.`,
    whoMayAct: (names) => `Only members of the desk may link channels and act on cases: ${names}.`,
    group: 'members of the Entra group',
    onlyInChannel: 'Channels are linked in a Teams channel: write **@Fristvakt koble <desk>** there.',
    usage: (desks) =>
      `Write **@Fristvakt koble <desk>** or **@Fristvakt koble driftsmeldinger <desk>**. Desks: ${desks}.`,
    unknownDesk: (arg, desks) => `I do not know the desk "${arg}". Choose one of: ${desks}.`,
    notMember: (desk) => `Only members of ${desk} may link channels for it. Nothing was changed.`,
    alreadyNotices: (desk) => `This channel already receives ${desk}'s service notices.`,
  },
  card: {
    newCase: 'New case',
    service: 'Service',
    org: 'Organisation',
    reporter: 'Reporter',
    scope: 'Scope',
    priority: 'Priority',
    status: 'Status',
    assignee: 'Assignee',
    nobody: 'Nobody yet',
    line: 'With',
    supplierCase: "Supplier's case no.",
    response: 'Response',
    resolution: 'Resolution',
    due: (when) => `due ${when}`,
    left: (amount) => `${amount} left`,
    late: (amount) => `${amount} late`,
    pausedLeft: (amount) => `paused, ${amount} left`,
    met: 'met',
    noTarget: 'no deadline',
    business: 'business time',
    deadlines: 'Deadlines',
    overall: {
      on_track: '● On track',
      at_risk: '▲ At risk',
      breached: '■ Breached',
      paused: '‖ Paused',
      done: '✓ Done',
    },
    parent: (ref) => `Child case of ${ref}`,
    children: (n) => `Parent case of a major incident: ${n} child ${n === 1 ? 'case' : 'cases'}`,
    readOnly: 'Only members of the desk may act on the case.',
    asOf: (when) => `Updated ${when}`,
  },
  actions: {
    claim: 'Take case',
    assign: 'Assign',
    priority: 'Change priority',
    wait: 'Waiting',
    resume: 'Resume',
    escalate: 'Escalate',
    solve: 'Solve',
    link: 'Link to parent case',
    notice: 'Create service notice',
    save: 'Save',
    more: 'More …',
    incident: 'Major incident / notice …',
    assignee: 'Assign to',
    newPriority: 'New priority',
    priorityReason: 'Reason (optional)',
    waitReason: 'What is the case waiting on?',
    supplierCaseNumber: "Supplier's case number",
    note: 'Note (optional)',
    toLine: 'Escalate to',
    supplierName: 'Supplier',
    solution: 'Solution',
    solutionPlaceholder: 'What was done? The reporter gets this text.',
    childrenToo: (n) => `Also solves ${n} child ${n === 1 ? 'case' : 'cases'} with the same solution.`,
    parentRef: 'Parent case reference',
    parentPlaceholder: 'FV-2026-000123',
  },
  done: {
    claimed: 'took the case',
    assigned: (who) => `assigned the case to ${who}`,
    priority: (to) => `changed the priority to ${to}`,
    waiting: (reason, no) => `set the case to ${reason.toLowerCase()}${no ? ` (case no. ${no})` : ''}`,
    resumed: 'resumed the case',
    escalated: (to, supplier) =>
      `escalated the case to ${to.toLowerCase()}${supplier ? ` (${supplier})` : ''}`,
    solved: 'solved the case',
    solvedChildren: (n) =>
      `solved the case, and ${n} child ${n === 1 ? 'case' : 'cases'} with the same solution`,
    linked: (parent) => `linked the case to parent case ${parent}`,
    childLinked: (child, count) => `linked ${child} as a child case (${count} in all)`,
    line: (who, what, when) => `${who} ${what} · ${when}`,
  },
  errors: {
    notMember: (desk) => `Only members of ${desk} may act on this case. Nothing was changed.`,
    notFound: (ref) => `Case ${ref} was not found.`,
    first: (who, what, when) => `${who} was first: ${what} (${when}). Here is the case as it is now.`,
    changedMeanwhile: 'The case changed in the meantime. Here it is as it is now; try again if needed.',
    illegal: (status) => `That cannot be done while the case is ${status}.`,
    required: (field) => `${field}: required.`,
    tooLong: (field, max) => `${field}: too long (at most ${max} characters).`,
    badChoice: (field) => `${field}: choose one of the options.`,
    alreadyYours: 'The case is already yours.',
    alreadyAssigned: (who) => `The case is already assigned to ${who}.`,
    samePriority: 'The case already has that priority.',
    sameWait: 'The case is already waiting on that.',
    sameLine: 'The case is already with that line.',
    badParent: 'The parent must be another open case of the same desk that is not a child case itself.',
    generic: 'Something went wrong. Nothing was changed; please try again.',
    title: 'Not done',
  },
  notice: {
    formTitle: 'New service notice',
    formIntro: 'Fill in and publish to the channels you choose. Fields marked * are required.',
    kind: 'Kind',
    services: 'Affected services',
    title: 'Headline',
    titlePlaceholder: 'E.g. "Gerica unavailable"',
    startDate: 'Start (date)',
    startTime: 'Start (time)',
    endDate: 'Expected end (date)',
    endTime: 'Expected end (time)',
    text: 'Message',
    textPlaceholder: 'What is happening, who is affected, what users should do',
    shortNoticeReason: 'Reason for short notice',
    shortNoticeHint:
      'Planned maintenance is announced at least 3 days ahead (SLA §6.2), or the short notice is explained.',
    channels: 'Publish in channels',
    noChannels:
      'The desk has no notice channel yet. Write @Fristvakt koble driftsmeldinger <desk> in a channel.',
    publish: 'Publish',
    fixErrors: 'Something is missing or wrong. See the messages at the fields.',
    kinds: { outage: 'Outage', degraded: 'Degraded service', planned_maintenance: 'Planned maintenance' },
    status: { active: 'Active', resolved: 'Resolved' },
    start: 'Start',
    expectedEnd: 'Expected end',
    resolvedAt: 'Resolved',
    unknownEnd: 'unknown',
    affected: 'Affected services',
    hovedsak: 'Parent case',
    linkedCases: (n) => `${n} ${n === 1 ? 'case' : 'cases'} linked to the notice`,
    update: 'Update',
    updateText: 'Update',
    resolve: 'Resolved',
    resolveText: 'Closing message (optional)',
    published: (n) => `The notice is published in ${n} ${n === 1 ? 'channel' : 'channels'}.`,
    updatedReply: (who, when, text) => `Updated by ${who} · ${when}: ${text}`,
    resolvedReply: (who, when) => `✓ Resolved · ${who} · ${when}`,
    reporterResolved: (ref, title) =>
      `The service notice "${title}" your case ${ref} is linked to is resolved. Tell us if the fault is still there.`,
    notFound: 'The notice was not found.',
    alreadyResolved: 'The notice is already resolved.',
    threeDays:
      'Planned maintenance must be announced at least 3 days before it starts, or give a reason for the short notice.',
    startInPast: 'Planned maintenance cannot start in the past.',
    endBeforeStart: 'The expected end must be after the start.',
    noDesk: 'This channel is not linked to a desk. Write @Fristvakt koble <desk> first.',
    field: {
      required: 'Required.',
      tooLong: (max) => `Too long (at most ${max} characters).`,
      badChoice: 'Choose one of the options in the list.',
      badDate: 'Not a valid date or time.',
    },
  },
};

export const channelStrings = (locale: Locale): ChannelStrings => (locale === 'en' ? en : nb);
