/**
 * What a case change sends towards the operations supplier holding it, built beside the Teams messages
 * by the one message builder (`case-messages.ts` calls it), from the events and whom the change service
 * says is told (`Recipients.supplier`, from `supplierHears`):
 *
 * - a supplier with an endpoint: one outbox row of kind `webhook` per event it hears (the case on its
 *   engagement, then public comments, priority, the reporter's answer, solved, closed), delivered signed
 *   by the outbox sender (bot/delivery/webhook-transport.ts) in order per case;
 * - a supplier without one (or typed by name, not configured): on the escalation, the case as an e-mail
 *   to copy, as a reply in the desk's triage thread (only the desk's channel sees it);
 * - the supplier a case is moved away from (`Recipients.formerSupplier`), if it has an endpoint: a
 *   `case.released` webhook, in the same per-case queue as its earlier ones.
 */
import type { ChangeContext } from '../../shared/app/case-changes';
import type { Case, CaseEvent } from '../../shared/cases/model';
import { channelKey, triageThreadKey } from '../../shared/conversation-keys';
import { isoInstant } from '../../shared/ids';
import type { OutboxMessage } from '../../shared/ports';
import {
  supplierEmail,
  webhookBody,
  type SupplierCaseContext,
  type SupplierEmail,
  type WebhookEventType,
} from '../../shared/suppliers/outbound';
import { strings } from '../i18n/strings';

/** The conversation key of a supplier's endpoint, and the per-case queue its webhooks keep order in. */
export const supplierKey = (supplierId: string): string => `supplier:${supplierId}`;
export const webhookQueueKey = (supplierId: string, ref: string): string => `webhook:${supplierId}:${ref}`;

/** The e-mail text as a Teams message: a code block keeps its lines for copying. */
function emailText(mail: SupplierEmail, supplierName: string): string {
  const s = strings('nb').channel.supplier;
  const safe = (t: string) => t.replace(/```/g, "'''");
  return [
    s.emailIntro(supplierName, mail.to),
    '',
    `**${s.emailSubject}** ${safe(mail.subject)}`,
    '',
    '```',
    safe(mail.body),
    '```',
  ].join('\n');
}

export function supplierMessages(c: Case, events: readonly CaseEvent[], ctx: ChangeContext): OutboxMessage[] {
  const out: OutboxMessage[] = [];
  const caseCtx: SupplierCaseContext = {
    desk: ctx.desk,
    service: ctx.service,
    org: ctx.catalogue.org(c.orgId),
  };
  const base = { deskId: c.deskId, caseRef: c.ref, createdAt: isoInstant(ctx.now) };
  const triage = ctx.desk.triageChannel;
  const emailReply = (e: CaseEvent, mail: SupplierEmail, name: string): OutboxMessage | null =>
    triage
      ? {
          ...base,
          id: `${c.ref}:${e.id}:supplier-email`,
          operation: 'reply',
          conversationKey: channelKey(triage),
          threadKey: triageThreadKey(c.ref),
          activity: { type: 'message', text: emailText(mail, name) },
        }
      : null;
  const webhook = (e: CaseEvent, to: string, type: WebhookEventType): OutboxMessage => ({
    ...base,
    id: `${c.ref}:${e.id}:supplier:${to}`,
    kind: 'webhook',
    operation: 'post',
    conversationKey: supplierKey(to),
    threadKey: webhookQueueKey(to, c.ref),
    activity: webhookBody(c, e, type, caseCtx) as unknown as Record<string, unknown>,
  });
  const engaged = events.some((e) => e.type === 'supplier_engaged');
  for (const e of events) {
    // Escalated to a supplier typed by name: no endpoint, no address; the e-mail to copy.
    if (e.type === 'escalated' && e.toLine === 'supplier' && !engaged) {
      const name = e.supplier ?? strings('nb').channel.supplier.unnamed;
      const reply = emailReply(e, supplierEmail(c, { name, email: '' }, caseCtx), name);
      if (reply) out.push(reply);
      continue;
    }
    const told = ctx.recipients(e);
    const former = told.formerSupplier ? ctx.catalogue.supplier(told.formerSupplier) : undefined;
    if (former?.webhook && !former.disabled) out.push(webhook(e, former.id, 'case.released'));
    const type = told.supplier;
    const hold = c.supplier;
    if (!type || !hold) continue;
    const supplier = ctx.catalogue.supplier(hold.supplierId);
    if (supplier?.webhook && !supplier.disabled) {
      out.push(webhook(e, hold.supplierId, type));
    } else if (type === 'case.escalated') {
      const mail = supplierEmail(c, { name: hold.name, email: supplier?.email ?? '' }, caseCtx);
      const reply = emailReply(e, mail, hold.name);
      if (reply) out.push(reply);
    }
  }
  return out;
}
