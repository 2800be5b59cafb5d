/**
 * Who is told of an event on a case (the case conversation's rules). Pure: the bot turns the answer into outbox messages.
 *
 * - `reporter`: the reporter's 1:1 chat; `followers`: each follower's 1:1 chat; `desk`: the case's
 *   triage thread in the desk's channel; `administrator`: the service's forvalter (seed 002 §5.1.2.3).
 * - Nobody is told of what they did themselves.
 * - An internal note (and any edit or deletion of one) never reaches the reporter or a follower. An
 *   edit or deletion is quiet: the history shows it, nobody is messaged.
 * - A public comment reaches the other side and every follower: written by the reporter or a
 *   follower it goes to the desk (and the reporter and the other followers); written by a support
 *   line it goes to the reporter and the followers (the desk's thread gets the triage flow's line).
 * - Status changes the reporter is told of (taken, waiting, resumed, solved, closed without an
 *   answer) reach the followers too; the solution's accept/reject belongs to the reporter.
 * - A proposed deadline goes to the reporter (who answers) and the followers; the answer to the desk
 *   and the followers. Billable goes to the reporter (their virksomhet may be invoiced). A problem
 *   record link goes to the reporter and the followers. A new follower is told they follow.
 * - A technical fault is told to the service's forvalter when it is reported.
 * - The operations supplier (`byRole` `supplier`): its public comments reach the reporter, the
 *   followers and the desk's thread, its internal notes the desk's thread only; its own events
 *   (case number, status, a fix in a later version) the desk's thread (`supplierAudience`). The
 *   supplier itself hears, by webhook, what `supplierHears` (shared/suppliers/outbound.ts) names.
 */
import type { Service } from '../desks/model';
import type { Case, CaseEvent, Person } from './model';
import { isSupplierEvent, supplierAudience } from './supplier';
import { formerSupplierHears, supplierHears, type WebhookEventType } from '../suppliers/outbound';

export interface Recipients {
  reporter: boolean;
  followers: Person[];
  desk: boolean;
  administrator?: Person;
  /** The operations supplier holding the case, by its webhook: which event it gets (`supplierHears`). */
  supplier?: WebhookEventType;
  /** The supplier the case was just moved away from: told `case.released` (`formerSupplierHears`). */
  formerSupplier?: string;
}

const NOBODY: Recipients = { reporter: false, followers: [], desk: false };

const isSupport = (e: CaseEvent): boolean =>
  e.byRole === 'desk' || e.byRole === 'superuser' || e.by.kind === 'system';

export function recipientsOf(
  event: CaseEvent,
  c: Pick<Case, 'reporter' | 'followers' | 'faultType' | 'supplier'>,
  service?: Pick<Service, 'administrator'>,
): Recipients {
  const r = peopleOf(event, c, service);
  const supplier = supplierHears(event, c);
  const formerSupplier = formerSupplierHears(event);
  return {
    ...r,
    ...(supplier ? { supplier } : {}),
    ...(formerSupplier ? { formerSupplier } : {}),
  };
}

function peopleOf(
  event: CaseEvent,
  c: Pick<Case, 'reporter' | 'followers' | 'faultType'>,
  service?: Pick<Service, 'administrator'>,
): Recipients {
  const actorId = event.by.kind === 'user' ? event.by.id : undefined;
  const notMe = (p: Person): boolean => p.id !== actorId;
  const reporter = c.reporter.id !== actorId;
  const followers = c.followers.filter(notMe);
  switch (event.type) {
    case 'comment':
      if (event.byRole === 'supplier')
        return event.visibility === 'public'
          ? { reporter, followers, desk: true }
          : { ...NOBODY, desk: true };
      if (event.visibility !== 'public')
        return { ...NOBODY, desk: event.byRole !== 'desk' && event.by.kind === 'user' };
      return { reporter, followers, desk: !isSupport(event) };
    case 'comment_edited':
    case 'comment_deleted':
      return NOBODY;
    case 'claimed':
    case 'assigned':
    case 'waiting_started':
    case 'waiting_ended':
    case 'solved':
    case 'problem_linked':
      return { reporter, followers, desk: false };
    case 'closed':
      return event.reason === 'no_answer' || event.reason === 'parent_closed'
        ? { reporter, followers, desk: false }
        : { reporter: false, followers, desk: false };
    case 'solution_rejected':
      return { reporter: false, followers, desk: true };
    case 'deadline_proposed':
      return { reporter, followers, desk: false };
    case 'deadline_answered':
      return { reporter: false, followers, desk: true };
    case 'billable_marked':
      return { reporter, followers: [], desk: false };
    // Orders: the orderer answers an estimate (and is reminded of it); the desk hears the answer.
    case 'estimate_sent':
    case 'kind_changed':
      return { reporter, followers, desk: false };
    case 'approval_reminded':
      return { reporter, followers: [], desk: false };
    case 'estimate_answered':
      return { reporter: false, followers, desk: true };
    case 'followers_changed':
      return { reporter: false, followers: event.added.filter(notMe), desk: false };
    case 'created': {
      const technical = c.faultType === 'technical_application' || c.faultType === 'technical_infrastructure';
      const admin = technical ? service?.administrator : undefined;
      return admin && admin.id !== c.reporter.id ? { ...NOBODY, administrator: admin } : NOBODY;
    }
    default:
      if (isSupplierEvent(event)) {
        const a = supplierAudience(event);
        return { reporter: a.reporter && reporter, followers: a.reporter ? followers : [], desk: a.desk };
      }
      return NOBODY;
  }
}
