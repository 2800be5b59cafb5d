/** One line of a case's history as the reporter sees it (internal notes are filtered out before). */
import type { CaseEvent } from '../../shared/cases/model';
import type { Strings } from '../i18n/strings';

export function describeEvent(e: CaseEvent, s: Strings, priorityLabel: (id: string) => string): string {
  const ev = s.event;
  switch (e.type) {
    case 'created':
      return ev.created;
    case 'claimed':
      return ev.claimed(e.assignee.name);
    case 'assigned':
      return ev.assigned(e.assignee.name);
    case 'priority_changed':
      return ev.priorityChanged(priorityLabel(e.to));
    case 'waiting_started':
      return ev.waiting(s.waitReason[e.reason]) + (e.supplierCaseNumber ? ` (${e.supplierCaseNumber})` : '');
    case 'waiting_ended':
      return ev.waitingEnded;
    case 'escalated':
      return ev.escalated;
    case 'comment':
      return `${ev.comment} (${e.by.name}): ${e.text}`;
    case 'solved':
      return `${ev.solved}: ${e.solution}`;
    case 'solution_accepted':
      return ev.accepted;
    case 'solution_rejected':
      return `${ev.rejected}: ${e.comment}`;
    case 'closed':
      return e.reason === 'no_answer' ? ev.closedNoAnswer : ev.closed;
    case 'linked_to_parent':
      return ev.linked(e.parent);
    case 'child_linked':
      return ev.childLinked(e.child);
    case 'attachment_added':
      return ev.attachment(e.attachment.fileName);
    case 'followers_changed':
      return ev.followers;
    case 'breach_explained':
      return `${ev.breachExplained}: ${e.explanation}`;
  }
}
