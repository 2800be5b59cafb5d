/**
 * The case (sak) and its event history. See GLOSSARY.md for the Norwegian terms.
 *
 * The event history is the truth: status, assignee and the SLA state are derived from it. The
 * denormalised fields on `Case` (status, assignee, priority, `sla`) are kept in step by the domain's
 * functions so the store can index and sort on them.
 */
import type { CaseRef, DeskId, EventId, IsoInstant, OrgId, PriorityId, ServiceId, UserId } from '../ids';
import type { PolicyMove } from '../sla/versions';
import type { SupplierEventBody, SupplierHold, SupplierIncident } from './supplier';

/** Ny → Under arbeid → Avventer → Løst → Lukket (and Løst → Under arbeid when a solution is rejected). */
export type CaseStatus = 'new' | 'in_progress' | 'waiting' | 'solved' | 'closed';
/** feilmelding (støtteforespørsel), bestilling (tjenesteforespørsel), endringsforslag, brukerstøtte. */
export type CaseKind = 'fault' | 'order' | 'change_proposal' | 'question';
/** funksjonell, teknisk (applikasjon), teknisk (infrastruktur: system, kommunikasjon, database, backup). */
export type FaultType = 'functional' | 'technical_application' | 'technical_infrastructure';
/**
 * Avventer: who the case is waiting on. `approval`: an order waits for its orderer to approve the
 * desk's estimate (Avventer godkjenning, seed 002 §5.1.4); it always pauses the clocks.
 */
export type WaitReason = 'supplier' | 'third_line' | 'reporter' | 'approval';
/** 1. linje (superbruker), 2. linje (service desk), 3. linje, driftsleverandør. */
export type SupportLine = 'first' | 'second' | 'third' | 'supplier';
/** sluttbruker, superbruker, 1. linje, forvalter. */
export type ReporterRole = 'employee' | 'superuser' | 'first_line' | 'administrator';
/** Who is hit: just me / my department / the whole virksomhet / several virksomheter or locations. */
export type Scope = 'me' | 'department' | 'organisation' | 'several_organisations';
/** Whether part of the service still works, or all of it is unavailable. */
export type Availability = 'partial' | 'all';
/** Who may see a comment: the reporter and followers too, or the support lines only. */
export type CommentVisibility = 'public' | 'internal';
export type SlaTarget = 'response' | 'resolution';

export interface Person {
  id: UserId;
  name: string;
  email?: string;
}

/** Who did something: a person, or the system itself (the watcher, auto-close). */
export type Actor =
  | ({ kind: 'user' } & Person)
  /** `supplierId`: an operations supplier acting through the supplier API, under its own name. */
  | { kind: 'system'; name: string; supplierId?: string };

/**
 * In what capacity an actor acted on a case: its reporter, a member of the case's desk (2nd line), a
 * superbruker of the case's virksomhet (1st line), a follower, or the system. The caller derives it
 * from `UserAccess` (shared/access.ts); the lifecycle's guards and the SLA rules read it. `supplier`: the
 * operations supplier holding the case (shared/cases/supplier.ts).
 */
export type ActorRole = 'reporter' | 'desk' | 'superuser' | 'follower' | 'system' | 'supplier';

/** The fault-report checklist (seed 002 §7.1–7.2). Screenshots are attachments. */
export interface FaultChecklist {
  /** How the fault shows itself. */
  symptom: string;
  /** What has been tried already. */
  triedSoFar: string;
  scope: Scope;
  availability: Availability;
  /** When the fault started. */
  startedAt: IsoInstant;
}

/**
 * The order checklist (seed 002 §7.3 and §7.1): what is ordered and for whom, the earlier
 * communication summarised (e-mails go in as attachments, §5.1.5), the billing reference where the
 * service is billable, and the organisation's contact persons. The orderer's role is the case's
 * `reporterRole`.
 */
export interface OrderChecklist {
  /** What is ordered. */
  what: string;
  /** For whom (a person, a department, a group of users). */
  forWhom: string;
  /** Relevant earlier communication, summarised (empty when there was none). */
  earlierCommunication: string;
  /** Invoice reference, resource number or cost centre: required when the service is billable. */
  billingReference?: string;
  /** The contact persons at the organisation, with how to reach them. */
  contactPersons: string;
}

/** How a billable service is billed: the kind of reference the orderer gives. */
export type BillingReferenceKind = 'invoice_reference' | 'resource_number' | 'cost_centre';

/**
 * The catalogue's terms of an order, copied from the service when the order is placed (or the case
 * converted): a later catalogue change does not move a promise already given.
 */
export interface OrderTerms {
  checklist: OrderChecklist;
  /** Expected delivery in working days (seed 002 §6); absent: the catalogue gives none. */
  deliveryWorkingDays?: number;
  /** The desk sends an estimate in hours which the orderer must approve first (seed 002 §5.1.4). */
  needsApproval: boolean;
  /** The kind of reference a billable service asks for; absent: not billable. */
  billing?: BillingReferenceKind;
  /** The catalogue's price text at ordering time, as shown to the orderer. */
  priceText?: string;
}

/** An estimate as it stands: folded from its `estimate_sent` event and the answer to it. */
export interface Estimate {
  /** The id of its `estimate_sent` event. */
  id: EventId;
  hours: number;
  text: string;
  at: IsoInstant;
  by: Actor;
  answer?: { approved: boolean; reason?: string; at: IsoInstant; by: Actor };
}

/** An order's details: its terms and the estimates sent for it, oldest first. */
export interface OrderDetails extends OrderTerms {
  estimates: Estimate[];
}

export interface AttachmentMeta {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  /** The key of the bytes in blob storage. */
  blobKey: string;
  addedAt: IsoInstant;
  addedBy: UserId;
}

/** What happened; one variant per kind of change. */
export type CaseEventBody =
  | { type: 'created'; priority: PriorityId; line?: SupportLine }
  | { type: 'claimed'; assignee: Person }
  | { type: 'assigned'; assignee: Person }
  | { type: 'priority_changed'; from: PriorityId; to: PriorityId; reason?: string }
  | { type: 'waiting_started'; reason: WaitReason; supplierCaseNumber?: string; note?: string }
  | { type: 'waiting_ended'; note?: string }
  | { type: 'escalated'; toLine: SupportLine; supplier?: string; note?: string }
  | { type: 'comment'; visibility: CommentVisibility; text: string; addressee?: string }
  | { type: 'solved'; solution: string }
  | { type: 'solution_accepted' }
  | { type: 'solution_rejected'; comment: string }
  | {
      type: 'closed';
      reason: 'accepted' | 'no_answer' | 'parent_closed' | 'withdrawn' | 'information_only';
      note?: string;
    }
  | { type: 'linked_to_parent'; parent: CaseRef }
  | { type: 'child_linked'; child: CaseRef }
  | { type: 'attachment_added'; attachment: AttachmentMeta }
  | { type: 'followers_changed'; added: Person[]; removed: UserId[] }
  | { type: 'breach_explained'; target: SlaTarget; explanation: string }
  // The case conversation and the rules that live on it (see shared/cases/conversation.ts).
  /** A comment's text changed by its author; `previousText` is kept for the desks' history only. */
  | { type: 'comment_edited'; commentId: EventId; text: string; addressee?: string; previousText?: string }
  /** A comment withdrawn by its author (or a desk); `previousText` is kept for the desks' history only. */
  | { type: 'comment_deleted'; commentId: EventId; previousText?: string }
  /** Seed 004 §5.5: a support line proposes a new resolution deadline because a third party blocks it. */
  | { type: 'deadline_proposed'; dueAt: IsoInstant; reason: string }
  /** The reporter's answer to a proposal; an accepted one becomes the resolution deadline. */
  | { type: 'deadline_answered'; proposalId: EventId; accepted: boolean; dueAt: IsoInstant; comment?: string }
  /** Seed 002 §5.1.2.4: the desk considers the work likely billable. */
  | { type: 'billable_marked'; reason: string }
  /** Seed 002 §5.1.2.5: solved with a workaround; a problem record tracks the root cause. */
  | { type: 'problem_linked'; problemId: string; note?: string }
  // Orders (see shared/cases/orders.ts).
  /** The desk's estimate in hours (never a fixed price) for an order that needs approval. */
  | { type: 'estimate_sent'; hours: number; text: string }
  /** The orderer's answer to an estimate; a rejection carries its reason. */
  | { type: 'estimate_answered'; estimateId: EventId; approved: boolean; reason?: string }
  /** A desk member converted the case (fault ↔ order); `order`: the terms when it became an order. */
  | { type: 'kind_changed'; from: CaseKind; to: CaseKind; order?: OrderTerms }
  /** The orderer was reminded of an estimate still without an answer. */
  | { type: 'approval_reminded'; estimateId: EventId }
  /** Moved to a newer version of its desk's SLA policy (`shared/sla/versions.ts`): time used stays. */
  | { type: 'policy_moved'; from: number; to: number }
  /** The operations supplier's part (seed 001 M.1.3, M.2; shared/cases/supplier.ts). */
  | SupplierEventBody;

export type CaseEventType = CaseEventBody['type'];

/** One entry in a case's append-only history: who, when, what. */
export type CaseEvent = CaseEventBody & {
  id: EventId;
  at: IsoInstant;
  by: Actor;
  /** The capacity `by` acted in (absent on events written before roles were recorded). */
  byRole?: ActorRole;
};

/** Deadlines denormalised from the SLA state for indexing (queue sort, watcher window). */
export interface SlaSummary {
  responseDueAt?: IsoInstant;
  resolutionDueAt?: IsoInstant;
  /** The earliest due instant of a running (not met, not paused) target; absent when none runs. */
  nextDueAt?: IsoInstant;
}

export interface Case {
  ref: CaseRef;
  deskId: DeskId;
  /** The virksomhet the case belongs to. */
  orgId: OrgId;
  kind: CaseKind;
  faultType?: FaultType;
  serviceId: ServiceId;
  title: string;
  /**
   * The fault-report checklist: on every case opened as a fault (kept when it becomes an order);
   * absent on a case opened as an order, whose checklist is `order.checklist`.
   */
  checklist?: FaultChecklist;
  /** On an order (kept when it becomes a fault): its catalogue terms, checklist and estimates. */
  order?: OrderDetails;
  reporter: Person;
  reporterRole: ReporterRole;
  /** Who can be contacted to test and verify. */
  testContact: Person;
  followers: Person[];
  suggestedPriority: PriorityId;
  priority: PriorityId;
  status: CaseStatus;
  assignee?: Person;
  line: SupportLine;
  supplierCaseNumber?: string;
  /** The hovedsak this case is an undersak of (fellesfeil). */
  parentRef?: CaseRef;
  /** The undersaker linked to this case when it is a hovedsak. */
  childRefs: CaseRef[];
  attachments: AttachmentMeta[];
  /** When the desk received the case: the SLA clocks start here. */
  receivedAt: IsoInstant;
  updatedAt: IsoInstant;
  /** The client's idempotency key: a replayed card submission creates no second case. */
  clientKey: string;
  sla: SlaSummary;
  events: CaseEvent[];
  /** Seed 002 §5.1.2.4: marked likely billable by the desk, with the reason (the latest mark). */
  billable?: { reason: string; at: IsoInstant };
  /** Seed 002 §5.1.2.5: the problem record tracking the root cause of a workaround. */
  problemId?: string;
  /** Seed 004 §5.5: the resolution deadline agreed with the reporter (the original stays in the SLA state). */
  agreedResolutionDueAt?: IsoInstant;
  /** The desk's SLA policy version the case was received under (absent: 1; `shared/sla/case-sla.ts`). */
  policyVersion?: number;
  /** Moves to newer policy versions, oldest first (folded from its `policy_moved` events). */
  policyMoves?: PolicyMove[];
  /** The operations supplier holding the case: since when, its case number, last contact (folded). */
  supplier?: SupplierHold;
  /** What the supplier reported when it found the fault itself (seed 001 M.2; folded). */
  incident?: SupplierIncident;
}
