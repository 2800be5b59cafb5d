/**
 * The case card in the desk's triage channel, enough to triage from: what the case is, the fault-report
 * checklist's answers (description and what was tried shortened, with "Vis mer"), who reported it in
 * which role and who can test, where it stands, both deadlines in the one wording of SLA clocks, an
 * active driftsmelding the case is joined to, the solution once solved, and a link to the case in the
 * tab. The header's container style says how urgent it is (priority and SLA state, see `headerStyle`);
 * text keeps the host's default colour, so it reads in Teams' light, dark and high-contrast themes. With
 * `actions`, the desk's buttons (Ta saken, and forms for the rest); without, a note that only desk
 * members may act. `refresh` makes Teams ask for each listed viewer's own card (Universal Actions), so
 * time left and buttons are that viewer's. Every text a person typed goes through `plainTextForCard`.
 */
import type { Locale } from '../../../shared/i18n-text';
import { plainTextForCard } from '../../../shared/text';
import {
  actionSet,
  card,
  container,
  execute,
  facts,
  text,
  type CardElement,
  type CardJson,
  type Json,
} from '../card';
import { VERBS } from '../verbs';
import { assignForm } from './forms/assign-form';
import { escalateForm } from './forms/escalate-form';
import { linkForm } from './forms/link-form';
import { priorityForm } from './forms/priority-form';
import { solveForm } from './forms/solve-form';
import { convertAction, estimateForm, orderBlock, type TriageOrder } from './order-parts';
import { waitForm } from './forms/wait-form';
import { triageCommentForm, triageDeadlineForm } from '../triage-comment-form';
import { strings } from '../../i18n/strings';

export type Overall = 'on_track' | 'at_risk' | 'breached' | 'paused' | 'done';

export interface TargetLine {
  label: string;
  /** "frist tirsdag 3. mars kl. 13:00 · 2 t 5 min arbeidstid igjen" (shared/sla/clock-text.ts). */
  text: string;
  state: Overall;
}

/** The fault-report checklist's answers, as typed (escaped here). */
export interface TriageChecklist {
  /** How the fault shows itself. */
  symptom: string;
  triedSoFar: string;
  /** When it started, Oslo time, formatted. */
  startedAt: string;
  /** The reporter's role in words ("Superbruker"). */
  reporterRole: string;
  testContact: string;
  /** Whether part of the service works, in words. */
  availability: string;
}

export interface TriageActions {
  claim: boolean;
  resume: boolean;
  assign?: { members: Array<[string, string]> };
  priority?: { priorities: Array<[string, string]>; current: string };
  wait?: { reasons: Array<[string, string]> };
  escalate?: {
    lines: Array<[string, string]>;
    supplier?: string;
    /** Configured suppliers of the service ([id, name]) and the default pick. */
    suppliers?: Array<[string, string]>;
    supplierId?: string;
  };
  solve?: { childCount: number };
  link: boolean;
  notice: boolean;
  /** A supplier's incident not yet decided: "Info til sluttbrukere? Ja/Nei". */
  endUserInfo?: boolean;
  /** An order whose service needs approval: "Send estimat" (order-parts.ts). */
  estimate?: boolean;
  /** "Gjør om til bestilling / feilmelding". */
  convertTo?: 'order' | 'fault';
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
  /** The fault checklist's scope (absent on a case opened as an order). */
  scope?: string;
  /** An order's checklist, terms and estimates (order-parts.ts). */
  order?: TriageOrder;
  priority: string;
  /** The priority's level (1 = most urgent) and whether it is a critical fault. */
  priorityLevel: 1 | 2 | 3 | 4;
  critical: boolean;
  status: string;
  assignee?: string;
  line: string;
  supplierCaseNumber?: string;
  /** The operations supplier holding the case: name, since when, last contact (formatted). */
  supplierHold?: { name: string; since: string; lastContact: string };
  overall: Overall;
  targets: TargetLine[];
  parentRef?: string;
  childCount: number;
  checklist?: TriageChecklist;
  /** An incident the operations supplier reported (seed 001 M.2): who, how to reach them, the decision. */
  incident?: { supplier: string; phone: string; email: string; informationOnly: boolean; decided?: boolean };
  /** The active driftsmelding the case is joined to, with a link to it when known. */
  notice?: { title: string; url?: string };
  /** The solution, once solved. */
  solution?: string;
  /** The case in the tab (a Teams deep link or the tab's address). */
  caseUrl?: string;
  /** When the card was made, Oslo time. */
  asOf: string;
  /** A message for this viewer above the card (an error, "X was first"). */
  banner?: { title?: string; text: string; tone: 'attention' | 'warning' | 'good' | 'accent' };
  /** The viewer's buttons; absent for a viewer who may not act. */
  actions?: TriageActions;
  /** Viewers Teams refreshes the card for (at most 60). */
  refreshUserIds?: string[];
}

export type HeaderStyle = 'attention' | 'warning' | 'good' | 'emphasis';

/**
 * How the header looks, as Adaptive Cards mean the styles: `attention` when a deadline is breached or
 * a critical fault is open; `warning` when a deadline is at risk or a level-2 priority (Høy, B) is
 * open; `good` once solved; otherwise the neutral `emphasis` (a calm case needs no colour).
 */
export function headerStyle(d: Pick<TriageCardData, 'overall' | 'critical' | 'priorityLevel'>): HeaderStyle {
  if (d.overall === 'done') return 'good';
  if (d.overall === 'breached' || d.critical) return 'attention';
  if (d.overall === 'at_risk' || d.priorityLevel <= 2) return 'warning';
  return 'emphasis';
}

/** Long text is shown this far (at a word boundary) with "Vis mer". */
export const SHORT_TEXT_CHARS = 280;

function shorten(value: string): string | null {
  if (value.length <= SHORT_TEXT_CHARS + 40) return null;
  const cut = value.slice(0, SHORT_TEXT_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_TEXT_CHARS * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/**
 * A labelled piece of typed text; a long one shows its start and "Vis mer", which swaps in the whole
 * text (and "Vis mindre" back). `id` makes the element ids unique on the card.
 */
function longText(id: string, label: string, value: string, locale: Locale): CardElement[] {
  const s = strings(locale).channel.card;
  const head = text(`**${label}**`, { spacing: 'medium' });
  const short = shorten(value);
  if (short === null) return [head, text(plainTextForCard(value), { spacing: 'none' })];
  const [a, b] = [`${id}-short`, `${id}-full`];
  const toggle = (title: string): CardElement => ({
    type: 'Action.ToggleVisibility',
    title,
    targetElements: [a, b],
  });
  return [
    head,
    container([text(plainTextForCard(short), { spacing: 'none' }), actionSet([toggle(s.showMore)])], {
      id: a,
      spacing: 'none',
    }),
    container([text(plainTextForCard(value), { spacing: 'none' }), actionSet([toggle(s.showLess)])], {
      id: b,
      isVisible: false,
      spacing: 'none',
    }),
  ];
}

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
  if (a.estimate) out.push(estimateForm(d.locale, target));
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
        ...(a.escalate.suppliers ? { suppliers: a.escalate.suppliers } : {}),
        ...(a.escalate.supplierId ? { supplierId: a.escalate.supplierId } : {}),
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
  // Converting fault ↔ order: an order's row has room (taking and solving wait for its approval); a
  // fault's is full, so it sits under "Mer" with the other ways of handling the case as a whole.
  if (a.convertTo)
    (a.convertTo === 'fault' && out.length < 4 ? out : incident).push(
      convertAction(d.locale, target, a.convertTo),
    );
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

/** A supplier's incident: who reported it, how to phone them, and the desk's Ja/Nei (M.2.1.6). */
function incidentBlock(d: TriageCardData, i: NonNullable<TriageCardData['incident']>): CardElement[] {
  const s = strings(d.locale).channel.incident;
  const p = plainTextForCard;
  const body: CardElement[] = [
    text(s.reportedBy(p(i.supplier), p(i.phone), p(i.email)), { weight: 'bolder', id: 'incident' }),
  ];
  if (i.informationOnly) body.push(text(s.informationOnly, { spacing: 'none', isSubtle: true }));
  if (i.decided !== undefined) body.push(text(s.decided(i.decided), { spacing: 'none' }));
  else if (d.actions?.endUserInfo) {
    const data = { ref: d.ref, version: d.version };
    body.push(text(s.question, { spacing: 'small' }));
    body.push(
      actionSet([
        execute(s.yes, VERBS.triageEndUserInfo, { ...data, inform: true }, { style: 'positive' }),
        execute(s.no, VERBS.triageEndUserInfo, { ...data, inform: false }),
      ]),
    );
  }
  return [container(body, { style: 'emphasis', spacing: 'small' })];
}

export function triageCard(d: TriageCardData): CardJson {
  const s = strings(d.locale).channel.card;
  const p = plainTextForCard;
  const banner: CardElement[] = d.banner
    ? [
        container(
          [
            ...(d.banner.title ? [text(p(d.banner.title), { weight: 'bolder' })] : []),
            text(p(d.banner.text), { spacing: 'none' }),
          ],
          { style: d.banner.tone, id: 'banner' },
        ),
      ]
    : [];
  const fellesfeil: CardElement[] = [];
  if (d.parentRef) fellesfeil.push(text(s.parent(p(d.parentRef)), { weight: 'bolder', id: 'parentRef' }));
  if (d.childCount > 0)
    fellesfeil.push(text(s.children(d.childCount), { weight: 'bolder', id: 'childCount' }));
  const notice: CardElement[] = d.notice
    ? [
        container(
          [
            text(`**${s.noticeJoined}** ${p(d.notice.title)}`, { id: 'notice' }),
            ...(d.notice.url
              ? [actionSet([{ type: 'Action.OpenUrl', title: s.openNotice, url: d.notice.url }])]
              : []),
          ],
          { style: 'emphasis', spacing: 'small' },
        ),
      ]
    : [];
  const incident: CardElement[] = d.incident ? incidentBlock(d, d.incident) : [];
  const c = d.checklist;
  const pairs: Array<[string, string]> = [
    [s.service, p(d.service)],
    [s.org, p(d.org)],
    d.incident
      ? [s.reporterSupplier, p(d.incident.supplier)]
      : [s.reporter, c ? `${p(d.reporter)} (${p(c.reporterRole.toLowerCase())})` : p(d.reporter)],
    ...(c ? ([[s.testContact, p(c.testContact)]] as Array<[string, string]>) : []),
    ...(d.scope ? ([[s.scope, p(d.scope)]] as Array<[string, string]>) : []),
    ...(c
      ? ([
          [s.availability, p(c.availability)],
          [s.startedAt, c.startedAt],
        ] as Array<[string, string]>)
      : []),
    [s.priority, p(d.priority)],
    [s.status, p(d.status)],
    [s.assignee, d.assignee ? p(d.assignee) : s.nobody],
    // Labels are escaped too: "1. linje" must not become a numbered list.
    [s.line, p(d.line)],
  ];
  if (d.supplierHold) {
    const sup = strings(d.locale).channel.supplier;
    pairs.push([
      sup.heldBy,
      `${sup.held(p(d.supplierHold.name), d.supplierHold.since)} · ${sup.lastContact(d.supplierHold.lastContact)}`,
    ]);
  }
  if (d.supplierCaseNumber) pairs.push([s.supplierCase, p(d.supplierCaseNumber)]);
  const details: CardElement[] = c
    ? [
        ...longText('symptom', s.symptom, c.symptom, d.locale),
        ...longText(
          'tried',
          d.incident ? strings(d.locale).channel.incident.possibleSolution : s.triedSoFar,
          c.triedSoFar,
          d.locale,
        ),
      ]
    : [];
  const solution: CardElement[] = d.solution ? longText('solution', s.solution, d.solution, d.locale) : [];
  // The state is said in words with a sign; only a breach is coloured (red reads on every theme).
  const targets = d.targets.map((t) =>
    text(`**${p(t.label)}:** ${s.overall[t.state]} · ${p(t.text)}`, {
      spacing: 'small',
      ...(t.state === 'breached' ? { color: 'attention' as const, weight: 'bolder' as const } : {}),
    }),
  );
  const links: CardElement[] = d.caseUrl
    ? [actionSet([{ type: 'Action.OpenUrl', title: s.openInTab, url: d.caseUrl }])]
    : [];
  const body: CardElement[] = [
    ...banner,
    container(
      [
        // Red (attention) reads on every theme; a warning's yellow would not, so it keeps the default.
        text(`${p(d.ref)} · ${p(d.priority)} · ${s.overall[d.overall]}`, {
          weight: 'bolder',
          id: 'state',
          ...(headerStyle(d) === 'attention' ? { color: 'attention' as const } : {}),
        }),
        text(p(d.title), { size: 'medium', weight: 'bolder', spacing: 'none' }),
      ],
      { style: headerStyle(d), bleed: true, id: 'header' },
    ),
    ...fellesfeil,
    ...incident,
    ...notice,
    facts(pairs),
    ...(d.order ? orderBlock(d.locale, d.order) : []),
    ...details,
    ...solution,
    text(s.deadlines, { weight: 'bolder', spacing: 'medium' }),
    ...targets,
    ...links,
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
