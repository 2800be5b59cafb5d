/**
 * A service's order terms in the catalogue (seed 002 §4.2, §5.1.3, §6): whether it can be ordered
 * ("bestill"), its description and price text as the orderer reads them, the expected delivery time
 * in working days, whether the desk's estimate must be approved first (§5.1.4), and, for a billable
 * service, the kind and format of the reference the orderer gives (invoice reference, resource number
 * or cost centre), checked by a regular expression with an example shown beside the field. Pure.
 *
 * `checkServiceOrder` validates what an administrator (or a CSV row) gives, with a Norwegian message
 * naming the field (`order.<field>`), as the admin service's other checks do.
 */
import type { BillingReferenceKind } from '../cases/model';
import type { BillingFormat } from '../cases/orders';
import { matchesBillingFormat } from '../cases/orders';
import type { Service } from './model';

export interface ServiceOrderTerms {
  /** Offered under "Bestill" (a service may keep its terms while not orderable). */
  orderable: boolean;
  /** Only ordered, never reported as a fault ("Ny PC"): left out of the fault form. */
  orderOnly?: boolean;
  /** What the orderer gets, in bokmål. */
  description: string;
  /** The price as the catalogue states it ("kr 9 500 per PC", "Etter medgått tid"). */
  priceText?: string;
  /** Expected delivery in working days after the order (after approval, for a service that needs it). */
  deliveryWorkingDays?: number;
  /** The desk sends an estimate in hours that the orderer must approve before work starts. */
  needsApproval: boolean;
  /** Billable: the reference the orderer must give, and its format. Absent: not billable. */
  billing?: BillingFormat;
}

export const BILLING_KINDS: readonly BillingReferenceKind[] = [
  'invoice_reference',
  'resource_number',
  'cost_centre',
];

/** The services of `services` that `orgId` can order, by name. */
export function orderableServices<S extends Pick<Service, 'name' | 'orgIds' | 'retired' | 'order'>>(
  services: readonly S[],
  orgServes: (s: S) => boolean,
): S[] {
  return services
    .filter((s) => s.order?.orderable === true && s.retired !== true && orgServes(s))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export interface ServiceOrderCheck {
  value?: ServiceOrderTerms;
  error?: { field: string; message: string };
}

type Obj = Record<string, unknown>;
const MAX_DAYS = 365;

/** Checks the order terms an administrator gives; absent or null: no terms (not orderable). */
export function checkServiceOrder(v: unknown): ServiceOrderCheck {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v))
    return { error: { field: 'order', message: 'Bestillingsvilkårene må være et objekt.' } };
  const o = v as Obj;
  const fail = (field: string, message: string): ServiceOrderCheck => ({
    error: { field: `order.${field}`, message },
  });
  if (typeof o.orderable !== 'boolean') return fail('orderable', 'Bestillbar må være ja eller nei.');
  const description = typeof o.description === 'string' ? o.description.trim() : '';
  if (description.length < 3 || description.length > 2000)
    return fail('description', 'Beskriv tjenesten (3–2000 tegn).');
  const out: ServiceOrderTerms = { orderable: o.orderable, description, needsApproval: false };
  if (o.orderOnly !== undefined) {
    if (typeof o.orderOnly !== 'boolean') return fail('orderOnly', 'Kun bestilling må være ja eller nei.');
    if (o.orderOnly) out.orderOnly = true;
  }
  if (o.priceText !== undefined && o.priceText !== null && o.priceText !== '') {
    if (typeof o.priceText !== 'string' || o.priceText.trim().length > 200)
      return fail('priceText', 'Prisen er en tekst på høyst 200 tegn.');
    out.priceText = o.priceText.trim();
  }
  if (o.deliveryWorkingDays !== undefined && o.deliveryWorkingDays !== null && o.deliveryWorkingDays !== '') {
    const d = o.deliveryWorkingDays;
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 0 || d > MAX_DAYS)
      return fail('deliveryWorkingDays', `Leveringstid er et helt antall virkedager (0–${MAX_DAYS}).`);
    out.deliveryWorkingDays = d;
  }
  if (o.needsApproval !== undefined) {
    if (typeof o.needsApproval !== 'boolean')
      return fail('needsApproval', 'Krever godkjenning må være ja eller nei.');
    out.needsApproval = o.needsApproval;
  }
  if (o.billing !== undefined && o.billing !== null) {
    if (typeof o.billing !== 'object') return fail('billing', 'Fakturering må være et objekt.');
    const b = o.billing as Obj;
    if (!BILLING_KINDS.includes(b.kind as BillingReferenceKind))
      return fail('billing.kind', 'Velg fakturareferanse, ressursnummer eller kostnadssted.');
    const pattern = typeof b.pattern === 'string' ? b.pattern.trim() : '';
    if (pattern === '' || pattern.length > 200)
      return fail('billing.pattern', 'Oppgi formatet som et regulært uttrykk (høyst 200 tegn).');
    try {
      new RegExp(pattern);
    } catch {
      return fail('billing.pattern', 'Formatet er ikke et gyldig regulært uttrykk.');
    }
    const example = typeof b.example === 'string' ? b.example.trim() : '';
    if (example === '') return fail('billing.example', 'Gi et eksempel som bestilleren ser.');
    if (!matchesBillingFormat(example, { pattern }))
      return fail('billing.example', 'Eksempelet passer ikke formatet.');
    out.billing = { kind: b.kind as BillingReferenceKind, pattern, example };
  }
  return { value: out };
}
