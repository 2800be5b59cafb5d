/**
 * What users see for the domain's enumerations, in Norwegian bokmål and English. The bot's cards, the
 * channel posts and the tab all take their words from here, so one status has one name everywhere.
 * The Norwegian terms follow GLOSSARY.md and the seeds (Ny, Under arbeid, Avventer, Løst, Lukket).
 */
import type { ServiceCriticality } from '../desks/model';
import type { LocalizedText, Locale } from '../i18n-text';
import type { SlaState } from '../sla/state';
import type {
  ActorRole,
  Availability,
  CaseKind,
  CaseStatus,
  CommentVisibility,
  FaultType,
  ReporterRole,
  Scope,
  SlaTarget,
  SupportLine,
  WaitReason,
} from './model';

export const STATUS_LABELS: Record<CaseStatus, LocalizedText> = {
  new: { nb: 'Ny', en: 'New' },
  in_progress: { nb: 'Under arbeid', en: 'In progress' },
  waiting: { nb: 'Avventer', en: 'Waiting' },
  solved: { nb: 'Løst', en: 'Solved' },
  closed: { nb: 'Lukket', en: 'Closed' },
};

export const WAIT_REASON_LABELS: Record<WaitReason, LocalizedText> = {
  supplier: { nb: 'Avventer leverandør', en: 'Waiting on supplier' },
  third_line: { nb: 'Avventer 3. linje', en: 'Waiting on third line' },
  reporter: { nb: 'Avventer innmelder', en: 'Waiting on reporter' },
  approval: { nb: 'Avventer godkjenning', en: 'Waiting for approval' },
};

export const LINE_LABELS: Record<SupportLine, LocalizedText> = {
  first: { nb: '1. linje', en: 'First line' },
  second: { nb: '2. linje', en: 'Second line' },
  third: { nb: '3. linje', en: 'Third line' },
  supplier: { nb: 'Driftsleverandør', en: 'Supplier' },
};

export const SCOPE_LABELS: Record<Scope, LocalizedText> = {
  me: { nb: 'Bare meg', en: 'Only me' },
  department: { nb: 'Min avdeling', en: 'My department' },
  organisation: { nb: 'Hele virksomheten', en: 'The whole organisation' },
  several_organisations: {
    nb: 'Flere virksomheter eller lokasjoner',
    en: 'Several organisations or locations',
  },
};

export const AVAILABILITY_LABELS: Record<Availability, LocalizedText> = {
  partial: { nb: 'Deler av tjenesten fungerer', en: 'Part of the service works' },
  all: { nb: 'Hele tjenesten er utilgjengelig', en: 'The whole service is unavailable' },
};

export const REPORTER_ROLE_LABELS: Record<ReporterRole, LocalizedText> = {
  employee: { nb: 'Sluttbruker', en: 'Employee' },
  superuser: { nb: 'Superbruker', en: 'Superuser' },
  first_line: { nb: '1. linje', en: 'First line' },
  administrator: { nb: 'Forvalter', en: 'Administrator' },
};

export const ACTOR_ROLE_LABELS: Record<ActorRole, LocalizedText> = {
  reporter: { nb: 'Innmelder', en: 'Reporter' },
  desk: { nb: 'Servicesenter', en: 'Service desk' },
  superuser: { nb: 'Superbruker', en: 'Superuser' },
  follower: { nb: 'Følger', en: 'Follower' },
  system: { nb: 'Fristvakt', en: 'Fristvakt' },
  supplier: { nb: 'Driftsleverandør', en: 'Supplier' },
};

export const KIND_LABELS: Record<CaseKind, LocalizedText> = {
  fault: { nb: 'Feilmelding', en: 'Fault' },
  order: { nb: 'Bestilling', en: 'Order' },
  change_proposal: { nb: 'Endringsforslag', en: 'Change proposal' },
  question: { nb: 'Brukerstøtte', en: 'Question' },
};

export const FAULT_TYPE_LABELS: Record<FaultType, LocalizedText> = {
  functional: { nb: 'Funksjonell feil', en: 'Functional fault' },
  technical_application: { nb: 'Teknisk feil (applikasjon)', en: 'Technical fault (application)' },
  technical_infrastructure: { nb: 'Teknisk feil (infrastruktur)', en: 'Technical fault (infrastructure)' },
};

export const VISIBILITY_LABELS: Record<CommentVisibility, LocalizedText> = {
  public: { nb: 'Kommentar', en: 'Comment' },
  internal: { nb: 'Internt notat', en: 'Internal note' },
};

export const SLA_TARGET_LABELS: Record<SlaTarget, LocalizedText> = {
  response: { nb: 'Responstid', en: 'Response' },
  resolution: { nb: 'Løsningstid', en: 'Resolution' },
};

/** An order's resolution target is its delivery (the catalogue's delivery time). */
export const ORDER_DELIVERY_LABEL: LocalizedText = { nb: 'Leveringstid', en: 'Delivery' };

export const SLA_STATE_LABELS: Record<SlaState, LocalizedText> = {
  running: { nb: 'I rute', en: 'On track' },
  at_risk: { nb: 'I fare', en: 'At risk' },
  breached: { nb: 'Brutt', en: 'Breached' },
  paused: { nb: 'Pauset', en: 'Paused' },
  met: { nb: 'Oppfylt', en: 'Met' },
  no_target: { nb: 'Ingen frist', en: 'No target' },
};

export const CRITICALITY_LABELS: Record<ServiceCriticality, LocalizedText> = {
  life_and_health: { nb: 'Liv og helse', en: 'Life and health' },
  high_uptime: { nb: 'Krav om høy oppetid', en: 'High uptime expected' },
  citizen_facing: { nb: 'Innbyggertjeneste', en: 'Citizen-facing service' },
  normal: { nb: 'Ordinær', en: 'Normal' },
};

export const CLOSE_REASON_LABELS: Record<
  'accepted' | 'no_answer' | 'parent_closed' | 'withdrawn' | 'information_only',
  LocalizedText
> = {
  information_only: { nb: 'Kun til informasjon', en: 'For information only' },
  accepted: { nb: 'Løsningen er godtatt', en: 'Solution accepted' },
  no_answer: { nb: 'Lukket uten svar fra innmelder', en: 'Closed without an answer from the reporter' },
  parent_closed: { nb: 'Hovedsaken er lukket', en: 'The parent case was closed' },
  withdrawn: { nb: 'Trukket tilbake', en: 'Withdrawn' },
};

/**
 * A duration in whole minutes for people: "2 t 15 min" ("2 h 15 min"), "−45 min" when late. With
 * `minutesPerDay` (e.g. 450 business minutes for 08:00–15:30), long spans are shown in days first:
 * "2 d 1 t". The caller knows whether the minutes are business or real minutes and labels them.
 */
export function formatMinutes(minutes: number, locale: Locale, minutesPerDay?: number): string {
  const sign = minutes < 0 ? '−' : '';
  let rest = Math.round(Math.abs(minutes));
  const parts: string[] = [];
  const h = locale === 'nb' ? 't' : 'h';
  if (minutesPerDay && rest >= minutesPerDay) {
    const d = Math.floor(rest / minutesPerDay);
    parts.push(`${d} d`);
    rest -= d * minutesPerDay;
  }
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  if (hours > 0) parts.push(`${hours} ${h}`);
  if (mins > 0 || parts.length === 0) parts.push(`${mins} min`);
  return sign + parts.join(' ');
}
