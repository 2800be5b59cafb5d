/**
 * A hand-computed report fixture on the ROR-IKT preset (Mon–Fri 08:00–15:30 Oslo; March 2026 is
 * UTC+1, so 09:00 Oslo = 08:00Z). Used by the pure report tests, the tab's API tests and the browser
 * test of the dashboard, which all check the figures in `EXPECTED` (worked out by hand below).
 *
 * Period [Mon 2026-03-02 00:00, Mon 2026-03-16 00:00) Oslo; now is after it, so asOf = period end.
 *
 * | case | prio    | received (Z)     | response                        | resolution                          |
 * |------|---------|------------------|---------------------------------|-------------------------------------|
 * | A    | hoy     | Mon 03-02 08:00  | claimed +30 → met (30)          | solved +180 → met (180)             |
 * | B    | hoy     | Mon 03-02 09:00  | claimed +90 → breached, 30 late | solved +240 → met exactly (240)     |
 * | C    | middels | Tue 03-03 08:00  | claimed +60 → met (60)          | solved Wed 09:00Z: 390+120 = 510 met |
 * | D    | kritisk | Wed 03-04 12:00  | claimed +20 → breached, 5 late, explained | supplier wait 60 (pauses), solved +150 → 90 met |
 * | I    | hoy     | Mon 03-09 08:00  | claimed +5 → met (5)            | 3rd-line wait (no pause), solved +300 → breached, 60 late |
 * | E    | lav     | Tue 03-10 13:00  | never → due Wed 09:30Z, at asOf 1440 counted → breached 1200 late | running (due Tue 03-17) |
 * | F    | hoy     | Fri 03-13 14:00  | claimed +10 → met (10)          | waiting on reporter → paused        |
 * | G    | hoy     | Tue 02-10 09:00  | before the period: backlog only (open, 33 days)                       |
 * | H    | hoy     | Tue 03-17 09:00  | after the period: ignored                                             |
 *
 * Response: met A C F I = 4, breached B D E = 3 → 4/7; times 5 10 20 30 60 90 → median (3rd) 20, p90 (6th) 90.
 * Resolution: met A B C D = 4, breached I = 1 → 0.8; times 90 180 240 300 510 → median 240, p90 510.
 * Weeks: W10 A B C D = 4; W11 I E F = 3. Backlog at 03-15T23:00Z: F 2.4 d (1–3), E 5.4 d (3–7), G (30+).
 * Uptime over 14 days = 20 160 min: agresso outages 10:00–11:00 and 10:30–11:30 on 03-04 (union 90) plus
 * 30 min of one that began before the period → 120 min, 99.405 % (misses the goal); visma 30 min still
 * active at the end → 99.851 % (meets it); websak only a degraded notice → 100 %.
 */
import type { Actor, Case, CaseEvent, CaseEventBody } from '../../cases/model';
import {
  caseRef,
  deskId,
  eventId,
  noticeId,
  orgId,
  priorityId,
  serviceId,
  userId,
  type IsoInstant,
} from '../../ids';
import type { Notice, NoticeKind } from '../../notices/model';
import { PRESETS } from '../../sla/presets';
import { slaSummary } from '../../sla/state';

export const FIXTURE_DESK = deskId('ror-ikt');
export const FIXTURE_POLICY = PRESETS['ror-ikt'];
export const FIXTURE_PERIOD = {
  from: new Date('2026-03-01T23:00:00Z'),
  to: new Date('2026-03-15T23:00:00Z'),
};
export const FIXTURE_NOW = new Date('2026-03-20T12:00:00Z');

const iso = (s: string): IsoInstant => new Date(s).toISOString() as IsoInstant;
const reporter = { id: userId('u-ansatt-molde'), name: 'Kari Nordmann' };
const agent: Actor = { kind: 'user', id: userId('u-desk-1'), name: 'Ola Servicesenter' };
const system: Actor = { kind: 'system', name: 'Fristvakt' };

type Step = [at: string, body: CaseEventBody, by?: Actor];

const claim: CaseEventBody = {
  type: 'claimed',
  assignee: { id: userId('u-desk-1'), name: 'Ola Servicesenter' },
};
const solve: CaseEventBody = { type: 'solved', solution: 'Rettet' };

/** A full case from its receipt, priority and timeline; the status follows the last event. */
export function fixtureCase(
  seq: number,
  title: string,
  receivedAt: string,
  prio: string,
  steps: Step[],
  overrides: Partial<Case> = {},
): Case {
  const received = iso(receivedAt);
  const events: CaseEvent[] = [
    {
      id: eventId(`fx-${seq}-0`),
      at: received,
      by: { kind: 'user', ...reporter },
      byRole: 'reporter',
      type: 'created',
      priority: priorityId(prio),
    },
    ...steps.map(([at, body, by], i): CaseEvent => ({
      ...body,
      id: eventId(`fx-${seq}-${i + 1}`),
      at: iso(at),
      by: by ?? agent,
      byRole: (by ?? agent).kind === 'system' ? 'system' : 'desk',
    })),
  ];
  let status: Case['status'] = 'new';
  let assignee: Case['assignee'];
  for (const e of events) {
    if (e.type === 'claimed') {
      status = 'in_progress';
      assignee = e.assignee;
    } else if (e.type === 'waiting_started') status = 'waiting';
    else if (e.type === 'waiting_ended' || e.type === 'solution_rejected') status = 'in_progress';
    else if (e.type === 'solved') status = 'solved';
    else if (e.type === 'closed') status = 'closed';
  }
  const c: Case = {
    ref: caseRef(`FV-2026-${String(seq).padStart(6, '0')}`),
    deskId: FIXTURE_DESK,
    orgId: orgId('molde'),
    kind: 'fault',
    faultType: 'technical_application',
    serviceId: serviceId('agresso'),
    title,
    checklist: {
      symptom: 'Innlogging henger',
      triedSoFar: 'Startet på nytt',
      scope: 'department',
      availability: 'all',
      startedAt: received,
    },
    reporter,
    reporterRole: 'employee',
    testContact: reporter,
    followers: [],
    suggestedPriority: priorityId(prio),
    priority: priorityId(prio),
    status,
    ...(assignee ? { assignee } : {}),
    line: 'second',
    childRefs: [],
    attachments: [],
    receivedAt: received,
    updatedAt: events[events.length - 1].at,
    clientKey: `fx-${seq}`,
    sla: {},
    events,
    ...overrides,
  };
  c.sla = slaSummary(c, FIXTURE_POLICY);
  return c;
}

export function fixtureCases(): Case[] {
  return [
    fixtureCase(1, 'A: Agresso henger', '2026-03-02T08:00Z', 'hoy', [
      ['2026-03-02T08:30Z', claim],
      ['2026-03-02T11:00Z', solve],
    ]),
    fixtureCase(2, 'B: Faktura går ikke', '2026-03-02T09:00Z', 'hoy', [
      ['2026-03-02T10:30Z', claim],
      ['2026-03-02T13:00Z', solve],
    ]),
    fixtureCase(3, 'C: Rapport mangler', '2026-03-03T08:00Z', 'middels', [
      ['2026-03-03T09:00Z', claim],
      ['2026-03-04T09:00Z', solve],
    ]),
    fixtureCase(4, 'D: Journalsystem nede – æøå', '2026-03-04T12:00Z', 'kritisk', [
      ['2026-03-04T12:20Z', claim],
      ['2026-03-04T12:30Z', { type: 'waiting_started', reason: 'supplier', supplierCaseNumber: 'SS-991' }],
      ['2026-03-04T13:30Z', { type: 'waiting_ended' }],
      ['2026-03-04T14:30Z', solve],
      [
        '2026-03-04T14:40Z',
        { type: 'breach_explained', target: 'response', explanation: 'Kundeservice var på befaring' },
      ],
    ]),
    fixtureCase(9, 'I: Lønnskjøring feiler', '2026-03-09T08:00Z', 'hoy', [
      ['2026-03-09T08:05Z', claim],
      ['2026-03-09T09:00Z', { type: 'waiting_started', reason: 'third_line' }],
      ['2026-03-09T12:00Z', { type: 'waiting_ended' }],
      ['2026-03-09T13:00Z', solve],
    ]),
    fixtureCase(5, 'E: Skriver på Rådhuset', '2026-03-10T13:00Z', 'lav', []),
    fixtureCase(6, 'F: Tilgang til modul', '2026-03-13T14:00Z', 'hoy', [
      ['2026-03-13T14:10Z', claim],
      ['2026-03-13T14:20Z', { type: 'waiting_started', reason: 'reporter' }],
    ]),
    fixtureCase(7, 'G: Gammel sak', '2026-02-10T09:00Z', 'hoy', [['2026-02-10T09:05Z', claim]]),
    fixtureCase(8, 'H: Etter perioden', '2026-03-17T09:00Z', 'hoy', []),
  ];
}

function notice(
  id: string,
  kind: NoticeKind,
  services: string[],
  startsAt: string,
  resolvedAt?: string,
): Notice {
  return {
    id: noticeId(id),
    deskId: FIXTURE_DESK,
    kind,
    status: resolvedAt ? 'resolved' : 'active',
    serviceIds: services.map(serviceId),
    title: `Driftsmelding ${id}`,
    text: 'Tekst',
    startsAt: iso(startsAt),
    ...(resolvedAt ? { resolvedAt: iso(resolvedAt) } : {}),
    linkedCaseRefs: [],
    posted: [],
    createdAt: iso(startsAt),
    createdBy: system,
    updatedAt: iso(resolvedAt ?? startsAt),
  };
}

export function fixtureNotices(): Notice[] {
  return [
    notice('n-1', 'outage', ['agresso'], '2026-03-04T10:00Z', '2026-03-04T11:00Z'),
    notice('n-2', 'outage', ['agresso'], '2026-03-04T10:30Z', '2026-03-04T11:30Z'),
    notice('n-3', 'outage', ['agresso'], '2026-03-01T22:00Z', '2026-03-01T23:30Z'),
    notice('n-4', 'outage', ['visma'], '2026-03-15T22:30Z'),
    notice('n-5', 'degraded', ['websak'], '2026-03-05T08:00Z', '2026-03-05T12:00Z'),
  ];
}

/** The figures worked out by hand in the header comment. */
export const EXPECTED = {
  cases: 7,
  openCases: 3,
  response: { met: 4, breached: 3, shareMet: 4 / 7, medianMinutes: 20, p90Minutes: 90 },
  resolution: { met: 4, breached: 1, shareMet: 0.8, medianMinutes: 240, p90Minutes: 510 },
  hoy: {
    cases: 4,
    response: { met: 3, breached: 1, shareMet: 0.75, medianMinutes: 10, p90Minutes: 90 },
    resolution: { met: 2, breached: 1, shareMet: 2 / 3, medianMinutes: 240, p90Minutes: 300 },
  },
  perWeek: [
    { week: '2026-W10', cases: 4 },
    { week: '2026-W11', cases: 3 },
  ],
  backlog: { '0-1': 0, '1-3': 1, '3-7': 1, '7-30': 0, '30+': 1 },
  breaches: [
    { ref: 'FV-2026-000002', target: 'response', lateMinutes: 30 },
    {
      ref: 'FV-2026-000004',
      target: 'response',
      lateMinutes: 5,
      explanation: 'Kundeservice var på befaring',
    },
    {
      ref: 'FV-2026-000009',
      target: 'resolution',
      lateMinutes: 60,
      explanation: 'Saken ventet på 3. linje.',
    },
    { ref: 'FV-2026-000005', target: 'response', lateMinutes: 1200 },
  ],
  uptime: {
    agresso: { downMinutes: 120, uptime: 1 - 120 / 20160, meetsGoal: false },
    visma: { downMinutes: 30, uptime: 1 - 30 / 20160, meetsGoal: true },
    websak: { downMinutes: 0, uptime: 1, meetsGoal: true },
  },
} as const;
