/** One line of a case's history as the reporter sees it (internal notes are filtered out before). */
import type { CaseEvent } from '../../shared/cases/model';
import { strings, type Strings } from '../i18n/strings';
import { plainTextForCard } from '../../shared/text';
import { formatDeadline } from '../../shared/dates';

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
      // User text is plain text; escaped for the card's Markdown.
      return e.text === ''
        ? `${ev.comment} (${e.by.name}): ${s.conversation.event.deleted}`
        : `${ev.comment} (${e.by.name})${e.addressee ? ` → ${plainTextForCard(e.addressee)}` : ''}: ${plainTextForCard(e.text)}`;
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
    // The case conversation's events (texts in strings(locale).conversation).
    case 'comment_edited':
    case 'comment_deleted':
    case 'deadline_proposed':
    case 'deadline_answered':
    case 'billable_marked':
    case 'problem_linked': {
      const locale = s === strings('en') ? 'en' : 'nb';
      const cv = strings(locale).conversation.event;
      if (e.type === 'comment_edited') return cv.edited;
      if (e.type === 'comment_deleted') return cv.deleted;
      if (e.type === 'deadline_proposed')
        return `${cv.proposed(formatDeadline(new Date(e.dueAt), locale))}: ${plainTextForCard(e.reason)}`;
      if (e.type === 'deadline_answered')
        return cv.answered(e.accepted, formatDeadline(new Date(e.dueAt), locale));
      if (e.type === 'billable_marked') return `${cv.billable}: ${plainTextForCard(e.reason)}`;
      return cv.problem(plainTextForCard(e.problemId));
    }
  }
}
