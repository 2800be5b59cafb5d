/**
 * Seed 002 §5.1.2.4: the cases the desk marked likely billable, listed by the service's forvalter
 * (administrator), so each forvalter can be invoiced for the work on their services.
 *
 * - The period is half-open, [from, to), on `receivedAt`, as in the SLA report.
 * - A case whose service is unknown or has no administrator lands in the "Uten forvalter" group.
 * - Groups are sorted by administrator name (Norwegian collation), "Uten forvalter" last; cases in a
 *   group by `receivedAt`, then `ref`.
 */
import type { Case } from '../cases/model';
import type { Service } from '../desks/model';
import type { CaseRef, IsoInstant, OrgId, UserId } from '../ids';
import type { Locale } from '../i18n-text';
import { buildCsv, osloTime, type CsvCell } from './csv';
import type { ReportPeriod } from './figures';

export const NO_ADMINISTRATOR_NAME = 'Uten forvalter';

export interface BillableCaseRow {
  ref: CaseRef;
  title: string;
  orgId: OrgId;
  reason: string;
  receivedAt: IsoInstant;
}

export interface BillableGroup {
  /** The forvalter; `id` is absent for the "Uten forvalter" group. */
  administrator: { id?: UserId; name: string };
  cases: BillableCaseRow[];
}

/** What the grouping reads of a case: a case, or its stored summary. */
export type BillableCase = Pick<Case, 'ref' | 'title' | 'orgId' | 'serviceId' | 'receivedAt' | 'billable'>;

export function billableByAdministrator(
  cases: readonly BillableCase[],
  services: readonly Service[],
  period: ReportPeriod,
): BillableGroup[] {
  const serviceById = new Map(services.map((s) => [s.id as string, s]));
  const from = period.from.getTime();
  const to = period.to.getTime();
  const groups = new Map<string, BillableGroup>();
  for (const c of cases) {
    if (!c.billable) continue;
    const received = Date.parse(c.receivedAt);
    if (!(received >= from && received < to)) continue;
    const admin = serviceById.get(c.serviceId)?.administrator;
    const key = admin ? `u:${admin.id}` : '-';
    let group = groups.get(key);
    if (!group) {
      group = {
        administrator: admin ? { id: admin.id, name: admin.name } : { name: NO_ADMINISTRATOR_NAME },
        cases: [],
      };
      groups.set(key, group);
    }
    group.cases.push({
      ref: c.ref,
      title: c.title,
      orgId: c.orgId,
      reason: c.billable.reason,
      receivedAt: c.receivedAt,
    });
  }
  const collator = new Intl.Collator('nb');
  const sorted = [...groups.values()].sort((a, b) => {
    const aNone = a.administrator.id === undefined;
    const bNone = b.administrator.id === undefined;
    if (aNone !== bNone) return aNone ? 1 : -1;
    return (
      collator.compare(a.administrator.name, b.administrator.name) ||
      (a.administrator.id ?? '').localeCompare(b.administrator.id ?? '')
    );
  });
  for (const g of sorted) {
    g.cases.sort(
      (a, b) =>
        Date.parse(a.receivedAt) - Date.parse(b.receivedAt) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
    );
  }
  return sorted;
}

const CSV_HEADER = {
  nb: ['Forvalter', 'Sak', 'Tittel', 'Virksomhet', 'Mottatt', 'Begrunnelse'],
  en: ['Administrator', 'Case', 'Title', 'Organisation', 'Received', 'Reason'],
} as const;

/** The groups as CSV (BOM, `;`, Oslo times), one row per case; names for virksomheter by id. */
export function billableCsv(
  groups: readonly BillableGroup[],
  locale: Locale,
  orgName: (id: string) => string = (id) => id,
): string {
  const rows: CsvCell[][] = [[...CSV_HEADER[locale]]];
  for (const g of groups) {
    const admin =
      g.administrator.id === undefined && locale === 'en' ? 'No administrator' : g.administrator.name;
    for (const c of g.cases)
      rows.push([admin, c.ref, c.title, orgName(c.orgId), osloTime(c.receivedAt), c.reason]);
  }
  return buildCsv(rows);
}
