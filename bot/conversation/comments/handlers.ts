/**
 * The case conversation in chat (issue 8): `kommenter <ref> <tekst>`, `følg <ref>`,
 * `slutt å følge <ref>`, `ny frist <ref> <dato> <tid> <begrunnelse>` (support lines), and the card
 * verbs: Kommenter / Svar (`case.comment`), Følg / Slutt å følge, Lagre følgere (the reporter), and
 * the reporter's answer to a proposed deadline. Each change goes through `actOnCase` (role on the
 * case, the lifecycle, the outbox with the change); the user sees a short receipt, or the reason in
 * Norwegian when the domain refuses.
 */
import { DateTime } from 'luxon';
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import type { Case, CommentVisibility, Person } from '../../../shared/cases/model';
import { FristvaktError, isFristvaktError } from '../../../shared/errors';
import { parseCaseRef, type CaseRef, type EventId } from '../../../shared/ids';
import { MAX_COMMENT_LENGTH, detectAddressee } from '../../../shared/text';
import type { CardJson } from '../../cards/card';
import { CONVERSATION_INPUTS } from '../../cards/comment-notice';
import { messageCard } from '../../cards/message';
import { formatDeadline } from '../../../shared/dates';
import { roleOn } from '../../../shared/access';
import { personFromText } from '../fault/validate';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { caseStatusCardFor } from '../handlers/case-status';
import { deskAction } from '../channel/desk-action';

type Outcome = { ok: Case } | { message: string };

/** Names the comment may be addressed to: the desk, the service's supplier and forvalter, the people on the case. */
function knownNames(turn: Turn, c: Case): string[] {
  const service = turn.catalogue.service(c.serviceId);
  const desk = turn.catalogue.desk(c.deskId);
  return [
    desk?.name,
    desk?.id,
    service?.supplier,
    service?.administrator?.name,
    c.reporter.name,
    c.assignee?.name,
    ...c.followers.map((f) => f.name),
  ].filter((x): x is string => typeof x === 'string' && x !== '');
}

/** Applies `build(c)` to the case as the turn's user; a refusal becomes the user's message. */
async function act(turn: Turn, ref: CaseRef, build: (c: Case) => CaseCommand | string): Promise<Outcome> {
  const s = turn.s.conversation;
  const seen = await turn.deps.changes.read(ref, turnActor(turn));
  if (!seen) return { message: turn.s.caseStatus.notFound(ref) };
  const found = seen.found;
  const command = build(found.value);
  if (typeof command === 'string') return { message: command };
  try {
    return { ok: (await turn.deps.changes.apply(ref, command, turnActor(turn), turn.now)).after.value };
  } catch (err) {
    if (!(err instanceof FristvaktError)) throw err;
    turn.deps.log.info(`case conversation on ${ref} refused: ${err.code} ${err.message}`);
    if (isFristvaktError(err, 'NOT_FOUND')) return { message: turn.s.caseStatus.notFound(ref) };
    if (isFristvaktError(err, 'FORBIDDEN')) return { message: s.forbidden };
    if (isFristvaktError(err, 'ILLEGAL_TRANSITION'))
      return { message: s.invalid(turn.s.status[found.value.status]) };
    return { message: s.invalid(validationText(turn, err)) };
  }
}

function validationText(turn: Turn, err: FristvaktError): string {
  const s = turn.s.conversation;
  const field = err.details.field;
  if (field === 'text') return s.commentRequired;
  if (field === 'proposalId') return s.proposalStale;
  if (field === 'follower') return s.forbidden;
  return err.message;
}

function commentCommand(turn: Turn, c: Case, raw: string, internal: boolean): CaseCommand | string {
  const s = turn.s.conversation;
  const text = raw.trim();
  if (text === '') return s.commentRequired;
  if (text.length > MAX_COMMENT_LENGTH) return s.commentTooLong(MAX_COMMENT_LENGTH);
  const role = roleOn(c, turn.access);
  const visibility: CommentVisibility =
    internal && (role === 'desk' || role === 'superuser') ? 'internal' : 'public';
  const addressee = detectAddressee(text, knownNames(turn, c));
  return { type: 'comment', visibility, text, ...(addressee ? { addressee } : {}) };
}

/** `kommenter FV-2026-000123 <tekst>`; a support line may start the text with `internt:` for a note. */
export async function commentCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+([\s\S]+)$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.commentUsage });
  const note = /^intern(?:t|t notat)?:\s*/i.exec(m[2]);
  const outcome = await act(turn, ref, (c) => {
    const support = ['desk', 'superuser'].includes(roleOn(c, turn.access) ?? '');
    return commentCommand(
      turn,
      c,
      note && support ? m[2].slice(note[0].length) : m[2],
      Boolean(note && support),
    );
  });
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  const last = outcome.ok.events[outcome.ok.events.length - 1];
  const internal = last?.type === 'comment' && last.visibility === 'internal';
  return messageCard({ text: internal ? s.noteAdded(ref) : s.commented(ref), tone: 'good' });
}

async function followCommand(turn: Turn, arg: string, follow: boolean): Promise<CardJson> {
  const s = turn.s.conversation;
  const ref = parseCaseRef(arg);
  if (!ref) return messageCard({ text: s.followUsage });
  const outcome = await act(turn, ref, (c) => {
    if (c.reporter.id === turn.user.id) return s.reporterCannotFollow;
    const following = c.followers.some((f) => f.id === turn.user.id);
    if (follow && following) return s.alreadyFollowing(ref);
    if (!follow && !following) return s.notFollowing(ref);
    return { type: follow ? 'follow' : 'unfollow' };
  });
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: follow ? s.following(ref) : s.unfollowed(ref), tone: 'good' });
}

export const followCommandHandler = (turn: Turn, arg: string): Promise<CardJson> =>
  followCommand(turn, arg, true);
export const unfollowCommandHandler = (turn: Turn, arg: string): Promise<CardJson> =>
  followCommand(turn, arg, false);

/**
 * `ny frist FV-2026-000123 2026-11-20 15:00 <begrunnelse>` (Oslo time): a support line proposes a new
 * resolution deadline to the reporter (seed 004 §5.5).
 */
export async function proposeDeadlineCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2}[:.]\d{2}))?\s+([\s\S]+)$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.proposeUsage });
  const due = DateTime.fromISO(`${m[2]}T${(m[3] ?? '15:00').replace('.', ':').padStart(5, '0')}`, {
    zone: 'Europe/Oslo',
  });
  if (!due.isValid) return messageCard({ text: s.proposeUsage });
  const outcome = await act(turn, ref, () => ({
    type: 'propose_deadline',
    dueAt: due.toJSDate(),
    reason: m[4],
  }));
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: s.proposalSent(ref), tone: 'good' });
}

/** `fakturerbar FV-2026-000123 <begrunnelse>` (a desk member; seed 002 §5.1.2.4). */
export async function billableCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+([\s\S]+)$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.billableUsage });
  const outcome = await act(turn, ref, () => ({ type: 'mark_billable', reason: m[2] }));
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: s.billableSaved(ref), tone: 'good' });
}

/** `problemsak FV-2026-000123 <id>` (a support line; seed 002 §5.1.2.5). */
export async function problemCommandHandler(turn: Turn, arg: string): Promise<CardJson> {
  const s = turn.s.conversation;
  const m = /^(\S+)\s+(\S{1,100})\s*$/.exec(arg.trim());
  const ref = m ? parseCaseRef(m[1]) : null;
  if (!m || !ref) return messageCard({ text: s.problemUsage });
  const outcome = await act(turn, ref, () => ({ type: 'link_problem', problemId: m[2] }));
  if ('message' in outcome) return messageCard({ text: outcome.message, tone: 'warning' });
  return messageCard({ text: s.problemSaved(ref, m[2]), tone: 'good' });
}

/** "Ny frist" from the triage card: a desk action (members only), proposed to the reporter. */
export async function deadlinePropose(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.conversation;
  const date = data[CONVERSATION_INPUTS.proposedDate];
  const time = data[CONVERSATION_INPUTS.proposedTime];
  const reason = data[CONVERSATION_INPUTS.proposedReason];
  return deskAction(turn, data, {
    build: () => {
      const due = DateTime.fromISO(`${String(date)}T${typeof time === 'string' && time ? time : '15:00'}`, {
        zone: 'Europe/Oslo',
      });
      if (typeof date !== 'string' || !due.isValid) return { invalid: s.proposeUsage };
      if (typeof reason !== 'string' || reason.trim() === '') return { invalid: s.reason };
      return { command: { type: 'propose_deadline', dueAt: due.toJSDate(), reason } };
    },
  });
}

const refOf = (data: Record<string, unknown>): CaseRef | null =>
  typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;

/**
 * Kommenter / Svar on a card: the comment box's text; on a desk card the internal-note toggle. In a
 * channel (the triage card, a comment's reply in its thread) it is a desk action: members only, the
 * triage card updated in place with a line in the thread, the answer the viewer's triage card.
 */
export async function caseComment(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const ref = refOf(data);
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[CONVERSATION_INPUTS.commentText];
  if (turn.context.activity.conversation?.conversationType === 'channel') {
    const internalNote =
      data[CONVERSATION_INPUTS.commentInternal] === 'true' ||
      data[CONVERSATION_INPUTS.commentInternal] === true;
    return deskAction(turn, data, {
      build: (c) => {
        const cmd = commentCommand(turn, c, typeof raw === 'string' ? raw : '', internalNote);
        if (typeof cmd === 'string') return { invalid: cmd };
        return { command: cmd };
      },
    });
  }
  const internal =
    data[CONVERSATION_INPUTS.commentInternal] === 'true' ||
    data[CONVERSATION_INPUTS.commentInternal] === true;
  const outcome = await act(turn, ref, (c) =>
    commentCommand(turn, c, typeof raw === 'string' ? raw : '', internal),
  );
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message, tone: 'warning' }));
  return cardResult(await caseStatusCardFor(turn, ref));
}

export async function caseFollow(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  return cardResult(await followCommand(turn, typeof data.ref === 'string' ? data.ref : '', true));
}
export async function caseUnfollow(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  return cardResult(await followCommand(turn, typeof data.ref === 'string' ? data.ref : '', false));
}

/** "Lagre følgere" on the reporter's case card: the names field replaces the followers. */
export async function caseFollowers(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.conversation;
  const ref = refOf(data);
  if (!ref) return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[CONVERSATION_INPUTS.followerNames];
  const names = (typeof raw === 'string' ? raw : '')
    .split(/[,;\n]/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length > 10 || names.some((n) => n.length > 200))
    return cardResult(messageCard({ text: s.invalid(s.followersLabel), tone: 'warning' }));
  const outcome = await act(turn, ref, (c) => {
    const wanted: Person[] = names.map((n) => personFromText(n, turn)).filter((p) => p.id !== c.reporter.id);
    const add = wanted.filter((p) => !c.followers.some((f) => f.id === p.id));
    const remove = c.followers.filter((f) => !wanted.some((p) => p.id === f.id)).map((f) => f.id);
    if (add.length === 0 && remove.length === 0) return s.followersSaved(ref);
    return { type: 'change_followers', add, remove };
  });
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message }));
  return cardResult(messageCard({ text: s.followersSaved(ref), tone: 'good' }));
}

/** The reporter's answer to a proposed deadline. */
export async function deadlineAnswer(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.conversation;
  const ref = refOf(data);
  if (!ref || typeof data.accept !== 'boolean' || typeof data.proposalId !== 'string')
    return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const raw = data[CONVERSATION_INPUTS.deadlineComment];
  const comment = typeof raw === 'string' && raw.trim() !== '' ? raw.slice(0, MAX_COMMENT_LENGTH) : undefined;
  const accept = data.accept;
  const outcome = await act(turn, ref, () => ({
    type: 'answer_deadline',
    accept,
    proposalId: data.proposalId as EventId,
    ...(comment ? { comment } : {}),
  }));
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message, tone: 'warning' }));
  const due = outcome.ok.agreedResolutionDueAt;
  return cardResult(
    messageCard({
      text: accept && due ? s.accepted(ref, formatDeadline(new Date(due), turn.locale)) : s.declined(ref),
      tone: 'good',
    }),
  );
}
