/**
 * The SLA report's order figures (seed 002 §5.1.3–5.1.4, §6): how many orders were delivered within
 * the catalogue's delivery time, how long delivery took in working days (median and p90), the time
 * spent waiting for the orderer's approval shown apart, and the billable orders by their invoice
 * reference. Pure: the cases, the desks' policies and the instants are given.
 *
 * Rules:
 * - A case counts under the kind it ended as: an order converted to a fault is not an order here, a
 *   fault converted to an order is (and is counted as converted).
 * - Orders of the period: received in [from, to). Delivered in the period: their delivery (the last
 *   Løst) in [from, to), wherever they were received (the caller gives a look-back).
 * - Within the delivery time: the one SLA function's resolution target (`caseSla`), which is the
 *   catalogue's working days, paused while waiting for approval; an order whose catalogue gives no
 *   delivery time is left out of the share.
 * - Delivery in working days: the fewest whole working days of the desk's calendar that reach the
 *   delivery from the order's start; the start is the last approval for an order that needed one (the
 *   catalogue's time runs after approval), else the order's receipt or its conversion.
 * - Waiting for approval: each estimate from its sending to its answer, in working days the same way;
 *   estimates still unanswered at the report's instant are counted apart.
 * - Billable orders by reference: the period's orders with a billing reference, grouped by reference.
 */
import type { Case, CaseEvent } from '../cases/model';
import type { DeskPolicies } from '../sla/case-sla';
import { caseSla, casePolicy } from '../sla/case-sla';
import { lastConversion } from '../sla/order-sla';
import { addWorkingDays } from '../sla/working-days';
import type { BusinessCalendar } from '../sla';
import { buildCsv, osloTime, type CsvCell } from './csv';
import type { ReportPeriod } from './figures';
import type { Locale } from '../i18n-text';

/** What the order figures read of a case. */
export type OrderReportCase = Pick<
  Case,
  | 'ref'
  | 'title'
  | 'kind'
  | 'deskId'
  | 'orgId'
  | 'serviceId'
  | 'status'
  | 'receivedAt'
  | 'events'
  | 'order'
  | 'priority'
  | 'reporter'
  | 'policyVersion'
  | 'policyMoves'
>;

export interface BillingGroup {
  /** The reference as the orderer gave it. */
  reference: string;
  kind?: string;
  orders: number;
  refs: string[];
}

export interface OrderRow {
  ref: string;
  title: string;
  serviceId: string;
  orgId: string;
  receivedAt: string;
  deliveredAt?: string;
  deliveryWorkingDays?: number;
  /** The catalogue's delivery time copied onto the order. */
  promisedWorkingDays?: number;
  /** Within the delivery time; absent when not delivered or without a delivery time. */
  onTime?: boolean;
  approvalWaitWorkingDays?: number;
  billingReference?: string;
  converted: boolean;
}

export interface OrderReport {
  /** Orders received in the period (as they ended: converted faults included). */
  orders: number;
  /** Of those, converted from a fault. */
  convertedFromFault: number;
  /** Orders delivered in the period. */
  delivered: number;
  /** Delivered with a delivery time in the catalogue, and of those within it. */
  withDeliveryTime: number;
  onTime: number;
  /** onTime / withDeliveryTime; null when none. */
  onTimeShare: number | null;
  medianDeliveryWorkingDays: number | null;
  p90DeliveryWorkingDays: number | null;
  approval: {
    /** Estimates answered in the period. */
    answered: number;
    medianWaitWorkingDays: number | null;
    p90WaitWorkingDays: number | null;
    /** Estimates still waiting for an answer at the report's instant. */
    pending: number;
  };
  billing: BillingGroup[];
  /** One row per order received or delivered in the period (the CSV). */
  rows: OrderRow[];
}

/** The fewest whole working days from `start` that reach `end` (0 when `end` is not after it). */
export function workingDaysTaken(start: Date, end: Date, cal: BusinessCalendar, max = 730): number {
  if (end.getTime() <= start.getTime()) return 0;
  for (let n = 1; n <= max; n++) if (addWorkingDays(start, n, cal).getTime() >= end.getTime()) return n;
  return max;
}

/** The value at quantile `q` of ascending `sorted` (nearest rank); null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const lastOf = <T extends CaseEvent['type']>(
  events: readonly CaseEvent[],
  type: T,
): Extract<CaseEvent, { type: T }> | undefined => {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.type === type) return events[i] as never;
  return undefined;
};

/** When the order was delivered: its last Løst, if it stands (Løst or Lukket now). */
function deliveredAt(c: OrderReportCase): Date | undefined {
  if (c.status !== 'solved' && c.status !== 'closed') return undefined;
  const e = lastOf(c.events, 'solved');
  return e ? new Date(e.at) : undefined;
}

/** Where the catalogue's delivery time starts: the last approval, else the conversion or the receipt. */
function deliveryStart(c: OrderReportCase): Date {
  const conv = lastConversion(c);
  const since = conv ? c.events.slice(c.events.indexOf(conv) + 1) : c.events;
  const approved = [...since].reverse().find((e) => e.type === 'estimate_answered' && e.approved);
  return new Date(approved?.at ?? conv?.at ?? c.receivedAt);
}

export interface OrderReportInput {
  period: ReportPeriod;
  now: Date;
  cases: Iterable<OrderReportCase>;
  /** Each desk's policy versions by desk id; a case of another desk is skipped. */
  policies: Readonly<Record<string, DeskPolicies>>;
}

export function orderReport(input: OrderReportInput): OrderReport {
  const from = input.period.from.getTime();
  const to = input.period.to.getTime();
  const asOf = new Date(Math.min(to, input.now.getTime()));
  const inPeriod = (t: number) => t >= from && t < to;
  const out: OrderReport = {
    orders: 0,
    convertedFromFault: 0,
    delivered: 0,
    withDeliveryTime: 0,
    onTime: 0,
    onTimeShare: null,
    medianDeliveryWorkingDays: null,
    p90DeliveryWorkingDays: null,
    approval: { answered: 0, medianWaitWorkingDays: null, p90WaitWorkingDays: null, pending: 0 },
    billing: [],
    rows: [],
  };
  const deliveryDays: number[] = [];
  const waits: number[] = [];
  const billing = new Map<string, BillingGroup>();
  for (const c of input.cases) {
    if (c.kind !== 'order' || !c.order) continue;
    const desk = input.policies[c.deskId];
    if (!desk) continue;
    const cal = casePolicy(c, desk).calendar;
    const received = inPeriod(Date.parse(c.receivedAt));
    const delivered = deliveredAt(c);
    const deliveredIn = delivered !== undefined && inPeriod(delivered.getTime());
    const conv = lastConversion(c);
    const converted = conv !== undefined && conv.from === 'fault';
    // Estimates of the current order: sent after its last conversion.
    let wait = 0;
    let waited = false;
    for (const est of c.order.estimates) {
      if (conv && est.at < conv.at) continue;
      if (est.answer) {
        const days = workingDaysTaken(new Date(est.at), new Date(est.answer.at), cal);
        wait += days;
        waited = true;
        if (inPeriod(Date.parse(est.answer.at))) {
          out.approval.answered++;
          waits.push(days);
        }
      } else if (Date.parse(est.at) <= asOf.getTime()) out.approval.pending++;
    }
    if (!received && !deliveredIn) continue;
    const row: OrderRow = {
      ref: c.ref,
      title: c.title,
      serviceId: c.serviceId,
      orgId: c.orgId,
      receivedAt: c.receivedAt,
      converted,
    };
    if (c.order.deliveryWorkingDays !== undefined) row.promisedWorkingDays = c.order.deliveryWorkingDays;
    if (waited) row.approvalWaitWorkingDays = wait;
    if (c.order.checklist.billingReference) row.billingReference = c.order.checklist.billingReference;
    if (received) {
      out.orders++;
      if (converted) out.convertedFromFault++;
      const ref = c.order.checklist.billingReference;
      if (ref) {
        let g = billing.get(ref);
        if (!g) {
          g = { reference: ref, ...(c.order.billing ? { kind: c.order.billing } : {}), orders: 0, refs: [] };
          billing.set(ref, g);
        }
        g.orders++;
        g.refs.push(c.ref);
      }
    }
    if (delivered && deliveredIn) {
      out.delivered++;
      const days = workingDaysTaken(deliveryStart(c), delivered, cal);
      deliveryDays.push(days);
      row.deliveredAt = delivered.toISOString();
      row.deliveryWorkingDays = days;
      if (c.order.deliveryWorkingDays !== undefined) {
        const state = caseSla(c, desk, delivered).resolution.state;
        out.withDeliveryTime++;
        row.onTime = state === 'met';
        if (row.onTime) out.onTime++;
      }
    }
    out.rows.push(row);
  }
  deliveryDays.sort((a, b) => a - b);
  waits.sort((a, b) => a - b);
  out.onTimeShare = out.withDeliveryTime > 0 ? out.onTime / out.withDeliveryTime : null;
  out.medianDeliveryWorkingDays = median(deliveryDays);
  out.p90DeliveryWorkingDays = quantile(deliveryDays, 0.9);
  out.approval.medianWaitWorkingDays = median(waits);
  out.approval.p90WaitWorkingDays = quantile(waits, 0.9);
  out.billing = [...billing.values()].sort((a, b) => a.reference.localeCompare(b.reference, 'nb'));
  out.rows.sort((a, b) =>
    a.receivedAt === b.receivedAt ? (a.ref < b.ref ? -1 : 1) : a.receivedAt < b.receivedAt ? -1 : 1,
  );
  return out;
}

const HEAD: Record<Locale, string[]> = {
  nb: [
    'Saksnummer',
    'Tittel',
    'Tjeneste',
    'Virksomhet',
    'Mottatt',
    'Levert',
    'Leveringstid (virkedager)',
    'Lovet (virkedager)',
    'Innenfor leveringstid',
    'Ventet på godkjenning (virkedager)',
    'Fakturareferanse',
    'Gjort om fra feilmelding',
  ],
  en: [
    'Reference',
    'Title',
    'Service',
    'Organisation',
    'Received',
    'Delivered',
    'Delivery (working days)',
    'Promised (working days)',
    'Within delivery time',
    'Waited for approval (working days)',
    'Billing reference',
    'Converted from fault',
  ],
};

/** The order rows as CSV (semicolons, BOM, Oslo times), with names for ids. */
export function orderReportCsv(
  report: OrderReport,
  lang: Locale,
  names: { service(id: string): string; org(id: string): string },
): string {
  const yes = lang === 'nb' ? 'ja' : 'yes';
  const no = lang === 'nb' ? 'nei' : 'no';
  const yn = (b: boolean | undefined): CsvCell => (b === undefined ? '' : b ? yes : no);
  return buildCsv([
    HEAD[lang],
    ...report.rows.map((r): CsvCell[] => [
      r.ref,
      r.title,
      names.service(r.serviceId),
      names.org(r.orgId),
      osloTime(r.receivedAt),
      r.deliveredAt ? osloTime(r.deliveredAt) : '',
      r.deliveryWorkingDays,
      r.promisedWorkingDays,
      yn(r.onTime),
      r.approvalWaitWorkingDays,
      r.billingReference,
      yn(r.converted),
    ]),
  ]);
}
