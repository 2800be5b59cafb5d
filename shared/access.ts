/**
 * Who may see and do what. Roles come from configuration (the directory and each desk's members) or,
 * in production, from the Entra ID token's app roles and groups; this module turns either into one
 * `UserAccess`, which every handler and every store query is scoped by.
 *
 * App roles (Entra): `Desk.<deskId>` desk member, `Superuser.<orgId>` superbruker of a virksomhet,
 * `Reports.Read` report reader (Porteføljerådet / Samarbeidsrådet), `Fristvakt.Admin` administrator
 * (sets up desks, services, organisations, policies), `DeskLead.<deskId>` desk lead (may change their
 * own desk, its members, policy and calendar, nothing else). An Entra group can grant any of these
 * through `Directory.groupRoles`.
 */
import type { ActorRole, Case } from './cases/model';
import type { Desk } from './desks/model';
import type { DeskId, OrgId, UserId } from './ids';
import type { CaseAccess } from './ports';

/** Configured people: which virksomhet a user belongs to, who is superbruker where, who reads reports. */
export interface Directory {
  /** People by user id: their virksomhet, name and (where the directory knows them) Entra groups. */
  users: Record<string, { orgId: OrgId; name?: string; email?: string; groups?: string[] }>;
  superusers: Record<string, UserId[]>;
  reportReaders: UserId[];
  /** Administrators by user id (development directories; Entra uses the app role or a group). */
  admins?: UserId[];
  /** Desk leads by desk id (development directories). */
  deskLeads?: Record<string, UserId[]>;
  /** Entra group id → role, for tenants that grant roles through groups rather than app roles. */
  groupRoles?: Record<string, string>;
}

export const EMPTY_DIRECTORY: Directory = { users: {}, superusers: {}, reportReaders: [] };

export interface UserAccess extends CaseAccess {
  /** The user's own virksomhet, when known. */
  homeOrgId?: OrgId;
  /** May read SLA reports: for the desks they are member of, or all desks when a report reader. */
  reportReader: boolean;
  /** May set up everything (the "Innstillinger" section). */
  admin: boolean;
  /** Desks whose setup (desk, members, policy, calendar) this person leads. */
  leadDeskIds: DeskId[];
}

export interface Principal {
  id: UserId;
  /** Entra app roles from the token (`roles` claim). */
  appRoles?: string[];
  /** Entra group ids from the token (`groups` claim). */
  groups?: string[];
}

const ROLE_DESK = 'Desk.';
const ROLE_SUPERUSER = 'Superuser.';
const ROLE_REPORTS = 'Reports.Read';
export const ROLE_ADMIN = 'Fristvakt.Admin';
const ROLE_DESK_LEAD = 'DeskLead.';

/** Resolves what a principal may see, from the directory, the desks' members and token roles. */
export function accessFor(principal: Principal, desks: readonly Desk[], directory: Directory): UserAccess {
  const roles = new Set<string>(principal.appRoles ?? []);
  for (const g of principal.groups ?? []) {
    const role = directory.groupRoles?.[g];
    if (role) roles.add(role);
  }
  const deskIds = new Set<DeskId>();
  for (const desk of desks) {
    const inGroup = desk.memberGroupId !== undefined && (principal.groups ?? []).includes(desk.memberGroupId);
    if (desk.members.includes(principal.id) || inGroup || roles.has(ROLE_DESK + desk.id))
      deskIds.add(desk.id);
  }
  const orgIds = new Set<OrgId>();
  for (const [org, users] of Object.entries(directory.superusers)) {
    if (users.includes(principal.id)) orgIds.add(org as OrgId);
  }
  for (const role of roles) {
    if (role.startsWith(ROLE_SUPERUSER)) orgIds.add(role.slice(ROLE_SUPERUSER.length) as OrgId);
  }
  const leadDeskIds = new Set<DeskId>();
  for (const desk of desks) {
    if (roles.has(ROLE_DESK_LEAD + desk.id) || (directory.deskLeads?.[desk.id] ?? []).includes(principal.id))
      leadDeskIds.add(desk.id);
  }
  return {
    userId: principal.id,
    deskIds: [...deskIds].sort(),
    orgIds: [...orgIds].sort(),
    homeOrgId: directory.users[principal.id]?.orgId,
    reportReader: roles.has(ROLE_REPORTS) || directory.reportReaders.includes(principal.id),
    admin: roles.has(ROLE_ADMIN) || (directory.admins ?? []).includes(principal.id),
    leadDeskIds: [...leadDeskIds].sort(),
  };
}

export const isDeskMember = (access: CaseAccess, deskId: DeskId): boolean => access.deskIds.includes(deskId);
export const isSuperuserOf = (access: CaseAccess, orgId: OrgId): boolean => access.orgIds.includes(orgId);

/**
 * THE access rule: the capacity `access` acts in on `c`, most privileged first, or null when it may
 * not see the case at all. Every chat command, card verb, tab route and notification's recipient list
 * asks this one function; a caller that gets null answers exactly as for a reference that does not
 * exist, so an outsider learns nothing (not even which desk has it).
 *
 * - `desk`: a member of the case's desk (by directory, Entra group or `Desk.<id>` app role);
 * - `superuser`: a superbruker of the case's virksomhet;
 * - `reporter`: the person who reported it;
 * - `follower`: a follower, or the test contact named on the form;
 * - `supplier`: for a supplier's access (`CaseAccess.supplierId`), a case it holds (its own incident, or
 *   one escalated to it: `Case.supplier`); a supplier gets no other role on any case.
 *
 * A report reader sees figures, not cases: the role gives no case access by itself.
 */
export function roleOn(
  c: Pick<Case, 'deskId' | 'orgId' | 'reporter' | 'followers' | 'testContact' | 'supplier'>,
  access: CaseAccess,
): ActorRole | null {
  if (access.supplierId !== undefined)
    return c.supplier?.supplierId === access.supplierId ? 'supplier' : null;
  if (access.deskIds.includes(c.deskId)) return 'desk';
  if (access.orgIds.includes(c.orgId)) return 'superuser';
  if (c.reporter.id === access.userId) return 'reporter';
  if (c.followers.some((f) => f.id === access.userId) || c.testContact.id === access.userId)
    return 'follower';
  return null;
}

/** Whether `access` may see `c` at all (the same rule as `roleOn`). */
export const canSee = (
  c: Pick<Case, 'deskId' | 'orgId' | 'reporter' | 'followers' | 'testContact' | 'supplier'>,
  access: CaseAccess,
): boolean => roleOn(c, access) !== null;

/** The support lines: they act for the desk or the virksomhet, and see internal notes. */
export const isSupportRole = (role: ActorRole | null): boolean => role === 'desk' || role === 'superuser';

/** Whether `access` may change the setup of desk `deskId` (an administrator, or that desk's lead). */
export const maySetUpDesk = (access: Pick<UserAccess, 'admin' | 'leadDeskIds'>, deskId: DeskId): boolean =>
  access.admin || access.leadDeskIds.includes(deskId);

/** Whether `access` sees the "Innstillinger" section at all. */
export const maySetUpAnything = (access: Pick<UserAccess, 'admin' | 'leadDeskIds'>): boolean =>
  access.admin || access.leadDeskIds.length > 0;
