/** What the handlers derive from a case for a viewer: its role on the case, labels, its clock in words. */
import type { Case } from '../../shared/cases/model';
import type { Desk } from '../../shared/desks/model';
import type { Locale } from '../../shared/i18n-text';
import { findPriority } from '../../shared/sla/policy';
import { clockText } from '../../shared/sla/clock-text';
import { caseSla } from '../../shared/sla/case-sla';
import type { CaseSla, TargetState } from '../../shared/sla/state';
import type { CaseLine, LineClock } from '../cards/my-cases';

export const priorityLabel = (desk: Desk | undefined, id: string, locale: Locale): string =>
  (desk && findPriority(desk.policy, id as never)?.label[locale]) ?? id;

/** The nearest target whose clock still counts (or is paused), if any. */
export function nearestTarget(sla: CaseSla): TargetState | undefined {
  return [sla.response, sla.resolution].find(
    (t) => t.state !== 'met' && t.state !== 'no_target' && t.metAt === undefined,
  );
}

/** A target's clock in the one wording of SLA clocks (`shared/sla/clock-text`), for a card. */
export function lineClock(t: TargetState, desk: Desk, locale: Locale, now: Date): LineClock | undefined {
  const words = clockText(t, { calendar: desk.policy.calendar, now, locale });
  if (!words.time && !words.note) return undefined;
  return {
    time: words.time,
    ...(words.note ? { note: words.note } : {}),
    late: t.state === 'breached' || (t.remainingMinutes ?? 0) < 0,
  };
}

export function caseLine(
  c: Case,
  desk: Desk | undefined,
  locale: Locale,
  now: Date,
  viewerId: string,
): CaseLine {
  const open = c.status !== 'closed' && c.status !== 'solved';
  const target = open && desk ? nearestTarget(caseSla(c, desk, now)) : undefined;
  const clock = target && desk ? lineClock(target, desk, locale, now) : undefined;
  return {
    ref: c.ref,
    title: c.title,
    status: c.status,
    priorityLabel: priorityLabel(desk, c.priority, locale),
    ...(clock ? { clock } : {}),
    ...(c.reporter.id !== viewerId ? { followed: true } : {}),
    ...(c.kind === 'order' ? { order: true } : {}),
  };
}
