/**
 * The order view inside a case (seed 002 §5.1.3–5.1.4, §6, §7.3): the order checklist, the catalogue's
 * terms copied when it was ordered (price, delivery time) with the expected delivery date from the one
 * SLA function, every estimate and its answer; for the orderer "Godkjenn" and "Avvis" (a reason
 * required) on a pending estimate, for the desk "Send estimat" (hours and a text, never a price) and
 * the conversion between fault and order. Every action goes through the case's actions route (the
 * change service), with the version the user saw.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { REPORTER_ROLE_LABELS } from '../../../../../shared/cases/labels';
import type { Estimate } from '../../../../../shared/cases/model';
import { estimateHours, pendingEstimate } from '../../../../../shared/cases/orders';
import { hoursText } from '../../../../../shared/cases/order-words';
import { caseSla } from '../../../../../shared/sla/case-sla';
import type { CaseAction, CaseDetailResponse } from '../../../../common/api-types';
import { formatDate, formatDateTime, useT, type TextKey } from '../../i18n';
import { useCaseStyles } from '../CaseView.styles';

interface Props {
  detail: CaseDetailResponse;
  meId: string;
  run: (body: CaseAction) => void;
  busy: boolean;
}

export function OrderPanel({ detail, meId, run, busy }: Props) {
  const c = detail.case;
  if (c.kind !== 'order' || !c.order)
    return detail.canAct ? <ConvertCard detail={detail} run={run} busy={busy} /> : null;
  return (
    <>
      <OrderDetailsCard detail={detail} />
      <EstimatesCard detail={detail} meId={meId} run={run} busy={busy} />
      {detail.canAct && <ConvertCard detail={detail} run={run} busy={busy} />}
    </>
  );
}

function OrderDetailsCard({ detail }: { detail: CaseDetailResponse }) {
  const styles = useCaseStyles();
  const { t, l, locale } = useT();
  const c = detail.case;
  const o = c.order!;
  const due = useMemo(() => caseSla(c, detail, new Date(detail.computedAt)).resolution.dueAt, [c, detail]);
  const approved = o.estimates[o.estimates.length - 1]?.answer?.approved === true;
  const waitsForApproval = o.needsApproval && !approved;
  return (
    <section className={mergeClasses(styles.card, styles.span2)} data-testid="order-details">
      <Subtitle2>{t('order')}</Subtitle2>
      <dl className={styles.dl}>
        <dt className={styles.dt}>{t('orderWhat')}</dt>
        <dd className={styles.dd}>{o.checklist.what}</dd>
        <dt className={styles.dt}>{t('orderForWhom')}</dt>
        <dd className={styles.dd}>{o.checklist.forWhom}</dd>
        <dt className={styles.dt}>{t('orderEarlier')}</dt>
        <dd className={styles.dd}>{o.checklist.earlierCommunication || '–'}</dd>
        {o.billing && (
          <>
            <dt className={styles.dt}>{t(`billing_${o.billing}` as TextKey)}</dt>
            <dd className={styles.dd}>{o.checklist.billingReference ?? '–'}</dd>
          </>
        )}
        <dt className={styles.dt}>{t('orderContacts')}</dt>
        <dd className={styles.dd}>{o.checklist.contactPersons}</dd>
        <dt className={styles.dt}>{t('orderer')}</dt>
        <dd className={styles.dd}>{`${c.reporter.name} (${l(REPORTER_ROLE_LABELS[c.reporterRole])})`}</dd>
        {o.priceText && (
          <>
            <dt className={styles.dt}>{t('orderPrice')}</dt>
            <dd className={styles.dd}>{o.priceText}</dd>
          </>
        )}
        <dt className={styles.dt}>{t('orderDeliveryTime')}</dt>
        <dd className={styles.dd}>
          {o.deliveryWorkingDays !== undefined
            ? `${o.deliveryWorkingDays} ${t('workingDaysUnit')}`
            : t('noDeliveryTime')}
          {o.needsApproval ? ` · ${t('needsApproval')}` : ''}
        </dd>
        <dt className={styles.dt}>{t('expectedDelivery')}</dt>
        <dd className={styles.dd} data-testid="expected-delivery">
          {waitsForApproval
            ? t('deliveryAfterApproval')
            : due
              ? formatDate(due, locale)
              : o.deliveryWorkingDays === undefined
                ? t('noDeliveryTime')
                : '–'}
        </dd>
      </dl>
    </section>
  );
}

function EstimateLine({ e }: { e: Estimate }) {
  const styles = useCaseStyles();
  const { t, locale } = useT();
  return (
    <li data-testid="estimate">
      <Text weight="semibold">{hoursText(e.hours, locale)}</Text>{' '}
      <Text className={styles.small}>
        {e.by.name}, {formatDateTime(e.at, locale)}
      </Text>
      <div className={styles.dd}>{e.text}</div>
      {e.answer ? (
        <div>
          <Badge appearance="tint" color={e.answer.approved ? 'success' : 'danger'}>
            {t(e.answer.approved ? 'estimateApproved' : 'estimateRejected')}
          </Badge>{' '}
          <Text className={styles.small}>
            {e.answer.by.name}, {formatDateTime(e.answer.at, locale)}
          </Text>
          {e.answer.reason && <div className={styles.dd}>{e.answer.reason}</div>}
        </div>
      ) : (
        <Badge appearance="tint" color="warning">
          {t('estimatePending')}
        </Badge>
      )}
    </li>
  );
}

function EstimatesCard({ detail, meId, run, busy }: Props) {
  const styles = useCaseStyles();
  const { t } = useT();
  const c = detail.case;
  const o = c.order!;
  const pending = c.status === 'waiting' ? pendingEstimate(c) : undefined;
  const isOrderer = c.reporter.id === meId;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [hours, setHours] = useState('');
  const [text, setText] = useState('');
  const [hoursError, setHoursError] = useState(false);
  const [textError, setTextError] = useState(false);
  const working = c.status === 'new' || c.status === 'in_progress' || c.status === 'waiting';
  if (!o.needsApproval && o.estimates.length === 0) return null;
  const reject = () => {
    if (!pending) return;
    if (reason.trim() === '') return setReasonError(true);
    run({ action: 'answer_estimate', approve: false, estimateId: pending.id, reason: reason.trim() });
  };
  const send = () => {
    let ok = true;
    try {
      estimateHours(hours);
      setHoursError(false);
    } catch {
      setHoursError(true);
      ok = false;
    }
    setTextError(text.trim() === '');
    if (ok && text.trim() !== '') run({ action: 'estimate', hours, text: text.trim() });
  };
  return (
    <section className={mergeClasses(styles.card, styles.span2)} data-testid="estimates">
      <Subtitle2>{t('estimates')}</Subtitle2>
      {o.estimates.length === 0 ? (
        <Text className={styles.small}>{t('noEstimates')}</Text>
      ) : (
        <ol style={{ margin: 0, paddingLeft: 20, display: 'grid', gap: 8 }}>
          {o.estimates.map((e) => (
            <EstimateLine key={e.id} e={e} />
          ))}
        </ol>
      )}
      {pending && isOrderer && (
        <div data-testid="approval" style={{ display: 'grid', gap: 8 }}>
          <MessageBar intent="info">
            <MessageBarBody>{t('approvalHelp')}</MessageBarBody>
          </MessageBar>
          <div className={styles.actionRow}>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => run({ action: 'answer_estimate', approve: true, estimateId: pending.id })}
            >
              {t('approve')}
            </Button>
          </div>
          <div className={styles.actionRow}>
            <Field
              label={t('rejectReason')}
              style={{ flexGrow: 1 }}
              validationState={reasonError ? 'error' : 'none'}
              validationMessage={reasonError ? t('rejectReasonRequired') : undefined}
            >
              <Textarea
                value={reason}
                resize="vertical"
                onChange={(_e, d) => {
                  setReason(d.value);
                  if (d.value.trim() !== '') setReasonError(false);
                }}
              />
            </Field>
            <Button disabled={busy} onClick={reject}>
              {t('rejectEstimate')}
            </Button>
          </div>
        </div>
      )}
      {detail.canAct && o.needsApproval && working && (
        <div data-testid="send-estimate" style={{ display: 'grid', gap: 8 }}>
          <Text className={styles.small}>{t('estimateHelp')}</Text>
          <div className={styles.actionRow}>
            <Field
              label={t('estimateHours')}
              validationState={hoursError ? 'error' : 'none'}
              validationMessage={hoursError ? t('estimateHoursError') : undefined}
            >
              <Input value={hours} inputMode="decimal" onChange={(_e, d) => setHours(d.value)} />
            </Field>
            <Field
              label={t('estimateText')}
              style={{ flexGrow: 1 }}
              validationState={textError ? 'error' : 'none'}
              validationMessage={textError ? t('estimateTextRequired') : undefined}
            >
              <Textarea value={text} resize="vertical" onChange={(_e, d) => setText(d.value)} />
            </Field>
            <Button disabled={busy || pending !== undefined} onClick={send}>
              {t('sendEstimate')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}

function ConvertCard({ detail, run, busy }: Omit<Props, 'meId'>) {
  const styles = useCaseStyles();
  const { t } = useT();
  const c = detail.case;
  const working = c.status === 'new' || c.status === 'in_progress' || c.status === 'waiting';
  if (!working || (c.kind !== 'fault' && c.kind !== 'order')) return null;
  const blocked = c.status === 'waiting' && pendingEstimate(c) !== undefined;
  const to = c.kind === 'fault' ? 'order' : 'fault';
  return (
    <section className={styles.card} data-testid="convert">
      <Text className={styles.small}>{t('convertHelp')}</Text>
      <div className={styles.actionRow}>
        <Button disabled={busy || blocked} onClick={() => run({ action: 'convert', to })}>
          {t(to === 'order' ? 'convertToOrder' : 'convertToFault')}
        </Button>
      </div>
    </section>
  );
}
