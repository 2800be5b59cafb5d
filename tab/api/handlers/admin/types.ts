/** What the admin routes answer (the tab's "Innstillinger" reads these types). */
import type { Person } from '../../../../shared/cases/model';
import type { Desk, Organisation, Service } from '../../../../shared/desks/model';
import type { AuditEntry } from '../../../../shared/ports';
import type { SlaPolicy } from '../../../../shared/sla/policy';
import type { PolicyPreview } from '../../../../shared/sla/versions';
import type { ImportReport } from '../../../../shared/app/admin';

/** One object with the version to send back when changing it. */
export interface AdminVersioned<T> {
  item: T;
  version: string;
}
/** A desk, with its members as people (name and e-mail where the directory knows them, else the id). */
export type AdminDeskResponse = AdminVersioned<Desk> & { members: Person[] };
/** People found in the directory (`GET /api/admin/people?q=`). */
export interface AdminPeopleResponse {
  people: Person[];
}
export type AdminServiceResponse = AdminVersioned<Service>;
export type AdminOrganisationResponse = AdminVersioned<Organisation>;
export interface AdminDesksResponse {
  desks: Desk[];
}
export interface AdminServicesResponse {
  services: Service[];
}
export interface AdminOrganisationsResponse {
  organisations: Organisation[];
}
/** A desk's policy versions, newest first, and the desk version to save a new one against. */
export interface AdminPolicyResponse {
  deskId: string;
  version: string;
  versions: SlaPolicy[];
}
export type AdminPreviewResponse = PolicyPreview;
export type AdminImportResponse = ImportReport;
/** An audit entry with the top-level fields it changed. */
export type AdminAuditEntry = AuditEntry & { fields: string[] };
export interface AdminAuditResponse {
  entries: AdminAuditEntry[];
}
