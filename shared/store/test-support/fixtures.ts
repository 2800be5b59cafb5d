/**
 * Builders of valid records for the store's tests and bench: a `NewCase` as the domain would hand it
 * to the store (the domain's own `openCase` is not needed to test storage), desks, notices, outbox messages.
 */
import type { Case, Person } from '../../cases/model';
import type { Desk } from '../../desks/model';
import {
  deskId,
  eventId,
  noticeId,
  orgId,
  priorityId,
  serviceId,
  userId,
  type DeskId,
  type IsoInstant,
  type OrgId,
  type UserId,
} from '../../ids';
import type { Notice } from '../../notices/model';
import type { NewCase, OutboxMessage } from '../../ports';
import type { SlaPolicy } from '../../sla/policy';

export const at = (iso: string): IsoInstant => new Date(iso).toISOString() as IsoInstant;

export const person = (id: string, name = `Person ${id}`): Person => ({ id: userId(id), name });

let counter = 0;

export interface CaseSpec {
  desk?: string;
  org?: string;
  reporter?: string;
  receivedAt?: string;
  /** `null`: no running deadline. */
  nextDueAt?: string | null;
  clientKey?: string;
  followers?: string[];
  testContact?: string;
  status?: Case['status'];
  parentRef?: Case['parentRef'];
  title?: string;
}

/** A valid new case; every field has a sensible default, the spec overrides what a test cares about. */
export function newCase(spec: CaseSpec = {}): NewCase {
  counter += 1;
  const receivedAt = at(spec.receivedAt ?? '2026-03-02T09:00:00Z');
  const reporter = person(spec.reporter ?? 'u-ansatt');
  const next =
    spec.nextDueAt === undefined
      ? new Date(Date.parse(receivedAt) + 3_600_000).toISOString()
      : spec.nextDueAt;
  return {
    deskId: deskId(spec.desk ?? 'ror-ikt'),
    orgId: orgId(spec.org ?? 'molde'),
    kind: 'fault',
    faultType: 'technical_application',
    serviceId: serviceId('agresso'),
    title: spec.title ?? `Agresso svarer ikke (${counter})`,
    checklist: {
      symptom: 'Innlogging henger etter passord',
      triedSoFar: 'Startet PC-en på nytt',
      scope: 'department',
      availability: 'all',
      startedAt: receivedAt,
    },
    reporter,
    reporterRole: 'employee',
    testContact: spec.testContact ? person(spec.testContact) : reporter,
    followers: (spec.followers ?? []).map((f) => person(f)),
    suggestedPriority: priorityId('hoy'),
    priority: priorityId('hoy'),
    status: spec.status ?? 'new',
    line: 'second',
    ...(spec.parentRef ? { parentRef: spec.parentRef } : {}),
    childRefs: [],
    attachments: [],
    receivedAt,
    updatedAt: receivedAt,
    clientKey: spec.clientKey ?? `ck-${counter}-${Math.random().toString(36).slice(2)}`,
    sla: {
      responseDueAt: at(new Date(Date.parse(receivedAt) + 3_600_000).toISOString()),
      resolutionDueAt: at(new Date(Date.parse(receivedAt) + 4 * 3_600_000).toISOString()),
      ...(next === null ? {} : { nextDueAt: at(next) }),
    },
    events: [
      {
        id: eventId(`e-${counter}-1`),
        at: receivedAt,
        by: { kind: 'user', ...reporter },
        type: 'created',
        priority: priorityId('hoy'),
      },
    ],
  };
}

/** The outbox message a case creation typically causes: a triage post in the desk's channel. */
export function triagePost(c: Case, suffix = 'triage'): OutboxMessage {
  return {
    id: `${c.ref}:${suffix}`,
    deskId: c.deskId,
    caseRef: c.ref,
    createdAt: c.receivedAt,
    operation: 'post',
    conversationKey: 'channel:team-1:triage',
    threadKey: `case:${c.ref}:triage`,
    activity: { type: 'message', text: `Ny sak ${c.ref}` },
  };
}

export function message(id: string, desk: DeskId, createdAt: string): OutboxMessage {
  return {
    id,
    deskId: desk,
    createdAt: at(createdAt),
    operation: 'post',
    conversationKey: 'user:u-ansatt',
    activity: { type: 'message', text: id },
  };
}

const calendar = {
  zone: 'Europe/Oslo',
  week: { 1: [{ from: '08:00', to: '15:30' }], 2: [{ from: '08:00', to: '15:30' }] },
  holidays: ['2026-04-02'],
};

export function policy(): SlaPolicy {
  return {
    id: 'test',
    name: 'Test',
    calendar,
    priorities: [
      {
        id: priorityId('hoy'),
        label: { nb: 'Høy', en: 'High' },
        level: 2,
        critical: false,
        response: { kind: 'business_minutes', minutes: 60 },
        resolution: { kind: 'business_minutes', minutes: 240 },
        definition: { nb: 'Totalt bortfall', en: 'Total loss' },
      },
    ],
    defaultPriority: priorityId('hoy'),
    atRiskShare: 0.75,
    pauseWhileWaiting: { supplier: true, third_line: true, reporter: true },
    criticalAroundTheClock: true,
  };
}

export function desk(id: string, orgs: string[] = ['molde']): Desk {
  return {
    id: deskId(id),
    name: `Desk ${id}`,
    orgIds: orgs.map((o) => orgId(o)),
    policy: policy(),
    phone: '+47 71 11 10 00',
    noticeChannels: [],
    members: [userId('u-desk')],
    escalationContacts: [],
    autoCloseWorkingDays: 5,
  };
}

export function notice(id: string, desk: string, spec: Partial<Notice> = {}): Notice {
  return {
    id: noticeId(id),
    deskId: deskId(desk),
    kind: 'outage',
    status: 'active',
    serviceIds: [serviceId('agresso')],
    title: 'Agresso er nede',
    text: 'Vi jobber med saken.',
    startsAt: at('2026-03-02T08:00:00Z'),
    linkedCaseRefs: [],
    posted: [],
    createdAt: at('2026-03-02T08:05:00Z'),
    createdBy: { kind: 'system', name: 'test' },
    updatedAt: at('2026-03-02T08:05:00Z'),
    ...spec,
  };
}

export const access = (user: string, desks: string[] = [], orgs: string[] = []) => ({
  userId: userId(user) as UserId,
  deskIds: desks.map((d) => deskId(d)),
  orgIds: orgs.map((o) => orgId(o) as OrgId),
});
