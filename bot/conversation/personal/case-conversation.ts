/** The case conversation's shared steps (comments, followers, deadlines, billable, problem records): apply a change as the turn's user through the change service, a refusal becoming the user's message in their language. */
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import type { Case } from '../../../shared/cases/model';
import { FristvaktError, isFristvaktError } from '../../../shared/errors';
import { parseCaseRef, type CaseRef } from '../../../shared/ids';
import { turnActor, type Turn } from '../turn';

export type Outcome = { ok: Case } | { message: string };

/** Names the comment may be addressed to: the desk, the service's supplier and forvalter, the people on the case. */
export function knownNames(turn: Turn, c: Case): string[] {
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
export async function act(
  turn: Turn,
  ref: CaseRef,
  build: (c: Case) => CaseCommand | string,
): Promise<Outcome> {
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

export const refOf = (data: Record<string, unknown>): CaseRef | null =>
  typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
