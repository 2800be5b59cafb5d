/** A case event as one line of the tab's timeline, in the viewer's language. */
import { LINE_LABELS, SLA_TARGET_LABELS, WAIT_REASON_LABELS } from '../../../../../shared/cases/labels';
import type { CaseEvent } from '../../../../../shared/cases/model';
import type { Locale } from '../../../../../shared/i18n-text';
import { formatDateTime } from '../../text';

/** One event as a line of text (React renders it as text: case content never becomes markup). */
export function describeEvent(e: CaseEvent, locale: Locale, priorityName: (id: string) => string): string {
  const nb = locale === 'nb';
  switch (e.type) {
    case 'created':
      return nb
        ? `Saken ble meldt inn (${priorityName(e.priority)})`
        : `Case reported (${priorityName(e.priority)})`;
    case 'claimed':
      return nb ? `${e.assignee.name} tok saken` : `${e.assignee.name} claimed the case`;
    case 'assigned':
      return nb ? `Tildelt ${e.assignee.name}` : `Assigned to ${e.assignee.name}`;
    case 'priority_changed':
      return `${nb ? 'Prioritet' : 'Priority'}: ${priorityName(e.from)} → ${priorityName(e.to)}${e.reason ? ` – ${e.reason}` : ''}`;
    case 'waiting_started':
      return `${WAIT_REASON_LABELS[e.reason][locale]}${e.supplierCaseNumber ? ` (${e.supplierCaseNumber})` : ''}${e.note ? ` – ${e.note}` : ''}`;
    case 'waiting_ended':
      return (nb ? 'Gjenopptatt' : 'Resumed') + (e.note ? ` – ${e.note}` : '');
    case 'escalated':
      return `${nb ? 'Eskalert til' : 'Escalated to'} ${LINE_LABELS[e.toLine][locale]}${e.supplier ? ` (${e.supplier})` : ''}${e.note ? ` – ${e.note}` : ''}`;
    case 'comment':
      return `${e.visibility === 'internal' ? (nb ? 'Internt notat' : 'Internal note') : nb ? 'Kommentar' : 'Comment'}: ${e.text}`;
    case 'solved':
      return `${nb ? 'Løst' : 'Solved'}: ${e.solution}`;
    case 'solution_accepted':
      return nb ? 'Løsningen ble godtatt' : 'Solution accepted';
    case 'solution_rejected':
      return `${nb ? 'Løsningen ble avvist' : 'Solution rejected'}: ${e.comment}`;
    case 'closed':
      return (nb ? 'Lukket' : 'Closed') + (e.note ? ` – ${e.note}` : '');
    case 'linked_to_parent':
      return `${nb ? 'Koblet til hovedsak' : 'Linked to parent'} ${e.parent}`;
    case 'child_linked':
      return `${nb ? 'Undersak koblet til' : 'Child case linked'}: ${e.child}`;
    case 'attachment_added':
      return `${nb ? 'Vedlegg' : 'Attachment'}: ${e.attachment.fileName}`;
    case 'followers_changed':
      return nb ? 'Følgere endret' : 'Followers changed';
    case 'breach_explained':
      return `${nb ? 'Forklaring på brudd' : 'Breach explained'} (${SLA_TARGET_LABELS[e.target][locale]}): ${e.explanation}`;
    // The case conversation's events.
    case 'comment_edited':
      return `${nb ? 'Kommentar redigert' : 'Comment edited'}${e.text ? `: ${e.text}` : ''}`;
    case 'comment_deleted':
      return nb ? 'Kommentar slettet' : 'Comment deleted';
    case 'deadline_proposed':
      return `${nb ? 'Ny frist foreslått' : 'New deadline proposed'}: ${formatDateTime(e.dueAt, locale)} – ${e.reason}`;
    case 'deadline_answered':
      return e.accepted
        ? `${nb ? 'Ny frist godtatt' : 'New deadline accepted'}: ${formatDateTime(e.dueAt, locale)}`
        : `${nb ? 'Ny frist avslått' : 'New deadline declined'}${e.comment ? ` – ${e.comment}` : ''}`;
    case 'billable_marked':
      return `${nb ? 'Trolig fakturerbar' : 'Likely billable'}: ${e.reason}`;
    case 'problem_linked':
      return `${nb ? 'Knyttet til problemsak' : 'Linked to problem record'} ${e.problemId}`;
    default:
      return (e as { type: string }).type;
  }
}
