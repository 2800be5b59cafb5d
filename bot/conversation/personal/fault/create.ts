/**
 * Creating the case from a checked form: the domain opens it, the store gives it its reference
 * (idempotent on the card's client key: a replayed submit returns the earlier case), and the user gets
 * the confirmation card.
 *
 * "Dette gjelder meg også" (DECISION): the report is still created as its own case, so the reporter
 * gets a reference and deadlines. When the driftsmelding has a hovedsak on the same desk, the new case
 * becomes its undersak (`link_to_parent` on the child, `add_child` on the parent, by the system);
 * either way the case is recorded in the notice's `linkedCaseRefs`, so resolving the notice reaches
 * this reporter.
 */
import { retryOnConflict } from '../../../../shared/app/retry';
import { systemActor } from '../../../../shared/app/case-changes';
import type { Case } from '../../../../shared/cases/model';
import { openCaseWithSla } from '../../../../shared/cases/open-case';
import { isFristvaktError, ValidationError } from '../../../../shared/errors';
import type { Notice } from '../../../../shared/notices/model';
import { findPriority } from '../../../../shared/sla/policy';
import { caseSla, casePolicy } from '../../../../shared/sla/case-sla';
import type { CardJson } from '../../../cards/card';
import { confirmationCard } from '../../../cards/confirmation';
import { osloDateAndTime } from '../../../../shared/dates';
import { isBusinessTime, nextOpening } from '../../../../shared/sla/calendar-time';
import { whenText } from '../../../../shared/sla/clock-text';
import { lineClock } from '../../case-view';
import type { Turn } from '../../turn';
import type { FormCheck } from './validate';

export async function createFaultCase(
  turn: Turn,
  check: Extract<FormCheck, { ok: true }>,
  join?: Notice,
): Promise<{ card: CardJson; case: Case; created: boolean }> {
  const { desk } = check;
  // The new case's SLA at its receipt, computed once with its stored deadlines: its summary row, its
  // triage card and the confirmation below take it (a replayed submit's earlier case, or a case linked
  // since, is computed).
  const { case: fresh, known } = openCaseWithSla(check.input, {
    policy: desk.policy,
    previousPolicies: desk.previousPolicies,
    service: check.service,
    now: turn.now,
    reporter: turn.user,
  });
  const year = Number(osloDateAndTime(turn.now).date.slice(0, 4));
  const result = await turn.deps.changes.create(fresh, year, turn.now, known);
  let c = result.case;
  if (result.created && join) c = await linkToNotice(turn, c, join);

  const sla = caseSla(c, desk, turn.now, result.created ? known : undefined);
  const policy = casePolicy(c, desk);
  const def = findPriority(policy, c.suggestedPriority);
  const deskOpen = isBusinessTime(turn.now, policy.calendar);
  const clock = (t: typeof sla.response) => lineClock(t, check.desk, turn.locale, turn.now);
  const responseClock = sla.response.dueAt ? clock(sla.response) : undefined;
  const resolutionClock = sla.resolution.dueAt ? clock(sla.resolution) : undefined;
  const card = confirmationCard({
    locale: turn.locale,
    ref: c.ref,
    priorityLabel: def?.label[turn.locale] ?? c.suggestedPriority,
    critical: def?.critical ?? false,
    deskName: check.desk.name,
    deskPhone: check.desk.phone,
    deskOpen,
    ...(deskOpen
      ? {}
      : {
          deskOpensAt: whenText(
            nextOpening(turn.now, policy.calendar),
            turn.now,
            policy.calendar.zone,
            turn.locale,
          ),
        }),
    ...(check.desk.afterHours ? { afterHours: check.desk.afterHours } : {}),
    ...(responseClock ? { responseClock } : {}),
    ...(resolutionClock ? { resolutionClock } : {}),
    ...(sla.response.dueAt ? { responseDueAt: sla.response.dueAt } : {}),
    ...(sla.resolution.dueAt ? { resolutionDueAt: sla.resolution.dueAt } : {}),
    linkedToNotice: c.parentRef !== undefined || join !== undefined,
    replay: !result.created,
  });
  return { card, case: c, created: result.created };
}

async function linkToNotice(turn: Turn, c: Case, notice: Notice): Promise<Case> {
  const { store } = turn.deps;
  const policy = turn.catalogue.desk(c.deskId)?.policy;
  if (!policy) return c;
  let child = c;
  const parentRef = notice.caseRef;
  if (parentRef && parentRef !== c.ref && (await store.cases.locate(parentRef)) === c.deskId) {
    try {
      // The change service records the undersak on its hovedsak too.
      const linked = await turn.deps.changes.apply(
        c.ref,
        { type: 'link_to_parent', parent: parentRef },
        systemActor(),
        turn.now,
      );
      child = linked.after.value;
    } catch (err) {
      // A closed hovedsak cannot take undersaker: the case stays on its own, linked through the notice.
      if (!isFristvaktError(err, 'ILLEGAL_TRANSITION') && !(err instanceof ValidationError)) throw err;
      turn.deps.log.warn(`could not link ${c.ref} to ${parentRef}: ${(err as Error).message}`);
    }
  }
  await retryOnConflict(async () => {
    const current = await store.notices.get(notice.id, notice.deskId);
    if (!current || current.value.linkedCaseRefs.includes(c.ref)) return;
    const next: Notice = {
      ...current.value,
      linkedCaseRefs: [...current.value.linkedCaseRefs, c.ref],
      updatedAt: turn.now.toISOString() as Notice['updatedAt'],
    };
    await store.notices.update(next, current.version);
  });
  return child;
}
