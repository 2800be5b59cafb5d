/**
 * The service editor's order terms (seed 002 §4.2, §5.1.3–5.1.4, §6): orderable, only ordered,
 * description, price text, delivery in working days, needs an approved estimate, and for a billable
 * service the kind of reference with its format and an example. The server checks them with the
 * catalogue's one rule (`checkServiceOrder`) and names each bad value at its field (`order.<field>`).
 */
import { Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import type { BillingReferenceKind } from '../../../../../shared/cases/model';
import type { ServiceOrderTerms } from '../../../../../shared/desks/service-order';
import { useT, type TextKey } from '../../i18n';
import { useSettingsStyles } from './Settings.styles';

export interface OrderFormState {
  orderable: boolean;
  orderOnly: boolean;
  description: string;
  priceText: string;
  deliveryWorkingDays: string;
  needsApproval: boolean;
  billingKind: '' | BillingReferenceKind;
  billingPattern: string;
  billingExample: string;
}

export const NO_ORDER: OrderFormState = {
  orderable: false,
  orderOnly: false,
  description: '',
  priceText: '',
  deliveryWorkingDays: '',
  needsApproval: false,
  billingKind: '',
  billingPattern: '',
  billingExample: '',
};

/** The form's state of stored terms. */
export const orderFormOf = (o: ServiceOrderTerms | undefined): OrderFormState =>
  o
    ? {
        orderable: o.orderable,
        orderOnly: o.orderOnly === true,
        description: o.description,
        priceText: o.priceText ?? '',
        deliveryWorkingDays: o.deliveryWorkingDays === undefined ? '' : String(o.deliveryWorkingDays),
        needsApproval: o.needsApproval,
        billingKind: o.billing?.kind ?? '',
        billingPattern: o.billing?.pattern ?? '',
        billingExample: o.billing?.example ?? '',
      }
    : NO_ORDER;

/** The terms as sent: none when nothing is filled in and the service is not orderable. */
export function orderBody(f: OrderFormState): Record<string, unknown> | null {
  if (!f.orderable && f.description.trim() === '' && f.billingKind === '') return null;
  const days = f.deliveryWorkingDays.trim();
  return {
    orderable: f.orderable,
    orderOnly: f.orderOnly,
    description: f.description,
    priceText: f.priceText,
    ...(days === '' ? {} : { deliveryWorkingDays: /^\d+$/.test(days) ? Number(days) : days }),
    needsApproval: f.needsApproval,
    ...(f.billingKind
      ? { billing: { kind: f.billingKind, pattern: f.billingPattern, example: f.billingExample } }
      : {}),
  };
}

const KINDS: BillingReferenceKind[] = ['invoice_reference', 'resource_number', 'cost_centre'];

export function ServiceOrderFields({
  value,
  onChange,
  at,
}: {
  value: OrderFormState;
  onChange: (next: OrderFormState) => void;
  /** The server's message for a field, if it refused one. */
  at: (field: string) => string | undefined;
}) {
  const styles = useSettingsStyles();
  const { t } = useT();
  const set = (patch: Partial<OrderFormState>) => onChange({ ...value, ...patch });
  return (
    <fieldset className={styles.priority} data-testid="service-order">
      <legend className={styles.legend}>{t('adminOrderTerms')}</legend>
      <div className={styles.row}>
        <Checkbox
          label={t('adminOrderable')}
          checked={value.orderable}
          onChange={(_e, d) => set({ orderable: d.checked === true })}
          data-testid="service-orderable"
        />
        <Checkbox
          label={t('adminOrderOnly')}
          checked={value.orderOnly}
          onChange={(_e, d) => set({ orderOnly: d.checked === true })}
        />
        <Checkbox
          label={t('needsApproval')}
          checked={value.needsApproval}
          onChange={(_e, d) => set({ needsApproval: d.checked === true })}
          data-testid="service-needs-approval"
        />
      </div>
      <Field label={t('adminOrderDescription')} validationMessage={at('order.description')}>
        <Textarea
          value={value.description}
          onChange={(_e, d) => set({ description: d.value })}
          resize="vertical"
          data-testid="service-order-description"
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('orderPrice')} validationMessage={at('order.priceText')} className={styles.grow}>
          <Input value={value.priceText} onChange={(_e, d) => set({ priceText: d.value })} />
        </Field>
        <Field
          label={`${t('orderDeliveryTime')} (${t('workingDaysUnit')})`}
          validationMessage={at('order.deliveryWorkingDays')}
          className={styles.grow}
        >
          <Input
            value={value.deliveryWorkingDays}
            inputMode="numeric"
            onChange={(_e, d) => set({ deliveryWorkingDays: d.value })}
            data-testid="service-delivery-days"
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field
          label={t('adminBilling')}
          validationMessage={at('order.billing.kind') ?? at('order.billing')}
          className={styles.grow}
        >
          <Select
            value={value.billingKind}
            onChange={(_e, d) => set({ billingKind: d.value as OrderFormState['billingKind'] })}
            data-testid="service-billing-kind"
          >
            <option value="">{t('adminBillingNone')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`billing_${k}` as TextKey)}
              </option>
            ))}
          </Select>
        </Field>
        {value.billingKind && (
          <>
            <Field
              label={t('adminBillingPattern')}
              validationMessage={at('order.billing.pattern')}
              className={styles.grow}
            >
              <Input
                value={value.billingPattern}
                onChange={(_e, d) => set({ billingPattern: d.value })}
                data-testid="service-billing-pattern"
              />
            </Field>
            <Field
              label={t('adminBillingExample')}
              validationMessage={at('order.billing.example')}
              className={styles.grow}
            >
              <Input
                value={value.billingExample}
                onChange={(_e, d) => set({ billingExample: d.value })}
                data-testid="service-billing-example"
              />
            </Field>
          </>
        )}
      </div>
    </fieldset>
  );
}
