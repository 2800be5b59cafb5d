/**
 * Representative data for every card of the channel flow, in both languages. Spread into the bot's
 * `sampleCards` (cards/samples.ts): the card test validates each with the `adaptivecards` library, and
 * `scripts/render-cards.ts` renders each to `docs/cards/<name>.png`.
 */
import type { Locale } from '../../../shared/i18n-text';
import type { CardJson } from '../card';
import { channelErrorCard } from './error-card';
import { channelHelpCard } from './help-card';
import { noticeCard, type NoticeCardData } from './notice-card';
import { noticeForm } from './notice-form';
import { fellesfeilProposalCard } from './fellesfeil-proposal';
import { fellesfeilReason } from '../../../shared/cases/fellesfeil-detector';
import { triageCard, type TriageActions, type TriageCardData } from './triage-card';
import { strings } from '../../i18n/strings';
import type { TriageOrder } from './order-parts';

const MEMBERS: Array<[string, string]> = [
  ['aad-anne', 'Anne Desk'],
  ['aad-bjorn', 'Bjørn Desk'],
];

function base(locale: Locale): TriageCardData {
  const nb = locale === 'nb';
  return {
    locale,
    ref: 'FV-2026-000123',
    version: '3',
    title: 'Lønnsslippen vises ikke',
    service: 'Visma Enterprise (lønn og personal)',
    org: 'Molde kommune',
    reporter: 'Kari Nordmann',
    scope: nb ? 'Min avdeling' : 'My department',
    priority: nb ? 'Middels' : 'Medium',
    priorityLevel: 3,
    critical: false,
    status: nb ? 'Ny' : 'New',
    line: nb ? '2. linje' : 'Second line',
    overall: 'on_track',
    targets: [
      {
        label: nb ? 'Responstid' : 'Response',
        text: nb
          ? 'frist tirsdag 3. mars kl. 13:00 · 2 t 45 min arbeidstid igjen'
          : 'due Tuesday 3 March at 13:00 · 2 h 45 min business time left',
        state: 'on_track',
      },
      {
        label: nb ? 'Løsningstid' : 'Resolution',
        text: nb
          ? 'frist fredag 6. mars kl. 10:15 · 2 d 7 t arbeidstid igjen'
          : 'due Friday 6 March at 10:15 · 2 d 7 h business time left',
        state: 'on_track',
      },
    ],
    childCount: 0,
    checklist: {
      symptom: nb
        ? 'Lønnsslippen for februar vises som en tom side i Visma. Kollegene på samme avdeling ser sin.'
        : 'The February payslip shows as a blank page in Visma. Colleagues in the same department see theirs.',
      triedSoFar: nb
        ? 'Logget ut og inn, prøvd en annen nettleser.'
        : 'Signed out and in, tried another browser.',
      startedAt: '03.03.2026, 08:30',
      reporterRole: nb ? 'Sluttbruker' : 'Employee',
      testContact: 'Kari Nordmann',
      availability: nb ? 'Deler av tjenesten fungerer' : 'Part of the service works',
    },
    caseUrl: 'https://fristvakt.example.no/tab/?case=FV-2026-000123',
    asOf: '03.03.2026, 10:15',
    refreshUserIds: MEMBERS.map(([id]) => id),
  };
}

const actions = (locale: Locale, over: Partial<TriageActions> = {}): TriageActions => ({
  claim: true,
  resume: false,
  assign: { members: MEMBERS },
  priority: {
    priorities: [
      ['kritisk', 'Kritisk'],
      ['hoy', locale === 'nb' ? 'Høy' : 'High'],
      ['middels', locale === 'nb' ? 'Middels' : 'Medium'],
      ['lav', locale === 'nb' ? 'Lav' : 'Low'],
    ],
    current: 'middels',
  },
  wait: {
    reasons: [
      ['supplier', locale === 'nb' ? 'Avventer leverandør' : 'Waiting on supplier'],
      ['third_line', locale === 'nb' ? 'Avventer 3. linje' : 'Waiting on third line'],
      ['reporter', locale === 'nb' ? 'Avventer innmelder' : 'Waiting on reporter'],
    ],
  },
  escalate: {
    lines: [
      ['third', locale === 'nb' ? '3. linje' : 'Third line'],
      ['supplier', locale === 'nb' ? 'Driftsleverandør' : 'Supplier'],
    ],
    supplier: 'Visma',
  },
  solve: { childCount: 0 },
  link: true,
  notice: true,
  ...over,
});

function notice(locale: Locale, over: Partial<NoticeCardData> = {}): NoticeCardData {
  const nb = locale === 'nb';
  return {
    locale,
    id: '0b6a7c1e-0000-4000-8000-000000000042',
    deskId: 'ror-ikt',
    version: '2026-03-03T09:30:00.000Z',
    kind: 'planned_maintenance',
    status: 'active',
    title: nb ? 'Oppgradering av Visma' : 'Visma upgrade',
    text: nb
      ? 'Visma er utilgjengelig mens det oppgraderes. Lagre arbeidet ditt før kl. 16.'
      : 'Visma is unavailable during the upgrade. Save your work before 16:00.',
    deskName: 'ROR-IKT Kundeservice',
    services: ['Visma Enterprise (lønn og personal)'],
    startsAt: '05.03.2026, 16:00',
    expectedEndAt: '05.03.2026, 20:00',
    shortNoticeReason: nb ? 'Sikkerhetsoppdatering fra leverandør' : 'Security update from the supplier',
    linkedCount: 0,
    actions: true,
    ...over,
  };
}

/** An order for an integration, billed to a cost centre, with its estimates so far. */
function order(locale: Locale, estimates: string[], gate?: string): TriageOrder {
  const nb = locale === 'nb';
  return {
    what: nb
      ? 'Integrasjon mellom Gerica og Visma for turnusdata'
      : 'Integration between Gerica and Visma for rota data',
    forWhom: nb ? 'Hjemmetjenesten i Molde' : 'Home care in Molde',
    earlierCommunication: nb
      ? 'Avklart med virksomhetsleder på møte 24. februar; e-posten ligger ved.'
      : 'Agreed with the head of unit at a meeting on 24 February; the e-mail is attached.',
    contactPersons: 'Kari Nordmann, Ola Hansen',
    billing: { label: nb ? 'Koststed' : 'Cost centre', reference: '12345' },
    priceText: nb ? '1 150 kr per time' : 'NOK 1,150 per hour',
    delivery: nb ? 'fredag 20. mars kl. 16:00' : 'Friday 20 March at 16:00',
    estimates,
    ...(gate ? { gate } : {}),
  };
}

/** The order's part of the triage card: no fault checklist, no scope; the desk member's actions. */
function orderCase(locale: Locale): TriageCardData {
  const nb = locale === 'nb';
  const { scope: _scope, checklist: _checklist, ...rest } = base(locale);
  return {
    ...rest,
    ref: 'BE-2026-000017',
    title: nb ? 'Integrasjon for turnusdata' : 'Integration for rota data',
    service: nb ? 'Integrasjoner (bestilling)' : 'Integrations (order)',
    priority: nb ? 'Middels' : 'Medium',
  };
}

export function channelSampleCards(locale: Locale): Record<string, CardJson> {
  const s = strings(locale).channel;
  const nb = locale === 'nb';
  return {
    'channel-triage-new': triageCard({ ...base(locale), actions: actions(locale) }),
    'channel-triage-critical': triageCard({
      ...base(locale),
      ref: 'FV-2026-000042',
      title: nb ? 'Gerica henger ved lagring av journalnotat' : 'Gerica hangs when saving a journal note',
      service: 'Gerica (pleie og omsorg)',
      scope: nb ? 'Hele virksomheten' : 'The whole organisation',
      priority: nb ? 'Kritisk' : 'Critical',
      priorityLevel: 1,
      critical: true,
      checklist: {
        symptom: nb
          ? 'Gerica henger når vi lagrer journalnotat på alle PC-ene på Kringstad sykehjem. Det kommer et timeglass i ca. 2 minutter og så feilmeldingen «Tidsavbrudd mot database (ORA-12170)». Notatet er borte etterpå. Nattevakten skrev notatene på papir, og vi har nå over 40 notater som venter. Det gjelder både stasjonære PC-er og nettbrettene på avdeling 2 og 3, på kablet nett og Wi-Fi.'
          : 'Gerica hangs when we save a journal note on every PC at Kringstad nursing home. An hourglass shows for about 2 minutes, then the error "Database timeout (ORA-12170)". The note is lost. The night shift wrote their notes on paper and more than 40 notes are now waiting. It happens on desktop PCs and on the tablets in wards 2 and 3, on cable and on Wi-Fi.',
        triedSoFar: nb
          ? 'Startet PC-ene på nytt, logget inn med en annen bruker.'
          : 'Restarted the PCs, signed in as another user.',
        startedAt: '03.03.2026, 07:45',
        reporterRole: nb ? 'Superbruker' : 'Superuser',
        testContact: 'Ola Hansen',
        availability: nb ? 'Hele tjenesten er utilgjengelig' : 'The whole service is unavailable',
      },
      notice: {
        title: nb ? 'Gerica utilgjengelig' : 'Gerica unavailable',
        url: 'https://teams.microsoft.com/l/message/19%3Adrift%40thread.tacv2/1700000000001',
      },
      targets: [
        {
          label: nb ? 'Responstid' : 'Response',
          text: nb
            ? 'frist tirsdag 3. mars kl. 10:15 · 12 min arbeidstid igjen'
            : 'due Tuesday 3 March at 10:15 · 12 min business time left',
          state: 'on_track',
        },
        {
          label: nb ? 'Løsningstid' : 'Resolution',
          text: nb
            ? 'frist tirsdag 3. mars kl. 12:00 · 1 t 57 min arbeidstid igjen'
            : 'due Tuesday 3 March at 12:00 · 1 h 57 min business time left',
          state: 'on_track',
        },
      ],
      actions: actions(locale),
    }),
    'channel-triage-solved': triageCard({
      ...base(locale),
      status: nb ? 'Løst' : 'Solved',
      assignee: 'Siri Servicesenter',
      overall: 'done',
      solution: nb
        ? 'Lønnsslippen var låst av en feil i tilgangsgruppen. Tilgangen er rettet; logg ut og inn igjen.'
        : 'The payslip was locked by a wrong access group. Access is fixed; sign out and in again.',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        { label: nb ? 'Løsningstid' : 'Resolution', text: nb ? 'oppfylt' : 'met', state: 'done' },
      ],
    }),
    'channel-triage-first': triageCard({
      ...base(locale),
      status: nb ? 'Under arbeid' : 'In progress',
      assignee: 'Anne Desk',
      overall: 'at_risk',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Løsningstid' : 'Resolution',
          text: nb
            ? 'frist tirsdag 3. mars kl. 13:00 · 35 min arbeidstid igjen'
            : 'due Tuesday 3 March at 13:00 · 35 min business time left',
          state: 'at_risk',
        },
      ],
      banner: { text: s.errors.first('Anne Desk', s.done.claimed, '03.03.2026, 10:14'), tone: 'warning' },
      actions: actions(locale, { claim: false }),
    }),
    'channel-triage-paused-hovedsak': triageCard({
      ...base(locale),
      status: nb ? 'Avventer leverandør' : 'Waiting on supplier',
      assignee: 'Bjørn Desk',
      line: nb ? 'Driftsleverandør' : 'Supplier',
      supplierCaseNumber: 'VISMA-4711',
      overall: 'paused',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Løsningstid' : 'Resolution',
          text: nb
            ? '2 d 3 t arbeidstid igjen · frist flyttes når saken fortsetter'
            : '2 d 3 h business time left · deadline moves when the case resumes',
          state: 'paused',
        },
      ],
      childCount: 4,
      actions: actions(locale, { claim: false, resume: true, solve: { childCount: 4 }, link: false }),
    }),
    'channel-triage-breached-readonly': triageCard({
      ...base(locale),
      priority: nb ? 'Høy' : 'High',
      priorityLevel: 2,
      status: nb ? 'Under arbeid' : 'In progress',
      assignee: 'Anne Desk',
      parentRef: 'FV-2026-000100',
      overall: 'breached',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Løsningstid' : 'Resolution',
          text: nb
            ? 'frist tirsdag 3. mars kl. 12:00 · 1 t 10 min arbeidstid over fristen'
            : 'due Tuesday 3 March at 12:00 · 1 h 10 min business time late',
          state: 'breached',
        },
      ],
    }),
    // Orders: the estimate sent and waiting for the orderer's answer; then approved and worked.
    'channel-triage-order-pending': triageCard({
      ...orderCase(locale),
      status: nb ? 'Avventer godkjenning' : 'Waiting for approval',
      overall: 'paused',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Levering' : 'Delivery',
          text: nb
            ? '10 d arbeidstid igjen · frist flyttes når estimatet er godkjent'
            : '10 d business time left · deadline moves when the estimate is approved',
          state: 'paused',
        },
      ],
      order: order(
        locale,
        [
          nb
            ? '7,5 timer: Oppsett og test av integrasjonen (venter på svar)'
            : '7.5 hours: Set-up and test of the integration (awaiting the answer)',
        ],
        strings(locale).order.gate.pending,
      ),
      actions: actions(locale, {
        claim: false,
        resume: false,
        assign: undefined,
        solve: undefined,
        wait: undefined,
        estimate: true,
      }),
    }),
    'channel-triage-order-approved': triageCard({
      ...orderCase(locale),
      status: nb ? 'Under arbeid' : 'In progress',
      assignee: 'Anne Desk',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Levering' : 'Delivery',
          text: nb
            ? 'frist fredag 20. mars kl. 16:00 · 9 d 4 t arbeidstid igjen'
            : 'due Friday 20 March at 16:00 · 9 d 4 h business time left',
          state: 'on_track',
        },
      ],
      order: order(locale, [
        nb
          ? '12 timer: Oppsett, test og dokumentasjon (avvist: For dyrt, kan vi droppe dokumentasjonen?)'
          : '12 hours: Set-up, test and documentation (rejected: Too costly, can we drop the documentation?)',
        nb
          ? '7,5 timer: Oppsett og test av integrasjonen (godkjent)'
          : '7.5 hours: Set-up and test of the integration (approved)',
      ]),
      actions: actions(locale, { claim: false, estimate: true, convertTo: 'fault' }),
    }),
    // A critical incident the operations supplier reported itself, before the desk's Ja/Nei.
    'channel-triage-supplier-incident': triageCard({
      ...base(locale),
      ref: 'FV-2026-000051',
      title: nb ? 'Databasetjeneren for Gerica svarer ikke' : 'The Gerica database server does not answer',
      service: 'Gerica (pleie og omsorg)',
      reporter: 'Visma Drift',
      priority: nb ? 'Kritisk' : 'Critical',
      priorityLevel: 1,
      critical: true,
      status: nb ? 'Ny' : 'New',
      line: nb ? 'Driftsleverandør' : 'Supplier',
      supplierCaseNumber: 'INC0042',
      supplierHold: { name: 'Visma Drift', since: '03.03.2026, 07:52', lastContact: '03.03.2026, 07:52' },
      checklist: {
        ...base(locale).checklist!,
        symptom: nb
          ? 'ORA-12170: tidsavbrudd mot databasen. Failover til reservenoden startet kl. 07:50.'
          : 'ORA-12170: database timeout. Failover to the standby node started at 07:50.',
        triedSoFar: nb
          ? 'Omstart av lytteren på databasetjeneren.'
          : 'Restart the listener on the database server.',
        startedAt: '03.03.2026, 07:45',
        availability: nb ? 'Hele tjenesten er utilgjengelig' : 'The whole service is unavailable',
      },
      incident: {
        supplier: 'Visma Drift',
        phone: '+47 22 00 00 00',
        email: 'drift@visma.example',
        informationOnly: false,
      },
      actions: actions(locale, { endUserInfo: true }),
    }),
    // A case with the supplier: where it is, and the escalation form's pick-list to move it on.
    'channel-triage-with-supplier': triageCard({
      ...base(locale),
      status: nb ? 'Avventer leverandør' : 'Waiting on supplier',
      assignee: 'Bjørn Desk',
      line: nb ? 'Driftsleverandør' : 'Supplier',
      supplierCaseNumber: 'INC0042',
      supplierHold: { name: 'Visma Drift', since: '03.03.2026, 09:40', lastContact: '03.03.2026, 10:05' },
      overall: 'paused',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Løsningstid' : 'Resolution',
          text: nb
            ? '2 d 3 t arbeidstid igjen · frist flyttes når saken fortsetter'
            : '2 d 3 h business time left · deadline moves when the case resumes',
          state: 'paused',
        },
      ],
      actions: actions(locale, {
        claim: false,
        resume: true,
        escalate: {
          // Moving on to another supplier: the holder is not offered, the one other is preselected.
          lines: [
            ['second', nb ? '2. linje' : 'Second line'],
            ['third', nb ? '3. linje' : 'Third line'],
            ['supplier', nb ? 'Driftsleverandør' : 'Supplier'],
          ],
          suppliers: [['tieto-drift', 'Tieto Drift']],
          supplierId: 'tieto-drift',
        },
      }),
    }),
    'channel-help': channelHelpCard({ locale }),
    'channel-error': channelErrorCard({ locale, message: s.errors.notMember('ROR-IKT Kundeservice') }),
    'channel-notice-form': noticeForm({
      locale,
      deskId: 'ror-ikt',
      deskName: 'ROR-IKT Kundeservice',
      noticeId: '0b6a7c1e-0000-4000-8000-000000000042',
      caseRef: 'FV-2026-000123',
      services: [
        ['ror-gerica', 'Gerica (pleie og omsorg)'],
        ['ror-visma', 'Visma Enterprise (lønn og personal)'],
      ],
      channels: [
        ['channel:19:team@thread.tacv2:19:drift-molde@thread.tacv2', 'Driftsmeldinger Molde'],
        ['channel:19:team@thread.tacv2:19:drift-aukra@thread.tacv2', 'Driftsmeldinger Aukra'],
      ],
      values: {
        kind: 'planned_maintenance',
        services: 'ror-visma',
        title: nb ? 'Oppgradering av Visma' : 'Visma upgrade',
        startDate: '2026-03-05',
        startTime: '16:00',
        endDate: '2026-03-05',
        endTime: '20:00',
        text: nb
          ? 'Visma er utilgjengelig mens det oppgraderes.'
          : 'Visma is unavailable during the upgrade.',
      },
      errors: { shortNoticeReason: s.notice.threeDays },
    }),
    'channel-notice': noticeCard(notice(locale)),
    'channel-fellesfeil-proposal': fellesfeilProposalCard({
      locale,
      proposalId: 'ror-gerica#1',
      deskId: 'ror-ikt',
      headline: nb
        ? 'Mulig fellesfeil: 5 saker om Gerica fra 3 virksomheter siste 10 min'
        : 'Possible major incident: 5 cases about Gerica from 3 organisations in the last 10 min',
      // The evidence recorded when it was proposed (at the third report), in the words of the real card.
      reason: fellesfeilReason(
        {
          rule: 'stands_out',
          reports: 3,
          minutes: 4,
          wideOrganisations: 2,
          usualPerDay: 2.4,
          chance: 0.00031,
        },
        { windowMinutes: 10 },
        locale,
      ),
      parentRef: 'FV-2026-000100',
      parentReason: 'service_administrator',
      childRefs: ['FV-2026-000101', 'FV-2026-000102', 'FV-2026-000104'],
      otherDeskRefs: ['FV-2026-000103'],
      status: 'open',
    }),
    'channel-notice-resolved': noticeCard(
      notice(locale, {
        kind: 'outage',
        status: 'resolved',
        title: nb ? 'Gerica utilgjengelig' : 'Gerica unavailable',
        text: nb
          ? 'Gerica virker igjen. Takk for tålmodigheten.'
          : 'Gerica works again. Thank you for your patience.',
        services: ['Gerica (pleie og omsorg)'],
        startsAt: '03.03.2026, 10:45',
        resolvedAt: '03.03.2026, 12:00',
        shortNoticeReason: undefined,
        caseRef: 'FV-2026-000100',
        linkedCount: 5,
        actions: false,
      }),
    ),
  };
}
