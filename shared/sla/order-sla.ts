/**
 * How an order's SLA differs from a fault's (the rules of shared/cases/orders.ts), applied by the one
 * SLA function of a case (`case-sla.ts`) so every surface shows the same deadline. Pure.
 *
 * - An order's resolution (delivery) target is the catalogue's delivery time in working days, copied
 *   onto the order when it was placed, for every priority of the desk's policy; an order without one
 *   has no delivery target. The response target stays the desk's.
 * - After a conversion (fault ↔ order) both clocks restart at the conversion instant, under the
 *   priority in force then; a wait open at that instant goes on.
 */
import type { Case, CaseEvent } from '../cases/model';
import type { SlaPolicy, SlaTargetSpec } from './policy';
import type { SlaCaseInput } from './state';

/** The delivery target of an order: the catalogue's working days; none when it gives none. */
function deliveryTarget(order: NonNullable<Case['order']>): SlaTargetSpec {
  return order.deliveryWorkingDays !== undefined
    ? { kind: 'working_days', days: order.deliveryWorkingDays }
    : {
        kind: 'none',
        note: {
          nb: 'Tjenestekatalogen oppgir ingen leveringstid for denne tjenesten.',
          en: 'The service catalogue gives no delivery time for this service.',
        },
      };
}

const adapted = new WeakMap<SlaPolicy, Map<string, SlaPolicy>>();

/**
 * The policy an order runs under: the desk's, with every priority's resolution target replaced by the
 * order's delivery time (working days of the desk's calendar). A fault's policy is the desk's. The
 * same policy object for the same delivery time (the engine caches per calendar and policy).
 */
export function orderPolicy(policy: SlaPolicy, c: Partial<Pick<Case, 'kind' | 'order'>>): SlaPolicy {
  if (c.kind !== 'order' || !c.order) return policy;
  const spec = deliveryTarget(c.order);
  const key = JSON.stringify(spec);
  let byKey = adapted.get(policy);
  if (!byKey) adapted.set(policy, (byKey = new Map()));
  let out = byKey.get(key);
  if (!out) {
    out = { ...policy, priorities: policy.priorities.map((p) => ({ ...p, resolution: spec })) };
    byKey.set(key, out);
  }
  return out;
}

/** The last conversion of the case, if any. */
export function lastConversion(
  c: Pick<Case, 'events'>,
): Extract<CaseEvent, { type: 'kind_changed' }> | undefined {
  for (let i = c.events.length - 1; i >= 0; i--) {
    const e = c.events[i]!;
    if (e.type === 'kind_changed') return e;
  }
  return undefined;
}

/**
 * The case as its SLA clocks see it: after a conversion, both clocks start at the conversion instant,
 * under the priority in force then, with a wait open at that instant carried over. Without a
 * conversion, the case itself.
 */
export function slaViewOf<C extends SlaCaseInput>(c: C): C {
  let at = -1;
  for (let i = c.events.length - 1; i >= 0; i--)
    if (c.events[i]!.type === 'kind_changed') {
      at = i;
      break;
    }
  if (at < 0) return c;
  const conv = c.events[at]!;
  let priority = c.priority;
  let openWait: CaseEvent | undefined;
  for (const e of c.events.slice(0, at)) {
    if (e.type === 'created') priority = e.priority;
    else if (e.type === 'priority_changed') priority = e.to;
    else if (e.type === 'waiting_started') openWait = e;
    else if (e.type === 'waiting_ended' || e.type === 'solved' || e.type === 'estimate_answered')
      openWait = undefined;
  }
  const carried: CaseEvent[] = openWait ? [{ ...openWait, at: conv.at }] : [];
  return { ...c, receivedAt: conv.at, priority, events: [...carried, ...c.events.slice(at + 1)] };
}
