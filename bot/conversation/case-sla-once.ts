/**
 * `caseSla` for a case the report path reads more than once: the triage card is built with the new
 * case inside the store's create, and the reporter's confirmation card right after from the same case
 * object, desk and instant. Remembered by the case object's identity (cases are never changed in place:
 * every change makes a new object), and used only when desk and instant are the same ones too, so the
 * answer is the one `caseSla` gives. One entry per case, dropped with the case.
 */
import type { Case } from '../../shared/cases/model';
import { caseSla, type DeskPolicies } from '../../shared/sla/case-sla';
import type { CaseSla } from '../../shared/sla/state';

const remembered = new WeakMap<Case, { desk: DeskPolicies; at: number; sla: CaseSla }>();

export function caseSlaOnce(c: Case, desk: DeskPolicies, now: Date): CaseSla {
  const at = now.getTime();
  const hit = remembered.get(c);
  if (hit && hit.desk === desk && hit.at === at) return hit.sla;
  const sla = caseSla(c, desk, now);
  remembered.set(c, { desk, at, sla });
  return sla;
}
