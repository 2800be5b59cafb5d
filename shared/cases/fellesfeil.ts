/**
 * Fellesfeil (major incident): one hovedsak, many undersaker (seed 002). Linking pairs the child's
 * `link_to_parent` with the parent's `add_child`; solving the hovedsak solves every open undersak with
 * the same solution. Pure: the caller writes each result conditionally on the version it read, and
 * re-reads and re-applies on a conflict (the functions are safe to apply again to the newer case).
 */
import type { CaseRef } from '../ids';
import { ValidationError } from '../errors';
import { applyCommand, type CommandContext, type CommandResult } from './lifecycle';
import type { Case } from './model';

const FINISHED = new Set<Case['status']>(['solved', 'closed']);

/** Checks that `parent` may take `child` as an undersak: same desk, open, not itself an undersak. */
export function checkParent(child: Case, parent: Case): void {
  if (parent.ref === child.ref) throw new ValidationError('parent', 'a case cannot be its own parent');
  if (parent.deskId !== child.deskId)
    throw new ValidationError('parent', `${parent.ref} belongs to another desk`);
  if (parent.parentRef !== undefined)
    throw new ValidationError('parent', `${parent.ref} is itself a child of ${parent.parentRef}`);
  if (parent.status === 'closed') throw new ValidationError('parent', `${parent.ref} is closed`);
  if (child.childRefs.length > 0) throw new ValidationError('parent', `${child.ref} is a parent case itself`);
}

/** The parent's side of a link: `add_child`, or null when the child is already recorded (a retry). */
export function addChildTo(parent: Case, child: CaseRef, ctx: CommandContext): CommandResult | null {
  if (parent.childRefs.includes(child)) return null;
  return applyCommand(parent, { type: 'add_child', child }, ctx);
}

/**
 * Solves one undersak of `parentRef` with the hovedsak's solution; null when there is nothing to do
 * (already Løst or Lukket, or no longer an undersak of that hovedsak).
 */
export function solveChild(
  child: Case,
  parentRef: CaseRef,
  solution: string,
  ctx: CommandContext,
): CommandResult | null {
  if (child.parentRef !== parentRef || FINISHED.has(child.status)) return null;
  return applyCommand(child, { type: 'solve', solution }, ctx);
}

/** The solution the hovedsak was solved with (its latest `solved` event), if it is solved. */
export function parentSolution(parent: Case): string | undefined {
  if (parent.status !== 'solved' && parent.status !== 'closed') return undefined;
  const e = [...parent.events].reverse().find((x) => x.type === 'solved');
  return e?.type === 'solved' ? e.solution : undefined;
}
