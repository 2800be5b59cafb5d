/**
 * Opening a case from the fault-report form (seed 002 §7.1–7.2): the input is checked field by field,
 * the priority is suggested from the checklist and the service's criticality, and the case starts as
 * Ny with its `created` event. The store gives it its reference number (`CaseStore.create`).
 *
 * The receiving line: a case reported by an employee starts with the 1st line (the virksomhet's
 * superbrukere triage it, domain.md); one reported by a superbruker, 1st line or forvalter goes
 * straight to the desk, the 2nd line (seed 002 §3.2.2). Both SLA clocks start at receipt (`now`).
 */
import { ValidationError } from '../errors';
import type { Service } from '../desks/model';
import {
  eventId,
  isoInstant,
  type DeskId,
  type IsoInstant,
  type OrgId,
  type PriorityId,
  type ServiceId,
} from '../ids';
import type { NewCase } from '../ports';
import { caseSlaSummaryWith, policyAtReceipt, type ComputedSla, type DeskPolicies } from '../sla/case-sla';
import { versionOf } from '../sla/versions';
import type {
  Availability,
  CaseEvent,
  CaseKind,
  FaultChecklist,
  FaultType,
  Person,
  ReporterRole,
  Scope,
  SupportLine,
} from './model';
import { suggestPriority } from './priority';

export interface OpenCaseInput {
  deskId: DeskId;
  orgId: OrgId;
  kind: CaseKind;
  /** Only for faults; the desk may set it later. */
  faultType?: FaultType;
  serviceId: ServiceId;
  title: string;
  checklist: FaultChecklist;
  reporterRole: ReporterRole;
  /** Who can test and verify; the reporter when absent (seed 002 §5.1.2). */
  testContact?: Person;
  followers: Person[];
  /** The client's idempotency key (a replayed card submission creates no second case). */
  clientKey: string;
}

export const LIMITS = {
  title: { min: 3, max: 120 },
  symptom: { min: 10, max: 4000 },
  triedSoFar: { min: 2, max: 4000 },
  followers: 20,
  clientKey: 200,
} as const;

const KINDS: readonly CaseKind[] = ['fault', 'order', 'change_proposal', 'question'];
const FAULT_TYPES: readonly FaultType[] = ['functional', 'technical_application', 'technical_infrastructure'];
const SCOPES: readonly Scope[] = ['me', 'department', 'organisation', 'several_organisations'];
const AVAILABILITY: readonly Availability[] = ['partial', 'all'];
const REPORTER_ROLES: readonly ReporterRole[] = ['employee', 'superuser', 'first_line', 'administrator'];
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function oneOf<T extends string>(v: unknown, allowed: readonly T[], field: string): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v))
    throw new ValidationError(field, `${field} must be one of ${allowed.join(', ')}`);
  return v as T;
}

function sized(v: unknown, field: string, min: number, max: number): string {
  if (typeof v !== 'string') throw new ValidationError(field, `${field} must be text`);
  const s = v.trim();
  if (s.length < min) throw new ValidationError(field, `${field} must be at least ${min} characters`);
  if (s.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return s;
}

function person(v: unknown, field: string): Person {
  if (typeof v !== 'object' || v === null) throw new ValidationError(field, `${field} must name a person`);
  const p = v as Partial<Person>;
  if (typeof p.id !== 'string' || p.id.trim() === '')
    throw new ValidationError(`${field}.id`, 'must not be empty');
  const name = sized(p.name, `${field}.name`, 1, 200);
  if (p.email !== undefined && (typeof p.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(p.email)))
    throw new ValidationError(`${field}.email`, 'must be an e-mail address');
  return p.email === undefined ? { id: p.id, name } : { id: p.id, name, email: p.email };
}

function checklist(v: unknown, kind: CaseKind, now: Date): FaultChecklist {
  if (typeof v !== 'object' || v === null) throw new ValidationError('checklist', 'checklist is required');
  const c = v as Partial<FaultChecklist>;
  const symptom = sized(c.symptom, 'checklist.symptom', LIMITS.symptom.min, LIMITS.symptom.max);
  // Seed 002 §5.1.2: fault finding is done before a fault is reported, so a fault says what was tried.
  const triedSoFar =
    kind === 'fault'
      ? sized(c.triedSoFar, 'checklist.triedSoFar', LIMITS.triedSoFar.min, LIMITS.triedSoFar.max)
      : sized(c.triedSoFar ?? '', 'checklist.triedSoFar', 0, LIMITS.triedSoFar.max);
  const scope = oneOf(c.scope, SCOPES, 'checklist.scope');
  const availability = oneOf(c.availability, AVAILABILITY, 'checklist.availability');
  if (
    typeof c.startedAt !== 'string' ||
    !ISO_INSTANT.test(c.startedAt) ||
    Number.isNaN(Date.parse(c.startedAt))
  )
    throw new ValidationError('checklist.startedAt', 'startedAt must be an ISO 8601 instant with a zone');
  const started = new Date(c.startedAt);
  if (started.getTime() > now.getTime())
    throw new ValidationError('checklist.startedAt', 'startedAt must not be in the future');
  return { symptom, triedSoFar, scope, availability, startedAt: isoInstant(started) };
}

/** The history a new case starts with: `created` by its reporter, and the followers the form named. */
export function openingEvents(
  reporter: Person,
  priority: PriorityId,
  line: SupportLine,
  followers: Person[],
  at: IsoInstant,
): CaseEvent[] {
  const by = { kind: 'user' as const, ...reporter };
  const events: CaseEvent[] = [
    { type: 'created', priority, line, id: eventId('e1'), at, by, byRole: 'reporter' },
  ];
  if (followers.length > 0)
    events.push({
      type: 'followers_changed',
      added: followers,
      removed: [],
      id: eventId('e2'),
      at,
      by,
      byRole: 'reporter',
    });
  return events;
}

type OpenCaseContext = DeskPolicies & { service: Service; now: Date; reporter: Person };

/**
 * A new case (without its reference number) from the form's input, or a `ValidationError` naming the
 * first bad field (English message for the log; the bot shows Norwegian text by field).
 */
export function openCase(input: OpenCaseInput, ctx: OpenCaseContext): NewCase {
  return openCaseWithSla(input, ctx).case;
}

/**
 * `openCase`, with the new case's SLA at its receipt that its stored deadlines were computed from
 * (`computedSla`): the report passes it down to the case's summary row and cards.
 */
export function openCaseWithSla(
  input: OpenCaseInput,
  ctx: OpenCaseContext,
): { case: NewCase; known: ComputedSla } {
  const { service, now } = ctx;
  // The case keeps the version in force at its receipt (`shared/sla/case-sla.ts`).
  const policy = policyAtReceipt(ctx, now);
  if (typeof input.deskId !== 'string' || input.deskId === '')
    throw new ValidationError('deskId', 'deskId is required');
  if (typeof input.orgId !== 'string' || input.orgId === '')
    throw new ValidationError('orgId', 'orgId is required');
  if (input.serviceId !== service.id)
    throw new ValidationError(
      'serviceId',
      `serviceId ${input.serviceId} is not the service given (${service.id})`,
    );
  if (service.deskId !== input.deskId)
    throw new ValidationError(
      'serviceId',
      `service ${service.id} belongs to desk ${service.deskId}, not ${input.deskId}`,
    );
  const kind = oneOf(input.kind, KINDS, 'kind');
  let faultType: FaultType | undefined;
  if (input.faultType !== undefined) {
    if (kind !== 'fault') throw new ValidationError('faultType', 'only a fault has a fault type');
    faultType = oneOf(input.faultType, FAULT_TYPES, 'faultType');
  }
  const title = sized(input.title, 'title', LIMITS.title.min, LIMITS.title.max);
  const list = checklist(input.checklist, kind, now);
  const reporterRole = oneOf(input.reporterRole, REPORTER_ROLES, 'reporterRole');
  const reporter = person(ctx.reporter, 'reporter');
  const testContact = input.testContact === undefined ? reporter : person(input.testContact, 'testContact');
  if (!Array.isArray(input.followers)) throw new ValidationError('followers', 'followers must be a list');
  if (input.followers.length > LIMITS.followers)
    throw new ValidationError('followers', `at most ${LIMITS.followers} followers`);
  const followers: Person[] = [];
  input.followers.forEach((f, i) => {
    const p = person(f, `followers[${i}]`);
    if (p.id !== reporter.id && !followers.some((x) => x.id === p.id)) followers.push(p);
  });
  const clientKey = sized(input.clientKey, 'clientKey', 1, LIMITS.clientKey);

  const suggestion = suggestPriority({ checklist: list, kind }, service, policy);
  const line = reporterRole === 'employee' ? 'first' : 'second';
  const at: IsoInstant = isoInstant(now);
  const events = openingEvents(reporter, suggestion.priority, line, followers, at);

  const c: NewCase = {
    deskId: input.deskId,
    orgId: input.orgId,
    kind,
    ...(faultType ? { faultType } : {}),
    serviceId: service.id,
    title,
    checklist: list,
    reporter,
    reporterRole,
    testContact,
    followers,
    suggestedPriority: suggestion.priority,
    priority: suggestion.priority,
    status: 'new',
    line,
    childRefs: [],
    attachments: [],
    receivedAt: at,
    updatedAt: at,
    clientKey,
    sla: {},
    events,
    policyVersion: versionOf(policy).number,
  };
  const { summary, known } = caseSlaSummaryWith(c, ctx);
  c.sla = summary;
  return { case: c, known };
}
