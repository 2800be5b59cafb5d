/**
 * What an event did, as a verb phrase after the actor's name ("Kari tok saken", "Kari satte saken til
 * avventer leverandør"): the one wording of the case history, used by the channel's thread lines, the
 * "X was first" banners, the tab's timeline and conflict messages. Pure; names come from the labels.
 */
import type { Locale, LocalizedText } from '../i18n-text';
import { LINE_LABELS, WAIT_REASON_LABELS } from './labels';
import type { CaseEvent } from './model';

type Phrase = (e: CaseEvent, priorityName: (id: string) => string) => LocalizedText;

const fixed =
  (nb: string, en: string): Phrase =>
  () => ({ nb, en });

const PHRASES: Record<CaseEvent['type'], Phrase> = {
  created: fixed('meldte saken', 'reported the case'),
  claimed: fixed('tok saken', 'took the case'),
  assigned: (e) => {
    const who = e.type === 'assigned' ? e.assignee.name : '';
    return { nb: `tildelte saken til ${who}`, en: `assigned the case to ${who}` };
  },
  priority_changed: (e, name) => {
    const to = e.type === 'priority_changed' ? name(e.to) : '';
    return { nb: `endret prioritet til ${to}`, en: `changed the priority to ${to}` };
  },
  waiting_started: (e) => {
    if (e.type !== 'waiting_started') return { nb: '', en: '' };
    const r = WAIT_REASON_LABELS[e.reason];
    const no = e.supplierCaseNumber;
    return {
      nb: `satte saken til ${r.nb.toLowerCase()}${no ? ` (saksnr. ${no})` : ''}`,
      en: `set the case to ${r.en.toLowerCase()}${no ? ` (case no. ${no})` : ''}`,
    };
  },
  waiting_ended: fixed('gjenopptok saken', 'resumed the case'),
  escalated: (e) => {
    if (e.type !== 'escalated') return { nb: '', en: '' };
    const to = LINE_LABELS[e.toLine];
    const sup = e.supplier ? ` (${e.supplier})` : '';
    return {
      nb: `eskalerte saken til ${to.nb.toLowerCase()}${sup}`,
      en: `escalated the case to ${to.en.toLowerCase()}${sup}`,
    };
  },
  solved: fixed('løste saken', 'solved the case'),
  linked_to_parent: (e) => {
    const p = e.type === 'linked_to_parent' ? e.parent : '';
    return { nb: `knyttet saken til hovedsak ${p}`, en: `linked the case to parent case ${p}` };
  },
  comment: fixed('kommenterte saken', 'commented on the case'),
  comment_edited: fixed('endret en kommentar', 'edited a comment'),
  comment_deleted: fixed('trakk tilbake en kommentar', 'withdrew a comment'),
  solution_accepted: fixed('godtok løsningen', 'accepted the solution'),
  solution_rejected: fixed('avviste løsningen', 'rejected the solution'),
  closed: fixed('lukket saken', 'closed the case'),
  child_linked: fixed('knyttet en undersak til saken', 'linked a child case'),
  attachment_added: fixed('la ved et vedlegg', 'added an attachment'),
  followers_changed: fixed('endret følgerne', 'changed the followers'),
  breach_explained: fixed('forklarte et fristbrudd', 'explained a breach'),
  deadline_proposed: fixed('foreslo ny løsningsfrist', 'proposed a new resolution deadline'),
  deadline_answered: fixed('svarte på forslaget om ny frist', 'answered the deadline proposal'),
  billable_marked: fixed('merket saken som mulig fakturerbar', 'marked the case as possibly billable'),
  problem_linked: fixed('knyttet saken til en problemsak', 'linked the case to a problem record'),
};

/** The verb phrase of `e` in `locale`; `priorityName` turns a priority id into its label. */
export function eventWhat(
  e: CaseEvent,
  locale: Locale,
  priorityName: (id: string) => string = (id) => id,
): string {
  return PHRASES[e.type](e, priorityName)[locale];
}
