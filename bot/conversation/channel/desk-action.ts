/**
 * One desk action on a triage card, the same for every verb: find the case, refuse a non-member (an
 * error card, nothing changes), refuse a card made before someone else acted (who was first, and the
 * current card), apply the command through the lifecycle, and write the change with its outbox
 * messages (the card updated in place, a one-line reply in the thread, the reporter's notifications)
 * conditionally on the version read. Two people acting at once: the store lets one write win
 * (`ConflictError` for the other), who then sees who was first. The answer is the card for the viewer.
 */
import type { CaseCommand, CommandResult } from '../../../shared/cases/lifecycle';
import { applyCommand } from '../../../shared/cases/lifecycle';
import type { Actor, Case } from '../../../shared/cases/model';
import { STATUS_LABELS } from '../../../shared/cases/labels';
import type { Desk } from '../../../shared/desks/model';
import { isFristvaktError } from '../../../shared/errors';
import { parseCaseRef } from '../../../shared/ids';
import type { OutboxMessage, Versioned } from '../../../shared/ports';
import { channelErrorCard } from '../../cards/channel/error-card';
import { channelStrings } from '../../cards/channel/strings';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { reporterNotifications } from '../notify';
import { conversationNotifications } from '../comments/notify';
import type { Turn } from '../turn';
import { cardVersion, triageCardFor, type CardContext, type TriageCardOptions } from './case-card';
import { eventLine, eventWhat } from './event-line';
import { triageChangeMessages } from './triage-outbox';

/** What a handler asks for: a command (and optionally its own reply line), or a message for the viewer. */
export type Built = { command: CaseCommand; line?: (result: CommandResult) => string } | { invalid: string };

export interface DeskActionSpec {
  build: (c: Case, desk: Desk, data: Record<string, unknown>, turn: Turn) => Built | Promise<Built>;
  /** After the change is stored (fellesfeil cascades); may return a banner for the viewer. */
  after?: (
    stored: Versioned<Case>,
    result: CommandResult,
    desk: Desk,
    turn: Turn,
  ) => Promise<string | undefined>;
}

export const cardContext = (turn: Turn): CardContext => ({
  catalogue: turn.catalogue,
  directory: turn.deps.directory,
  now: turn.now,
  locale: turn.locale,
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
  const s = channelStrings(turn.locale).errors;
  const ref = typeof data.ref === 'string' ? parseCaseRef(data.ref) : null;
  if (!ref) return { answer: errorResult(400, 'BadRequest', turn.s.errors.expired) };
  const deskId = await turn.deps.store.cases.locate(ref);
  const desk = deskId ? turn.catalogue.desk(deskId) : undefined;
  if (!deskId || !desk)
    return { answer: cardResult(channelErrorCard({ locale: turn.locale, message: s.notFound(ref) })) };
  if (!turn.access.deskIds.includes(deskId)) {
    turn.deps.log.warn(
      `desk action on ${ref} refused: ${turn.user.id} is not a member of ${deskId} (FORBIDDEN)`,
    );
    return { answer: cardResult(channelErrorCard({ locale: turn.locale, message: s.notMember(desk.name) })) };
  }
  const found = await turn.deps.store.cases.getForDesk(ref, deskId);
  if (!found)
    return { answer: cardResult(channelErrorCard({ locale: turn.locale, message: s.notFound(ref) })) };
  return { found, desk };
}

/** The viewer's card with a banner. */
function viewerCard(turn: Turn, c: Case, desk: Desk, banner?: TriageCardOptions['banner']): InvokeResult {
  return cardResult(
    triageCardFor(c, desk, cardContext(turn), {
      viewer: { id: turn.user.id, member: true },
      ...(banner ? { banner } : {}),
    }),
  );
}

/** "Kari was first: took the case (10:05)", from the first event after the version the viewer saw. */
function firstBanner(turn: Turn, c: Case, desk: Desk, seen: number): TriageCardOptions['banner'] {
  const s = channelStrings(turn.locale).errors;
  const e = c.events[seen];
  if (!e) return { text: s.changedMeanwhile, tone: 'warning' };
  const when = eventLine(e, '', turn.locale).split(' · ').pop() ?? '';
  return { text: s.first(e.by.name, eventWhat(e, desk, turn.locale), when), tone: 'warning' };
}

/** The domain's refusal in the viewer's words. */
function refusal(turn: Turn, err: unknown, c: Case): string | null {
  const s = channelStrings(turn.locale).errors;
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
  const actor: Actor = { kind: 'user', ...turn.user };
  let result: CommandResult;
  try {
    result = applyCommand(found.value, built.command, {
      actor,
      role: 'desk',
      now: turn.now,
      policy: desk.policy,
    });
  } catch (err) {
    const message = refusal(turn, err, found.value);
    if (message === null) throw err;
    return viewerCard(turn, found.value, desk, { text: message, tone: 'attention' });
  }
  const last = result.events[result.events.length - 1]!;
  const what = built.line ? built.line(result) : eventWhat(last, desk, 'nb');
  const outbox: OutboxMessage[] = [
    ...triageChangeMessages(result.case, result.events, desk, cardContext(turn), eventLine(last, what, 'nb')),
    ...(await reporterNotifications(turn.deps.store, result.case, result.events, desk, turn.now)),
    // Issue 8: the followers hear of the change too (comments/notify.ts).
    ...(await conversationNotifications(
      { store: turn.deps.store, catalogue: turn.catalogue, now: turn.now },
      result.case,
      result.events,
      desk,
    )),
  ];
  let stored: Versioned<Case>;
  try {
    stored = await turn.deps.store.cases.update(result.case, found.version, outbox);
  } catch (err) {
    if (!isFristvaktError(err, 'CONFLICT')) throw err;
    // Someone else's change was written between our read and our write: theirs won.
    const now = await turn.deps.store.cases.getForDesk(found.value.ref, desk.id);
    if (!now) throw err;
    return viewerCard(turn, now.value, desk, firstBanner(turn, now.value, desk, found.value.events.length));
  }
  const note = spec.after ? await spec.after(stored, result, desk, turn) : undefined;
  return viewerCard(turn, stored.value, desk, note ? { text: note, tone: 'good' } : undefined);
}
