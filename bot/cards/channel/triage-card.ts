/**
 * The case card in the desk's triage channel: what the case is, who reported it, where it stands, both
 * deadlines with time left, coloured by the SLA state and said in words too (on track / at risk /
 * breached / paused). With `actions`, the desk's buttons (Ta saken, and forms for the rest); without,
 * a note that only desk members may act. `refresh` makes Teams ask for each listed viewer's own card
 * (Universal Actions), so time left and buttons are that viewer's.
 */
import type { Locale } from '../../../shared/i18n-text';
import { card, container, execute, facts, text, type CardElement, type CardJson, type Json } from '../card';
import { VERBS } from '../verbs';
import { assignForm } from './forms/assign-form';
import { escalateForm } from './forms/escalate-form';
import { linkForm } from './forms/link-form';
import { priorityForm } from './forms/priority-form';
import { solveForm } from './forms/solve-form';
import { waitForm } from './forms/wait-form';
import { triageCommentForm, triageDeadlineForm } from '../triage-comment-form';
import { strings } from '../../i18n/strings';

export type Overall = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'done';

export interface TargetLine {
  label: string;
  /** "frist tirsdag 3. mars kl. 13:00 · 2 t 5 min igjen (arbeidstid)". */
  text: string;
  state: Overall;
}

export interface TriageActions {
  claim: boolean;
  resume: boolean;
  assign?: { members: Array<[string, string]> };
  priority?: { priorities: Array<[string, string]>; current: string };
  wait?: { reasons: Array<[string, string]> };
  escalate?: { lines: Array<[string, string]>; supplier?: string };
  solve?: { childCount: number };
  link: boolean;
  notice: boolean;
}

export interface TriageCardData {
  locale: Locale;
  ref: string;
  /** The case's store version when the card was made: actions carry it (first one wins). */
  version: string;
  title: string;
  service: string;
  org: string;
  reporter: string;
  scope: string;
  priority: string;
  status: string;
  assignee?: string;
  line: string;
  supplierCaseNumber?: string;
  overall: Overall;
  targets: TargetLine[];
  parentRef?: string;
  childCount: number;
  /** When the card was made, Oslo time. */
  asOf: string;
  /** A message for this viewer above the card (an error, "X was first"). */
  banner?: { title?: string; text: string; tone: 'attention' | 'warning' | 'good' | 'accent' };
  /** The viewer's buttons; absent for a viewer who may not act. */
  actions?: TriageActions;
  /** Viewers Teams refreshes the card for (at most 60). */
  refreshUserIds?: string[];
}

const STYLE: Record<Overall, string> = {
  on_track: 'good',
  at_risk: 'warning',
  breached: 'attention',
  paused: 'accent',
  done: 'emphasis',
};
const COLOR: Record<Overall, 'good' | 'warning' | 'attention' | 'accent' | 'default'> = {
  on_track: 'good',
  at_risk: 'warning',
  breached: 'attention',
  paused: 'accent',
  done: 'default',
};

/** Teams refreshes a card for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;

/**
 * At most 5 buttons in a row (the default host config's limit): the frequent actions come first, the
 * rest ("Kommenter", "Eskaler", "Endre prioritet", and "Fellesfeil / driftsmelding" with "Knytt til
 * hovedsak" and "Lag driftsmelding") sit under "Mer", which keeps one place free.
 */
function actionsOf(d: TriageCardData, a: TriageActions): CardElement[] {
  const s = strings(d.locale).channel.actions;
  const target = { ref: d.ref, version: d.version };
  const data: Record<string, Json> = { ref: d.ref, version: d.version };
  const out: CardElement[] = [];
  if (a.claim) out.push(execute(s.claim, VERBS.triageClaim, data, { style: 'positive' }));
  if (a.solve) out.push(solveForm({ locale: d.locale, target, childCount: a.solve.childCount }));
  if (a.assign) out.push(assignForm({ locale: d.locale, target, members: a.assign.members }));
  if (a.resume) out.push(execute(s.resume, VERBS.triageResume, data));
  else if (a.wait) out.push(waitForm({ locale: d.locale, target, reasons: a.wait.reasons }));
  // The case conversation: a reply to the reporter or an internal note (cards/triage-comment-form.ts).
  const more: CardElement[] = [triageCommentForm(d.locale, d.ref)];
  // Agreed deadline: propose a new deadline to the reporter (seed 004 §5.5), while the case is worked.
  if (a.solve) more.push(triageDeadlineForm(d.locale, d.ref));
  if (a.escalate)
    more.push(
      escalateForm({
        locale: d.locale,
        target,
        lines: a.escalate.lines,
        ...(a.escalate.supplier ? { supplier: a.escalate.supplier } : {}),
      }),
    );
  if (a.priority)
    more.push(
      priorityForm({
        locale: d.locale,
        target,
        priorities: a.priority.priorities,
        current: a.priority.current,
      }),
    );
  // Fellesfeil and driftsmelding together, so "Mer" keeps a free place under the host's limit of 5.
  const incident: CardElement[] = [];
  if (a.link) incident.push(linkForm({ locale: d.locale, target }));
  if (a.notice) incident.push(execute(s.notice, VERBS.triageNotice, { ref: d.ref }));
  if (incident.length > 0)
    more.push({
      type: 'Action.ShowCard',
      title: s.incident,
      card: { type: 'AdaptiveCard', body: [], actions: incident },
    });
  if (more.length > 0)
    out.push({
      type: 'Action.ShowCard',
      title: s.more,
      card: { type: 'AdaptiveCard', body: [], actions: more },
    });
  return out;
}

export function triageCard(d: TriageCardData): CardJson {
  const s = strings(d.locale).channel.card;
  const banner: CardElement[] = d.banner
    ? [
        container(
          [
            ...(d.banner.title ? [text(d.banner.title, { weight: 'bolder' })] : []),
            text(d.banner.text, { spacing: 'none' }),
          ],
          { style: d.banner.tone, id: 'banner' },
        ),
      ]
    : [];
  const fellesfeil: CardElement[] = [];
  if (d.parentRef) fellesfeil.push(text(s.parent(d.parentRef), { weight: 'bolder', id: 'parentRef' }));
  if (d.childCount > 0)
    fellesfeil.push(text(s.children(d.childCount), { weight: 'bolder', color: 'accent', id: 'childCount' }));
  const pairs: Array<[string, string]> = [
    [s.service, d.service],
    [s.org, d.org],
    [s.reporter, d.reporter],
    [s.scope, d.scope],
    [s.priority, d.priority],
    [s.status, d.status],
    [s.assignee, d.assignee ?? s.nobody],
    [s.line, d.line],
  ];
  if (d.supplierCaseNumber) pairs.push([s.supplierCase, d.supplierCaseNumber]);
  const targets = d.targets.map((t) =>
    text(`**${t.label}:** ${t.text}`, { color: COLOR[t.state], spacing: 'small' }),
  );
  const body: CardElement[] = [
    ...banner,
    container(
      [
        text(`${d.ref} · ${s.overall[d.overall]}`, {
          weight: 'bolder',
          id: 'state',
          color: COLOR[d.overall],
        }),
        text(d.title, { size: 'medium', weight: 'bolder', spacing: 'none' }),
      ],
      { style: STYLE[d.overall], bleed: true },
    ),
    ...fellesfeil,
    facts(pairs),
    text(s.deadlines, { weight: 'bolder', spacing: 'medium' }),
    ...targets,
    ...(d.actions ? [] : [text(s.readOnly, { isSubtle: true, size: 'small' })]),
    text(s.asOf(d.asOf), { isSubtle: true, size: 'small' }),
  ];
  const extra: Record<string, Json> = {};
  if (d.refreshUserIds && d.refreshUserIds.length > 0)
    extra.refresh = {
      action: { type: 'Action.Execute', verb: VERBS.triageRefresh, data: { ref: d.ref } },
      userIds: d.refreshUserIds.slice(0, MAX_REFRESH_USERS),
    };
  return card(body, d.actions ? actionsOf(d, d.actions) : [], extra);
}
