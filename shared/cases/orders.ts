/**
 * Orders (bestillinger, seed 002 §5.1.3–5.1.5, checklist §7.3, delivery times §6): opening an order
 * from the catalogue, the estimate and approval loop, converting a case between fault and order, and
 * how an order's SLA differs from a fault's. Commands are dispatched from `lifecycle.ts` like the
 * conversation's; everything here is pure.
 *
 * Decisions:
 * - **Model.** An order is a `Case` with `kind: 'order'` and `order: OrderDetails`: the 7.3 checklist,
 *   the catalogue's terms copied at ordering time (delivery time in working days, needs approval,
 *   billing kind, price text: a later catalogue change does not move a promise already given) and the
 *   estimates folded from the events. An order has no fault checklist (`Case.checklist` is absent);
 *   the orderer's role (superbruker, 1. linje, forvalter) is the case's `reporterRole`.
 * - **Reference.** An order opened as an order gets a reference of its own series, `BE-2026-000123`
 *   (`refSeriesFor`); a converted case keeps the reference it was given (references are never reused
 *   or changed: threads, links and the history point to it).
 * - **Estimate loop (§5.1.4).** For a service that needs approval a desk member sends an estimate in
 *   hours (never a fixed price) with a text: `estimate_sent` and `waiting_started` (reason `approval`,
 *   "Avventer godkjenning"). Only the orderer answers, Godkjenn or Avvis with a required reason
 *   (`estimate_answered`), which ends the wait. A new estimate replaces an unanswered one and needs
 *   its own approval, also after an earlier one was approved. An answer returns the order to where it
 *   was: Ny when nobody has taken it, Under arbeid when someone has.
 * - **The gate.** Until the latest estimate is approved, nothing moves such an order to work: claim,
 *   assign, resume and solve are refused with the reason (`APPROVAL_PENDING` in the error's details),
 *   and so is another wait while an estimate awaits its answer. A comment never approves (§5.1.4
 *   "Viktig!"): only `answer_estimate` does.
 * - **Reminder.** An estimate without an answer after `REMINDER_WORKING_DAYS` working days of the
 *   desk's calendar gets one reminder to the orderer (`approval_reminded`, by the system).
 * - **Conversion.** A desk member converts a fault to an order or back (`change_kind`). Nothing is
 *   lost: history, comments, followers, attachments stay; a fault's checklist stays beside the order's
 *   and an order's details stay on the fault. The reporter is told. Converting to an order takes the
 *   catalogue's terms at that instant. Not while an estimate awaits its answer.
 * - **SLA.** An order's resolution (delivery) target is the catalogue's delivery time in working days
 *   for every priority (none when the catalogue gives none), the response target is the desk's; an
 *   estimate sent is a response. Waiting for approval always pauses the clocks. After a conversion
 *   both clocks restart from the conversion instant under the new kind. `shared/sla/order-sla.ts`
 *   holds both rules, applied by the one SLA function (`shared/sla/case-sla.ts`).
 */
import type { Service } from '../desks/model';
import { FristvaktError, ValidationError } from '../errors';
import { isoInstant, type DeskId, type EventId, type OrgId, type ServiceId } from '../ids';
import type { NewCase } from '../ports';
import { caseSlaSummaryFor, policyAtReceipt, type DeskPolicies } from '../sla/case-sla';
import { versionOf } from '../sla/versions';
import { MAX_COMMENT_LENGTH } from '../text';
import type { CommandContext } from './lifecycle';
import { openingEvents } from './open-case';
import { priorityForLevel } from './priority';
import type {
  ActorRole,
  BillingReferenceKind,
  Case,
  CaseEvent,
  CaseEventBody,
  CaseKind,
  CaseStatus,
  Estimate,
  OrderChecklist,
  OrderDetails,
  OrderTerms,
  Person,
  ReporterRole,
} from './model';

/** Working days without an answer before the orderer is reminded of an estimate. */
export const REMINDER_WORKING_DAYS = 3;

/** Input limits of the order checklist (the card shows them too). */
export const ORDER_LIMITS = {
  what: { min: 3, max: 2000 },
  forWhom: { min: 2, max: 500 },
  earlierCommunication: { min: 0, max: 4000 },
  billingReference: { min: 1, max: 100 },
  contactPersons: { min: 2, max: 1000 },
  estimateText: { min: 1, max: MAX_COMMENT_LENGTH },
  /** At most a year of full-time work in one estimate. */
  estimateHours: { min: 0.25, max: 2000 },
} as const;

export type OrderCommand =
  /** A desk member's estimate in hours for an order that needs approval. */
  | { type: 'send_estimate'; hours: number; text: string }
  /** The orderer's answer to the latest estimate; a rejection needs its reason. */
  | { type: 'answer_estimate'; approve: boolean; estimateId?: EventId; reason?: string }
  /** Fault ↔ order by a desk member; to an order with the catalogue's terms and the order checklist. */
  | { type: 'change_kind'; to: CaseKind; order?: OrderTerms }
  /** The reminder job: the orderer has not answered the estimate. */
  | { type: 'remind_approval'; estimateId: EventId };

export type OrderCommandType = OrderCommand['type'];

const ORDER_COMMANDS: ReadonlySet<string> = new Set<OrderCommandType>([
  'send_estimate',
  'answer_estimate',
  'change_kind',
  'remind_approval',
]);

export const isOrderCommand = (cmd: { type: string }): cmd is OrderCommand => ORDER_COMMANDS.has(cmd.type);

/** Who may give each command: the estimate is the desk's, the answer the orderer's alone. */
export const ORDER_WHO: Record<OrderCommandType, readonly ActorRole[]> = {
  send_estimate: ['desk'],
  answer_estimate: ['reporter'],
  change_kind: ['desk'],
  remind_approval: ['system'],
};

const WORKING: readonly CaseStatus[] = ['new', 'in_progress', 'waiting'];

/** Which statuses a command may start from, and where it leads (undefined: unchanged or by its events). */
export function orderTransition(cmd: OrderCommand): { from: readonly CaseStatus[]; to?: CaseStatus } {
  switch (cmd.type) {
    case 'send_estimate':
      return { from: WORKING, to: 'waiting' };
    case 'answer_estimate':
    case 'remind_approval':
      return { from: ['waiting'] };
    case 'change_kind':
      return { from: WORKING };
  }
}

/** The estimates of the case's current order (oldest first); none for a case that is not an order. */
export function estimatesOf(c: Pick<Case, 'order'>): Estimate[] {
  return c.order?.estimates ?? [];
}

/** The latest estimate, if any. */
export function latestEstimate(c: Pick<Case, 'order'>): Estimate | undefined {
  const all = estimatesOf(c);
  return all[all.length - 1];
}

/** The estimate awaiting the orderer's answer: the latest one, when unanswered. */
export function pendingEstimate(c: Pick<Case, 'order'>): Estimate | undefined {
  const e = latestEstimate(c);
  return e && !e.answer ? e : undefined;
}

/** Whether the case is an order whose work waits for an approved estimate. */
export function approvalRequired(c: Pick<Case, 'kind' | 'order'>): boolean {
  if (c.kind !== 'order' || !c.order?.needsApproval) return false;
  return latestEstimate(c)?.answer?.approved !== true;
}

/** The commands an unapproved order refuses: each would move it to work or deliver it. */
const GATED: ReadonlySet<string> = new Set(['claim', 'assign', 'resume', 'solve']);

/**
 * Refuses what the approval loop forbids: moving an unapproved order to work (claim, assign, resume,
 * solve), and another wait while an estimate awaits its answer. The error's details say why
 * (`reason: 'APPROVAL_PENDING'` or `'ESTIMATE_MISSING'`) so each surface can tell the user.
 */
export function assertOrderAllows(c: Case, cmd: { type: string }): void {
  const pending = pendingEstimate(c) !== undefined && c.status === 'waiting';
  const gated = GATED.has(cmd.type) || (cmd.type === 'wait' && pending);
  if (!gated || !approvalRequired(c)) return;
  const reason = latestEstimate(c) === undefined ? 'ESTIMATE_MISSING' : 'APPROVAL_PENDING';
  throw new FristvaktError(
    'ILLEGAL_TRANSITION',
    reason === 'ESTIMATE_MISSING'
      ? `cannot ${cmd.type}: the order needs an approved estimate, and none is sent yet`
      : `cannot ${cmd.type}: the order's estimate is not approved`,
    { command: cmd.type, from: c.status, to: c.status, reason },
  );
}

function text(v: unknown, field: string, min: number, max: number): string {
  if (typeof v !== 'string') throw new ValidationError(field, `${field} must be text`);
  const s = v.trim();
  if (s.length < Math.max(min, 1) && min > 0)
    throw new ValidationError(field, `${field} must be at least ${min} characters`);
  if (s.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return s;
}

/** The orderer's roles (seed 002 §7.1): superbruker, 1. linje, forvalter. */
export const ORDERER_ROLES: readonly ReporterRole[] = ['superuser', 'first_line', 'administrator'];

export interface OpenOrderInput {
  deskId: DeskId;
  orgId: OrgId;
  serviceId: ServiceId;
  /** The order checklist as the form gives it (checked here). */
  checklist: unknown;
  reporterRole: ReporterRole;
  followers: Person[];
  /** The client's idempotency key (a replayed card submission creates no second order). */
  clientKey: string;
}

const MAX_TITLE = 120;

/**
 * A new order (without its reference, which the store gives from the BE series) for an orderable
 * service, or a `ValidationError` naming the first bad field. The catalogue's terms are copied now;
 * the priority is the scheme's least urgent (an order does not stop ordinary work); the order goes
 * straight to the desk (2nd line); both clocks start now.
 */
export function openOrder(
  input: OpenOrderInput,
  ctx: DeskPolicies & { service: Service; now: Date; reporter: Person },
): NewCase {
  const { service, now, reporter } = ctx;
  // The order keeps the desk's policy version in force at its receipt, as a fault does.
  const policy = policyAtReceipt(ctx, now);
  const terms = service.order;
  if (input.serviceId !== service.id || service.deskId !== input.deskId)
    throw new ValidationError('serviceId', `service ${service.id} is not this order's (${input.serviceId})`);
  if (!terms?.orderable || service.retired)
    throw new ValidationError('serviceId', `service ${service.id} cannot be ordered`);
  if (typeof input.orgId !== 'string' || input.orgId === '')
    throw new ValidationError('orgId', 'orgId is required');
  if (!ORDERER_ROLES.includes(input.reporterRole))
    throw new ValidationError('reporterRole', `reporterRole must be one of ${ORDERER_ROLES.join(', ')}`);
  const checklist = orderChecklist(input.checklist, terms.billing);
  const clientKey = text(input.clientKey, 'clientKey', 1, 200);
  const followers: Person[] = [];
  for (const f of input.followers)
    if (f.id !== reporter.id && !followers.some((x) => x.id === f.id)) followers.push(f);
  const what = checklist.what.replace(/\s+/g, ' ');
  const full = `${service.name}: ${what}`;
  const title = full.length > MAX_TITLE ? `${full.slice(0, MAX_TITLE - 1).trimEnd()}…` : full;
  const priority = priorityForLevel(policy, 4).id;
  const at = isoInstant(now);
  const events = openingEvents(reporter, priority, 'second', followers, at);
  const c: NewCase = {
    deskId: input.deskId,
    orgId: input.orgId,
    kind: 'order',
    serviceId: service.id,
    title,
    order: { ...orderTerms(checklist, terms), estimates: [] },
    reporter,
    reporterRole: input.reporterRole,
    testContact: reporter,
    followers,
    suggestedPriority: priority,
    priority,
    status: 'new',
    line: 'second',
    childRefs: [],
    attachments: [],
    receivedAt: at,
    updatedAt: at,
    clientKey,
    sla: {},
    events,
    policyVersion: versionOf(policy).number,
  };
  c.sla = caseSlaSummaryFor(c, ctx);
  return c;
}

/** The estimate's hours: a positive number in quarter hours, within the limits. */
export function estimateHours(v: unknown): number {
  const n = typeof v === 'string' ? Number(v.replace(',', '.').trim()) : v;
  const { min, max } = ORDER_LIMITS.estimateHours;
  if (typeof n !== 'number' || !Number.isFinite(n))
    throw new ValidationError('hours', 'hours must be a number');
  if (n < min || n > max) throw new ValidationError('hours', `hours must be between ${min} and ${max}`);
  if (Math.round(n * 4) !== n * 4) throw new ValidationError('hours', 'hours must be in quarter hours');
  return n;
}

/** A billable service's reference format: the pattern a reference must match, and an example. */
export interface BillingFormat {
  kind: BillingReferenceKind;
  /** A regular expression (source) the whole reference must match. */
  pattern: string;
  /** An example shown to the orderer. */
  example: string;
}

/** Whether `ref` matches the format (the whole text, case-sensitive as the catalogue writes it). */
export function matchesBillingFormat(ref: string, format: Pick<BillingFormat, 'pattern'>): boolean {
  try {
    return new RegExp(`^(?:${format.pattern})$`).test(ref);
  } catch {
    return false;
  }
}

/**
 * The order checklist from the form's input, or a `ValidationError` naming the first bad field
 * (`checklist.<field>`). `billing`: the service's format when it is billable (then the reference is
 * required and must match it); absent: any reference given is dropped.
 */
export function orderChecklist(v: unknown, billing?: Pick<BillingFormat, 'pattern'>): OrderChecklist {
  if (typeof v !== 'object' || v === null) throw new ValidationError('checklist', 'checklist is required');
  const c = v as Partial<Record<keyof OrderChecklist, unknown>>;
  const L = ORDER_LIMITS;
  const out: OrderChecklist = {
    what: text(c.what, 'checklist.what', L.what.min, L.what.max),
    forWhom: text(c.forWhom, 'checklist.forWhom', L.forWhom.min, L.forWhom.max),
    earlierCommunication: text(
      c.earlierCommunication ?? '',
      'checklist.earlierCommunication',
      L.earlierCommunication.min,
      L.earlierCommunication.max,
    ),
    contactPersons: text(
      c.contactPersons,
      'checklist.contactPersons',
      L.contactPersons.min,
      L.contactPersons.max,
    ),
  };
  if (billing) {
    const ref = text(
      c.billingReference,
      'checklist.billingReference',
      L.billingReference.min,
      L.billingReference.max,
    );
    if (!matchesBillingFormat(ref, billing))
      throw new ValidationError('checklist.billingReference', 'the reference does not match the format');
    out.billingReference = ref;
  }
  return out;
}

/** The terms of an order: the checklist, with the catalogue's terms copied as they are now. */
export function orderTerms(
  checklist: OrderChecklist,
  service: {
    deliveryWorkingDays?: number;
    needsApproval?: boolean;
    billing?: Pick<BillingFormat, 'kind'>;
    priceText?: string;
  },
): OrderTerms {
  return {
    checklist,
    ...(service.deliveryWorkingDays !== undefined
      ? { deliveryWorkingDays: service.deliveryWorkingDays }
      : {}),
    needsApproval: service.needsApproval === true,
    ...(service.billing ? { billing: service.billing.kind } : {}),
    ...(service.priceText ? { priceText: service.priceText } : {}),
  };
}

function checkTerms(t: OrderTerms | undefined): OrderTerms {
  if (!t || typeof t !== 'object')
    throw new ValidationError('order', 'converting to an order needs its terms');
  orderChecklist(t.checklist);
  if (
    t.deliveryWorkingDays !== undefined &&
    (!Number.isInteger(t.deliveryWorkingDays) || t.deliveryWorkingDays < 0)
  )
    throw new ValidationError('order.deliveryWorkingDays', 'must be a whole number of working days');
  if (typeof t.needsApproval !== 'boolean')
    throw new ValidationError('order.needsApproval', 'must be true or false');
  return t;
}

/** The events of a permitted order command (input checked here). */
export function orderEvents(c: Case, cmd: OrderCommand, ctx: CommandContext): CaseEventBody[] {
  void ctx;
  switch (cmd.type) {
    case 'send_estimate': {
      if (c.kind !== 'order' || !c.order?.needsApproval)
        throw new ValidationError('hours', 'only an order whose service needs approval gets an estimate');
      const hours = estimateHours(cmd.hours);
      const body = text(cmd.text, 'text', ORDER_LIMITS.estimateText.min, ORDER_LIMITS.estimateText.max);
      return [
        { type: 'estimate_sent', hours, text: body },
        { type: 'waiting_started', reason: 'approval' },
      ];
    }
    case 'answer_estimate': {
      const pending = pendingEstimate(c);
      if (!pending || c.kind !== 'order')
        throw new ValidationError('estimateId', 'there is no estimate waiting for an answer');
      if (cmd.estimateId !== undefined && cmd.estimateId !== pending.id)
        throw new ValidationError('estimateId', 'the estimate was replaced by a newer one');
      if (typeof cmd.approve !== 'boolean')
        throw new ValidationError('approve', 'approve must be true or false');
      const reason =
        cmd.approve && (cmd.reason === undefined || cmd.reason.trim() === '')
          ? undefined
          : text(cmd.reason ?? '', 'reason', cmd.approve ? 0 : 1, MAX_COMMENT_LENGTH);
      return [
        {
          type: 'estimate_answered',
          estimateId: pending.id,
          approved: cmd.approve,
          ...(reason ? { reason } : {}),
        },
      ];
    }
    case 'change_kind': {
      if (cmd.to !== 'fault' && cmd.to !== 'order')
        throw new ValidationError('to', 'a case converts between fault and order only');
      if (cmd.to === c.kind) throw new ValidationError('to', `the case is already a ${c.kind}`);
      if (pendingEstimate(c) && c.status === 'waiting')
        throw new ValidationError('to', 'an estimate awaits its answer: the order cannot be converted now');
      if (cmd.to === 'order')
        return [{ type: 'kind_changed', from: c.kind, to: 'order', order: checkTerms(cmd.order) }];
      return [{ type: 'kind_changed', from: c.kind, to: 'fault' }];
    }
    case 'remind_approval': {
      const pending = pendingEstimate(c);
      if (!pending || pending.id !== cmd.estimateId)
        throw new ValidationError('estimateId', 'the estimate is answered or replaced');
      if (c.events.some((e) => e.type === 'approval_reminded' && e.estimateId === pending.id))
        throw new ValidationError('estimateId', 'the orderer was reminded of this estimate already');
      return [{ type: 'approval_reminded', estimateId: pending.id }];
    }
  }
}

/** The fields the order's events fold into (the rest of the projection is `reduceEvent`'s). */
export interface OrderProjection {
  kind?: CaseKind;
  order?: OrderDetails;
  status: CaseStatus;
  assignee?: Person;
}

/** Folds an order event into the case's kind, order details and status; other events change nothing. */
export function reduceOrder<P extends OrderProjection>(p: P, e: CaseEvent): Partial<OrderProjection> {
  switch (e.type) {
    case 'estimate_sent': {
      if (!p.order) return {};
      const estimate: Estimate = { id: e.id, hours: e.hours, text: e.text, at: e.at, by: e.by };
      return { order: { ...p.order, estimates: [...p.order.estimates, estimate] } };
    }
    case 'estimate_answered': {
      // An answer returns the order to where it was: Ny when nobody has taken it, else Under arbeid.
      const status: CaseStatus = p.assignee ? 'in_progress' : 'new';
      if (!p.order) return { status };
      const answer = {
        approved: e.approved,
        ...(e.reason !== undefined ? { reason: e.reason } : {}),
        at: e.at,
        by: e.by,
      };
      const estimates = p.order.estimates.map((x) => (x.id === e.estimateId ? { ...x, answer } : x));
      return { status, order: { ...p.order, estimates } };
    }
    case 'kind_changed':
      return e.to === 'order' && e.order
        ? { kind: e.to, order: { ...e.order, estimates: [] } }
        : { kind: e.to };
    default:
      return {};
  }
}
