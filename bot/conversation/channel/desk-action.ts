/**
 * One desk action on a triage card, the same for every verb: find the case as the viewer may see it
 * (someone who may not see it gets the same "not found" as for a made-up reference; someone who sees
 * it but is not a support line is refused the same way), refuse a card made before someone else acted
 * (who was first, and the current card), and hand the command to the change service
 * (`deps.changes`), conditionally on the version read. Two people acting at once: one write wins, the
 * other sees who was first. The answer is the card for the viewer.
 */
import { isSupportRole } from '../../../shared/access';
import type { Applied } from '../../../shared/app/case-changes';
import type { CaseCommand } from '../../../shared/cases/lifecycle';
import type { Case } from '../../../shared/cases/model';
import { STATUS_LABELS } from '../../../shared/cases/labels';
import type { Desk } from '../../../shared/desks/model';
import { ConflictError, isFristvaktError } from '../../../shared/errors';
import { parseCaseRef } from '../../../shared/ids';
import type { Versioned } from '../../../shared/ports';
import { channelErrorCard } from '../../cards/channel/error-card';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { cardVersion, triageCardFor, type CardContext, type TriageCardOptions } from './case-card';
import { eventWhat } from './event-line';
import { eventLine } from '../../../shared/cases/event-words';

/** What a handler asks for: a command, or a message for the viewer. */
export type Built = { command: CaseCommand } | { invalid: string };

export interface DeskActionSpec {
  build: (c: Case, desk: Desk, data: Record<string, unknown>, turn: Turn) => Built | Promise<Built>;
  /** After the change is stored: a banner for the viewer (e.g. how many undersaker were solved with it). */
  after?: (applied: Applied, turn: Turn) => string | undefined;
}

/** What a triage card for this turn's viewer is made from, with the desk's active driftsmeldinger. */
export const cardContext = async (turn: Turn, desk: Desk): Promise<CardContext> => ({
  catalogue: turn.catalogue,
  directory: turn.deps.directory,
  now: turn.now,
  locale: turn.locale,
  notices: await turn.deps.store.notices.listActive(desk.id),
  ...(turn.deps.links ? { links: turn.deps.links } : {}),
});

export interface Located {
  found: Versioned<Case>;
  desk: Desk;
}

/** The case and its desk when the viewer is a member of it; else the error card to answer with. */
export async function locateForDesk(
  turn: Turn,
  data: Record<string, unknown>,
): Promise<Located | { answer: InvokeResult }> {
  const s = turn.s.channel.errors;
  const ref = typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
  if (!ref) return { answer: errorResult(400, 'BadRequest', turn.s.errors.expired) };
  // The one access rule: a case the viewer may not see answers exactly as one that does not exist.
  const seen = await turn.deps.changes.read(ref, turnActor(turn));
  if (!seen || !isSupportRole(seen.role)) {
    if (seen)
      turn.deps.log.warn(`desk action on ${ref} refused: ${turn.user.id} acts as ${seen.role} (FORBIDDEN)`);
    return { answer: cardResult(channelErrorCard({ locale: turn.locale, message: s.notFound(ref) })) };
  }
  return { found: seen.found, desk: seen.desk };
}

/** The viewer's card with a banner. */
async function viewerCard(
  turn: Turn,
  c: Case,
  desk: Desk,
  banner?: TriageCardOptions['banner'],
  known?: TriageCardOptions['known'],
): Promise<InvokeResult> {
  return cardResult(
    triageCardFor(c, desk, await cardContext(turn, desk), {
      viewer: { id: turn.user.id, member: true },
      ...(banner ? { banner } : {}),
      ...(known ? { known } : {}),
    }),
  );
}

/** "Kari was first: took the case (10:05)", from the first event after the version the viewer saw. */
function firstBanner(turn: Turn, c: Case, desk: Desk, seen: number): TriageCardOptions['banner'] {
  const s = turn.s.channel.errors;
  const e = c.events[seen];
  if (!e) return { text: s.changedMeanwhile, tone: 'warning' };
  const when = eventLine(e, '', turn.locale).split(' · ').pop() ?? '';
  return { text: s.first(e.by.name, eventWhat(e, desk, turn.locale), when), tone: 'warning' };
}

/** The domain's refusal in the viewer's words. */
function refusal(turn: Turn, err: unknown, c: Case): string | null {
  const s = turn.s.channel.errors;
  // An order waiting for an approved estimate says why (shared/cases/orders.ts).
  if (isFristvaktError(err, 'ILLEGAL_TRANSITION') && err.details.reason === 'ESTIMATE_MISSING')
    return turn.s.order.gate.missing;
  if (isFristvaktError(err, 'ILLEGAL_TRANSITION') && err.details.reason === 'APPROVAL_PENDING')
    return turn.s.order.gate.pending;
  if (isFristvaktError(err, 'ILLEGAL_TRANSITION')) return s.illegal(STATUS_LABELS[c.status][turn.locale]);
  if (isFristvaktError(err, 'VALIDATION')) {
    const field = err.details.field;
    if (field === 'assignee')
      return c.assignee?.id === turn.user.id ? s.alreadyYours : s.alreadyAssigned(c.assignee?.name ?? '');
    if (field === 'to') return s.samePriority;
    if (field === 'reason') return s.sameWait;
    if (field === 'toLine') return s.sameLine;
    if (field === 'parent' || field === 'child') return s.badParent;
    return s.generic;
  }
  if (isFristvaktError(err, 'FORBIDDEN')) return s.notMember('');
  return null;
}

export async function deskAction(
  turn: Turn,
  data: Record<string, unknown>,
  spec: DeskActionSpec,
): Promise<InvokeResult> {
  const located = await locateForDesk(turn, data);
  if ('answer' in located) return located.answer;
  const { found, desk } = located;
  const seen = typeof data.version === 'string' ? Number(data.version) : NaN;
  if (Number.isInteger(seen) && String(seen) !== cardVersion(found.value))
    return viewerCard(turn, found.value, desk, firstBanner(turn, found.value, desk, seen));

  const built = await spec.build(found.value, desk, data, turn);
  if ('invalid' in built)
    return viewerCard(turn, found.value, desk, { text: built.invalid, tone: 'attention' });
  let applied: Applied;
  try {
    applied = await turn.deps.changes.apply(found.value.ref, built.command, turnActor(turn), turn.now, {
      expectedVersion: found.version,
    });
  } catch (err) {
    if (err instanceof ConflictError) {
      // Someone else's change was written between our read and our write: theirs won.
      const current = (err.details.current as Versioned<Case> | undefined)?.value ?? found.value;
      return viewerCard(turn, current, desk, firstBanner(turn, current, desk, found.value.events.length));
    }
    const message = refusal(turn, err, found.value);
    if (message === null) throw err;
    return viewerCard(turn, found.value, desk, { text: message, tone: 'attention' });
  }
  const note = spec.after ? spec.after(applied, turn) : undefined;
  // The SLA the change computed is the card's when it was computed for this case at this instant.
  return viewerCard(
    turn,
    applied.after.value,
    desk,
    note ? { text: note, tone: 'good' } : undefined,
    applied.known,
  );
}
