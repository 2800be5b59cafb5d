/**
 * A case in the hands of an operations supplier (seed 001 M.1.3 and M.2): the lifecycle commands and
 * events of the supplier's part, dispatched from `lifecycle.ts` like the conversation's. Pure.
 *
 * - **Engaging a supplier** (M.1.3.1): a support line hands the case to a configured supplier
 *   (`engage_supplier`): escalated to the supplier line and Avventer (supplier), and the case records
 *   which supplier holds it and since when (`Case.supplier`). A supplier's own incident (M.2) is held by
 *   it from the start (`supplier_engaged` among the creation events).
 * - **What the supplier does** (role `supplier`, only on cases it holds: `roleOn` in shared/access.ts):
 *   its case number (M.1.3.2, logged on the case), its status, comments (public ones reach the reporter
 *   and followers, internal notes the desk only), solving with a solution, or "fixed in a later version"
 *   (M.1.3.5, M.2.1.8), which solves the case with the supplier's text. Every event by the supplier
 *   moves `Case.supplier.lastContactAt`.
 * - **The incident's "Info til sluttbrukere? Ja/Nei"** (M.2.1.6): the desk decides once; Ja links the
 *   driftsmelding made from it (`link_incident_notice`); an incident "for information only" is closed
 *   at once after the decision ("Dersom det kun er snakk om generell informasjon så avsluttes saken her").
 */
import { FristvaktError, ValidationError } from '../errors';
import type { IsoInstant, NoticeId } from '../ids';
import { MAX_COMMENT_LENGTH } from '../text';
import type { SupplierId } from '../suppliers/model';
import type { ActorRole, Case, CaseEvent, CaseEventBody, CaseStatus } from './model';
import type { CommandContext } from './lifecycle';

/** Seed 001 M.2: application (teknisk applikasjonsfeil) or infrastructure (system, kommunikasjon, database, backup). */
export type IncidentCategory = 'application' | 'system' | 'communication' | 'database' | 'backup';
export const INCIDENT_CATEGORIES: readonly IncidentCategory[] = [
  'application',
  'system',
  'communication',
  'database',
  'backup',
];

/** Who holds the case now, folded from its events. */
export interface SupplierHold {
  supplierId: SupplierId;
  name: string;
  since: IsoInstant;
  /** The supplier's own case number (M.1.3.2, M.2.1.4). */
  caseNumber?: string;
  /** The supplier's own status, as it last reported it. */
  status?: string;
  /** The last event by the supplier (or its engagement). */
  lastContactAt: IsoInstant;
}

/** What a supplier reported when it found the fault itself (M.2.1.2–M.2.1.3), folded from its events. */
export interface SupplierIncident {
  supplierId: SupplierId;
  /** The supplier's reference: (supplier, reference) is unique. */
  supplierReference: string;
  category: IncidentCategory;
  /** "Kun til informasjon": closed once the desk has decided on informing end users. */
  informationOnly: boolean;
  possibleSolution?: string;
  /** Whom the desk phones (M.2.1.3: kritisk = telefon og e-post), as configured when it was reported. */
  contact: { phone: string; email: string };
  /** The desk's answer to "Info til sluttbrukere?" (M.2.1.6); absent until decided. */
  endUserInfo?: boolean;
  /** The driftsmelding made from it, when the answer was Ja. */
  noticeId?: NoticeId;
}

export type SupplierEventBody =
  /** The case is now held by this supplier (an escalation, or its own incident). */
  | {
      type: 'supplier_engaged';
      supplierId: SupplierId;
      supplierName: string;
      caseNumber?: string;
      /** The supplier that held the case until now (moved to a second supplier): it is told it no longer does. */
      previous?: { supplierId: SupplierId; name: string; caseNumber?: string };
    }
  /** The supplier's incident as reported (M.2.1.2): among its creation events. */
  | { type: 'incident_reported'; incident: Omit<SupplierIncident, 'endUserInfo' | 'noticeId'> }
  | { type: 'supplier_case_number'; caseNumber: string }
  | { type: 'supplier_status'; status: string; note?: string }
  /** M.1.3.5, M.2.1.8: the fix comes in a later version; a `solved` event follows. */
  | { type: 'fixed_in_later_version'; version?: string }
  /** M.2.1.6: the desk's "Info til sluttbrukere? Ja/Nei". */
  | { type: 'end_user_info_decided'; inform: boolean }
  | { type: 'incident_notice_linked'; noticeId: NoticeId };

export type SupplierCommand =
  | { type: 'engage_supplier'; supplierId: SupplierId; supplierName: string; note?: string }
  | { type: 'set_supplier_case_number'; caseNumber: string }
  | { type: 'set_supplier_status'; status: string; note?: string }
  | { type: 'fixed_in_later_version'; solution: string; version?: string }
  | { type: 'decide_end_user_info'; inform: boolean }
  | { type: 'link_incident_notice'; noticeId: NoticeId };

export type SupplierCommandType = SupplierCommand['type'];
export type SupplierEventType = SupplierEventBody['type'];

const SUPPLIER_COMMANDS: ReadonlySet<string> = new Set<SupplierCommandType>([
  'engage_supplier',
  'set_supplier_case_number',
  'set_supplier_status',
  'fixed_in_later_version',
  'decide_end_user_info',
  'link_incident_notice',
]);
const SUPPLIER_EVENTS: ReadonlySet<string> = new Set<SupplierEventType>([
  'supplier_engaged',
  'incident_reported',
  'supplier_case_number',
  'supplier_status',
  'fixed_in_later_version',
  'end_user_info_decided',
  'incident_notice_linked',
]);

export const isSupplierCommand = (cmd: { type: string }): cmd is SupplierCommand =>
  SUPPLIER_COMMANDS.has(cmd.type);
export const isSupplierEvent = (e: { type: string }): e is SupplierEventBody => SUPPLIER_EVENTS.has(e.type);

/** Who may give each command. */
export const SUPPLIER_WHO: Record<SupplierCommandType, readonly ActorRole[]> = {
  engage_supplier: ['desk', 'superuser'],
  set_supplier_case_number: ['supplier', 'desk', 'superuser'],
  set_supplier_status: ['supplier'],
  fixed_in_later_version: ['supplier', 'desk'],
  decide_end_user_info: ['desk'],
  link_incident_notice: ['desk', 'system'],
};

const WORKING: readonly CaseStatus[] = ['new', 'in_progress', 'waiting'];

/** Which statuses a command may start from, and where it leads (undefined: unchanged). */
export function supplierTransition(
  c: Case,
  cmd: SupplierCommand,
): { from: readonly CaseStatus[]; to?: CaseStatus } {
  switch (cmd.type) {
    case 'engage_supplier':
      return { from: ['in_progress', 'waiting'], to: 'waiting' };
    case 'fixed_in_later_version':
      return { from: WORKING, to: 'solved' };
    case 'decide_end_user_info':
      return c.incident?.informationOnly ? { from: WORKING, to: 'closed' } : { from: WORKING };
    case 'link_incident_notice':
      return { from: ['new', 'in_progress', 'waiting', 'solved', 'closed'] };
    default:
      return { from: WORKING };
  }
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || v.trim() === '')
    throw new ValidationError(field, `${field} must not be empty`);
  if (v.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return v.trim();
}
function optionalText(v: unknown, field: string, max: number): string | undefined {
  return v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : text(v, field, max);
}

/** The events of a permitted supplier command (input checked here). */
export function supplierEvents(c: Case, cmd: SupplierCommand, ctx: CommandContext): CaseEventBody[] {
  switch (cmd.type) {
    case 'engage_supplier': {
      const name = text(cmd.supplierName, 'supplierName', 200);
      text(cmd.supplierId, 'supplierId', 64);
      if (c.supplier?.supplierId === cmd.supplierId)
        throw new ValidationError('supplierId', `the case is already with ${name}`);
      const note = optionalText(cmd.note, 'note', MAX_COMMENT_LENGTH);
      const out: CaseEventBody[] = [];
      if (c.line !== 'supplier')
        out.push({ type: 'escalated', toLine: 'supplier', supplier: name, ...(note ? { note } : {}) });
      if (c.status === 'in_progress') out.push({ type: 'waiting_started', reason: 'supplier' });
      const held = c.supplier;
      const previous = held
        ? {
            supplierId: held.supplierId,
            name: held.name,
            ...(held.caseNumber ? { caseNumber: held.caseNumber } : {}),
          }
        : undefined;
      out.push({
        type: 'supplier_engaged',
        supplierId: cmd.supplierId,
        supplierName: name,
        ...(previous ? { previous } : {}),
      });
      return out;
    }
    case 'set_supplier_case_number': {
      const no = text(cmd.caseNumber, 'caseNumber', 100);
      if (!c.supplier) throw new ValidationError('caseNumber', 'no supplier holds the case');
      if (c.supplier.caseNumber === no)
        throw new ValidationError('caseNumber', 'the case number is unchanged');
      return [{ type: 'supplier_case_number', caseNumber: no }];
    }
    case 'set_supplier_status': {
      const status = text(cmd.status, 'status', 100);
      const note = optionalText(cmd.note, 'note', MAX_COMMENT_LENGTH);
      return [{ type: 'supplier_status', status, ...(note ? { note } : {}) }];
    }
    case 'fixed_in_later_version': {
      const solution = text(cmd.solution, 'solution', MAX_COMMENT_LENGTH);
      const version = optionalText(cmd.version, 'version', 100);
      const out: CaseEventBody[] = [];
      if (c.status === 'waiting') out.push({ type: 'waiting_ended' });
      out.push({ type: 'fixed_in_later_version', ...(version ? { version } : {}) });
      out.push({ type: 'solved', solution });
      return out;
    }
    case 'decide_end_user_info': {
      if (!c.incident) throw new ValidationError('inform', 'only a supplier incident has this decision');
      if (c.incident.endUserInfo !== undefined)
        throw new FristvaktError('ILLEGAL_TRANSITION', 'informing end users is already decided', {
          command: cmd.type,
          from: c.status,
          to: c.status,
        });
      if (typeof cmd.inform !== 'boolean')
        throw new ValidationError('inform', 'inform must be true or false');
      const out: CaseEventBody[] = [{ type: 'end_user_info_decided', inform: cmd.inform }];
      if (c.incident.informationOnly) out.push({ type: 'closed', reason: 'information_only' });
      return out;
    }
    case 'link_incident_notice': {
      if (!c.incident) throw new ValidationError('noticeId', 'only a supplier incident links a notice');
      text(cmd.noticeId, 'noticeId', 200);
      if (c.incident.noticeId === cmd.noticeId)
        throw new ValidationError('noticeId', 'the notice is already linked');
      void ctx;
      return [{ type: 'incident_notice_linked', noticeId: cmd.noticeId }];
    }
  }
}

/** The supplier's fields of a case, folded from one event (any event by the supplier is a contact). */
export function reduceSupplier(
  p: Pick<Case, 'supplier' | 'incident' | 'supplierCaseNumber'>,
  e: CaseEvent,
): Pick<Case, 'supplier' | 'incident' | 'supplierCaseNumber'> {
  let { supplier, incident, supplierCaseNumber } = p;
  switch (e.type) {
    case 'supplier_engaged':
      supplier = {
        supplierId: e.supplierId,
        name: e.supplierName,
        since: e.at,
        lastContactAt: e.at,
        ...(e.caseNumber ? { caseNumber: e.caseNumber } : {}),
      };
      if (e.caseNumber) supplierCaseNumber = e.caseNumber;
      break;
    case 'incident_reported':
      incident = { ...e.incident };
      break;
    case 'supplier_case_number':
      if (supplier) supplier = { ...supplier, caseNumber: e.caseNumber };
      supplierCaseNumber = e.caseNumber;
      break;
    case 'supplier_status':
      if (supplier) supplier = { ...supplier, status: e.status };
      break;
    case 'end_user_info_decided':
      if (incident) incident = { ...incident, endUserInfo: e.inform };
      break;
    case 'incident_notice_linked':
      if (incident) incident = { ...incident, noticeId: e.noticeId };
      break;
    default:
      break;
  }
  if (supplier && e.byRole === 'supplier') supplier = { ...supplier, lastContactAt: e.at };
  return { supplier, incident, supplierCaseNumber };
}

/**
 * Who is told of the supplier's events (`recipients.ts` asks here): the desk's thread hears every
 * supplier event; the reporter and followers hear of it through the lifecycle's own events (Avventer
 * leverandør on an engagement; the `solved` that follows a fix in a later version, with its text).
 */
export function supplierAudience(e: SupplierEventBody): { reporter: boolean; desk: boolean } {
  switch (e.type) {
    case 'supplier_case_number':
    case 'supplier_status':
      return { reporter: false, desk: true };
    case 'fixed_in_later_version':
      return { reporter: false, desk: true };
    default:
      return { reporter: false, desk: false };
  }
}
