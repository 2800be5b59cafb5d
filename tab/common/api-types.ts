/**
 * The tab API's JSON shapes, shared by the handlers (`tab/api/`) and the browser app (`tab/web/`).
 * Instants are ISO strings on the wire; `parseSnapshot` turns an SLA snapshot back into the domain's
 * `TargetState` so the browser can tick it with `shared/sla/state.ts`.
 */
import type { Case, CaseKind, CaseStatus, OrderChecklist, Person, SlaTarget } from '../../shared/cases/model';
import type { OrderField, OrderFieldError } from '../../shared/cases/order-input';
import type { OrderReport } from '../../shared/reports/orders';
import type { Desk, Organisation, Service } from '../../shared/desks/model';
import type { Notice } from '../../shared/notices/model';
import type { SlaPolicy } from '../../shared/sla/policy';
import type { SlaPause, SlaState, TargetState } from '../../shared/sla/state';
import type { SlaReport } from '../../shared/reports/figures';

/** A target's SLA state as computed by the server at `computedAt`, for the browser's countdown. */
export interface SlaSnapshot {
  state: SlaState;
  /** The instant the state was computed for. */
  asOf: string;
  clock: TargetState['clock'];
  targetMinutes?: number;
  dueAt?: string;
  remainingMinutes?: number;
  shareElapsed?: number;
  metAt?: string;
  explanation?: string;
  pauses: Array<{ from: string; to?: string; reason: SlaPause['reason'] }>;
}

/** One row of the case list. */
export interface CaseRow {
  ref: string;
  title: string;
  deskId: string;
  orgId: string;
  serviceId: string;
  priority: string;
  /** The priority's level 1–4 (1 = most urgent), for sorting across schemes. */
  level: number;
  status: CaseStatus;
  assignee?: Person;
  receivedAt: string;
  updatedAt: string;
  /** The next running deadline (the list's default sort); absent when none runs. */
  nextDueAt?: string;
  response: SlaSnapshot;
  resolution: SlaSnapshot;
  /** Fault or order (`BE-` reference), as the case stands now. */
  kind?: CaseKind;
  /** An order waiting for its orderer to approve an estimate ("Venter på godkjenning"). */
  awaitingApproval?: boolean;
  /** The operations supplier holding the case: who, since when, its case number, last contact. */
  supplier?: { name: string; since: string; caseNumber?: string; lastContactAt: string };
}

export interface CaseListResponse {
  items: CaseRow[];
  /**
   * Rows matching the filters, across all pages. Absent on the streaming path (an unfiltered desk
   * queue in deadline order is paged straight from the store, so the first rows come fast).
   */
  total?: number;
  /** The next page's cursor; absent on the last page. */
  cursor?: string;
  /** When the server computed the snapshots. */
  computedAt: string;
}

export interface DeskSummary {
  id: string;
  name: string;
  orgIds: string[];
  phone: string;
  policy: SlaPolicy;
}

export interface MeResponse {
  user: { id: string; name: string };
  access: { deskIds: string[]; orgIds: string[]; homeOrgId?: string; reportReader: boolean };
  /** Which case views this user has: desk queue, virksomhet, own cases. */
  views: Array<'desk' | 'org' | 'mine'>;
  desks: DeskSummary[];
  services: Service[];
  organisations: Organisation[];
  /** The development sign-in is on: the UI shows its banner. */
  devSignIn: boolean;
  /** May set something up: the tab shows "Innstillinger" (administrator, or desk lead of a desk). */
  settings?: boolean;
  /** The server's clock, for the browser's countdowns. */
  now: string;
}

/** One person the development sign-in offers: a name, and what they are. */
export interface DevUser {
  id: string;
  name: string;
  /** Names of the desks they are a member of. */
  desks: string[];
  /** Names of the virksomheter where they are superbruker. */
  superuserOf: string[];
  reportReader: boolean;
}

export interface DevUsersResponse {
  users: DevUser[];
}

export interface CaseLink {
  ref: string;
  title: string;
  status: CaseStatus;
}

export interface CaseDetailResponse {
  case: Case;
  version: string;
  /** The desk's policy in force now (its newest version). */
  policy: SlaPolicy;
  /** The desk's older versions, for a case received under one (`shared/sla/case-sla.ts`). */
  previousPolicies?: SlaPolicy[];
  parent?: CaseLink;
  children: CaseLink[];
  /** The caller may act on the case as the desk (claim, priority, wait, escalate, solve). */
  canAct: boolean;
  /** For a desk: the configured operations suppliers of the case's service, to escalate to. */
  suppliers?: Array<{ id: string; name: string }>;
  /** For a desk: the case as an e-mail to copy, when the supplier holding it has no endpoint. */
  supplierEmail?: { to: string; subject: string; body: string };
  computedAt: string;
}

/** A desk action, as the tab sends it (with the version it saw: `CaseActionRequest`). */
export type CaseAction =
  | { action: 'claim' }
  | { action: 'priority'; priority: string; reason?: string }
  | {
      action: 'wait';
      reason: 'supplier' | 'third_line' | 'reporter';
      supplierCaseNumber?: string;
      note?: string;
    }
  | { action: 'resume'; note?: string }
  | {
      action: 'escalate';
      toLine: 'first' | 'second' | 'third' | 'supplier';
      /** A configured supplier (`CaseDetailResponse.suppliers`): engaged, it gets the case. */
      supplierId?: string;
      /** A supplier not configured, by name. */
      supplier?: string;
      note?: string;
    }
  | { action: 'solve'; solution: string }
  /** The reporter's answer to a solution (a desk may record it on their behalf). */
  | { action: 'accept' }
  | { action: 'reject'; comment: string }
  /** Orders: the desk's estimate in hours (never a price), for a service that needs approval. */
  | { action: 'estimate'; hours: string; text: string }
  /** Orders: the orderer's answer to the pending estimate; a rejection needs its reason. */
  | { action: 'answer_estimate'; approve: boolean; estimateId: string; reason?: string }
  /** A desk member converts the case to an order or a fault. */
  | { action: 'convert'; to: 'fault' | 'order' };
export type CaseActionRequest = { version: string } & CaseAction;
export type CaseActionName = CaseAction['action'];

export interface ConflictResponse {
  error: { code: 'CONFLICT'; message: string };
  /** Who changed the case since the caller read it, and when. */
  changedBy?: { name: string; at: string; what: string };
  current: CaseDetailResponse;
}

/** `POST /api/orders`: an order from the catalogue (the order form in the tab). */
export interface NewOrderRequest {
  serviceId: string;
  reporterRole: string;
  checklist: Partial<OrderChecklist>;
  /** The form's idempotency key: a repeated submit creates no second order. */
  clientKey: string;
}

export interface NewOrderResponse {
  ref: string;
  /** False when the client key was seen: the earlier order. */
  created: boolean;
  /** The expected delivery (the resolution deadline); absent while an estimate must be approved first. */
  expectedDeliveryAt?: string;
  needsApproval: boolean;
}

/** 400 from `POST /api/orders`: every refused field at once. */
export interface OrderFormErrorResponse {
  error: { code: 'VALIDATION'; message: string; field?: string };
  fields: Partial<Record<OrderField, OrderFieldError>>;
}

/** `GET /api/reports/orders`: the period's order figures. */
export interface OrderReportResponse {
  /** The figures; the per-order rows are in the CSV. */
  report: Omit<OrderReport, 'rows'>;
}

/** A report's figures without its per-case rows. */
export type ReportFigures = Omit<SlaReport, 'rows'>;

export interface ReportResponse {
  /** The figures without the per-case rows (those are in the CSV); at most `MAX_REPORT_BREACHES` breaches. */
  report: ReportFigures;
  /** All breaches in the period (the list may be cut). */
  breachCount: number;
  /** Names for ids, so the dashboard can label services, virksomheter and desks. */
  names: { services: Record<string, string>; orgs: Record<string, string>; desks: Record<string, string> };
}

/** Breaches listed in the dashboard's JSON; the CSV has them all. */
export const MAX_REPORT_BREACHES = 500;

export interface NoticesResponse {
  active: Notice[];
  recent: Notice[];
  /** Desks the caller may publish notices for. */
  publishDesks: string[];
}

export interface NewNoticeRequest {
  deskId: string;
  kind: Notice['kind'];
  title: string;
  text: string;
  serviceIds: string[];
  startsAt: string;
  expectedEndAt?: string;
  shortNoticeReason?: string;
}

export interface ApiError {
  error: { code: string; message: string; field?: string };
}

export type { Desk, SlaTarget };

export function snapshot(s: TargetState, computedAt: Date): SlaSnapshot {
  const asOf = (s as { asOf?: Date }).asOf ?? computedAt;
  const out: SlaSnapshot = {
    state: s.state,
    asOf: asOf.toISOString(),
    clock: s.clock,
    pauses: s.pauses.map((p) =>
      p.to
        ? { from: p.from.toISOString(), to: p.to.toISOString(), reason: p.reason }
        : { from: p.from.toISOString(), reason: p.reason },
    ),
  };
  if (s.targetMinutes !== undefined) out.targetMinutes = s.targetMinutes;
  if (s.dueAt) out.dueAt = s.dueAt.toISOString();
  if (s.remainingMinutes !== undefined) out.remainingMinutes = s.remainingMinutes;
  if (s.shareElapsed !== undefined) out.shareElapsed = s.shareElapsed;
  if (s.metAt) out.metAt = s.metAt.toISOString();
  if (s.explanation !== undefined) out.explanation = s.explanation;
  return out;
}

export function parseSnapshot(target: SlaTarget, s: SlaSnapshot): TargetState {
  // `asOf` is set through Object.assign so this compiles whether or not TargetState declares it yet.
  const out: TargetState = Object.assign(
    {
      target,
      state: s.state,
      clock: s.clock,
      pauses: s.pauses.map((p) =>
        p.to
          ? { from: new Date(p.from), to: new Date(p.to), reason: p.reason }
          : { from: new Date(p.from), reason: p.reason },
      ),
    },
    { asOf: new Date(s.asOf) },
  );
  if (s.targetMinutes !== undefined) out.targetMinutes = s.targetMinutes;
  if (s.dueAt) out.dueAt = new Date(s.dueAt);
  if (s.remainingMinutes !== undefined) out.remainingMinutes = s.remainingMinutes;
  if (s.shareElapsed !== undefined) out.shareElapsed = s.shareElapsed;
  if (s.metAt) out.metAt = new Date(s.metAt);
  if (s.explanation !== undefined) out.explanation = s.explanation;
  return out;
}

/**
 * The version of a notice as a user saw it, sent back with a change (`POST /api/notices/:id/update`,
 * `/resolve`) so a notice changed meanwhile is refused (409): its last change time and its content, so
 * two changes within the same instant still differ.
 */
export function noticeVersion(n: Pick<Notice, 'updatedAt' | 'status' | 'text' | 'expectedEndAt'>): string {
  let h = 0x811c9dc5;
  for (const ch of `${n.status}|${n.expectedEndAt ?? ''}|${n.text}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${n.updatedAt}:${h.toString(16)}`;
}
