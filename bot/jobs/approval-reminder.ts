/**
 * The approval reminder: an estimate without the orderer's answer after `REMINDER_WORKING_DAYS`
 * working days (the desk's calendar for the case: weekends, public holidays and closed days do not
 * count) gets one reminder, `remind_approval` by the system through the change service, which sends
 * the orderer the approval card again, marked as a reminder. `runApprovalReminders` does one sweep
 * (tests call it with a set clock); `startApprovalReminders` repeats it under its own lease.
 */
import type { Case } from '../../shared/cases/model';
import { pendingEstimate, REMINDER_WORKING_DAYS } from '../../shared/cases/orders';
import { isFristvaktError } from '../../shared/errors';
import type { Store } from '../../shared/ports';
import { casePolicy } from '../../shared/sla/case-sla';
import { addWorkingDays } from '../../shared/sla/working-days';
import { systemActor, type CaseChanges } from '../../shared/app/case-changes';
import type { Catalogue } from '../../shared/app/catalogue';
import type { Desk } from '../../shared/desks/model';
import { startLeasedSweep, type LeaseTiming } from '../delivery';
import type { Logger } from '../server/logger';

export interface ApprovalReminderDeps {
  store: Store;
  catalogue: Catalogue;
  changes: CaseChanges;
  clock: () => Date;
  log: Logger;
}

/** When the orderer is due a reminder of the case's unanswered estimate; null when none is due. */
export function reminderDueAt(c: Case, desk: Desk): Date | null {
  const pending = pendingEstimate(c);
  if (!pending || c.status !== 'waiting') return null;
  if (c.events.some((e) => e.type === 'approval_reminded' && e.estimateId === pending.id)) return null;
  return addWorkingDays(new Date(pending.at), REMINDER_WORKING_DAYS, casePolicy(c, desk).calendar);
}

/** One sweep over every desk's open queue; returns the references whose orderer was reminded. */
export async function runApprovalReminders(deps: ApprovalReminderDeps): Promise<string[]> {
  const now = deps.clock();
  const catalogue = await deps.catalogue.get();
  const reminded: string[] = [];
  for (const desk of catalogue.desks) {
    let token: string | undefined;
    do {
      const page = await deps.store.cases.listDeskQueue(desk.id, {
        limit: 200,
        ...(token ? { continuationToken: token } : {}),
      });
      for (const c of page.items) {
        if (c.kind !== 'order') continue;
        const due = reminderDueAt(c, desk);
        if (!due || due.getTime() > now.getTime()) continue;
        try {
          await deps.changes.apply(
            c.ref,
            { type: 'remind_approval', estimateId: pendingEstimate(c)!.id },
            systemActor(),
            now,
          );
          reminded.push(c.ref);
        } catch (err) {
          // Answered, replaced or reminded meanwhile: the next sweep sees the new state.
          if (!isFristvaktError(err, 'VALIDATION') && !isFristvaktError(err, 'ILLEGAL_TRANSITION'))
            deps.log.error(`approval reminder ${c.ref} failed`, err);
        }
      }
      token = page.continuationToken;
    } while (token);
  }
  if (reminded.length > 0) deps.log.info(`approval reminders: ${reminded.join(', ')}`);
  return reminded;
}

export const APPROVAL_REMINDER_LEASE = 'approval-reminder';

/** Runs `runApprovalReminders` every `intervalMs` under its own lease; returns a stop function. */
export function startApprovalReminders(
  deps: ApprovalReminderDeps & { holder?: string; lease?: LeaseTiming },
  intervalMs: number,
): () => Promise<void> {
  return startLeasedSweep(APPROVAL_REMINDER_LEASE, 'approval reminder sweep', deps, intervalMs, () =>
    runApprovalReminders(deps),
  );
}
