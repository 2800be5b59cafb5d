/**
 * The case conversation: comments and their edits, followers, and the seeds' rules that live
 * on the conversation. `applyCommand` (lifecycle.ts) checks roles and statuses and hands these
 * commands here for their events. Pure.
 *
 * Decisions:
 * - Comments are plain text of at most `MAX_COMMENT_LENGTH` characters, stored as written (trimmed);
 *   no markup is interpreted anywhere (renderers escape: `plainTextForCard`). A comment that starts
 *   with a greeting names its addressee ("Hei UKE, …" → `UKE`; seed 002 §5.1).
 * - Editing: only a comment's author, and only its text (never its visibility). Deleting: its author,
 *   or a desk member (for text that must not stay visible, e.g. a password pasted by mistake). Both
 *   leave a trace event referring to the comment's event id (`comment_edited` / `comment_deleted`);
 *   the text before the change is kept in that event as `previousText`, which only the support lines
 *   see: `eventsFor(c, 'public')` drops it and shows the current text, or none for a deleted comment.
 *   A comment is neither edited nor deleted twice after its deletion. An edit or deletion never
 *   changes the SLA: a reply that met the response target stays the reply that met it.
 * - Following: anyone who may see a case except its reporter (a desk member, a superbruker of the
 *   virksomhet, the test contact, a follower) may follow or stop following it themselves; the
 *   reporter and the support lines add and remove other people (`change_followers`). Followers may
 *   write public comments, never internal notes.
 * - Agreed new deadline (seed 004 §5.5): a support line proposes a resolution deadline later than the
 *   current one, with the reason (a third party blocks it). Only the latest unanswered proposal can be
 *   answered, and only by the reporter; a new proposal replaces an unanswered one. An accepted
 *   proposal becomes the resolution deadline in `computeSla` (`agreedDueAt`), with the deadline it
 *   replaced kept as `originalDueAt` for the report. The agreed deadline is a fixed instant: later
 *   waits do not move it.
 * - Billable (seed 002 §5.1.2.4): a desk member marks the case likely billable with a reason; the
 *   reporter is told. Marking again replaces the reason.
 * - Problem record (seed 002 §5.1.2.5): a support line links the case to a problem record id (a case
 *   solved with a workaround); the reporter and followers are told that a permanent fix is pending.
 */
import { FristvaktError, ValidationError } from '../errors';
import { isoInstant, type EventId } from '../ids';
import { caseSla } from '../sla/case-sla';
import { detectAddressee, MAX_COMMENT_LENGTH } from '../text';
import type { CommandContext } from './lifecycle';
import type { Case, CaseEvent, CaseEventBody, Person } from './model';

export type ConversationCommand =
  | { type: 'edit_comment'; commentId: EventId; text: string }
  | { type: 'delete_comment'; commentId: EventId }
  | { type: 'follow' }
  | { type: 'unfollow' }
  | { type: 'propose_deadline'; dueAt: Date | string; reason: string }
  | { type: 'answer_deadline'; accept: boolean; proposalId?: EventId; comment?: string }
  | { type: 'mark_billable'; reason: string }
  | { type: 'link_problem'; problemId: string; note?: string };

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || v.trim() === '')
    throw new ValidationError(field, `${field} must not be empty`);
  if (v.length > max) throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return v.trim();
}
function optionalText(v: unknown, field: string, max: number): string | undefined {
  return v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : text(v, field, max);
}

function me(ctx: CommandContext): Person {
  if (ctx.actor.kind !== 'user') throw new ValidationError('actor', 'only a person can do this');
  const { id, name, email } = ctx.actor;
  return email === undefined ? { id, name } : { id, name, email };
}

export type CommentEvent = Extract<CaseEvent, { type: 'comment' }>;
export type DeadlineProposal = Extract<CaseEvent, { type: 'deadline_proposed' }>;

/** A comment as it stands now: its current text, and its changes. */
export interface CommentState {
  event: CommentEvent;
  text: string;
  addressee?: string;
  editedAt?: string;
  deletedAt?: string;
  /** Earlier texts, oldest first (support lines only). */
  previousTexts: string[];
}

/** Every comment of the case with its edits and deletion folded in, in history order. */
export function commentStates(c: Pick<Case, 'events'>): CommentState[] {
  const byId = new Map<string, CommentState>();
  const out: CommentState[] = [];
  for (const e of c.events) {
    if (e.type === 'comment') {
      const s: CommentState = { event: e, text: e.text, previousTexts: [] };
      if (e.addressee !== undefined) s.addressee = e.addressee;
      byId.set(e.id, s);
      out.push(s);
    } else if (e.type === 'comment_edited') {
      const s = byId.get(e.commentId);
      if (!s) continue;
      s.previousTexts.push(s.text);
      s.text = e.text;
      if (e.addressee !== undefined) s.addressee = e.addressee;
      else delete s.addressee;
      s.editedAt = e.at;
    } else if (e.type === 'comment_deleted') {
      const s = byId.get(e.commentId);
      if (!s) continue;
      s.previousTexts.push(s.text);
      s.text = '';
      s.deletedAt = e.at;
    }
  }
  return out;
}

/** The unanswered proposal, if any: the latest `deadline_proposed` with no answer to it. */
export function pendingProposal(c: Pick<Case, 'events'>): DeadlineProposal | undefined {
  let pending: DeadlineProposal | undefined;
  for (const e of c.events) {
    if (e.type === 'deadline_proposed') pending = e;
    else if (e.type === 'deadline_answered' && pending?.id === e.proposalId) pending = undefined;
  }
  return pending;
}

/** Who reads a history: the support lines (everything) or the reporter and followers. */
export type Audience = 'support' | 'public';

/**
 * The history as `audience` may see it. For `public`: internal notes and the edits and deletions of
 * internal notes are left out; a public comment shows its current text (empty once deleted); edit and
 * deletion events lose `previousText`. For `support`: the history as stored.
 */
export function eventsFor(c: Pick<Case, 'events'>, audience: Audience): CaseEvent[] {
  if (audience === 'support') return c.events;
  const states = new Map(commentStates(c).map((s) => [s.event.id as string, s]));
  const internal = new Set(
    [...states.values()].filter((s) => s.event.visibility === 'internal').map((s) => s.event.id as string),
  );
  const out: CaseEvent[] = [];
  for (const e of c.events) {
    if (e.type === 'comment') {
      if (e.visibility !== 'public') continue;
      const s = states.get(e.id)!;
      const { addressee: _drop, ...rest } = e;
      void _drop;
      out.push({ ...rest, text: s.text, ...(s.addressee !== undefined ? { addressee: s.addressee } : {}) });
    } else if (e.type === 'comment_edited') {
      if (internal.has(e.commentId)) continue;
      const { previousText: _old, ...rest } = e;
      void _old;
      const now = states.get(e.commentId);
      // After a later deletion the edit shows no text either.
      out.push({ ...rest, text: now?.deletedAt !== undefined ? '' : e.text });
    } else if (e.type === 'comment_deleted') {
      if (internal.has(e.commentId)) continue;
      const { previousText: _old, ...rest } = e;
      void _old;
      out.push(rest);
    } else out.push(e);
  }
  return out;
}

function commentToChange(c: Case, id: EventId, ctx: CommandContext, field: string): CommentState {
  const s = commentStates(c).find((x) => x.event.id === id);
  if (!s) throw new ValidationError(field, `no comment ${id} on the case`);
  if (s.deletedAt !== undefined) throw new ValidationError(field, `comment ${id} is deleted`);
  const author = s.event.by;
  const mine = ctx.actor.kind === 'user' && author.kind === 'user' && author.id === ctx.actor.id;
  if (!mine && !(field === 'delete' && ctx.role === 'desk'))
    throw new FristvaktError('FORBIDDEN', `only the author may ${field} comment ${id}`, {
      field,
      role: ctx.role,
    });
  return s;
}

function instant(v: Date | string, field: string): Date {
  const d = v instanceof Date ? v : new Date(v);
  if (Number.isNaN(d.getTime())) throw new ValidationError(field, `${field} is not a date and time`);
  return d;
}

const MAX_PROPOSAL_DAYS = 366;

/** The events of a permitted conversation command (input checked here). */
export function conversationEvents(c: Case, cmd: ConversationCommand, ctx: CommandContext): CaseEventBody[] {
  switch (cmd.type) {
    case 'edit_comment': {
      const s = commentToChange(c, cmd.commentId, ctx, 'edit');
      const body = text(cmd.text, 'text', MAX_COMMENT_LENGTH);
      if (body === s.text) throw new ValidationError('text', 'the comment is unchanged');
      const addressee = detectAddressee(body);
      return [
        {
          type: 'comment_edited',
          commentId: cmd.commentId,
          text: body,
          ...(addressee ? { addressee } : {}),
          previousText: s.text,
        },
      ];
    }
    case 'delete_comment': {
      const s = commentToChange(c, cmd.commentId, ctx, 'delete');
      return [{ type: 'comment_deleted', commentId: cmd.commentId, previousText: s.text }];
    }
    case 'follow': {
      const p = me(ctx);
      if (p.id === c.reporter.id)
        throw new ValidationError('follower', 'the reporter follows the case already');
      if (c.followers.some((f) => f.id === p.id))
        throw new ValidationError('follower', 'you follow the case already');
      return [{ type: 'followers_changed', added: [p], removed: [] }];
    }
    case 'unfollow': {
      const p = me(ctx);
      if (!c.followers.some((f) => f.id === p.id))
        throw new ValidationError('follower', 'you do not follow the case');
      return [{ type: 'followers_changed', added: [], removed: [p.id] }];
    }
    case 'propose_deadline': {
      const due = instant(cmd.dueAt, 'dueAt');
      const reason = text(cmd.reason, 'reason', 1000);
      if (due.getTime() <= ctx.now.getTime())
        throw new ValidationError('dueAt', 'the deadline must be ahead');
      if (due.getTime() > ctx.now.getTime() + MAX_PROPOSAL_DAYS * 86_400_000)
        throw new ValidationError('dueAt', `the deadline must be within ${MAX_PROPOSAL_DAYS} days`);
      const current = caseSla(c, ctx, ctx.now).resolution.dueAt;
      if (current && due.getTime() <= current.getTime())
        throw new ValidationError(
          'dueAt',
          `the new deadline must be after the current one (${current.toISOString()})`,
        );
      return [{ type: 'deadline_proposed', dueAt: isoInstant(due), reason }];
    }
    case 'answer_deadline': {
      const pending = pendingProposal(c);
      if (!pending) throw new ValidationError('proposalId', 'there is no proposed deadline to answer');
      if (cmd.proposalId !== undefined && cmd.proposalId !== pending.id)
        throw new ValidationError('proposalId', 'the proposal was replaced by a newer one');
      if (typeof cmd.accept !== 'boolean')
        throw new ValidationError('accept', 'accept must be true or false');
      const comment = optionalText(cmd.comment, 'comment', MAX_COMMENT_LENGTH);
      return [
        {
          type: 'deadline_answered',
          proposalId: pending.id,
          accepted: cmd.accept,
          dueAt: pending.dueAt,
          ...(comment ? { comment } : {}),
        },
      ];
    }
    case 'mark_billable':
      return [{ type: 'billable_marked', reason: text(cmd.reason, 'reason', 1000) }];
    case 'link_problem': {
      const problemId = text(cmd.problemId, 'problemId', 100);
      if (c.problemId === problemId)
        throw new ValidationError('problemId', `the case is already linked to ${problemId}`);
      const note = optionalText(cmd.note, 'note', MAX_COMMENT_LENGTH);
      return [{ type: 'problem_linked', problemId, ...(note ? { note } : {}) }];
    }
  }
}
