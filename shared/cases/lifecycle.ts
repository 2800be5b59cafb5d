/**
 * The case lifecycle: Ny → Under arbeid → Avventer → Løst → Lukket, and Løst → Under arbeid when the
 * reporter rejects the solution (seed 001 M.1, seed 002 §5.1.2). A command is checked (who may, from
 * which status, with what input), turned into events appended to the history, and the denormalised
 * fields are folded from those events, so the history stays the truth (`project` replays it).
 *
 * Who may do what. `ctx.role` is the capacity the caller acts in, derived from `UserAccess`: `desk` =
 * a member of the case's desk (2nd line), `superuser` = a superbruker of the case's virksomhet (1st line),
 * `reporter`, `follower`, `system` (watcher, auto-close, a parent case's cascade).
 *
 * | command            | reporter | follower | superuser | desk | system |
 * |--------------------|----------|----------|-----------|------|--------|
 * | claim              |          |          | ✓         | ✓    |        |
 * | assign             |          |          | ✓         | ✓    | ✓      |
 * | change_priority    |          |          |           | ✓    | ✓      |
 * | wait, escalate     |          |          | ✓         | ✓    |        |
 * | resume             |          |          | ✓         | ✓    | ✓      |
 * | comment (public)   | ✓        | ✓        | ✓         | ✓    | ✓      |
 * | comment (internal) |          |          | ✓         | ✓    | ✓      |
 * | solve              |          |          | ✓         | ✓    | ✓      |
 * | accept, reject     | ✓        |          |           | ✓    |        |
 * | close withdrawn    | ✓        |          |           | ✓    |        |
 * | close no_answer / parent_closed |  |     |           | ✓    | ✓      |
 * | link_to_parent, add_child |   |          |           | ✓    | ✓      |
 * | add_attachment     | ✓        | ✓        | ✓         | ✓    |        |
 * | change_followers   | ✓        |          | ✓         | ✓    |        |
 * | explain_breach     |          |          | ✓         | ✓    |        |
 * | edit_comment       | author   | author   | author    | author |      |
 * | delete_comment     | author   | author   | author    | ✓    |        |
 * | follow, unfollow   |          | ✓        | ✓         | ✓    |        |
 * | propose_deadline   |          |          | ✓         | ✓    |        |
 * | answer_deadline    | ✓        |          |           |      |        |
 * | mark_billable      |          |          |           | ✓    |        |
 * | link_problem       |          |          | ✓         | ✓    |        |
 * | supplier commands  | see `SUPPLIER_WHO` (supplier.ts); the supplier also comments and solves |
 * | move_policy        |          |          |           | ✓    | ✓      |
 *
 * The case conversation (the rules and their reasons are in `conversation.ts`): anyone who
 * may see a case but its reporter may follow it themselves (`follow`, `unfollow`; the test contact
 * acts as a follower); the reporter and the support lines add and remove followers
 * (`change_followers`). A comment is edited by its author only and deleted by its author or a desk,
 * each leaving a trace event. Only the reporter answers a proposed deadline: it is an agreement with
 * them, so a desk cannot accept its own proposal. Billable is the desk's call (2nd line).
 *
 * Superbrukere are the 1st line: they claim, solve and escalate (seed 002 §3.2, seed 001 M.1.1.2). The
 * desk sets the final priority (domain.md), so superbrukere suggest but do not change it. Accepting,
 * rejecting and withdrawing belong to the reporter; a desk may do it on their behalf. Seed
 * 001 (M.1.2.5–M.1.2.6) lets the 1st line close a case once the end user confirms; here the 1st line
 * asks the reporter to accept, or the desk records it.
 *
 * Transitions: claim/assign new → in_progress (in_progress and waiting keep their status: a take-over);
 * wait in_progress → waiting (waiting → waiting changes the reason); resume waiting → in_progress;
 * solve new/in_progress/waiting → solved (a wait is ended first); accept solved → closed; reject solved
 * → in_progress; close no_answer solved → closed, withdrawn new/in_progress/waiting → closed,
 * parent_closed any open status → closed. Escalating to the 3rd line or a supplier from in_progress
 * also sets Avventer with that reason (seed 001 M.1.2.1, M.1.3.1). A deadline is proposed and answered
 * only while the case is worked (Ny, Under arbeid, Avventer). Nothing changes a closed case but a
 * breach explanation, a billable mark or a problem record link (both are often decided afterwards).
 *
 * Event times: an event is stamped `ctx.now`, but never earlier than the case's last event, so the
 * history stays in order even when callers' clocks disagree slightly.
 */
import { FristvaktError, ValidationError } from '../errors';
import { eventId, isoInstant, type CaseRef, type PriorityId, type UserId } from '../ids';
import { findPriority, type SlaPolicy } from '../sla/policy';
import { caseSlaSummaryWith, caseVersionNumber, type ComputedSla } from '../sla/case-sla';
import { versionOf } from '../sla/versions';
import { detectAddressee, MAX_COMMENT_LENGTH } from '../text';
import { conversationEvents, type ConversationCommand } from './conversation';
import {
  assertOrderAllows,
  isOrderCommand,
  ORDER_WHO,
  orderEvents,
  orderTransition,
  reduceOrder,
  type OrderCommand,
  type OrderCommandType,
} from './orders';
import {
  isSupplierCommand,
  reduceSupplier,
  SUPPLIER_WHO,
  supplierEvents,
  supplierTransition,
  type SupplierCommand,
  type SupplierCommandType,
} from './supplier';
import type {
  Actor,
  ActorRole,
  AttachmentMeta,
  Case,
  CaseEvent,
  CaseEventBody,
  CaseStatus,
  CommentVisibility,
  Person,
  SlaTarget,
  SupportLine,
  WaitReason,
} from './model';

export type { ActorRole } from './model';

export type CloseReason = 'no_answer' | 'parent_closed' | 'withdrawn';

export type CaseCommand =
  | { type: 'claim' }
  | { type: 'assign'; assignee: Person }
  | { type: 'change_priority'; to: PriorityId; reason?: string }
  | { type: 'wait'; reason: WaitReason; supplierCaseNumber?: string; note?: string }
  | { type: 'resume'; note?: string }
  | { type: 'escalate'; toLine: SupportLine; supplier?: string; note?: string }
  | { type: 'comment'; visibility: CommentVisibility; text: string; addressee?: string }
  | { type: 'solve'; solution: string }
  | { type: 'accept' }
  | { type: 'reject'; comment: string }
  | { type: 'close'; reason: CloseReason; note?: string }
  | { type: 'link_to_parent'; parent: CaseRef }
  | { type: 'add_child'; child: CaseRef }
  | { type: 'add_attachment'; attachment: AttachmentMeta }
  | { type: 'change_followers'; add: Person[]; remove: UserId[] }
  | { type: 'explain_breach'; target: SlaTarget; explanation: string }
  /** Moves an open case to the newest version of its desk's policy (`ctx.policy`), see `shared/sla/versions.ts`. */
  | { type: 'move_policy' }
  | ConversationCommand
  | SupplierCommand
  | OrderCommand;

export type CaseCommandType = CaseCommand['type'];

export interface CommandContext {
  actor: Actor;
  role: ActorRole;
  now: Date;
  /** The desk's policy in force now (its newest version): new priorities are checked against it. */
  policy: SlaPolicy;
  /** The desk's older policy versions, for cases received under them (`Desk.previousPolicies`). */
  previousPolicies?: readonly SlaPolicy[];
}

export interface CommandResult {
  case: Case;
  /** The events appended by this command, in order. */
  events: CaseEvent[];
  /** The case's SLA as of this change (`computedSla`), its stored deadlines' source: for its row and cards. */
  known?: ComputedSla;
}

/** The fields of a case that its events determine. */
export type CaseProjection = Pick<
  Case,
  | 'status'
  | 'assignee'
  | 'priority'
  | 'line'
  | 'supplierCaseNumber'
  | 'parentRef'
  | 'childRefs'
  | 'followers'
  | 'attachments'
  | 'updatedAt'
  | 'billable'
  | 'problemId'
  | 'agreedResolutionDueAt'
  | 'policyMoves'
  | 'supplier'
  | 'incident'
  | 'order'
> & { kind?: Case['kind'] };

export type { ConversationCommand } from './conversation';

const SUPPORT: readonly ActorRole[] = ['desk', 'superuser'];
const PEOPLE: readonly ActorRole[] = ['reporter', 'follower', 'desk', 'superuser'];
const WHO: Record<
  Exclude<CaseCommandType, 'comment' | 'close' | SupplierCommandType | OrderCommandType>,
  readonly ActorRole[]
> = {
  claim: SUPPORT,
  assign: [...SUPPORT, 'system'],
  change_priority: ['desk', 'system'],
  wait: SUPPORT,
  resume: [...SUPPORT, 'system'],
  escalate: SUPPORT,
  solve: [...SUPPORT, 'system', 'supplier'],
  accept: ['reporter', 'desk'],
  reject: ['reporter', 'desk'],
  link_to_parent: ['desk', 'system'],
  add_child: ['desk', 'system'],
  add_attachment: ['reporter', 'follower', ...SUPPORT],
  change_followers: ['reporter', ...SUPPORT],
  explain_breach: SUPPORT,
  edit_comment: PEOPLE,
  delete_comment: PEOPLE,
  follow: ['follower', ...SUPPORT],
  unfollow: ['follower', ...SUPPORT],
  propose_deadline: SUPPORT,
  answer_deadline: ['reporter'],
  mark_billable: ['desk'],
  link_problem: SUPPORT,
  move_policy: ['desk', 'system'],
};

function allowedRoles(cmd: CaseCommand): readonly ActorRole[] {
  if (cmd.type === 'comment')
    return cmd.visibility === 'internal'
      ? [...SUPPORT, 'system', 'supplier']
      : ['reporter', 'follower', ...SUPPORT, 'system', 'supplier'];
  if (isSupplierCommand(cmd)) return SUPPLIER_WHO[cmd.type];
  if (isOrderCommand(cmd)) return ORDER_WHO[cmd.type];
  if (cmd.type === 'close') return cmd.reason === 'withdrawn' ? ['reporter', 'desk'] : ['desk', 'system'];
  return WHO[cmd.type];
}

/** Which statuses a command may start from, and the status it leads to (undefined: unchanged). */
function transition(c: Case, cmd: CaseCommand): { from: readonly CaseStatus[]; to?: CaseStatus } {
  const OPEN: readonly CaseStatus[] = ['new', 'in_progress', 'waiting', 'solved'];
  const WORKING: readonly CaseStatus[] = ['new', 'in_progress', 'waiting'];
  switch (cmd.type) {
    case 'claim':
    case 'assign':
      return { from: WORKING, to: c.status === 'new' ? 'in_progress' : undefined };
    case 'wait':
      return { from: ['in_progress', 'waiting'], to: 'waiting' };
    case 'resume':
      return { from: ['waiting'], to: 'in_progress' };
    case 'escalate':
      return cmd.toLine === 'third' || cmd.toLine === 'supplier'
        ? { from: ['in_progress', 'waiting'], to: 'waiting' }
        : { from: WORKING };
    case 'solve':
      return { from: WORKING, to: 'solved' };
    case 'accept':
      return { from: ['solved'], to: 'closed' };
    case 'reject':
      return { from: ['solved'], to: 'in_progress' };
    case 'close':
      return {
        from: cmd.reason === 'no_answer' ? ['solved'] : cmd.reason === 'withdrawn' ? WORKING : OPEN,
        to: 'closed',
      };
    case 'explain_breach':
    case 'mark_billable':
    case 'link_problem':
      return { from: [...OPEN, 'closed'] };
    case 'propose_deadline':
    case 'answer_deadline':
    case 'move_policy':
      return { from: WORKING };
    default:
      if (isOrderCommand(cmd)) return orderTransition(cmd);
      return isSupplierCommand(cmd) ? supplierTransition(c, cmd) : { from: OPEN };
  }
}

const MAX_TEXT = MAX_COMMENT_LENGTH;
function text(v: unknown, field: string, max = MAX_TEXT): string {
  if (typeof v !== 'string' || v.trim() === '')
    throw new ValidationError(field, `${field} must not be empty`);
  if (v.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return v.trim();
}
function optionalText(v: unknown, field: string, max = MAX_TEXT): string | undefined {
  return v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : text(v, field, max);
}
function person(v: Person, field: string): Person {
  if (!v || typeof v.id !== 'string' || v.id === '')
    throw new ValidationError(field, `${field} must name a person`);
  text(v.name, `${field}.name`, 200);
  return v.email === undefined ? { id: v.id, name: v.name } : { id: v.id, name: v.name, email: v.email };
}
const WAIT_REASONS: readonly WaitReason[] = ['supplier', 'third_line', 'reporter'];
const LINES: readonly SupportLine[] = ['first', 'second', 'third', 'supplier'];

function actorPerson(actor: Actor): Person | undefined {
  if (actor.kind !== 'user') return undefined;
  return actor.email === undefined
    ? { id: actor.id, name: actor.name }
    : { id: actor.id, name: actor.name, email: actor.email };
}

/** The events a permitted, legal command produces (input checked here). */
function eventsFor(c: Case, cmd: CaseCommand, ctx: CommandContext): CaseEventBody[] {
  switch (cmd.type) {
    case 'claim': {
      const me = actorPerson(ctx.actor);
      if (!me) throw new FristvaktError('FORBIDDEN', 'only a person can claim a case', { role: ctx.role });
      if (c.assignee?.id === me.id) throw new ValidationError('assignee', 'the case is already yours');
      return [{ type: 'claimed', assignee: me }];
    }
    case 'assign': {
      const assignee = person(cmd.assignee, 'assignee');
      if (c.assignee?.id === assignee.id)
        throw new ValidationError('assignee', `the case is already assigned to ${assignee.name}`);
      return [{ type: 'assigned', assignee }];
    }
    case 'change_priority': {
      if (!findPriority(ctx.policy, cmd.to))
        throw new ValidationError('to', `priority '${cmd.to}' is not in policy ${ctx.policy.id}`);
      if (cmd.to === c.priority) throw new ValidationError('to', `the case already has priority '${cmd.to}'`);
      const reason = optionalText(cmd.reason, 'reason', 1000);
      return [{ type: 'priority_changed', from: c.priority, to: cmd.to, ...(reason ? { reason } : {}) }];
    }
    case 'wait': {
      if (!WAIT_REASONS.includes(cmd.reason))
        throw new ValidationError('reason', `unknown wait reason '${cmd.reason}'`);
      if (c.status === 'waiting' && c.events.length > 0) {
        const open = [...c.events].reverse().find((e) => e.type === 'waiting_started');
        if (open?.type === 'waiting_started' && open.reason === cmd.reason)
          throw new ValidationError('reason', `the case is already waiting on ${cmd.reason}`);
      }
      const no = optionalText(cmd.supplierCaseNumber, 'supplierCaseNumber', 100);
      const note = optionalText(cmd.note, 'note');
      return [
        {
          type: 'waiting_started',
          reason: cmd.reason,
          ...(no ? { supplierCaseNumber: no } : {}),
          ...(note ? { note } : {}),
        },
      ];
    }
    case 'resume': {
      const note = optionalText(cmd.note, 'note');
      return [{ type: 'waiting_ended', ...(note ? { note } : {}) }];
    }
    case 'escalate': {
      if (!LINES.includes(cmd.toLine))
        throw new ValidationError('toLine', `unknown support line '${cmd.toLine}'`);
      if (cmd.toLine === c.line)
        throw new ValidationError('toLine', `the case is already with the ${cmd.toLine} line`);
      const supplier = optionalText(cmd.supplier, 'supplier', 200);
      const note = optionalText(cmd.note, 'note');
      const out: CaseEventBody[] = [
        {
          type: 'escalated',
          toLine: cmd.toLine,
          ...(supplier ? { supplier } : {}),
          ...(note ? { note } : {}),
        },
      ];
      if (c.status === 'in_progress' && (cmd.toLine === 'third' || cmd.toLine === 'supplier'))
        out.push({ type: 'waiting_started', reason: cmd.toLine === 'third' ? 'third_line' : 'supplier' });
      return out;
    }
    case 'comment': {
      if (cmd.visibility !== 'public' && cmd.visibility !== 'internal')
        throw new ValidationError('visibility', `unknown visibility '${String(cmd.visibility)}'`);
      const body = text(cmd.text, 'text');
      const addressee = optionalText(cmd.addressee, 'addressee', 200) ?? detectAddressee(body);
      return [
        {
          type: 'comment',
          visibility: cmd.visibility,
          text: body,
          ...(addressee ? { addressee } : {}),
        },
      ];
    }
    case 'solve': {
      const solution = text(cmd.solution, 'solution');
      return c.status === 'waiting'
        ? [{ type: 'waiting_ended' }, { type: 'solved', solution }]
        : [{ type: 'solved', solution }];
    }
    case 'accept':
      return [{ type: 'solution_accepted' }, { type: 'closed', reason: 'accepted' }];
    case 'reject':
      return [{ type: 'solution_rejected', comment: text(cmd.comment, 'comment') }];
    case 'close': {
      const note = optionalText(cmd.note, 'note');
      return [{ type: 'closed', reason: cmd.reason, ...(note ? { note } : {}) }];
    }
    case 'link_to_parent': {
      if (cmd.parent === c.ref) throw new ValidationError('parent', 'a case cannot be its own parent');
      if (c.parentRef !== undefined)
        throw new ValidationError('parent', `the case is already a child of ${c.parentRef}`);
      if (c.childRefs.includes(cmd.parent))
        throw new ValidationError('parent', `${cmd.parent} is a child of this case`);
      return [{ type: 'linked_to_parent', parent: cmd.parent }];
    }
    case 'add_child': {
      if (cmd.child === c.ref) throw new ValidationError('child', 'a case cannot be its own child');
      if (c.childRefs.includes(cmd.child))
        throw new ValidationError('child', `${cmd.child} is already a child`);
      if (c.parentRef === cmd.child)
        throw new ValidationError('child', `${cmd.child} is the parent of this case`);
      return [{ type: 'child_linked', child: cmd.child }];
    }
    case 'add_attachment': {
      const a = cmd.attachment;
      text(a.id, 'attachment.id', 200);
      text(a.fileName, 'attachment.fileName', 255);
      text(a.blobKey, 'attachment.blobKey', 500);
      if (!Number.isInteger(a.sizeBytes) || a.sizeBytes <= 0)
        throw new ValidationError('attachment.sizeBytes', 'must be a positive whole number of bytes');
      if (c.attachments.some((x) => x.id === a.id))
        throw new ValidationError('attachment.id', `attachment ${a.id} is already on the case`);
      return [{ type: 'attachment_added', attachment: a }];
    }
    case 'change_followers': {
      const have = new Set<string>(c.followers.map((f) => f.id));
      const added: Person[] = [];
      for (const [i, p] of cmd.add.entries()) {
        const q = person(p, `add[${i}]`);
        if (q.id !== c.reporter.id && !have.has(q.id) && !added.some((x) => x.id === q.id)) added.push(q);
      }
      const removed = [...new Set(cmd.remove)].filter((id) => have.has(id));
      if (added.length === 0 && removed.length === 0)
        throw new ValidationError('add', 'the change adds or removes no follower');
      return [{ type: 'followers_changed', added, removed }];
    }
    case 'explain_breach':
      if (cmd.target !== 'response' && cmd.target !== 'resolution')
        throw new ValidationError('target', `unknown SLA target '${String(cmd.target)}'`);
      return [
        { type: 'breach_explained', target: cmd.target, explanation: text(cmd.explanation, 'explanation') },
      ];
    case 'move_policy': {
      const from = caseVersionNumber(c);
      const to = versionOf(ctx.policy).number;
      if (to <= from) throw new ValidationError('version', `the case already runs under version ${from}`);
      return [{ type: 'policy_moved', from, to }];
    }
    default:
      if (isOrderCommand(cmd)) return orderEvents(c, cmd, ctx);
      return isSupplierCommand(cmd) ? supplierEvents(c, cmd, ctx) : conversationEvents(c, cmd, ctx);
  }
}

/** Folds one event into the denormalised fields. */
export function reduceEvent(p: CaseProjection, e: CaseEvent): CaseProjection {
  const next: CaseProjection = { ...p, updatedAt: e.at };
  switch (e.type) {
    case 'created':
      next.status = 'new';
      next.priority = e.priority;
      if (e.line) next.line = e.line;
      break;
    case 'claimed':
    case 'assigned':
      next.assignee = e.assignee;
      if (p.status === 'new') next.status = 'in_progress';
      break;
    case 'priority_changed':
      next.priority = e.to;
      break;
    case 'waiting_started':
      next.status = 'waiting';
      if (e.supplierCaseNumber) next.supplierCaseNumber = e.supplierCaseNumber;
      break;
    case 'waiting_ended':
    case 'solution_rejected':
      next.status = 'in_progress';
      break;
    case 'escalated':
      next.line = e.toLine;
      break;
    case 'solved':
      next.status = 'solved';
      break;
    case 'closed':
      next.status = 'closed';
      break;
    case 'linked_to_parent':
      next.parentRef = e.parent;
      break;
    case 'child_linked':
      next.childRefs = [...p.childRefs, e.child];
      break;
    case 'attachment_added':
      next.attachments = [...p.attachments, e.attachment];
      break;
    case 'followers_changed': {
      const removed = new Set<string>(e.removed);
      next.followers = [...p.followers.filter((f) => !removed.has(f.id)), ...e.added];
      break;
    }
    case 'deadline_answered':
      if (e.accepted) next.agreedResolutionDueAt = e.dueAt;
      break;
    case 'billable_marked':
      next.billable = { reason: e.reason, at: e.at };
      break;
    case 'problem_linked':
      next.problemId = e.problemId;
      break;
    case 'policy_moved':
      next.policyMoves = [...(p.policyMoves ?? []), { at: e.at, to: e.to }];
      break;
    default:
      break;
  }
  return { ...next, ...reduceSupplier(next, e), ...reduceOrder(next, e) };
}

/** The denormalised fields a history implies, replayed from its first event. */
export function project(events: readonly CaseEvent[]): CaseProjection {
  const first = events[0];
  if (!first || first.type !== 'created')
    throw new ValidationError('events', 'a history starts with created');
  const empty: CaseProjection = {
    status: 'new',
    priority: first.priority,
    line: 'second',
    childRefs: [],
    followers: [],
    attachments: [],
    updatedAt: first.at,
  };
  return events.reduce(reduceEvent, empty);
}

const projectionOf = (c: Case): CaseProjection => ({
  status: c.status,
  assignee: c.assignee,
  priority: c.priority,
  line: c.line,
  supplierCaseNumber: c.supplierCaseNumber,
  parentRef: c.parentRef,
  childRefs: c.childRefs,
  followers: c.followers,
  attachments: c.attachments,
  updatedAt: c.updatedAt,
  billable: c.billable,
  problemId: c.problemId,
  agreedResolutionDueAt: c.agreedResolutionDueAt,
  policyMoves: c.policyMoves,
  supplier: c.supplier,
  incident: c.incident,
  kind: c.kind,
  order: c.order,
});

/**
 * Applies a command to a case: checks the caller's role (`FORBIDDEN`), the transition
 * (`ILLEGAL_TRANSITION`, naming both statuses) and the input (`VALIDATION`, naming the field), then
 * appends the events (ids `e<n>`, n = position in the history) and returns the updated case. Pure.
 */
export function applyCommand(c: Case, cmd: CaseCommand, ctx: CommandContext): CommandResult {
  if (!allowedRoles(cmd).includes(ctx.role))
    throw new FristvaktError('FORBIDDEN', `a ${ctx.role} may not ${cmd.type} a case`, {
      role: ctx.role,
      command: cmd.type,
    });
  const t = transition(c, cmd);
  if (!t.from.includes(c.status)) {
    const to = t.to ?? c.status;
    throw new FristvaktError('ILLEGAL_TRANSITION', `cannot ${cmd.type}: ${c.status} → ${to} is not allowed`, {
      from: c.status,
      to,
      command: cmd.type,
    });
  }
  assertOrderAllows(c, cmd);
  const bodies = eventsFor(c, cmd, ctx);
  const last = c.events[c.events.length - 1];
  const at = isoInstant(new Date(Math.max(ctx.now.getTime(), last ? Date.parse(last.at) : 0)));
  const events: CaseEvent[] = bodies.map((b, i) => ({
    ...b,
    id: eventId(`e${c.events.length + i + 1}`),
    at,
    by: ctx.actor,
    byRole: ctx.role,
  }));
  const fields = events.reduce(reduceEvent, projectionOf(c));
  const next: Case = { ...c, ...fields, events: [...c.events, ...events] };
  const { summary, known } = caseSlaSummaryWith(next, ctx);
  next.sla = summary;
  return { case: next, events, known };
}
