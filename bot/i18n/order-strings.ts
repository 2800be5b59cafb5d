/**
 * The words of orders (bestillinger) in Teams: the catalogue, the order form with its checklist (seed
 * 002 §7.3), the confirmation, the estimate and its approval card, the reminder, and the desk's estimate
 * and conversion. Bokmål first; English second. Spread into `strings(locale).order`.
 */
import type { BillingReferenceKind } from '../../shared/cases/model';

export interface OrderStrings {
  button: string;
  catalogueTitle: string;
  catalogueIntro: string;
  noServices: string;
  price: string;
  delivery: (days: number) => string;
  deliveryLabel: string;
  workingDays: (days: number) => string;
  noDelivery: string;
  needsApproval: string;
  billable: (kind: string) => string;
  orderThis: string;
  formTitle: (service: string) => string;
  formIntro: string;
  what: string;
  forWhom: string;
  earlierCommunication: string;
  earlierHint: string;
  billingLabel: Record<BillingReferenceKind, string>;
  billingExample: (example: string) => string;
  contactPersons: string;
  role: string;
  roles: { superuser: string; first_line: string; administrator: string };
  submit: string;
  fix: string;
  errors: {
    required: string;
    tooShort: (min: number) => string;
    tooLong: (max: number) => string;
    billingFormat: (example: string) => string;
    role: string;
    unknownService: string;
  };
  confirmed: (ref: string) => string;
  expectedDelivery: string;
  approvalFirst: string;
  replay: string;
  kindLabel: string;
  /** The order block of the desk's triage card: short labels, and an estimate's answer as a fact. */
  facts: {
    what: string;
    forWhom: string;
    contactPersons: string;
    earlierCommunication: string;
    estimate: string;
    approved: string;
    rejected: string;
    waiting: string;
  };
  estimate: {
    title: (ref: string) => string;
    intro: string;
    reminder: string;
    hours: string;
    text: string;
    reason: string;
    approve: string;
    reject: string;
    reasonRequired: string;
    approved: (ref: string) => string;
    rejected: (ref: string) => string;
    stale: string;
    answeredDesk: (ref: string, approved: boolean, reason?: string) => string;
    sendTitle: string;
    hoursLabel: string;
    textLabel: string;
    send: string;
    badHours: string;
    textRequired: string;
    waitingFollower: (ref: string, hours: string) => string;
  };
  gate: { missing: string; pending: string };
  convert: { toOrder: string; toFault: string; told: (ref: string, kind: string) => string };
}

const KIND_NB: Record<BillingReferenceKind, string> = {
  invoice_reference: 'Fakturareferanse',
  resource_number: 'Ressursnummer',
  cost_centre: 'Kostnadssted',
};
const KIND_EN: Record<BillingReferenceKind, string> = {
  invoice_reference: 'Invoice reference',
  resource_number: 'Resource number',
  cost_centre: 'Cost centre',
};

export const orderNb: OrderStrings = {
  button: 'Bestill',
  catalogueTitle: 'Bestill fra tjenestekatalogen',
  catalogueIntro: 'Velg tjenesten du vil bestille. Du fyller ut bestillingen i neste steg.',
  noServices: 'Det er ingen tjenester å bestille for virksomheten din ennå.',
  price: 'Pris',
  delivery: (days) => `Forventet levering: ${days} ${days === 1 ? 'virkedag' : 'virkedager'}`,
  deliveryLabel: 'Levering',
  workingDays: (days) => `${days} ${days === 1 ? 'virkedag' : 'virkedager'}`,
  noDelivery: 'Leveringstid avtales',
  needsApproval: 'Du får et estimat i timer som du må godkjenne før arbeidet starter.',
  billable: (kind) => `Fakturerbar: oppgi ${kind.toLowerCase()}`,
  orderThis: 'Bestill',
  formTitle: (service) => `Bestill: ${service}`,
  formIntro: 'Jo mer entydig bestillingen er, jo raskere kan den leveres (sjekkliste for bestilling).',
  what: 'Hva bestiller du?',
  forWhom: 'For hvem?',
  earlierCommunication: 'Tidligere kommunikasjon (oppsummert)',
  earlierHint: 'E-post og avtaler legger du ved saken etterpå.',
  billingLabel: KIND_NB,
  billingExample: (example) => `Eksempel: ${example}`,
  contactPersons: 'Kontaktpersoner hos virksomheten (navn og telefon)',
  role: 'Din rolle',
  roles: { superuser: 'Superbruker', first_line: '1. linje', administrator: 'Forvalter' },
  submit: 'Send bestillingen',
  fix: 'Noe mangler. Rett feltene som er merket, så sender du på nytt.',
  errors: {
    required: 'Dette feltet må fylles ut.',
    tooShort: (min) => `Skriv minst ${min} tegn.`,
    tooLong: (max) => `Skriv høyst ${max} tegn.`,
    billingFormat: (example) => `Formatet stemmer ikke. Eksempel: ${example}`,
    role: 'Velg rollen din.',
    unknownService: 'Tjenesten kan ikke bestilles lenger. Skriv «bestill» for å se katalogen.',
  },
  confirmed: (ref) => `Takk! Bestillingen er registrert: ${ref}`,
  expectedDelivery: 'Forventet levering',
  approvalFirst: 'Du får først et estimat i timer. Leveringstiden regnes fra du har godkjent det.',
  replay: 'Denne bestillingen var allerede sendt.',
  kindLabel: 'Bestilling',
  facts: {
    what: 'Bestilt',
    forWhom: 'For',
    contactPersons: 'Kontakter',
    earlierCommunication: 'Tidligere dialog',
    estimate: 'Estimat',
    approved: 'godkjent',
    rejected: 'avvist',
    waiting: 'venter på svar',
  },
  estimate: {
    title: (ref) => `Estimat for ${ref}`,
    intro: 'Godkjenn estimatet for at arbeidet skal starte. Svar i en kommentar godkjenner ikke.',
    reminder: 'Påminnelse: estimatet venter fortsatt på svaret ditt.',
    hours: 'Timer',
    text: 'Hva estimatet gjelder',
    reason: 'Begrunnelse (påkrevd ved avvisning)',
    approve: 'Godkjenn',
    reject: 'Avvis',
    reasonRequired: 'Skriv hvorfor du avviser estimatet.',
    approved: (ref) => `Du har godkjent estimatet for ${ref}. Arbeidet kan starte.`,
    rejected: (ref) => `Du har avvist estimatet for ${ref}. Servicesenteret sender et nytt.`,
    stale: 'Estimatet er erstattet av et nyere, eller allerede besvart.',
    answeredDesk: (ref, approved, reason) =>
      approved
        ? `Bestilleren godkjente estimatet for ${ref}.`
        : `Bestilleren avviste estimatet for ${ref}${reason ? `: ${reason}` : '.'}`,
    sendTitle: 'Send estimat',
    hoursLabel: 'Timer (estimat, ikke fastpris)',
    textLabel: 'Hva estimatet gjelder',
    send: 'Send estimat',
    badHours: 'Oppgi timer som et tall, i kvarter (for eksempel 7,5).',
    textRequired: 'Skriv hva estimatet gjelder.',
    waitingFollower: (ref, hours) => `${ref}: estimat på ${hours} venter på godkjenning.`,
  },
  gate: {
    missing: 'Bestillingen trenger et godkjent estimat før arbeidet starter. Send estimat først.',
    pending: 'Estimatet er ikke godkjent av bestilleren ennå. Saken kan ikke settes under arbeid.',
  },
  convert: {
    toOrder: 'Gjør om til bestilling',
    toFault: 'Gjør om til feilmelding',
    told: (ref, kind) =>
      `${ref} er gjort om til ${kind.toLowerCase()}. Historikken og kommentarene er beholdt.`,
  },
};

export const orderEn: OrderStrings = {
  button: 'Order',
  catalogueTitle: 'Order from the service catalogue',
  catalogueIntro: 'Choose the service to order. You fill in the order in the next step.',
  noServices: 'There are no services to order for your organisation yet.',
  price: 'Price',
  delivery: (days) => `Expected delivery: ${days} working ${days === 1 ? 'day' : 'days'}`,
  deliveryLabel: 'Delivery',
  workingDays: (days) => `${days} working ${days === 1 ? 'day' : 'days'}`,
  noDelivery: 'Delivery time is agreed',
  needsApproval: 'You get an estimate in hours to approve before the work starts.',
  billable: (kind) => `Billable: give the ${kind.toLowerCase()}`,
  orderThis: 'Order',
  formTitle: (service) => `Order: ${service}`,
  formIntro: 'The clearer the order, the sooner it can be delivered (order checklist).',
  what: 'What are you ordering?',
  forWhom: 'For whom?',
  earlierCommunication: 'Earlier communication (summary)',
  earlierHint: 'Attach e-mails and agreements to the case afterwards.',
  billingLabel: KIND_EN,
  billingExample: (example) => `Example: ${example}`,
  contactPersons: 'Contact persons at the organisation (name and phone)',
  role: 'Your role',
  roles: { superuser: 'Superuser', first_line: 'First line', administrator: 'Administrator' },
  submit: 'Send the order',
  fix: 'Something is missing. Correct the marked fields and send again.',
  errors: {
    required: 'This field is required.',
    tooShort: (min) => `Write at least ${min} characters.`,
    tooLong: (max) => `Write at most ${max} characters.`,
    billingFormat: (example) => `The format does not match. Example: ${example}`,
    role: 'Choose your role.',
    unknownService: 'The service can no longer be ordered. Type "order" to see the catalogue.',
  },
  confirmed: (ref) => `Thank you! Your order is registered: ${ref}`,
  expectedDelivery: 'Expected delivery',
  approvalFirst: 'You first get an estimate in hours. The delivery time counts from your approval.',
  replay: 'This order had already been sent.',
  kindLabel: 'Order',
  facts: {
    what: 'Ordered',
    forWhom: 'For',
    contactPersons: 'Contacts',
    earlierCommunication: 'Earlier contact',
    estimate: 'Estimate',
    approved: 'approved',
    rejected: 'rejected',
    waiting: 'awaiting the answer',
  },
  estimate: {
    title: (ref) => `Estimate for ${ref}`,
    intro: 'Approve the estimate for the work to start. An answer in a comment does not approve it.',
    reminder: 'Reminder: the estimate is still waiting for your answer.',
    hours: 'Hours',
    text: 'What the estimate covers',
    reason: 'Reason (required to reject)',
    approve: 'Approve',
    reject: 'Reject',
    reasonRequired: 'Say why you reject the estimate.',
    approved: (ref) => `You approved the estimate for ${ref}. The work can start.`,
    rejected: (ref) => `You rejected the estimate for ${ref}. The service desk will send a new one.`,
    stale: 'The estimate was replaced by a newer one, or already answered.',
    answeredDesk: (ref, approved, reason) =>
      approved
        ? `The orderer approved the estimate for ${ref}.`
        : `The orderer rejected the estimate for ${ref}${reason ? `: ${reason}` : '.'}`,
    sendTitle: 'Send estimate',
    hoursLabel: 'Hours (an estimate, not a fixed price)',
    textLabel: 'What the estimate covers',
    send: 'Send estimate',
    badHours: 'Give the hours as a number, in quarter hours (e.g. 7.5).',
    textRequired: 'Say what the estimate covers.',
    waitingFollower: (ref, hours) => `${ref}: an estimate of ${hours} awaits approval.`,
  },
  gate: {
    missing: 'The order needs an approved estimate before work starts. Send an estimate first.',
    pending: 'The orderer has not approved the estimate yet. The case cannot be put in progress.',
  },
  convert: {
    toOrder: 'Convert to order',
    toFault: 'Convert to fault',
    told: (ref, kind) => `${ref} is now a ${kind.toLowerCase()}. Its history and comments are kept.`,
  },
};
