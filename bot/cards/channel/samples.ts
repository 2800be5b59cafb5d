/**
 * Representative data for every card of the channel flow, in both languages. Spread into the bot's
 * `sampleCards` (cards/samples.ts): the card test validates each with the `adaptivecards` library, and
 * `scripts/render-cards.ts` renders each to `docs/cards/<name>.png`.
 */
import type { Locale } from '../../../shared/i18n-text';
import type { CardJson } from '../card';
import { channelErrorCard } from './error-card';
import { noticeCard, type NoticeCardData } from './notice-card';
import { noticeForm } from './notice-form';
import { triageCard, type TriageActions, type TriageCardData } from './triage-card';
import { strings } from '../../i18n/strings';

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

export function channelSampleCards(locale: Locale): Record<string, CardJson> {
  const s = strings(locale).channel;
  const nb = locale === 'nb';
  return {
    'channel-triage-new': triageCard({ ...base(locale), actions: actions(locale) }),
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
          text: nb ? 'pauset, 2 d 3 t arbeidstid igjen' : 'paused, 2 d 3 h business time left',
          state: 'paused',
        },
      ],
      childCount: 4,
      actions: actions(locale, { claim: false, resume: true, solve: { childCount: 4 }, link: false }),
    }),
    'channel-triage-breached-readonly': triageCard({
      ...base(locale),
      priority: nb ? 'Høy' : 'High',
      status: nb ? 'Under arbeid' : 'In progress',
      assignee: 'Anne Desk',
      parentRef: 'FV-2026-000100',
      overall: 'breached',
      targets: [
        { label: nb ? 'Responstid' : 'Response', text: nb ? 'oppfylt' : 'met', state: 'done' },
        {
          label: nb ? 'Løsningstid' : 'Resolution',
          text: nb
            ? 'frist tirsdag 3. mars kl. 12:00 · 1 t 10 min over fristen'
            : 'due Tuesday 3 March at 12:00 · 1 h 10 min late',
          state: 'breached',
        },
      ],
    }),
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
