/**
 * The one wording of the case history. `eventWhat`: what an event did, as a verb phrase after the
 * actor's name ("Kari tok saken", "Kari satte saken til avventer leverandør"), used by the channel's
 * thread lines (`eventLine`), the "X was first" banners, the tab's timeline and conflict messages.
 * `historyLine`: the reporter's history on the case card ("Tildelt Kari", "Kommentar (Ola): …"). Pure
 * and bilingual; names come from the labels, times are Oslo time (`shared/dates`).
 */
import { formatDateTime, formatDeadline } from '../dates';
import type { Locale, LocalizedText } from '../i18n-text';
import { plainTextForCard } from '../text';
import { LINE_LABELS, WAIT_REASON_LABELS } from './labels';
import { SUPPLIER_HISTORY, SUPPLIER_PHRASES } from './supplier-words';
import { ORDER_HISTORY, ORDER_PHRASES } from './order-words';
import type { CaseEvent, WaitReason } from './model';

type Phrase = (e: CaseEvent, priorityName: (id: string) => string) => LocalizedText;

const fixed =
  (nb: string, en: string): Phrase =>
  () => ({ nb, en });

const PHRASES: Record<CaseEvent['type'], Phrase> = {
  ...SUPPLIER_PHRASES,
  ...ORDER_PHRASES,
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
  policy_moved: (e) => {
    const to = e.type === 'policy_moved' ? e.to : 0;
    return {
      nb: `flyttet saken til SLA-avtalens versjon ${to}`,
      en: `moved the case to SLA policy version ${to}`,
    };
  },
};

/** The verb phrase of `e` in `locale`; `priorityName` turns a priority id into its label. */
export function eventWhat(
  e: CaseEvent,
  locale: Locale,
  priorityName: (id: string) => string = (id) => id,
): string {
  return PHRASES[e.type](e, priorityName)[locale];
}

/** "Kari Nordmann tok saken · 03.03.2026, 10:05" (Oslo time): the one-line thread reply of a change. */
export function eventLine(e: CaseEvent, what: string, locale: Locale): string {
  return `${e.by.name} ${what} · ${formatDateTime(new Date(e.at), locale)}`;
}

/** What the reporter waits on, as the reporter reads it ("Avventer svar fra deg"). */
export const REPORTER_WAIT_WORDS: Record<WaitReason, LocalizedText> = {
  supplier: { nb: 'leverandør', en: 'the supplier' },
  third_line: { nb: '3. linje', en: 'third line' },
  reporter: { nb: 'svar fra deg', en: 'your answer' },
  approval: { nb: 'at du godkjenner estimatet', en: 'your approval of the estimate' },
};

type HistoryPhrase = (e: CaseEvent, locale: Locale, priorityName: (id: string) => string) => string;
const both =
  (nb: string, en: string): HistoryPhrase =>
  (_e, locale) =>
    locale === 'en' ? en : nb;
const pick = (locale: Locale, nb: string, en: string): string => (locale === 'en' ? en : nb);
const deadline = (iso: string, locale: Locale): string => formatDeadline(new Date(iso), locale);

/** The reporter's history: a noun phrase per event, with what was said (user text escaped for Markdown). */
const HISTORY: Record<CaseEvent['type'], HistoryPhrase> = {
  ...SUPPLIER_HISTORY,
  ...ORDER_HISTORY,
  created: both('Saken ble meldt', 'Case reported'),
  claimed: (e, l) =>
    e.type === 'claimed'
      ? pick(
          l,
          `${plainTextForCard(e.assignee.name)} tok saken`,
          `${plainTextForCard(e.assignee.name)} took the case`,
        )
      : '',
  assigned: (e, l) =>
    e.type === 'assigned'
      ? pick(
          l,
          `Tildelt ${plainTextForCard(e.assignee.name)}`,
          `Assigned to ${plainTextForCard(e.assignee.name)}`,
        )
      : '',
  priority_changed: (e, l, name) =>
    e.type === 'priority_changed'
      ? pick(l, `Prioritet endret til ${name(e.to)}`, `Priority changed to ${name(e.to)}`)
      : '',
  waiting_started: (e, l) => {
    if (e.type !== 'waiting_started') return '';
    const r = REPORTER_WAIT_WORDS[e.reason][l];
    return (
      pick(l, `Avventer ${r}`, `Waiting on ${r}`) +
      (e.supplierCaseNumber ? ` (${plainTextForCard(e.supplierCaseNumber)})` : '')
    );
  },
  waiting_ended: both('Arbeidet fortsetter', 'Work resumed'),
  escalated: both('Eskalert', 'Escalated'),
  comment: (e, l) => {
    if (e.type !== 'comment') return '';
    const head = `${pick(l, 'Kommentar', 'Comment')} (${plainTextForCard(e.by.name)})`;
    if (e.text === '') return `${head}: ${pick(l, 'Kommentar slettet', 'Comment deleted')}`;
    const to = e.addressee ? ` → ${plainTextForCard(e.addressee)}` : '';
    return `${head}${to}: ${plainTextForCard(e.text)}`;
  },
  solved: (e, l) =>
    e.type === 'solved' ? `${pick(l, 'Løst', 'Solved')}: ${plainTextForCard(e.solution)}` : '',
  solution_accepted: both('Løsningen ble godtatt', 'Solution accepted'),
  solution_rejected: (e, l) =>
    e.type === 'solution_rejected'
      ? `${pick(l, 'Løsningen ble avvist', 'Solution rejected')}: ${plainTextForCard(e.comment)}`
      : '',
  closed: (e, l) =>
    e.type === 'closed' && e.reason === 'no_answer'
      ? pick(l, 'Lukket uten svar', 'Closed without an answer')
      : pick(l, 'Lukket', 'Closed'),
  linked_to_parent: (e, l) =>
    e.type === 'linked_to_parent'
      ? pick(l, `Knyttet til hovedsak ${e.parent}`, `Linked to parent case ${e.parent}`)
      : '',
  child_linked: (e, l) =>
    e.type === 'child_linked'
      ? pick(l, `Undersak ${e.child} knyttet til`, `Child case ${e.child} linked`)
      : '',
  attachment_added: (e, l) =>
    e.type === 'attachment_added' ? `${pick(l, 'Vedlegg', 'Attachment')}: ${e.attachment.fileName}` : '',
  followers_changed: both('Følgere endret', 'Followers changed'),
  breach_explained: (e, l) =>
    e.type === 'breach_explained'
      ? `${pick(l, 'Forklaring på fristbrudd', 'Breach explained')}: ${e.explanation}`
      : '',
  comment_edited: both('Kommentar redigert', 'Comment edited'),
  comment_deleted: both('Kommentar slettet', 'Comment deleted'),
  deadline_proposed: (e, l) =>
    e.type === 'deadline_proposed'
      ? `${pick(l, 'Ny frist foreslått', 'New deadline proposed')}: ${deadline(e.dueAt, l)}: ${plainTextForCard(e.reason)}`
      : '',
  deadline_answered: (e, l) => {
    if (e.type !== 'deadline_answered') return '';
    if (!e.accepted) return pick(l, 'Ny frist avslått', 'New deadline declined');
    return `${pick(l, 'Ny frist godtatt', 'New deadline accepted')}: ${deadline(e.dueAt, l)}`;
  },
  billable_marked: (e, l) =>
    e.type === 'billable_marked'
      ? `${pick(l, 'Merket som trolig fakturerbar', 'Marked likely billable')}: ${plainTextForCard(e.reason)}`
      : '',
  problem_linked: (e, l) =>
    e.type === 'problem_linked'
      ? pick(
          l,
          `Knyttet til problemsak ${plainTextForCard(e.problemId)}`,
          `Linked to problem record ${plainTextForCard(e.problemId)}`,
        )
      : '',
  policy_moved: (e, l) =>
    e.type === 'policy_moved'
      ? pick(l, `Flyttet til SLA-avtalens versjon ${e.to}`, `Moved to SLA policy version ${e.to}`)
      : '',
};

/**
 * One line of a case's history as the reporter sees it ("Tildelt Kari", "Kommentar (Ola): …"); internal
 * notes are filtered out before. `priorityName` turns a priority id into its label.
 */
export function historyLine(e: CaseEvent, locale: Locale, priorityName: (id: string) => string): string {
  return HISTORY[e.type](e, locale, priorityName);
}
