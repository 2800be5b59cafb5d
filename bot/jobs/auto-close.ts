/**
 * Auto-close: a case Løst for the desk's `autoCloseWorkingDays` working days without an answer from
 * the reporter is closed by the system with a note (reason `no_answer`), and the reporter is told.
 * The clock is injected; `runAutoClose` does one sweep (tests call it), `startAutoClose` repeats it.
 */
import type { Case } from '../../shared/cases/model';
import { isFristvaktError } from '../../shared/errors';
import type { Store } from '../../shared/ports';
import { addWorkingDays } from '../../shared/sla/working-days';
import { systemActor, type CaseChanges } from '../../shared/app/case-changes';
import type { Catalogue } from '../../shared/app/catalogue';
import { startLeasedSweep, type LeaseTiming } from '../delivery';
import type { Logger } from '../server/logger';
import { strings } from '../i18n/strings';

export interface AutoCloseDeps {
  store: Store;
  catalogue: Catalogue;
  changes: CaseChanges;
  clock: () => Date;
  log: Logger;
}

/** When the case was last marked Løst. */
function solvedAt(c: Case): Date | null {
  for (let i = c.events.length - 1; i >= 0; i--)
    if (c.events[i].type === 'solved') return new Date(c.events[i].at);
  return null;
}

/** One sweep over every desk's open queue; returns the references it closed. */
export async function runAutoClose(deps: AutoCloseDeps): Promise<string[]> {
  const now = deps.clock();
  const catalogue = await deps.catalogue.get();
  const closed: string[] = [];
  for (const desk of catalogue.desks) {
    let token: string | undefined;
    do {
      const page = await deps.store.cases.listDeskQueue(desk.id, {
        limit: 200,
        ...(token ? { continuationToken: token } : {}),
      });
      for (const c of page.items) {
        if (c.status !== 'solved') continue;
        const at = solvedAt(c);
        if (
          !at ||
          addWorkingDays(at, desk.autoCloseWorkingDays, desk.policy.calendar).getTime() > now.getTime()
        )
          continue;
        try {
          await deps.changes.apply(
            c.ref,
            {
              type: 'close',
              reason: 'no_answer',
              note: strings('nb').update.autoClosedNote(desk.autoCloseWorkingDays),
            },
            systemActor(),
            now,
          );
          closed.push(c.ref);
        } catch (err) {
          // Answered or changed meanwhile: the next sweep sees the new state.
          if (!isFristvaktError(err, 'ILLEGAL_TRANSITION')) deps.log.error(`auto-close ${c.ref} failed`, err);
        }
      }
      token = page.continuationToken;
    } while (token);
  }
  if (closed.length > 0) deps.log.info(`auto-close: closed ${closed.join(', ')}`);
  return closed;
}

export const AUTO_CLOSE_LEASE = 'auto-close';

/**
 * Runs `runAutoClose` every `intervalMs` under its own lease (like the sender and the watcher: with
 * several instances exactly one sweeps); returns a function that stops it and releases the lease.
 */
export function startAutoClose(
  deps: AutoCloseDeps & { holder?: string; lease?: LeaseTiming },
  intervalMs: number,
): () => Promise<void> {
  return startLeasedSweep(AUTO_CLOSE_LEASE, 'auto-close sweep', deps, intervalMs, () => runAutoClose(deps));
}
