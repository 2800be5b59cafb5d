/**
 * The triage card of a case, for one viewer or for everyone (the channel post): labels from the
 * catalogue and the directory, the checklist's answers, both deadlines from `caseSla` in the one
 * wording of SLA clocks (`shared/sla/clock-text.ts`), the overall SLA state, an active driftsmelding
 * the case is joined to, the solution once solved, the link to the case in the tab, and the actions a
 * desk member may use in the case's current status.
 */
import type { Directory } from '../../../shared/access';
import type { Case, CaseStatus } from '../../../shared/cases/model';
import {
  AVAILABILITY_LABELS,
  LINE_LABELS,
  REPORTER_ROLE_LABELS,
  SCOPE_LABELS,
  STATUS_LABELS,
  WAIT_REASON_LABELS,
} from '../../../shared/cases/labels';
import type { Notice } from '../../../shared/notices/model';
import { clockText } from '../../../shared/sla/clock-text';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
import { caseSla, type ComputedSla } from '../../../shared/sla/case-sla';
import type { TargetState } from '../../../shared/sla/state';
import type { CardJson } from '../../cards/card';
import {
  MAX_REFRESH_USERS,
  triageCard,
  type Overall,
  type TargetLine,
  type TriageActions,
  type TriageCardData,
} from '../../cards/channel/triage-card';
import { formatDateTime, formatDeadline } from '../../../shared/dates';
import type { CatalogueSnapshot } from '../../../shared/app/catalogue';
import { priorityLabel } from '../case-view';
import { strings } from '../../i18n/strings';
import { caseLink, noticeLink, type TabLinks } from './tab-links';
import { orderActions, triageOrderOf } from './order-card-data';

export interface CardContext {
  catalogue: CatalogueSnapshot;
  directory: Directory;
  now: Date;
  locale: Locale;
  /** Where the tab is, for the link to the case. */
  links?: TabLinks;
  /** The desk's active driftsmeldinger (to say which one the case is joined to), when read. */
  notices?: readonly Notice[];
}

const WORKING: readonly CaseStatus[] = ['new', 'in_progress', 'waiting'];

/** A person's name from the directory; where only the id is known, that said in words. */
export const memberName = (directory: Directory, id: string, locale: Locale = 'nb'): string =>
  directory.users[id]?.name ?? strings(locale).channel.card.unnamed(id);

/** The desk's members as [id, name] (configured members; an Entra group is resolved by Teams, not listed). */
export function deskMembers(
  desk: Desk,
  directory: Directory,
  locale: Locale = 'nb',
): Array<[string, string]> {
  return desk.members.map((id) => [id, memberName(directory, id, locale)] as [string, string]);
}

function stateOf(t: TargetState): Overall {
  switch (t.state) {
    case 'breached':
      return 'breached';
    case 'at_risk':
      return 'at_risk';
    case 'paused':
      return 'paused';
    case 'running':
      return 'on_track';
    default:
      return 'done';
  }
}

const RANK: Record<Overall, number> = { breached: 4, at_risk: 3, on_track: 2, paused: 1, done: 0 };

function targetLine(t: TargetState, label: string, desk: Desk, now: Date, locale: Locale): TargetLine {
  const s = strings(locale).channel.card;
  if (t.state === 'no_target') return { label, text: s.noTarget, state: 'done' };
  const due = t.dueAt ? s.due(formatDeadline(t.dueAt, locale)) : '';
  if (t.state === 'met' || t.metAt)
    return { label, text: `${s.met}${due ? ` (${due})` : ''}`, state: 'done' };
  const clock = clockText(t, { calendar: desk.policy.calendar, now, locale });
  return { label, text: [due, clock.time, clock.note].filter(Boolean).join(' · '), state: stateOf(t) };
}

/** The active driftsmelding the case is joined to: it names the case, or the case's hovedsak. */
export function joinedNotice(c: Case, notices: readonly Notice[]): Notice | undefined {
  return notices.find(
    (n) =>
      n.status === 'active' &&
      (n.linkedCaseRefs.includes(c.ref) ||
        n.caseRef === c.ref ||
        (c.parentRef !== undefined && n.caseRef === c.parentRef)),
  );
}

/**
 * The escalation form's suppliers: those configured for the service (not the one holding the case) as
 * a pick-list, the service's named supplier chosen when it is one of them (else typed, as before).
 */
function escalateChoices(
  c: Case,
  ctx: CardContext,
  lines: Array<[string, string]>,
  named: string | undefined,
): NonNullable<TriageActions['escalate']> {
  const configured = ctx.catalogue
    .suppliersOf(c.serviceId)
    .filter((x) => x.id !== c.supplier?.supplierId)
    .map((x) => [x.id, x.name] as [string, string]);
  const pick =
    configured.find(([, name]) => named !== undefined && name.toLowerCase() === named.toLowerCase()) ??
    (configured.length === 1 ? configured[0] : undefined);
  return {
    lines,
    ...(configured.length > 0 ? { suppliers: configured } : {}),
    ...(pick ? { supplierId: pick[0] } : named ? { supplier: named } : {}),
  };
}

/** What a desk member may do with the case in its current status. */
export function triageActions(c: Case, desk: Desk, ctx: CardContext, viewerId?: string): TriageActions {
  return orderActions(c, caseActions(c, desk, ctx, viewerId));
}

function caseActions(c: Case, desk: Desk, ctx: CardContext, viewerId?: string): TriageActions {
  const working = WORKING.includes(c.status);
  const open = working || c.status === 'solved';
  const locale = ctx.locale;
  const service = ctx.catalogue.service(c.serviceId);
  // A case with a supplier can move on to another configured supplier of the service: the supplier
  // line stays a choice then.
  const moveOn =
    c.line === 'supplier' &&
    ctx.catalogue.suppliersOf(c.serviceId).some((x) => x.id !== c.supplier?.supplierId);
  const lines = (['second', 'third', 'supplier'] as const)
    .filter((l) => l !== c.line || (l === 'supplier' && moveOn))
    .map((l) => [l, LINE_LABELS[l][locale]] as [string, string]);
  const canEscalate = working && lines.length > 0;
  return {
    claim: working && (viewerId === undefined || c.assignee?.id !== viewerId),
    resume: c.status === 'waiting',
    ...(working
      ? {
          assign: {
            members: deskMembers(desk, ctx.directory, locale).filter(([id]) => id !== c.assignee?.id),
          },
          priority: {
            priorities: desk.policy.priorities.map((p) => [p.id, p.label[locale]] as [string, string]),
            current: c.priority,
          },
          solve: { childCount: c.childRefs.length },
        }
      : {}),
    ...(c.status === 'in_progress' || c.status === 'waiting'
      ? {
          wait: {
            reasons: (['supplier', 'third_line', 'reporter'] as const).map(
              (r) => [r, WAIT_REASON_LABELS[r][locale]] as [string, string],
            ),
          },
        }
      : {}),
    ...(canEscalate ? { escalate: escalateChoices(c, ctx, lines, service?.supplier) } : {}),
    link: open && c.parentRef === undefined && c.childRefs.length === 0,
    notice: c.status !== 'closed',
    ...(c.incident && c.incident.endUserInfo === undefined && working ? { endUserInfo: true } : {}),
  };
}

export interface TriageCardOptions {
  /** The viewer: their actions (when a member), or none; undefined = the channel post (everyone). */
  viewer?: { id: string; member: boolean };
  banner?: TriageCardData['banner'];
  /** The case's SLA at `ctx.now`, when the change computed it already (`computedSla`). */
  known?: ComputedSla;
}

/**
 * The version a card carries: the length of the case's history. Any change appends events, so a card
 * whose version is not the current one was made before someone else acted (and it is known at
 * creation, before the store gives the record its own version).
 */
export const cardVersion = (c: Case): string => String(c.events.length);

export function triageCardData(
  c: Case,
  desk: Desk,
  ctx: CardContext,
  options: TriageCardOptions = {},
): TriageCardData {
  const { locale, catalogue } = ctx;
  const s = strings(locale).channel.card;
  const sla = caseSla(c, desk, ctx.now, options.known);
  const finished = c.status === 'solved' || c.status === 'closed';
  const targets = [
    targetLine(sla.response, s.response, desk, ctx.now, locale),
    // An order's resolution is its delivery (the catalogue's delivery time).
    targetLine(
      sla.resolution,
      c.kind === 'order' ? strings(locale).order.deliveryLabel : s.resolution,
      desk,
      ctx.now,
      locale,
    ),
  ];
  const overall: Overall = finished
    ? 'done'
    : targets.reduce<Overall>((worst, t) => (RANK[t.state] > RANK[worst] ? t.state : worst), 'done');
  const waitEvent = [...c.events].reverse().find((e) => e.type === 'waiting_started');
  const status =
    c.status === 'waiting' && waitEvent?.type === 'waiting_started'
      ? WAIT_REASON_LABELS[waitEvent.reason][locale]
      : STATUS_LABELS[c.status][locale];
  const member = options.viewer === undefined || options.viewer.member;
  const priorityDef = desk.policy.priorities.find((p) => p.id === c.priority);
  const solvedEvent = finished ? [...c.events].reverse().find((e) => e.type === 'solved') : undefined;
  const notice = ctx.notices ? joinedNotice(c, ctx.notices) : undefined;
  const noticeUrl = notice ? noticeLink(ctx.links, notice) : undefined;
  const caseUrl = caseLink(ctx.links, c.ref);
  const order = triageOrderOf(c, desk, ctx.now, locale);
  return {
    locale,
    ref: c.ref,
    version: cardVersion(c),
    title: c.title,
    service: catalogue.service(c.serviceId)?.name ?? c.serviceId,
    org: catalogue.org(c.orgId)?.name ?? c.orgId,
    reporter: c.reporter.name,
    ...(c.checklist ? { scope: SCOPE_LABELS[c.checklist.scope][locale] } : {}),
    ...(order ? { order } : {}),
    priority: priorityLabel(desk, c.priority, locale),
    priorityLevel: priorityDef?.level ?? 3,
    critical: priorityDef?.critical ?? false,
    status,
    ...(c.assignee ? { assignee: c.assignee.name } : {}),
    line: LINE_LABELS[c.line][locale],
    ...(c.supplierCaseNumber ? { supplierCaseNumber: c.supplierCaseNumber } : {}),
    ...(c.supplier
      ? {
          supplierHold: {
            name: c.supplier.name,
            since: formatDateTime(new Date(c.supplier.since), locale),
            lastContact: formatDateTime(new Date(c.supplier.lastContactAt), locale),
          },
        }
      : {}),
    overall,
    targets,
    ...(c.parentRef ? { parentRef: c.parentRef } : {}),
    childCount: c.childRefs.length,
    ...(c.checklist
      ? {
          checklist: {
            symptom: c.checklist.symptom,
            triedSoFar: c.checklist.triedSoFar,
            startedAt: formatDateTime(new Date(c.checklist.startedAt), locale),
            reporterRole: REPORTER_ROLE_LABELS[c.reporterRole][locale],
            testContact: c.testContact.name,
            availability: AVAILABILITY_LABELS[c.checklist.availability][locale],
          },
        }
      : {}),
    ...(c.incident
      ? {
          incident: {
            supplier: c.supplier?.name ?? c.reporter.name,
            phone: c.incident.contact.phone,
            email: c.incident.contact.email,
            informationOnly: c.incident.informationOnly,
            ...(c.incident.endUserInfo !== undefined ? { decided: c.incident.endUserInfo } : {}),
          },
        }
      : {}),
    ...(notice ? { notice: { title: notice.title, ...(noticeUrl ? { url: noticeUrl } : {}) } } : {}),
    ...(solvedEvent?.type === 'solved' ? { solution: solvedEvent.solution } : {}),
    ...(caseUrl ? { caseUrl } : {}),
    asOf: formatDateTime(ctx.now, locale),
    ...(options.banner ? { banner: options.banner } : {}),
    ...(member && c.status !== 'closed' ? { actions: triageActions(c, desk, ctx, options.viewer?.id) } : {}),
    refreshUserIds: desk.members.slice(0, MAX_REFRESH_USERS),
  };
}

export const triageCardFor = (
  c: Case,
  desk: Desk,
  ctx: CardContext,
  options: TriageCardOptions = {},
): CardJson => triageCard(triageCardData(c, desk, ctx, options));
