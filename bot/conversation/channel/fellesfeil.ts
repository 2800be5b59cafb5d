/**
 * Fellesfeil in the channel: the hovedsak's side of a link (its card shows the count), and solving a
 * hovedsak's undersaker with its solution. Each undersak is written on its own, conditionally on the
 * version read; on a conflict it is read again and the rule applied again (a no-op when someone solved
 * it meanwhile), so no undersak is skipped. Each gets its card updated, a reply in its thread, and its
 * reporter the solution card (the same notifications as any solve).
 */
import { addChildTo, parentSolution, solveChild } from '../../../shared/cases/fellesfeil';
import type { CommandContext, CommandResult } from '../../../shared/cases/lifecycle';
import type { Case } from '../../../shared/cases/model';
import type { Desk } from '../../../shared/desks/model';
import { isFristvaktError } from '../../../shared/errors';
import type { CaseRef } from '../../../shared/ids';
import type { OutboxMessage } from '../../../shared/ports';
import { channelStrings } from '../../cards/channel/strings';
import { reporterNotifications } from '../notify';
import type { Turn } from '../turn';
import { cardContext } from './desk-action';
import { eventLine } from './event-line';
import { triageChangeMessages } from './triage-outbox';

const ATTEMPTS = 10;

/** Reads, applies and writes one case until the write wins; null when the rule had nothing to do. */
async function applyUntilWritten(
  turn: Turn,
  ref: CaseRef,
  desk: Desk,
  apply: (c: Case) => CommandResult | null,
  line: (r: CommandResult) => string,
): Promise<Case | null> {
  const { store } = turn.deps;
  for (let attempt = 1; ; attempt++) {
    const current = await store.cases.getForDesk(ref, desk.id);
    if (!current) return null;
    const r = apply(current.value);
    if (!r) return null;
    const last = r.events[r.events.length - 1]!;
    const outbox: OutboxMessage[] = [
      ...triageChangeMessages(r.case, r.events, desk, cardContext(turn), eventLine(last, line(r), 'nb')),
      ...(await reporterNotifications(store, r.case, r.events, desk, turn.now)),
    ];
    try {
      return (await store.cases.update(r.case, current.version, outbox)).value;
    } catch (err) {
      if (!isFristvaktError(err, 'CONFLICT') || attempt >= ATTEMPTS) throw err;
      turn.deps.log.info(`fellesfeil: ${ref} changed meanwhile, reading it again (attempt ${attempt})`);
    }
  }
}

const context = (turn: Turn, desk: Desk): CommandContext => ({
  actor: { kind: 'user', ...turn.user },
  role: 'desk',
  now: turn.now,
  policy: desk.policy,
});

/** Records `child` on the hovedsak `parentRef`; the hovedsak's card shows the new count. */
export async function addChildToParent(
  turn: Turn,
  parentRef: CaseRef,
  child: CaseRef,
  desk: Desk,
): Promise<Case | null> {
  const nb = channelStrings('nb').done;
  return applyUntilWritten(
    turn,
    parentRef,
    desk,
    (p) => addChildTo(p, child, context(turn, desk)),
    (r) => nb.childLinked(child, r.case.childRefs.length),
  );
}

/** Solves every open undersak of the solved hovedsak `parent`; returns how many were solved. */
export async function solveChildren(turn: Turn, parent: Case, desk: Desk): Promise<number> {
  const solution = parentSolution(parent);
  if (solution === undefined) return 0;
  const nb = channelStrings('nb').done;
  let solved = 0;
  for (const ref of parent.childRefs) {
    try {
      const done = await applyUntilWritten(
        turn,
        ref,
        desk,
        (c) => solveChild(c, parent.ref, solution, context(turn, desk)),
        () => `${nb.solved} (hovedsak ${parent.ref})`,
      );
      if (done) solved += 1;
    } catch (err) {
      // One undersak failing must not stop the others; the log names it for a retry by hand.
      turn.deps.log.error(`fellesfeil: could not solve ${ref} with ${parent.ref}`, err);
    }
  }
  return solved;
}
