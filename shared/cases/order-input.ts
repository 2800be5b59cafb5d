/**
 * What a form needs around the order domain (`orders.ts`), so every surface asks it the same way:
 * the orderable services a person may order for their virksomhet, every refused field of an order
 * form at once (each field checked by the domain's own `orderChecklist`, so there is one rule), and
 * the order a fault becomes when a desk member converts it. Pure.
 */
import type { Desk, Service } from '../desks/model';
import { orderableServices } from '../desks/service-order';
import { ValidationError } from '../errors';
import type { OrgId } from '../ids';
import type { Case, OrderChecklist, OrderTerms } from './model';
import { orderChecklist, orderTerms, ORDER_LIMITS, ORDERER_ROLES } from './orders';

/** The virksomheter a person orders for: their own, else those they are superbruker of. */
export function orderingOrgs(access: { homeOrgId?: OrgId; orgIds: readonly OrgId[] }): OrgId[] {
  return access.homeOrgId ? [access.homeOrgId] : [...access.orgIds];
}

/**
 * The orderable services for `orgs` (a service's own virksomheter, else its desk's), by name; every
 * orderable one when the virksomhet is not known.
 */
export function orderableFor(
  services: readonly Service[],
  desks: readonly Pick<Desk, 'id' | 'orgIds'>[],
  orgs: readonly OrgId[],
): Service[] {
  return orderableServices(services, (s) => {
    if (orgs.length === 0) return true;
    const desk = desks.find((d) => d.id === s.deskId);
    return orgs.some((o) => (s.orgIds ? s.orgIds.includes(o) : (desk?.orgIds.includes(o) ?? false)));
  });
}

/** The virksomhet an order of a service at `desk` belongs to: the orderer's, else the desk's first. */
export function orderOrg(desk: Pick<Desk, 'orgIds'>, orgs: readonly OrgId[]): OrgId | undefined {
  return orgs.find((o) => desk.orgIds.includes(o)) ?? desk.orgIds[0];
}

/** The order form's fields (the checklist's, and the orderer's role). */
export type OrderField = keyof OrderChecklist | 'reporterRole';

/** Why a field was refused; `min`/`max` for the length rules. */
export interface OrderFieldError {
  code: 'required' | 'too_short' | 'too_long' | 'format' | 'invalid';
  min?: number;
  max?: number;
}

const TEXT_FIELDS = ['what', 'forWhom', 'earlierCommunication', 'contactPersons'] as const;

/**
 * Every refused field of an order form, each judged by the domain's `orderChecklist` (the other fields
 * filled with valid text), so the form can show all its errors at once. Empty: the form is fine.
 * `billing`: the service's format when it is billable.
 */
export function orderFieldErrors(
  input: { checklist: Partial<Record<keyof OrderChecklist, unknown>>; reporterRole?: unknown },
  billing?: { pattern: string; example: string },
): Partial<Record<OrderField, OrderFieldError>> {
  const valid: OrderChecklist = {
    what: 'x'.repeat(ORDER_LIMITS.what.min),
    forWhom: 'x'.repeat(ORDER_LIMITS.forWhom.min),
    earlierCommunication: '',
    contactPersons: 'x'.repeat(ORDER_LIMITS.contactPersons.min),
    ...(billing ? { billingReference: billing.example } : {}),
  };
  const out: Partial<Record<OrderField, OrderFieldError>> = {};
  const fields: (keyof OrderChecklist)[] = [
    ...TEXT_FIELDS,
    ...(billing ? ['billingReference' as const] : []),
  ];
  for (const field of fields) {
    const value = input.checklist[field];
    try {
      orderChecklist({ ...valid, [field]: value }, billing);
    } catch (err) {
      if (!(err instanceof ValidationError) || err.field !== `checklist.${field}`) throw err;
      const limits = ORDER_LIMITS[field];
      const text = typeof value === 'string' ? value.trim() : '';
      out[field] =
        text === ''
          ? { code: 'required' }
          : text.length < limits.min
            ? { code: 'too_short', min: limits.min }
            : text.length > limits.max
              ? { code: 'too_long', max: limits.max }
              : { code: 'format' };
    }
  }
  if (!ORDERER_ROLES.includes(input.reporterRole as never)) out.reporterRole = { code: 'invalid' };
  return out;
}

/**
 * The order a fault becomes: the service's catalogue terms now, the checklist taken from the fault's
 * answers (what: its title and symptom; for whom: the reporter; contact: its test contact).
 */
export function orderTermsFromFault(
  c: Pick<Case, 'title' | 'checklist' | 'reporter' | 'testContact'>,
  service: Pick<Service, 'order'> | undefined,
): OrderTerms {
  const terms = service?.order;
  const what = c.checklist ? `${c.title}\n${c.checklist.symptom}` : c.title;
  return orderTerms(
    {
      what: what.slice(0, ORDER_LIMITS.what.max),
      forWhom: c.reporter.name,
      earlierCommunication: '',
      contactPersons: c.testContact.name,
    },
    {
      ...(terms?.deliveryWorkingDays !== undefined ? { deliveryWorkingDays: terms.deliveryWorkingDays } : {}),
      needsApproval: terms?.needsApproval === true,
      ...(terms?.priceText ? { priceText: terms.priceText } : {}),
    },
  );
}
