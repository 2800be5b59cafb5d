/** Service desks, the service catalogue, and where the bot posts in Teams. */
import type { DeskId, OrgId, ServiceId, UserId } from '../ids';
import type { Person } from '../cases/model';
import type { SlaPolicy } from '../sla/policy';
import type { FellesfeilThresholds } from '../cases/fellesfeil-detector';
import type { ServiceOrderTerms } from './service-order';

/** How the app addresses a Teams channel (team + channel) for posting. */
export interface ChannelRef {
  teamId: string;
  channelId: string;
  serviceUrl: string;
  tenantId?: string;
  name?: string;
}

export interface Desk {
  id: DeskId;
  name: string;
  /** The organisations (virksomheter) this desk serves. */
  orgIds: OrgId[];
  /** The SLA policy in force now: its newest version (`policy.version`; absent: version 1). */
  policy: SlaPolicy;
  /**
   * Earlier versions of `policy`, kept for the cases received under them (see `shared/sla/versions.ts`).
   * Absent: the desk has only ever had one version.
   */
  previousPolicies?: SlaPolicy[];
  /** The phone number a reporter of a critical fault must call too. */
  phone: string;
  email?: string;
  triageChannel?: ChannelRef;
  noticeChannels: ChannelRef[];
  /** Desk members may act on cases: by Teams user id, or through an Entra group. */
  members: UserId[];
  memberGroupId?: string;
  /** Mentioned when a target is breached. */
  escalationContacts: Person[];
  /** Who takes critical faults outside opening hours (seed 002 §4.3), shown to reporters. */
  afterHours?: string;
  /** Working days without an answer after Løst before the case closes itself. */
  autoCloseWorkingDays: number;
}

/** ROR-IKT's definitions (seed 004 §5.6) and Byarkivet's examples drive the priority suggestion. */
export type ServiceCriticality = 'life_and_health' | 'high_uptime' | 'citizen_facing' | 'normal';

export interface Service {
  id: ServiceId;
  name: string;
  deskId: DeskId;
  criticality: ServiceCriticality;
  /** The forvalter / systemansvarlig told about technical faults. */
  administrator?: Person;
  /** Operations supplier, e.g. "Sopra Steria". */
  supplier?: string;
  /**
   * Services this one depends on (e.g. a journal system on the network or the sign-in service): reports
   * on this service also count towards a fellesfeil on each of them.
   */
  dependsOn?: ServiceId[];
  /** The virksomheter that use this service (absent: every virksomhet its desk serves). */
  orgIds?: OrgId[];
  /** A retired service is kept for its old cases but no longer offered on the fault form. */
  retired?: boolean;
  /**
   * The fellesfeil detector's thresholds where this service differs from the defaults (set in
   * "Innstillinger"; absent: the defaults). See `shared/desks/fellesfeil-thresholds.ts`.
   */
  fellesfeil?: Partial<FellesfeilThresholds>;
  /** Its order terms in the catalogue ("Bestill"; `shared/desks/service-order.ts`); absent: not orderable. */
  order?: ServiceOrderTerms;
}

export interface Organisation {
  id: OrgId;
  name: string;
  /** Who may report faults (absent: all employees). See `shared/desks/reporting.ts`. */
  reporting?: ReportingRule;
}

/**
 * Who in a virksomhet may report: all employees, or only members of named Entra groups (ROR-IKT
 * excludes pupils and guardians, seed 004 §5.3). `contact` is whom the others are told to turn to.
 */
export type ReportingRule = { kind: 'all' } | { kind: 'groups'; groupIds: string[]; contact: string };
