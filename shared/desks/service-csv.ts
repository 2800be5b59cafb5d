/**
 * The service catalogue as CSV (a municipality's systemoversikt goes to and from a spreadsheet), in the
 * format of `shared/reports/csv.ts` (`;`, UTF-8 with BOM; `,` is accepted too). Pure: parsing gives
 * every row's services or its errors, each naming the column, in Norwegian.
 *
 * Columns: id; navn; desk; kritikalitet; forvalter_id; forvalter_navn; leverandor; virksomheter
 * (ids separated by space or comma; empty: every virksomhet the desk serves); status (aktiv / utgått).
 */
import { buildCsv } from '../reports/csv';
import { deskId, orgId, serviceId, userId } from '../ids';
import type { BillingReferenceKind } from '../cases/model';
import type { Service, ServiceCriticality } from './model';
import { checkServiceOrder } from './service-order';

export const SERVICE_CSV_COLUMNS = [
  'id',
  'navn',
  'desk',
  'kritikalitet',
  'forvalter_id',
  'forvalter_navn',
  'leverandor',
  'virksomheter',
  'status',
] as const;
/**
 * The order terms' columns (optional: a file without them imports services without order terms):
 * bestillbar (ja / nei; empty: no order terms), kun_bestilling, beskrivelse, pris,
 * leveringstid_virkedager, krever_godkjenning, fakturering (fakturareferanse / ressursnummer /
 * kostnadssted; empty: not billable), fakturering_format (a regular expression), fakturering_eksempel.
 * Checked by the catalogue's one rule (`checkServiceOrder`).
 */
export const SERVICE_ORDER_CSV_COLUMNS = [
  'bestillbar',
  'kun_bestilling',
  'beskrivelse',
  'pris',
  'leveringstid_virkedager',
  'krever_godkjenning',
  'fakturering',
  'fakturering_format',
  'fakturering_eksempel',
] as const;
export type ServiceCsvColumn =
  (typeof SERVICE_CSV_COLUMNS)[number] | (typeof SERVICE_ORDER_CSV_COLUMNS)[number];

const BILLING_NAME: Record<BillingReferenceKind, string> = {
  invoice_reference: 'fakturareferanse',
  resource_number: 'ressursnummer',
  cost_centre: 'kostnadssted',
};
/** Where `checkServiceOrder` names a field, the column it came from. */
const ORDER_FIELD_COLUMN: Record<string, ServiceCsvColumn> = {
  'order.orderable': 'bestillbar',
  'order.orderOnly': 'kun_bestilling',
  'order.description': 'beskrivelse',
  'order.priceText': 'pris',
  'order.deliveryWorkingDays': 'leveringstid_virkedager',
  'order.needsApproval': 'krever_godkjenning',
  'order.billing': 'fakturering',
  'order.billing.kind': 'fakturering',
  'order.billing.pattern': 'fakturering_format',
  'order.billing.example': 'fakturering_eksempel',
};

/** A yes/no cell: `ja`/`nei` (also `yes`/`no`, `true`/`false`); anything else is kept to be refused. */
function yesNo(v: string): boolean | string | undefined {
  const s = v.toLowerCase();
  if (s === '') return undefined;
  if (s === 'ja' || s === 'yes' || s === 'true') return true;
  if (s === 'nei' || s === 'no' || s === 'false') return false;
  return v;
}

/** The order terms of a row as the catalogue's check reads them; undefined when `bestillbar` is empty. */
function orderInput(col: (c: ServiceCsvColumn) => string): Record<string, unknown> | undefined {
  const orderable = yesNo(col('bestillbar'));
  if (orderable === undefined) return undefined;
  const days = col('leveringstid_virkedager');
  const kind = col('fakturering').toLowerCase();
  const billingKind = (Object.keys(BILLING_NAME) as BillingReferenceKind[]).find(
    (k) => BILLING_NAME[k] === kind,
  );
  return {
    orderable,
    orderOnly: yesNo(col('kun_bestilling')),
    description: col('beskrivelse'),
    priceText: col('pris'),
    deliveryWorkingDays: days === '' ? undefined : /^\d+$/.test(days) ? Number(days) : days,
    needsApproval: yesNo(col('krever_godkjenning')) ?? false,
    billing:
      kind === ''
        ? undefined
        : {
            kind: billingKind ?? kind,
            pattern: col('fakturering_format'),
            example: col('fakturering_eksempel'),
          },
  };
}

const CRITICALITY: Record<string, ServiceCriticality> = {
  liv_og_helse: 'life_and_health',
  hoy_oppetid: 'high_uptime',
  innbyggerrettet: 'citizen_facing',
  normal: 'normal',
};
const CRITICALITY_NAME: Record<ServiceCriticality, string> = {
  life_and_health: 'liv_og_helse',
  high_uptime: 'hoy_oppetid',
  citizen_facing: 'innbyggerrettet',
  normal: 'normal',
};

export interface CsvFieldError {
  field: ServiceCsvColumn | 'fil';
  message: string;
}

export interface ServiceCsvRow {
  /** The line in the file (the header is line 1). */
  line: number;
  service?: Service;
  errors: CsvFieldError[];
}

/** Splits CSV text into rows of fields (quotes, doubled quotes, CRLF or LF), dropping a BOM. */
export function splitCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = firstLine.includes(';') ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i += 1) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Undoes the export's formula guard (`'` before `=`, `+`, `-`, `@`). */
const unguard = (s: string): string => (/^'[=+\-@]/.test(s) ? s.slice(1) : s.trim());

const ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Parses a service CSV; `known` says which desks and virksomheter exist. */
export function parseServiceCsv(
  text: string,
  known: { deskIds: readonly string[]; orgIds: readonly string[] },
): { rows: ServiceCsvRow[]; fileError?: string } {
  const all = splitCsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  if (all.length === 0) return { rows: [], fileError: 'Filen er tom.' };
  const header = all[0]!.map((h) => h.trim().toLowerCase());
  const missing = SERVICE_CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0)
    return { rows: [], fileError: `Første linje mangler kolonnene: ${missing.join(', ')}.` };
  const col = (r: string[], c: ServiceCsvColumn): string =>
    header.includes(c) ? unguard(r[header.indexOf(c)] ?? '') : '';
  const seen = new Set<string>();
  const rows = all.slice(1).map((r, i): ServiceCsvRow => {
    const errors: CsvFieldError[] = [];
    const err = (field: ServiceCsvColumn, message: string) => errors.push({ field, message });
    const id = col(r, 'id');
    if (!ID.test(id)) err('id', 'Id må være små bokstaver, tall, punktum, bindestrek eller understrek.');
    else if (seen.has(id)) err('id', `Id «${id}» står på flere linjer.`);
    seen.add(id);
    const name = col(r, 'navn');
    if (name === '') err('navn', 'Navn må fylles ut.');
    else if (name.length > 200) err('navn', 'Navn kan være høyst 200 tegn.');
    const desk = col(r, 'desk');
    if (!known.deskIds.includes(desk)) err('desk', `Ukjent desk «${desk}».`);
    const critText = col(r, 'kritikalitet') || 'normal';
    const criticality = CRITICALITY[critText];
    if (!criticality)
      err('kritikalitet', `Kritikalitet må være én av: ${Object.keys(CRITICALITY).join(', ')}.`);
    const adminId = col(r, 'forvalter_id');
    const adminName = col(r, 'forvalter_navn');
    if ((adminId === '') !== (adminName === ''))
      err(adminId === '' ? 'forvalter_id' : 'forvalter_navn', 'Forvalter trenger både id og navn.');
    const orgs = col(r, 'virksomheter')
      .split(/[\s,]+/)
      .filter((o) => o !== '');
    const unknown = orgs.filter((o) => !known.orgIds.includes(o));
    if (unknown.length > 0) err('virksomheter', `Ukjente virksomheter: ${unknown.join(', ')}.`);
    const status = (col(r, 'status') || 'aktiv').toLowerCase();
    if (status !== 'aktiv' && status !== 'utgått') err('status', 'Status må være «aktiv» eller «utgått».');
    const order = checkServiceOrder(orderInput((c) => col(r, c)));
    if (order.error) err(ORDER_FIELD_COLUMN[order.error.field] ?? 'bestillbar', order.error.message);
    const line = i + 2;
    if (errors.length > 0) return { line, errors };
    const supplier = col(r, 'leverandor');
    const service: Service = {
      id: serviceId(id),
      name,
      deskId: deskId(desk),
      criticality: criticality!,
      ...(adminId ? { administrator: { id: userId(adminId), name: adminName } } : {}),
      ...(supplier ? { supplier } : {}),
      ...(orgs.length > 0 ? { orgIds: orgs.map(orgId) } : {}),
      ...(status === 'utgått' ? { retired: true } : {}),
      ...(order.value ? { order: order.value } : {}),
    };
    return { line, service, errors };
  });
  return { rows };
}

/** The catalogue as CSV, in the columns `parseServiceCsv` reads. */
export function serviceCsv(services: readonly Service[]): string {
  return buildCsv([
    [...SERVICE_CSV_COLUMNS, ...SERVICE_ORDER_CSV_COLUMNS],
    ...services.map((s) => [
      s.id,
      s.name,
      s.deskId,
      CRITICALITY_NAME[s.criticality],
      s.administrator?.id,
      s.administrator?.name,
      s.supplier,
      (s.orgIds ?? []).join(' '),
      s.retired ? 'utgått' : 'aktiv',
      ...orderCells(s),
    ]),
  ]);
}

/** A service's order terms in the order columns (all empty without terms). */
function orderCells(s: Service): (string | number | undefined)[] {
  const o = s.order;
  if (!o) return SERVICE_ORDER_CSV_COLUMNS.map(() => '');
  const yn = (b: boolean | undefined) => (b ? 'ja' : 'nei');
  return [
    yn(o.orderable),
    yn(o.orderOnly),
    o.description,
    o.priceText,
    o.deliveryWorkingDays,
    yn(o.needsApproval),
    o.billing ? BILLING_NAME[o.billing.kind] : '',
    o.billing?.pattern,
    o.billing?.example,
  ];
}
