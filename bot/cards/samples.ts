/**
 * Representative data for every chat card of the bot, in both languages: the card test validates each
 * with the `adaptivecards` library, and `scripts/render-cards.ts` renders each to `docs/cards/<name>.png`.
 */
import { estimateApprovalCard, orderCatalogueCard, orderFormCard } from './order-form';
import type { CaseEvent } from '../../shared/cases/model';
import { eventId, isoInstant, userId } from '../../shared/ids';
import type { Locale } from '../../shared/i18n-text';
import type { CardJson } from './card';
import { caseStatusCard } from './case-status';
import { caseUpdateCard } from './case-update';
import { confirmationCard } from './confirmation';
import { faultFormCard } from './fault-form';
import { helpCard } from './help';
import { messageCard } from './message';
import { myCasesCard } from './my-cases';
import { noticeChoiceCard } from './notice-choice';
import { noticesListCard } from './notices-list';
import { solutionCard } from './solution';
import { welcomeCard } from './welcome';
import { commentNoticeCard } from './comment-notice';
import { deadlineProposalCard } from './deadline-proposal';
import { AFTER_HOURS } from '../seed/desks';
import { strings } from '../i18n/strings';
import { channelSampleCards } from './channel/samples';
import { caseLinkCard } from './case-link';
import { faultDialogOpenerCard } from './fault-dialog';

const nbOrEn = (locale: Locale, nb: string, en: string): string => (locale === 'nb' ? nb : en);

const at = (iso: string): Date => new Date(iso);
const kari = { kind: 'user' as const, id: userId('aad-kari'), name: 'Kari Nordmann' };
const siri = { kind: 'user' as const, id: userId('desk-siri'), name: 'Siri Saksbehandler' };
const ev = (n: number, iso: string, body: Record<string, unknown>, by = siri): CaseEvent =>
  ({ id: eventId(`e${n}`), at: isoInstant(at(iso)), by, ...body }) as CaseEvent;

const FORM_BASE = {
  clientKey: '7d4c1e9a-0000-4000-8000-000000000001',
  desks: [
    { id: 'ror-ikt', name: 'ROR-IKT Kundeservice' },
    { id: 'byarkivet', name: 'Byarkivet WebSak-støtte' },
    { id: 'uke', name: 'UKE Servicesenter' },
  ],
  deskId: 'ror-ikt',
  services: [
    { id: 'ror-cosdoc', name: 'CosDoc (legevakt)' },
    { id: 'ror-epost', name: 'E-post og kalender' },
    { id: 'ror-gerica', name: 'Gerica (pleie og omsorg)' },
    { id: 'ror-visma', name: 'Visma Enterprise (lønn og personal)' },
  ],
  orgs: [
    { id: 'aukra', name: 'Aukra kommune' },
    { id: 'molde', name: 'Molde kommune' },
    { id: 'rauma', name: 'Rauma kommune' },
    { id: 'vestnes', name: 'Vestnes kommune' },
  ],
  today: '2026-03-03',
};

const SOLUTION_TEXT =
  'Tilgangen din i Visma var feil satt opp etter omorganiseringen. Den er rettet; logg ut og inn igjen.';

const ORDER_SERVICE = {
  id: 'ror-bestill-integrasjon',
  name: 'Ny integrasjon mot fagsystem',
  description:
    'Oppsett av en integrasjon mellom to fagsystemer, utført av leverandøren. Du får et estimat i timer som du må godkjenne før arbeidet starter.',
  priceText: 'Etter medgått tid (estimat i timer)',
  deliveryWorkingDays: 10,
  needsApproval: true,
  billing: { kind: 'resource_number' as const, example: 'R12345' },
};

function orderSampleCards(locale: Locale): Record<string, CardJson> {
  const s = strings(locale).order;
  return {
    'order-catalogue': orderCatalogueCard({
      locale,
      services: [
        {
          id: 'ror-bestill-pc',
          name: 'Ny PC',
          description: 'Bærbar PC til ansatt, ferdig installert og registrert i Intune.',
          priceText: 'kr 8 900 per PC',
          deliveryWorkingDays: 5,
          needsApproval: false,
          billing: { kind: 'cost_centre', example: '4410' },
        },
        ORDER_SERVICE,
      ],
    }),
    'order-form': orderFormCard({
      locale,
      clientKey: '7d4c1e9a-0000-4000-8000-000000000002',
      service: ORDER_SERVICE,
      values: {
        orderWhat: 'Integrasjon mellom Gerica og Visma for turnusdata',
        orderForWhom: 'Hjemmetjenesten i Molde',
        orderBillingReference: '12345',
        orderRole: 'administrator',
      },
      errors: { orderBillingReference: s.errors.billingFormat('R12345'), orderContacts: s.errors.required },
    }),
    'estimate-approval': estimateApprovalCard({
      locale,
      ref: 'BE-2026-000001',
      title: 'Ny integrasjon mot fagsystem: Integrasjon mellom Gerica og Visma for turnusdata',
      estimateId: 'e4',
      hours: 7.5,
      text: 'Oppsett og test av integrasjonen; analysen er gjort.',
      priceText: 'Etter medgått tid (estimat i timer)',
    }),
  };
}

export function sampleCards(locale: Locale): Record<string, CardJson> {
  const s = strings(locale);
  const nb = locale === 'nb';
  return {
    welcome: welcomeCard({ locale, firstName: 'Kari' }),
    help: helpCard({ locale }),
    'fault-form': faultFormCard({
      ...FORM_BASE,
      locale,
      values: {
        desk: 'ror-ikt',
        org: 'molde',
        startedDate: '2026-03-03',
        startedTime: '09:40',
        reporterRole: 'employee',
        testContact: 'Kari Nordmann',
      },
      errors: {},
    }),
    'fault-form-errors': faultFormCard({
      ...FORM_BASE,
      locale,
      values: {
        desk: 'ror-ikt',
        service: 'ror-visma',
        org: 'molde',
        title: 'Lønnsslipp',
        symptom: 'Blank',
        scope: 'me',
        availability: 'partial',
        startedDate: '2026-03-04',
        startedTime: '09:40',
        reporterRole: 'employee',
      },
      errors: {
        symptom: s.errors.tooShort(10),
        triedSoFar: s.errors.required,
        startedDate: s.errors.future,
      },
    }),
    'notice-choice': noticeChoiceCard({
      locale,
      clientKey: FORM_BASE.clientKey,
      serviceName: 'E-post og kalender',
      values: { service: 'ror-epost', title: 'Får ikke sendt e-post' },
      notices: [
        {
          id: 'n-1',
          kind: 'outage',
          title: 'E-post er nede for alle kommunene',
          text: 'Leverandøren feilsøker. Neste oppdatering kl. 12.',
          expectedEndAt: at('2026-03-03T13:00:00Z'),
        },
      ],
    }),
    confirmation: confirmationCard({
      locale,
      ref: 'FV-2026-000123',
      priorityLabel: locale === 'nb' ? 'Middels' : 'Medium',
      critical: false,
      deskName: 'ROR-IKT Kundeservice',
      deskPhone: '71 11 11 66',
      deskOpen: true,
      responseDueAt: at('2026-03-03T12:00:00Z'),
      resolutionDueAt: at('2026-03-06T09:00:00Z'),
      responseClock: { time: nb ? '3 t arbeidstid igjen' : '3 h business time left', late: false },
      resolutionClock: { time: nb ? '3 d arbeidstid igjen' : '3 d business time left', late: false },
      linkedToNotice: false,
      replay: false,
    }),
    'confirmation-critical': confirmationCard({
      locale,
      ref: 'FV-2026-000124',
      priorityLabel: locale === 'nb' ? 'Kritisk' : 'Critical',
      critical: true,
      deskName: 'ROR-IKT Kundeservice',
      deskPhone: '71 11 11 66',
      deskOpen: true,
      responseDueAt: at('2026-03-03T09:15:00Z'),
      resolutionDueAt: at('2026-03-03T11:00:00Z'),
      linkedToNotice: false,
      replay: false,
    }),
    'confirmation-critical-known': confirmationCard({
      locale,
      ref: 'FV-2026-000125',
      priorityLabel: locale === 'nb' ? 'Kritisk' : 'Critical',
      critical: true,
      deskName: 'ROR-IKT Kundeservice',
      deskPhone: '71 11 11 66',
      deskOpen: true,
      responseDueAt: at('2026-03-03T09:15:00Z'),
      resolutionDueAt: at('2026-03-03T11:00:00Z'),
      linkedToNotice: true,
      replay: false,
    }),
    'confirmation-critical-closed': confirmationCard({
      locale,
      ref: 'FV-2026-000126',
      priorityLabel: locale === 'nb' ? 'Kritisk' : 'Critical',
      critical: true,
      deskName: 'UKE Servicesenter',
      deskPhone: '23 47 70 70',
      deskOpen: false,
      deskOpensAt: nb ? 'i morgen kl. 08:00' : 'tomorrow at 08:00',
      afterHours: AFTER_HOURS.uke,
      responseDueAt: at('2026-03-04T07:15:00Z'),
      resolutionDueAt: at('2026-03-04T09:00:00Z'),
      responseClock: {
        time: nb ? '15 min arbeidstid igjen' : '15 min business time left',
        note: nb ? 'klokken står – starter i morgen kl. 08:00' : 'clock stopped – starts tomorrow at 08:00',
        late: false,
      },
      resolutionClock: {
        time: nb ? '2 t arbeidstid igjen' : '2 h business time left',
        note: nb ? 'klokken står – starter i morgen kl. 08:00' : 'clock stopped – starts tomorrow at 08:00',
        late: false,
      },
      linkedToNotice: false,
      replay: false,
    }),
    'my-cases': myCasesCard({
      locale,
      open: [
        {
          ref: 'FV-2026-000124',
          title: 'Gerica er nede på sykehjemmet',
          status: 'in_progress',
          priorityLabel: 'Kritisk',
          clock: { time: nb ? '42 min igjen' : '42 min left', late: false },
        },
        {
          ref: 'FV-2026-000123',
          title: 'Lønnsslippen vises ikke',
          status: 'new',
          priorityLabel: 'Middels',
          clock: { time: nb ? '35 min arbeidstid over fristen' : '35 min business time late', late: true },
        },
        {
          ref: 'FV-2026-000120',
          title: 'VPN faller ut hjemme',
          status: 'waiting',
          priorityLabel: 'Lav',
          clock: {
            time: nb ? '2 d 3 t arbeidstid igjen' : '2 d 3 h business time left',
            note: nb ? 'frist flyttes når saken fortsetter' : 'deadline moves when the case resumes',
            late: false,
          },
          followed: true,
        },
      ],
      recent: [
        { ref: 'FV-2026-000101', title: 'Skriveren i 2. etasje', status: 'closed', priorityLabel: 'Lav' },
      ],
    }),
    'case-status': caseStatusCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      serviceName: 'Visma Enterprise (lønn og personal)',
      status: 'waiting',
      priorityLabel: 'Middels',
      assigneeName: 'Siri Saksbehandler',
      supplierCaseNumber: 'VISMA-4711',
      responseDueAt: at('2026-03-03T12:00:00Z'),
      resolutionDueAt: at('2026-03-06T09:00:00Z'),
      resolutionClock: {
        time: nb ? '2 d 3 t arbeidstid igjen' : '2 d 3 h business time left',
        note: nb ? 'frist flyttes når saken fortsetter' : 'deadline moves when the case resumes',
        late: false,
      },
      events: [
        ev(1, '2026-03-03T09:00:00Z', { type: 'created', priority: 'middels' }, kari),
        ev(2, '2026-03-03T09:20:00Z', { type: 'claimed', assignee: siri }),
        ev(3, '2026-03-03T09:25:00Z', { type: 'comment', visibility: 'public', text: 'Vi ser på det nå.' }),
        ev(4, '2026-03-03T10:05:00Z', {
          type: 'waiting_started',
          reason: 'supplier',
          supplierCaseNumber: 'VISMA-4711',
        }),
      ],
      priorityLabelOf: (id) => ({ middels: 'Middels' })[id] ?? id,
    }),
    'case-status-solved': caseStatusCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      serviceName: 'Visma Enterprise (lønn og personal)',
      status: 'solved',
      priorityLabel: 'Middels',
      assigneeName: 'Siri Saksbehandler',
      solution: { text: SOLUTION_TEXT, answer: true },
      events: [
        ev(1, '2026-03-03T09:00:00Z', { type: 'created', priority: 'middels' }, kari),
        ev(2, '2026-03-03T09:20:00Z', { type: 'claimed', assignee: siri }),
        ev(3, '2026-03-03T11:05:00Z', { type: 'solved', solution: SOLUTION_TEXT }),
      ],
      priorityLabelOf: (id) => ({ middels: 'Middels' })[id] ?? id,
      conversation: { support: false, followerNames: [] },
    }),
    solution: solutionCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      solution:
        'Tilgangen din i Visma var feil satt opp etter omorganiseringen. Den er rettet; logg ut og inn igjen.',
      autoCloseWorkingDays: 5,
    }),
    'solution-comment-required': solutionCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      solution: 'Tilgangen din i Visma er rettet.',
      autoCloseWorkingDays: 5,
      comment: '',
      commentError: s.errors.commentRequired,
    }),
    'solution-answered': solutionCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      solution: SOLUTION_TEXT,
      autoCloseWorkingDays: 5,
      answered: { accepted: true },
    }),
    'solution-rejected': solutionCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      solution: SOLUTION_TEXT,
      autoCloseWorkingDays: 5,
      answered: { accepted: false, comment: 'Lønnsslippen for februar er fortsatt blank.' },
    }),
    'comment-notice': commentNoticeCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      author: 'Siri Saksbehandler',
      text: 'Hei Kari, kan du sende et skjermbilde av feilen?',
      addressee: 'Kari',
    }),
    'deadline-proposal': deadlineProposalCard({
      locale,
      ref: 'FV-2026-000123',
      title: 'Lønnsslippen vises ikke',
      proposalId: 'e7',
      dueAt: at('2026-03-20T13:00:00Z'),
      currentDueAt: at('2026-03-16T08:00:00Z'),
      reason: 'Venter på en rettelse fra leverandøren',
    }),
    'case-update': caseUpdateCard({
      locale,
      ref: 'FV-2026-000123',
      message: s.update.waitingSupplier('FV-2026-000123', 'VISMA-4711'),
    }),
    'notices-list': noticesListCard({
      locale,
      notices: [
        {
          kind: 'outage',
          title: 'E-post er nede for alle kommunene',
          text: 'Leverandøren feilsøker.',
          deskName: 'ROR-IKT Kundeservice',
          serviceNames: ['E-post og kalender'],
          startsAt: at('2026-03-03T08:10:00Z'),
          expectedEndAt: at('2026-03-03T13:00:00Z'),
        },
        {
          kind: 'planned_maintenance',
          title: 'Oppgradering av WebSak',
          text: 'WebSak er utilgjengelig mens vi oppgraderer.',
          deskName: 'Byarkivet WebSak-støtte',
          serviceNames: ['WebSak', 'Offentlig postjournal'],
          startsAt: at('2026-03-07T16:00:00Z'),
          expectedEndAt: at('2026-03-07T20:00:00Z'),
        },
      ],
    }),
    'not-found': messageCard({ text: s.caseStatus.notFound('FV-2026-000999'), tone: 'warning' }),
    // Teams' own entry points: a case card from search or a pasted link, the dialog opener.
    'case-link': caseLinkCard({
      locale,
      ref: 'FV-2026-000123',
      title: nbOrEn(locale, 'Lønnsslippen vises ikke', 'The payslip does not show'),
      serviceName: 'Visma Enterprise HRM',
      status: 'in_progress',
      priorityLabel: nbOrEn(locale, 'Høy', 'High'),
      nextDueAt: at('2026-03-03T14:00:00Z'),
      url: 'https://fristvakt.example.no/tab/?case=FV-2026-000123',
    }),
    'fault-dialog-opener': faultDialogOpenerCard({
      locale,
      title: nbOrEn(locale, 'Gerica henger', 'Gerica hangs'),
    }),
    // Orders: the catalogue, the order form (a refused field), the estimate's approval card.
    ...orderSampleCards(locale),
    // The channel: the triage channel's and driftsmeldinger's cards.
    ...channelSampleCards(locale),
  };
}
