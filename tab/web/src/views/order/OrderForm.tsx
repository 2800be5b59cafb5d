/**
 * "Bestill" in the tab: the orderable services of the catalogue for the user's virksomhet (with their
 * description, price and delivery time), and the order checklist (seed 002 §7.3) with the billing
 * reference where the service is billable. The server judges the form with the domain's rules and
 * answers every refused field at once; each message stands at its field and every answer is kept. A
 * good order is created through the change service, as in chat, and its BE- reference is shown.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Subtitle1,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { REPORTER_ROLE_LABELS } from '../../../../../shared/cases/labels';
import type { ReporterRole } from '../../../../../shared/cases/model';
import { ORDER_LIMITS, ORDERER_ROLES } from '../../../../../shared/cases/orders';
import {
  orderableFor,
  orderingOrgs,
  type OrderField,
  type OrderFieldError,
} from '../../../../../shared/cases/order-input';
import type { Desk } from '../../../../../shared/desks/model';
import type { OrgId } from '../../../../../shared/ids';
import type { NewOrderResponse, OrderFormErrorResponse } from '../../../../common/api-types';
import type { Session } from '../../App';
import { CaseRefLink } from '../../components/CaseRefLink';
import { formatDate, useT, type TextKey } from '../../i18n';
import { ApiFailure } from '../../services/api';
import { useCaseStyles } from '../CaseView.styles';

type Values = Record<Exclude<OrderField, 'reporterRole'>, string>;
const EMPTY: Values = {
  what: '',
  forWhom: '',
  earlierCommunication: '',
  billingReference: '',
  contactPersons: '',
};

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `tab-${Date.now()}-${Math.random().toString(36).slice(2)}`;

interface Props {
  session: Session;
  navigate: (next: URLSearchParams) => void;
}

export function OrderForm({ session, navigate }: Props) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  const { me } = session;
  const services = useMemo(
    () =>
      orderableFor(
        me.services,
        me.desks as unknown as Desk[],
        orderingOrgs({
          ...(me.access.homeOrgId ? { homeOrgId: me.access.homeOrgId as OrgId } : {}),
          orgIds: me.access.orgIds as OrgId[],
        }),
      ),
    [me],
  );
  const [serviceId, setServiceId] = useState<string>(services[0]?.id ?? '');
  const [values, setValues] = useState<Values>(EMPTY);
  const [role, setRole] = useState<ReporterRole>(me.access.orgIds.length > 0 ? 'superuser' : 'first_line');
  const [errors, setErrors] = useState<Partial<Record<OrderField, OrderFieldError>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<NewOrderResponse | null>(null);
  const [clientKey, setClientKey] = useState(newKey);
  const service = services.find((s) => s.id === serviceId);
  const billing = service?.order?.billing;

  if (services.length === 0)
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('orderNoServices')}</MessageBarBody>
      </MessageBar>
    );

  const message = (field: OrderField): string | undefined => {
    const e = errors[field];
    if (!e) return undefined;
    if (field === 'reporterRole') return t('fieldRole');
    switch (e.code) {
      case 'required':
        return t('fieldRequired');
      case 'too_short':
        return t('fieldTooShort').replace('{n}', String(e.min));
      case 'too_long':
        return t('fieldTooLong').replace('{n}', String(e.max));
      default:
        return t('fieldFormat').replace('{x}', billing?.example ?? '');
    }
  };
  const set = (field: keyof Values) => (_e: unknown, d: { value: string }) =>
    setValues((v) => ({ ...v, [field]: d.value }));
  const field = (name: OrderField, label: string, control: JSX.Element, hint?: string) => (
    <Field
      label={label}
      required={name !== 'earlierCommunication'}
      validationState={errors[name] ? 'error' : 'none'}
      validationMessage={message(name)}
      hint={hint}
      data-testid={`order-field-${name}`}
    >
      {control}
    </Field>
  );

  const submit = () => {
    setBusy(true);
    setFailure(null);
    session.api
      .post<NewOrderResponse>('/api/orders', {
        serviceId,
        reporterRole: role,
        clientKey,
        checklist: { ...values, ...(billing ? {} : { billingReference: undefined }) },
      })
      .then((answer) => {
        setErrors({});
        setDone(answer);
      })
      .catch((e: unknown) => {
        const body = e instanceof ApiFailure ? (e.body as OrderFormErrorResponse | null) : null;
        if (body?.fields) {
          setErrors(body.fields);
          setFailure(t('orderFormErrors'));
        } else setFailure(e instanceof Error ? e.message : String(e));
      })
      .finally(() => setBusy(false));
  };

  if (done)
    return (
      <div className={styles.root} data-testid="order-done">
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('orderCreated')}</MessageBarTitle>
            <CaseRefLink
              caseRef={done.ref}
              openCase={(ref) => navigate(new URLSearchParams({ case: ref }))}
            />
            {done.needsApproval
              ? ` · ${t('deliveryAfterApproval')}`
              : done.expectedDeliveryAt
                ? ` · ${t('expectedDelivery')}: ${formatDate(done.expectedDeliveryAt, locale)}`
                : ` · ${t('noDeliveryTime')}`}
          </MessageBarBody>
        </MessageBar>
        <div>
          <Button
            onClick={() => {
              setDone(null);
              setValues(EMPTY);
              setClientKey(newKey());
            }}
          >
            {t('orderButton')}
          </Button>
        </div>
      </div>
    );

  return (
    <form
      className={styles.root}
      data-testid="order-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Subtitle1 as="h1">{t('orderFormTitle')}</Subtitle1>
      <Field label={t('orderChooseService')} required>
        <RadioGroup
          value={serviceId}
          onChange={(_e, d) => setServiceId(d.value)}
          data-testid="order-services"
        >
          {services.map((s) => {
            const o = s.order!;
            return (
              <Radio
                key={s.id}
                value={s.id}
                label={
                  <span>
                    <Text weight="semibold">{s.name}</Text>
                    <br />
                    <Text size={200}>{o.description}</Text>
                    <br />
                    <Text size={200} className={styles.small}>
                      {[
                        o.priceText ? `${t('orderPrice')}: ${o.priceText}` : undefined,
                        o.deliveryWorkingDays !== undefined
                          ? `${t('orderDeliveryTime')}: ${o.deliveryWorkingDays} ${t('workingDaysUnit')}`
                          : t('noDeliveryTime'),
                        o.needsApproval ? t('needsApproval') : undefined,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </span>
                }
              />
            );
          })}
        </RadioGroup>
      </Field>
      <Text className={styles.small}>{t('orderChecklistHelp')}</Text>
      {field(
        'what',
        t('orderWhat'),
        <Textarea
          value={values.what}
          onChange={set('what')}
          maxLength={ORDER_LIMITS.what.max}
          resize="vertical"
        />,
      )}
      {field(
        'forWhom',
        t('orderForWhom'),
        <Input value={values.forWhom} onChange={set('forWhom')} maxLength={ORDER_LIMITS.forWhom.max} />,
      )}
      {field(
        'earlierCommunication',
        t('orderEarlier'),
        <Textarea
          value={values.earlierCommunication}
          onChange={set('earlierCommunication')}
          maxLength={ORDER_LIMITS.earlierCommunication.max}
          resize="vertical"
        />,
      )}
      {billing &&
        field(
          'billingReference',
          t(`billing_${billing.kind}` as TextKey),
          <Input
            value={values.billingReference}
            onChange={set('billingReference')}
            maxLength={ORDER_LIMITS.billingReference.max}
          />,
          t('fieldExample').replace('{x}', billing.example),
        )}
      {field(
        'contactPersons',
        t('orderContacts'),
        <Textarea
          value={values.contactPersons}
          onChange={set('contactPersons')}
          maxLength={ORDER_LIMITS.contactPersons.max}
          resize="vertical"
        />,
      )}
      {field(
        'reporterRole',
        t('ordererRole'),
        <Select value={role} onChange={(_e, d) => setRole(d.value as ReporterRole)}>
          {ORDERER_ROLES.map((r) => (
            <option key={r} value={r}>
              {l(REPORTER_ROLE_LABELS[r])}
            </option>
          ))}
        </Select>,
      )}
      {failure && (
        <MessageBar intent="error" data-testid="order-failure">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('orderSubmit')}
        </Button>
      </div>
    </form>
  );
}
