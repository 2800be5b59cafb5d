/**
 * Branded identifiers and units. A brand makes a `DeskId` and an `OrgId` different types even though
 * both are strings at run time, so one cannot be passed where the other is expected.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/**
 * A case's reference number, `<series>-<year>-<6 digits>`: unique, given at creation, never reused or
 * changed. Series `FV` (faults and every other kind), `BE` (a case opened as an order), each numbered
 * on its own.
 */
export type CaseRef = Brand<string, 'CaseRef'>;
/** A service desk (2nd line): `ror-ikt`, `byarkivet`, `uke`. */
export type DeskId = Brand<string, 'DeskId'>;
/** A virksomhet (organisation unit / municipality / city district) a case belongs to. */
export type OrgId = Brand<string, 'OrgId'>;
/** A person, by their Entra ID object id (AAD object id) as Teams gives it. */
export type UserId = Brand<string, 'UserId'>;
/** A service in the catalogue (e.g. `websak`, `agresso`). */
export type ServiceId = Brand<string, 'ServiceId'>;
/** A driftsmelding (service notice). */
export type NoticeId = Brand<string, 'NoticeId'>;
/** One event in a case's history. */
export type EventId = Brand<string, 'EventId'>;

/** An absolute instant as an ISO 8601 string in UTC, e.g. `2026-04-01T12:00:00.000Z`. */
export type IsoInstant = Brand<string, 'IsoInstant'>;
/** A duration in minutes (possibly fractional). */
export type Minutes = Brand<number, 'Minutes'>;
/** A duration in milliseconds. */
export type Millis = Brand<number, 'Millis'>;

export const caseRef = (s: string): CaseRef => s as CaseRef;
export const deskId = (s: string): DeskId => s as DeskId;
export const orgId = (s: string): OrgId => s as OrgId;
export const userId = (s: string): UserId => s as UserId;
export const serviceId = (s: string): ServiceId => s as ServiceId;
export const noticeId = (s: string): NoticeId => s as NoticeId;
export const eventId = (s: string): EventId => s as EventId;
export const isoInstant = (d: Date): IsoInstant => d.toISOString() as IsoInstant;
export const minutes = (n: number): Minutes => n as Minutes;

/** A reference series: `FV` (faults and other kinds), `BE` (bestillinger: cases opened as orders). */
export type RefSeries = 'FV' | 'BE';
export const REF_SERIES: readonly RefSeries[] = ['FV', 'BE'];
/** The series of a new case of `kind`: an order's own `BE`, `FV` for every other kind. */
export const refSeriesFor = (kind: string): RefSeries => (kind === 'order' ? 'BE' : 'FV');
/** A reference anywhere in a text (`FV-2026-123`, `be-2026-000123`): for links and chat commands. */
export const CASE_REF_IN_TEXT = /\b(?:FV|BE)-\d{4}-\d{1,6}(?!\d)/i;

const CASE_REF = /^(FV|BE)-(\d{4})-(\d{6})$/;
/** Formats a reference number from its year and sequence number (1 … 999 999), in `series` (FV). */
export function formatCaseRef(year: number, seq: number, series: RefSeries = 'FV'): CaseRef {
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999)
    throw new RangeError(`case sequence out of range: ${seq}`);
  return `${series}-${year}-${String(seq).padStart(6, '0')}` as CaseRef;
}
/** Parses user input such as `fv-2026-123`, `FV-2026-000123` or `BE-2026-7`; null when it is not a reference. */
export function parseCaseRef(input: string): CaseRef | null {
  const m = /^\s*(FV|BE)-(\d{4})-(\d{1,6})\s*$/i.exec(input);
  if (!m) return null;
  const seq = Number(m[3]);
  return seq >= 1 ? formatCaseRef(Number(m[2]), seq, m[1]!.toUpperCase() as RefSeries) : null;
}
export const isCaseRef = (s: string): s is CaseRef => CASE_REF.test(s);

/** A priority within a desk's priority scheme, e.g. `kritisk` (ROR-IKT) or `A` (Byarkivet WebSak). */
export type PriorityId = Brand<string, 'PriorityId'>;
export const priorityId = (s: string): PriorityId => s as PriorityId;
