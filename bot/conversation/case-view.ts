/** What the handlers derive from a case for a viewer: its role on the case, labels, time left. */
import type { Case } from '../../shared/cases/model';
import type { Desk } from '../../shared/desks/model';
import type { Locale } from '../../shared/i18n-text';
import { findPriority } from '../../shared/sla/policy';
import { computeSla, type CaseSla } from '../../shared/sla/state';
import type { CaseLine } from '../cards/my-cases';

export const priorityLabel = (desk: Desk | undefined, id: string, locale: Locale): string =>
  (desk && findPriority(desk.policy, id as never)?.label[locale]) ?? id;

/** The nearest running target's time left, or paused; undefined when nothing runs. */
export function timeLeft(sla: CaseSla): CaseLine['timeLeft'] {
  const running = [sla.response, sla.resolution].find(
    (t) => t.state !== 'met' && t.state !== 'no_target' && t.metAt === undefined,
  );
  if (!running) return undefined;
  if (running.state === 'paused') return { paused: true };
  return running.remainingMinutes !== undefined ? { minutes: running.remainingMinutes } : undefined;
}

export function caseLine(
  c: Case,
  desk: Desk | undefined,
  locale: Locale,
  now: Date,
  viewerId: string,
): CaseLine {
  const open = c.status !== 'closed' && c.status !== 'solved';
  const left = open && desk ? timeLeft(computeSla(c, desk.policy, now)) : undefined;
  return {
    ref: c.ref,
    title: c.title,
    status: c.status,
    priorityLabel: priorityLabel(desk, c.priority, locale),
    ...(left ? { timeLeft: left } : {}),
    ...(c.reporter.id !== viewerId ? { followed: true } : {}),
  };
}
