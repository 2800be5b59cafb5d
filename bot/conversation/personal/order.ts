/**
 * Orders in the 1:1 chat: `bestill` (and the menu's "Bestill") shows the catalogue for the orderer's
 * virksomhet; "Bestill" on a service opens its order form; the submit is checked by the domain
 * (`openOrder`: a refusal stands under its field, the answers kept), the order is created through the
 * change service (idempotent on the card's client key) and confirmed with its BE- reference and the
 * expected delivery date from the one SLA function. The orderer answers an estimate on its approval
 * card (Godkjenn / Avvis with a required reason): only this answer approves.
 */
import type { Desk, Service } from '../../../shared/desks/model';
import type { EventId, OrgId } from '../../../shared/ids';
import { serviceId } from '../../../shared/ids';
import type { ReporterRole } from '../../../shared/cases/model';
import { openOrder, pendingEstimate } from '../../../shared/cases/orders';
import {
  orderableFor,
  orderFieldErrors,
  orderingOrgs,
  orderOrg,
  type OrderField,
  type OrderFieldError,
} from '../../../shared/cases/order-input';
import { caseSla } from '../../../shared/sla/case-sla';
import { formatDeadline, osloDateAndTime } from '../../../shared/dates';
import type { CardJson } from '../../cards/card';
import { card, facts, heading, text } from '../../cards/card';
import { messageCard } from '../../cards/message';
import {
  estimateApprovalCard,
  orderCatalogueCard,
  orderFormCard,
  ORDER_INPUTS,
  type CatalogueService,
  type OrderFormValues,
  type OrderInputId,
} from '../../cards/order-form';
import { cardResult, errorResult, type InvokeResult } from '../invoke';
import { turnActor, type Turn } from '../turn';
import { act, refOf } from './case-conversation';
import { newClientKey } from './fault/form';

/** A catalogue service as the cards show it. */
export function catalogueService(s: Service): CatalogueService {
  const o = s.order!;
  return {
    id: s.id,
    name: s.name,
    description: o.description,
    ...(o.priceText ? { priceText: o.priceText } : {}),
    ...(o.deliveryWorkingDays !== undefined ? { deliveryWorkingDays: o.deliveryWorkingDays } : {}),
    needsApproval: o.needsApproval,
    ...(o.billing ? { billing: { kind: o.billing.kind, example: o.billing.example } } : {}),
  };
}

/** The orderable services for the user's virksomhet (every orderable one when it is not known). */
function servicesFor(turn: Turn): Service[] {
  return orderableFor(turn.catalogue.services, turn.catalogue.desks, orderingOrgs(turn.access));
}

/** `bestill`: the catalogue card. */
export async function orderCommand(turn: Turn): Promise<CardJson> {
  return Promise.resolve(
    orderCatalogueCard({ locale: turn.locale, services: servicesFor(turn).map(catalogueService) }),
  );
}

function orderable(turn: Turn, id: unknown): Service | undefined {
  return typeof id === 'string' ? servicesFor(turn).find((s) => s.id === serviceId(id)) : undefined;
}

/** "Bestill" on a catalogue service: its order form. */
export async function orderOpen(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const service = orderable(turn, data.serviceId);
  if (!service) return Promise.resolve(cardResult(messageCard({ text: turn.s.order.errors.unknownService })));
  const role: ReporterRole = turn.access.orgIds.length > 0 ? 'superuser' : 'first_line';
  return Promise.resolve(
    cardResult(
      orderFormCard({
        locale: turn.locale,
        clientKey: newClientKey(),
        service: catalogueService(service),
        values: { [ORDER_INPUTS.role]: role },
        errors: {},
      }),
    ),
  );
}

const FIELD_INPUT: Record<OrderField, OrderInputId> = {
  what: ORDER_INPUTS.what,
  forWhom: ORDER_INPUTS.forWhom,
  earlierCommunication: ORDER_INPUTS.earlierCommunication,
  billingReference: ORDER_INPUTS.billingReference,
  contactPersons: ORDER_INPUTS.contactPersons,
  reporterRole: ORDER_INPUTS.role,
};

/** The user's words for a refused field (the domain's reason, `orderFieldErrors`). */
function fieldMessage(turn: Turn, error: OrderFieldError, service: Service): string {
  const e = turn.s.order.errors;
  switch (error.code) {
    case 'invalid':
      return e.role;
    case 'too_short':
      return e.tooShort(error.min ?? 0);
    case 'too_long':
      return e.tooLong(error.max ?? 0);
    case 'format':
      return service.order?.billing ? e.billingFormat(service.order.billing.example) : e.required;
    case 'required':
      return e.required;
  }
}

/** The desk and virksomhet an order of `service` belongs to. */
function placeOf(turn: Turn, service: Service): { desk: Desk; orgId: OrgId } | undefined {
  const desk = turn.catalogue.desk(service.deskId);
  if (!desk) return undefined;
  const orgId = orderOrg(desk, orderingOrgs(turn.access));
  return orgId ? { desk, orgId } : undefined;
}

/** The order form's submit. */
export async function orderSubmit(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const s = turn.s.order;
  const service = orderable(turn, data.serviceId);
  const clientKey = typeof data.clientKey === 'string' ? data.clientKey : '';
  if (!service || clientKey === '') return cardResult(messageCard({ text: s.errors.unknownService }));
  const values: OrderFormValues = {};
  for (const id of Object.values(ORDER_INPUTS))
    if (typeof data[id] === 'string') values[id] = data[id] as string;
  const form = (errors: Partial<Record<OrderInputId, string>>) =>
    cardResult(
      orderFormCard({ locale: turn.locale, clientKey, service: catalogueService(service), values, errors }),
    );
  const place = placeOf(turn, service);
  if (!place) return cardResult(messageCard({ text: s.errors.unknownService }));
  const v = (id: OrderInputId): string => values[id] ?? '';
  const billing = service.order?.billing;
  const checklist = {
    what: v(ORDER_INPUTS.what),
    forWhom: v(ORDER_INPUTS.forWhom),
    earlierCommunication: v(ORDER_INPUTS.earlierCommunication),
    ...(billing ? { billingReference: v(ORDER_INPUTS.billingReference) } : {}),
    contactPersons: v(ORDER_INPUTS.contactPersons),
  };
  const reporterRole = v(ORDER_INPUTS.role);
  // Every field is checked by the domain, so each refused one gets its message at once.
  const errors: Partial<Record<OrderInputId, string>> = {};
  const refused = orderFieldErrors({ checklist, reporterRole }, billing);
  for (const [field, error] of Object.entries(refused) as [OrderField, OrderFieldError][])
    errors[FIELD_INPUT[field]] = fieldMessage(turn, error, service);
  if (Object.keys(errors).length > 0) return form(errors);
  const fresh = openOrder(
    {
      deskId: place.desk.id,
      orgId: place.orgId,
      serviceId: service.id,
      checklist,
      reporterRole: reporterRole as ReporterRole,
      followers: [],
      clientKey,
    },
    { ...place.desk, service, now: turn.now, reporter: turn.user },
  );
  const year = Number(osloDateAndTime(turn.now).date.slice(0, 4));
  const result = await turn.deps.changes.create(fresh, year, turn.now);
  const c = result.case;
  const due = caseSla(c, place.desk, turn.now).resolution.dueAt;
  const needsApproval = c.order?.needsApproval === true;
  return cardResult(
    card([
      heading(s.confirmed(c.ref)),
      text(c.title, { isSubtle: true, spacing: 'none' }),
      ...(result.created ? [] : [text(s.replay, { isSubtle: true })]),
      ...(needsApproval
        ? [text(s.approvalFirst)]
        : due
          ? [facts([[s.expectedDelivery, formatDeadline(due, turn.locale)]])]
          : [text(s.noDelivery)]),
    ]),
  );
}

/** The orderer's answer on the approval card. */
export async function estimateAnswer(turn: Turn, data: Record<string, unknown>): Promise<InvokeResult> {
  const e = turn.s.order.estimate;
  const ref = refOf(data);
  if (!ref || typeof data.approve !== 'boolean' || typeof data.estimateId !== 'string')
    return errorResult(400, 'BadRequest', turn.s.errors.expired);
  const approve = data.approve;
  const estimateId = data.estimateId as EventId;
  const raw = data[ORDER_INPUTS.reason];
  const reason = typeof raw === 'string' ? raw.trim().slice(0, 2000) : '';
  const seen = await turn.deps.changes.read(ref, turnActor(turn));
  const pending = seen ? pendingEstimate(seen.found.value) : undefined;
  if (seen && pending?.id !== estimateId) return cardResult(messageCard({ text: e.stale, tone: 'warning' }));
  if (!approve && reason === '' && seen && pending) {
    const c = seen.found.value;
    return cardResult(
      estimateApprovalCard({
        locale: turn.locale,
        ref: c.ref,
        title: c.title,
        estimateId,
        hours: pending.hours,
        text: pending.text,
        ...(c.order?.priceText ? { priceText: c.order.priceText } : {}),
        error: e.reasonRequired,
      }),
    );
  }
  const outcome = await act(turn, ref, () => ({
    type: 'answer_estimate',
    approve,
    estimateId,
    ...(reason ? { reason } : {}),
  }));
  if ('message' in outcome) return cardResult(messageCard({ text: outcome.message, tone: 'warning' }));
  return cardResult(messageCard({ text: approve ? e.approved(ref) : e.rejected(ref), tone: 'good' }));
}
