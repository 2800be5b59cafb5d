/**
 * `status <ref>` and the "Vis" button: one case with its history. A case the user may not see answers
 * exactly like one that does not exist ("Fant ingen sak"), so existence is never revealed.
 */
import { parseCaseRef } from '../../../shared/ids';
import type { CardJson } from '../../cards/card';
import { caseStatusCard } from '../../cards/case-status';
import { messageCard } from '../../cards/message';
import { caseSla } from '../../../shared/sla/case-sla';
import { eventsFor } from '../../../shared/cases/conversation';
import { roleOn } from '../../../shared/access';
import type { Case } from '../../../shared/cases/model';
import { plainTextForCard } from '../../../shared/text';
import { lineClock, priorityLabel } from '../case-view';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import type { Turn } from '../turn';

export async function caseStatusCardFor(turn: Turn, refText: string): Promise<CardJson> {
  const ref = parseCaseRef(refText);
  if (!ref)
    return messageCard({
      text: refText ? turn.s.caseStatus.notFound(plainTextForCard(refText)) : turn.s.caseStatus.usage,
    });
  const found = await turn.deps.store.cases.getVisible(ref, turn.access);
  const c = found?.value;
  const role = c ? roleOn(c, turn.access) : null;
  if (!c || !role) return messageCard({ text: turn.s.caseStatus.notFound(ref), tone: 'warning' });
  const desk = turn.catalogue.desk(c.deskId);
  const sla = desk ? caseSla(c, desk, turn.now) : undefined;
  const support = role === 'desk' || role === 'superuser';
  // The reporter and followers see public comments as they stand now, no internal note.
  const events = eventsFor(c, support ? 'support' : 'public');
  const open = c.status !== 'closed' && c.status !== 'solved';
  const clockOf = (t: NonNullable<typeof sla>['response'] | undefined) =>
    open && desk && t && t.state !== 'met' && t.metAt === undefined
      ? lineClock(t, desk, turn.locale, turn.now)
      : undefined;
  const responseClock = clockOf(sla?.response);
  const resolutionClock = clockOf(sla?.resolution);
  const solved = c.status === 'solved' || c.status === 'closed' ? latestSolution(c) : undefined;
  return caseStatusCard({
    locale: turn.locale,
    ref: c.ref,
    title: c.title,
    serviceName: turn.catalogue.service(c.serviceId)?.name ?? c.serviceId,
    status: c.status,
    priorityLabel: priorityLabel(desk, c.priority, turn.locale),
    ...(c.assignee ? { assigneeName: c.assignee.name } : {}),
    ...(c.supplierCaseNumber ? { supplierCaseNumber: c.supplierCaseNumber } : {}),
    ...(sla?.response.dueAt && sla.response.state !== 'met' ? { responseDueAt: sla.response.dueAt } : {}),
    ...(sla?.resolution.dueAt && sla.resolution.state !== 'met'
      ? { resolutionDueAt: sla.resolution.dueAt }
      : {}),
    ...(responseClock ? { responseClock } : {}),
    ...(resolutionClock ? { resolutionClock } : {}),
    ...(solved !== undefined
      ? { solution: { text: solved, answer: c.status === 'solved' && role === 'reporter' } }
      : {}),
    events,
    priorityLabelOf: (id) => priorityLabel(desk, id, turn.locale),
    conversation: {
      support,
      ...(role !== 'reporter'
        ? {
            follow: c.followers.some((f) => f.id === turn.user.id)
              ? ('unfollow' as const)
              : ('follow' as const),
          }
        : { followerNames: c.followers.map((f) => f.name) }),
    },
  });
}

/** The text of the desk's latest solution, if the case was ever solved. */
export function latestSolution(c: Case): string | undefined {
  const e = [...c.events].reverse().find((x) => x.type === 'solved');
  return e?.type === 'solved' ? e.solution : undefined;
}

export const caseStatusCommand = (turn: Turn, arg: string): Promise<CardJson> => caseStatusCardFor(turn, arg);

export async function caseShow(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  if (typeof data.ref !== 'string') return errorResult(400, 'BadRequest', turn.s.errors.expired);
  return cardResult(await caseStatusCardFor(turn, data.ref));
}
