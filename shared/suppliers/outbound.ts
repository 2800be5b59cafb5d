/**
 * What an operations supplier holding a case is told (seed 001 M.1.3.1: "oversender saken til
 * Driftsleverandør applikasjon"), and in what shape. Pure.
 *
 * - **Who hears what** (`supplierHears`, asked by `recipients.ts`): the supplier holding the case hears
 *   its engagement (the whole case), the public comments (its own excepted), priority changes, the
 *   reporter's answer to a solution, and the case solved or closed. Internal notes never; what the
 *   supplier did itself never; nothing from before it was engaged. A supplier the case is moved away
 *   from (engaged to a second supplier) hears that it no longer holds it (`formerSupplierHears`):
 *   only that, without the case's new holder.
 * - **The webhook's body** (`webhookBody`, version 1, docs/supplier-webhooks.md): the event, and the
 *   case as the supplier needs it: checklist, priority, deadlines, attachments (their links are made
 *   when the request is sent, so they are fresh on every attempt).
 * - **The e-mail to copy** (`supplierEmail`) for a supplier without an endpoint, as done by hand
 *   before: the same content as text, in Norwegian.
 */
import type { Desk, Organisation, Service } from '../desks/model';
import { formatDateTime, formatDeadline } from '../dates';
import { AVAILABILITY_LABELS, FAULT_TYPE_LABELS, SCOPE_LABELS, STATUS_LABELS } from '../cases/labels';
import type { Case, CaseEvent } from '../cases/model';
import type { Supplier } from './model';

export const WEBHOOK_VERSION = 1;

export type WebhookEventType =
  | 'case.escalated'
  | 'case.comment'
  | 'case.priority_changed'
  | 'case.reporter_answered'
  | 'case.solved'
  | 'case.closed'
  | 'case.released';

/** Which webhook `e` is for the supplier holding `c`, or null when the supplier does not hear of it. */
export function supplierHears(e: CaseEvent, c: Pick<Case, 'supplier'>): WebhookEventType | null {
  const hold = c.supplier;
  if (!hold || e.byRole === 'supplier' || e.at < hold.since) return null;
  switch (e.type) {
    case 'supplier_engaged':
      return e.supplierId === hold.supplierId && e.at === hold.since ? 'case.escalated' : null;
    case 'comment':
      return e.visibility === 'public' ? 'case.comment' : null;
    case 'priority_changed':
      return 'case.priority_changed';
    case 'solution_accepted':
    case 'solution_rejected':
      return 'case.reporter_answered';
    case 'solved':
      return 'case.solved';
    case 'closed':
      return 'case.closed';
    default:
      return null;
  }
}

/**
 * The supplier that stops holding the case through `e` (the case moved to a second supplier), which
 * hears it as `case.released`; null for every other event.
 */
export function formerSupplierHears(e: CaseEvent): string | null {
  return e.type === 'supplier_engaged' && e.previous && e.previous.supplierId !== e.supplierId
    ? e.previous.supplierId
    : null;
}

/** An attachment as the supplier gets it; `url` and `expiresAt` are added when the request is sent. */
export interface WebhookAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url?: string;
  expiresAt?: string;
}

/** The case as the supplier gets it. */
export interface SupplierCase {
  reference: string;
  title: string;
  kind: Case['kind'];
  faultType?: string;
  status: Case['status'];
  service: { id: string; name: string };
  organisation: { id: string; name: string };
  priority: { id: string; label: string; level: number; critical: boolean };
  receivedAt: string;
  deadlines: { responseDueAt?: string; resolutionDueAt?: string };
  reporter: { name: string };
  testContact: { name: string };
  checklist?: {
    symptom: string;
    triedSoFar: string;
    scope: string;
    availability: string;
    startedAt: string;
  };
  attachments: WebhookAttachment[];
  supplierCaseNumber?: string;
  heldSince?: string;
  /** The desk holding the case with the supplier: whom to call. */
  desk: { id: string; name: string; phone: string; email?: string };
}

/** What changed, for every event but the engagement (which is the case itself). */
export type WebhookChange =
  | { type: 'comment'; text: string; author: string; at: string }
  | { type: 'priority_changed'; from: string; to: string; reason?: string }
  | { type: 'reporter_answered'; accepted: boolean; comment?: string }
  | { type: 'solved'; solution: string }
  | { type: 'closed'; reason: string }
  /** The case is no longer with this supplier: stop work on it; later changes do not reach it. */
  | { type: 'released' };

export interface WebhookBody {
  version: typeof WEBHOOK_VERSION;
  /** Unique per event and supplier: a retried delivery has the same id (deduplicate on it). */
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  supplierId: string;
  case: SupplierCase;
  change?: WebhookChange;
}

export interface SupplierCaseContext {
  desk: Desk;
  service: Pick<Service, 'id' | 'name'> | undefined;
  org: Pick<Organisation, 'id' | 'name'> | undefined;
}

const priorityOf = (desk: Desk, id: string) => {
  const p = desk.policy.priorities.find((x) => x.id === id);
  return { id, label: p?.label.nb ?? id, level: p?.level ?? 3, critical: p?.critical ?? false };
};

export function supplierCase(c: Case, ctx: SupplierCaseContext): SupplierCase {
  const k = c.checklist;
  return {
    reference: c.ref,
    title: c.title,
    kind: c.kind,
    ...(c.faultType ? { faultType: c.faultType } : {}),
    status: c.status,
    service: { id: c.serviceId, name: ctx.service?.name ?? c.serviceId },
    organisation: { id: c.orgId, name: ctx.org?.name ?? c.orgId },
    priority: priorityOf(ctx.desk, c.priority),
    receivedAt: c.receivedAt,
    deadlines: {
      ...(c.sla.responseDueAt ? { responseDueAt: c.sla.responseDueAt } : {}),
      ...(c.sla.resolutionDueAt ? { resolutionDueAt: c.agreedResolutionDueAt ?? c.sla.resolutionDueAt } : {}),
    },
    reporter: { name: c.reporter.name },
    testContact: { name: c.testContact.name },
    ...(k
      ? {
          checklist: {
            symptom: k.symptom,
            triedSoFar: k.triedSoFar,
            scope: SCOPE_LABELS[k.scope].nb,
            availability: AVAILABILITY_LABELS[k.availability].nb,
            startedAt: k.startedAt,
          },
        }
      : {}),
    attachments: c.attachments.map((a) => ({
      id: a.id,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
    })),
    ...(c.supplier?.caseNumber ? { supplierCaseNumber: c.supplier.caseNumber } : {}),
    ...(c.supplier ? { heldSince: c.supplier.since } : {}),
    desk: {
      id: ctx.desk.id,
      name: ctx.desk.name,
      phone: ctx.desk.phone,
      ...(ctx.desk.email ? { email: ctx.desk.email } : {}),
    },
  };
}

function changeOf(e: CaseEvent, desk: Desk): WebhookChange | undefined {
  switch (e.type) {
    case 'comment':
      return { type: 'comment', text: e.text, author: e.by.name, at: e.at };
    case 'priority_changed':
      return {
        type: 'priority_changed',
        from: priorityOf(desk, e.from).label,
        to: priorityOf(desk, e.to).label,
        ...(e.reason ? { reason: e.reason } : {}),
      };
    case 'solution_accepted':
      return { type: 'reporter_answered', accepted: true };
    case 'solution_rejected':
      return { type: 'reporter_answered', accepted: false, comment: e.comment };
    case 'solved':
      return { type: 'solved', solution: e.solution };
    case 'closed':
      return { type: 'closed', reason: e.reason };
    default:
      return undefined;
  }
}

/** The webhook body for event `e` of `c` (which the supplier hears as `type`). */
export function webhookBody(
  c: Case,
  e: CaseEvent,
  type: WebhookEventType,
  ctx: SupplierCaseContext,
): WebhookBody {
  if (type === 'case.released' && e.type === 'supplier_engaged' && e.previous) {
    // The former holder gets the case as it knew it: its own case number, not the new holder's part.
    const held = supplierCase({ ...c, supplier: undefined }, ctx);
    return {
      version: WEBHOOK_VERSION,
      id: `${c.ref}:${e.id}:released`,
      type,
      occurredAt: e.at,
      supplierId: e.previous.supplierId,
      case: {
        ...held,
        ...(e.previous.caseNumber ? { supplierCaseNumber: e.previous.caseNumber } : {}),
      },
      change: { type: 'released' },
    };
  }
  const change = changeOf(e, ctx.desk);
  return {
    version: WEBHOOK_VERSION,
    id: `${c.ref}:${e.id}`,
    type,
    occurredAt: e.at,
    supplierId: c.supplier?.supplierId ?? '',
    case: supplierCase(c, ctx),
    ...(change ? { change } : {}),
  };
}

/** The e-mail to a supplier without an endpoint: to, subject and body, in Norwegian, as plain text. */
export interface SupplierEmail {
  to: string;
  subject: string;
  body: string;
}

export function supplierEmail(
  c: Case,
  supplier: Pick<Supplier, 'name' | 'email'>,
  ctx: SupplierCaseContext,
): SupplierEmail {
  const s = supplierCase(c, ctx);
  const at = (iso: string) => formatDateTime(new Date(iso), 'nb');
  const lines = [
    `Hei ${supplier.name},`,
    '',
    `${ctx.desk.name} videresender sak ${s.reference} til dere (teknisk feil). Vennligst bekreft at saken er registrert, og oppgi deres saksnummer.`,
    '',
    `Tittel: ${s.title}`,
    `Tjeneste: ${s.service.name}`,
    `Virksomhet: ${s.organisation.name}`,
    ...(c.faultType ? [`Type feil: ${FAULT_TYPE_LABELS[c.faultType].nb}`] : []),
    `Prioritet: ${s.priority.label}${s.priority.critical ? ' (kritisk)' : ''}`,
    `Status: ${STATUS_LABELS[c.status].nb}`,
    `Mottatt: ${at(s.receivedAt)}`,
    ...(s.deadlines.responseDueAt
      ? [`Frist for respons: ${formatDeadline(new Date(s.deadlines.responseDueAt), 'nb')}`]
      : []),
    ...(s.deadlines.resolutionDueAt
      ? [`Frist for løsning: ${formatDeadline(new Date(s.deadlines.resolutionDueAt), 'nb')}`]
      : []),
    `Innmelder: ${s.reporter.name}`,
    `Kontaktperson for test: ${s.testContact.name}`,
    ...(s.checklist
      ? [
          '',
          'Hvordan feilen arter seg:',
          s.checklist.symptom,
          '',
          'Hva er forsøkt:',
          s.checklist.triedSoFar,
          '',
          `Omfang: ${s.checklist.scope}`,
          `Tilgjengelighet: ${s.checklist.availability}`,
          `Feilen startet: ${at(s.checklist.startedAt)}`,
        ]
      : []),
    ...(s.attachments.length > 0
      ? ['', 'Vedlegg (sendes med e-posten):', ...s.attachments.map((a) => `- ${a.fileName}`)]
      : []),
    '',
    `Spørsmål om saken: ${ctx.desk.name}, telefon ${ctx.desk.phone}${ctx.desk.email ? `, e-post ${ctx.desk.email}` : ''}.`,
    `Oppgi ${s.reference} i emnefeltet ved svar.`,
  ];
  return {
    to: supplier.email,
    subject: `${s.reference}: ${s.title} (${s.service.name})`,
    body: lines.join('\n'),
  };
}
