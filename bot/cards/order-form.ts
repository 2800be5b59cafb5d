/**
 * The order cards of the 1:1 chat (seed 002 §4.2, §5.1.3–5.1.4, checklist §7.3):
 * - the catalogue: the services the orderer's virksomhet can order, each with its description, price,
 *   expected delivery time, whether an estimate must be approved first and what a billable one needs,
 *   and a "Bestill" button;
 * - the order form for one service: the 7.3 checklist (what and for whom, earlier communication
 *   summarised, the billing reference with the service's example when billable, contact persons, the
 *   orderer's role); the server validates, and a message stands under each field it refused while the
 *   answers are kept;
 * - the approval card of an estimate: hours and text, Godkjenn / Avvis (a reason is required to reject).
 * Required fields are marked with * but not `isRequired`: the server validates.
 */
import type { BillingReferenceKind } from '../../shared/cases/model';
import type { Locale } from '../../shared/i18n-text';
import { hoursText } from '../../shared/cases/order-words';
import { ORDER_LIMITS } from '../../shared/cases/orders';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import {
  card,
  choices,
  container,
  execute,
  facts,
  heading,
  text,
  type CardElement,
  type CardJson,
} from './card';
import { VERBS } from './verbs';

export const ORDER_INPUTS = {
  what: 'orderWhat',
  forWhom: 'orderForWhom',
  earlierCommunication: 'orderEarlier',
  billingReference: 'orderBillingReference',
  contactPersons: 'orderContacts',
  role: 'orderRole',
  /** The approval card's reason. */
  reason: 'estimateReason',
} as const;
export type OrderInputId = (typeof ORDER_INPUTS)[keyof typeof ORDER_INPUTS];

export interface CatalogueService {
  id: string;
  name: string;
  description: string;
  priceText?: string;
  deliveryWorkingDays?: number;
  needsApproval: boolean;
  billing?: { kind: BillingReferenceKind; example: string };
}

export function orderCatalogueCard(d: { locale: Locale; services: CatalogueService[] }): CardJson {
  const s = strings(d.locale).order;
  const p = plainTextForCard;
  if (d.services.length === 0) return card([heading(s.catalogueTitle), text(s.noServices)]);
  const items: CardElement[] = d.services.map((x, i) =>
    container(
      [
        text(`**${p(x.name)}**`, { id: `service-${x.id}` }),
        text(p(x.description), { spacing: 'none' }),
        facts([
          ...(x.priceText ? ([[s.price, p(x.priceText)]] as Array<[string, string]>) : []),
          [
            s.deliveryLabel,
            x.deliveryWorkingDays !== undefined ? s.workingDays(x.deliveryWorkingDays) : s.noDelivery,
          ],
        ]),
        ...(x.needsApproval ? [text(s.needsApproval, { isSubtle: true, spacing: 'none' })] : []),
        ...(x.billing
          ? [text(s.billable(s.billingLabel[x.billing.kind]), { isSubtle: true, spacing: 'none' })]
          : []),
        {
          type: 'ActionSet',
          actions: [execute(`${s.orderThis}: ${x.name}`, VERBS.orderOpen, { serviceId: x.id })],
        },
      ],
      { separator: i > 0, spacing: 'medium' },
    ),
  );
  return card([heading(s.catalogueTitle), text(s.catalogueIntro, { isSubtle: true }), ...items]);
}

export type OrderFormValues = Partial<Record<OrderInputId, string>>;

export interface OrderFormData {
  locale: Locale;
  clientKey: string;
  service: CatalogueService;
  values: OrderFormValues;
  errors: Partial<Record<OrderInputId, string>>;
}

export function orderFormCard(d: OrderFormData): CardJson {
  const s = strings(d.locale).order;
  const L = ORDER_LIMITS;
  const hasErrors = Object.keys(d.errors).length > 0;
  const errorUnder = (id: OrderInputId): CardElement[] =>
    d.errors[id]
      ? [text(d.errors[id], { color: 'attention', size: 'small', spacing: 'none', id: `${id}Error` })]
      : [];
  const input = (
    id: OrderInputId,
    label: string,
    max: number,
    options: { multiline?: boolean; required?: boolean; placeholder?: string } = {},
  ): CardElement[] => [
    {
      type: 'Input.Text',
      id,
      label: options.required === false ? label : `${label} *`,
      maxLength: max,
      ...(options.multiline ? { isMultiline: true } : {}),
      ...(options.placeholder ? { placeholder: options.placeholder } : {}),
      ...(d.values[id] !== undefined ? { value: d.values[id] } : {}),
    },
    ...errorUnder(id),
  ];
  const x = d.service;
  const body: CardElement[] = [
    heading(s.formTitle(plainTextForCard(x.name))),
    text(s.formIntro, { isSubtle: true, spacing: 'none' }),
    ...(x.deliveryWorkingDays !== undefined
      ? [text(s.delivery(x.deliveryWorkingDays), { spacing: 'small' })]
      : []),
    ...(x.needsApproval ? [text(s.needsApproval, { spacing: 'none' })] : []),
    ...(hasErrors ? [text(s.fix, { color: 'attention', weight: 'bolder', id: 'formError' })] : []),
    ...input(ORDER_INPUTS.what, s.what, L.what.max, { multiline: true }),
    ...input(ORDER_INPUTS.forWhom, s.forWhom, L.forWhom.max),
    ...input(ORDER_INPUTS.earlierCommunication, s.earlierCommunication, L.earlierCommunication.max, {
      multiline: true,
      required: false,
      placeholder: s.earlierHint,
    }),
    ...(x.billing
      ? input(ORDER_INPUTS.billingReference, s.billingLabel[x.billing.kind], L.billingReference.max, {
          placeholder: s.billingExample(x.billing.example),
        })
      : []),
    // The example stays in sight once typed over (a refusal repeats it).
    ...(x.billing && !d.errors[ORDER_INPUTS.billingReference]
      ? [
          text(s.billingExample(plainTextForCard(x.billing.example)), {
            isSubtle: true,
            spacing: 'none',
            size: 'small',
          }),
        ]
      : []),
    ...input(ORDER_INPUTS.contactPersons, s.contactPersons, L.contactPersons.max),
    {
      type: 'Input.ChoiceSet',
      id: ORDER_INPUTS.role,
      label: `${s.role} *`,
      // Compact: an expanded choice's title is read as Markdown ("1. linje" would become a list).
      choices: choices([
        ['superuser', s.roles.superuser],
        ['first_line', s.roles.first_line],
        ['administrator', s.roles.administrator],
      ]),
      ...(d.values[ORDER_INPUTS.role] ? { value: d.values[ORDER_INPUTS.role] } : {}),
    },
    ...errorUnder(ORDER_INPUTS.role),
  ];
  return card(body, [
    execute(s.submit, VERBS.orderSubmit, { clientKey: d.clientKey, serviceId: x.id }, { style: 'positive' }),
  ]);
}

export interface ApprovalCardData {
  locale: Locale;
  ref: string;
  title: string;
  estimateId: string;
  hours: number;
  text: string;
  priceText?: string;
  reminder?: boolean;
  /** A refusal to show (e.g. the missing reason), with the typed reason kept. */
  error?: string;
  reason?: string;
}

export function estimateApprovalCard(d: ApprovalCardData): CardJson {
  const s = strings(d.locale).order;
  const e = s.estimate;
  const data = { ref: d.ref, estimateId: d.estimateId };
  return card(
    [
      heading(e.title(d.ref)),
      text(plainTextForCard(d.title), { isSubtle: true, spacing: 'none' }),
      ...(d.reminder ? [text(e.reminder, { weight: 'bolder', color: 'warning' })] : []),
      text(e.intro),
      facts([
        [e.hours, hoursText(d.hours, d.locale)],
        [e.text, plainTextForCard(d.text)],
        ...(d.priceText ? ([[s.price, plainTextForCard(d.priceText)]] as Array<[string, string]>) : []),
      ]),
      {
        type: 'Input.Text',
        id: ORDER_INPUTS.reason,
        label: e.reason,
        isMultiline: true,
        maxLength: 2000,
        ...(d.reason ? { value: d.reason } : {}),
      },
      ...(d.error
        ? [text(d.error, { color: 'attention', size: 'small', spacing: 'none', id: 'reasonError' })]
        : []),
    ],
    [
      execute(e.approve, VERBS.estimateAnswer, { ...data, approve: true }, { style: 'positive' }),
      execute(e.reject, VERBS.estimateAnswer, { ...data, approve: false }),
    ],
  );
}
