/**
 * What a row of the case list says, as text: the names of its ids (service, virksomhet, priority), its
 * status with the operations supplier holding it, its assignee, and the words of its two SLA clocks at an
 * instant. No React: the grid, the cards and the boot script's first rows (`early-list.ts`) all read
 * a row through these, so the list says the same before and after the bundle has run.
 */
import { STATUS_LABELS } from '../../../../../shared/cases/labels';
import type { SlaTarget } from '../../../../../shared/cases/model';
import { clockText, type ClockText } from '../../../../../shared/sla/clock-text';
import type { SlaPolicy } from '../../../../../shared/sla/policy';
import { tick, type TargetState } from '../../../../../shared/sla/state';
import { parseSnapshot, type CaseRow, type MeResponse } from '../../../../common/api-types';
import type { Texts } from '../../text';
import { supplierNote } from './supplier-note';

/** Names for the ids in the case list (services, virksomheter, priorities) and each desk's policy. */
export interface CaseNames {
  services: Map<string, string>;
  orgs: Map<string, string>;
  priorities: Map<string, string>;
  policies: Map<string, SlaPolicy>;
}

export function caseNamesOf(me: MeResponse, { l }: Texts): CaseNames {
  const priorities = new Map<string, string>();
  for (const d of me.desks)
    for (const p of d.policy.priorities) if (!priorities.has(p.id)) priorities.set(p.id, l(p.label));
  return {
    services: new Map(me.services.map((s) => [s.id as string, s.name])),
    orgs: new Map(me.organisations.map((o) => [o.id as string, o.name])),
    priorities,
    policies: new Map(me.desks.map((d) => [d.id, d.policy])),
  };
}

export const serviceText = (r: CaseRow, names: CaseNames): string =>
  names.services.get(r.serviceId) ?? r.serviceId;
export const orgText = (r: CaseRow, names: CaseNames): string => names.orgs.get(r.orgId) ?? r.orgId;
export const priorityText = (r: CaseRow, names: CaseNames): string =>
  names.priorities.get(r.priority) ?? r.priority;
export const assigneeText = (r: CaseRow): string => r.assignee?.name ?? '–';

/** The status in words, with " · <supplier>" when a supplier holds the case; `title` says all of that. */
export function statusText(r: CaseRow, { t, l, locale }: Texts): { text: string; title?: string } {
  const held = supplierNote(r, t, locale);
  return { text: `${l(STATUS_LABELS[r.status])}${held?.short ?? ''}`, ...(held ? { title: held.full } : {}) };
}

/** One SLA clock's words at `now`: its state ticked from `base` to `now` with the desk's policy. */
export const clockWords = (base: TargetState, now: Date, policy: SlaPolicy, { locale }: Texts): ClockText =>
  clockText(tick(base, now, policy), { calendar: policy.calendar, now, locale });

/** A row's clock for `target` in words at `now`; null when its desk's policy is not known. */
export function rowClockWords(
  r: CaseRow,
  target: SlaTarget,
  names: CaseNames,
  now: Date,
  texts: Texts,
): ClockText | null {
  const policy = names.policies.get(r.deskId);
  return policy ? clockWords(parseSnapshot(target, r[target]), now, policy, texts) : null;
}
