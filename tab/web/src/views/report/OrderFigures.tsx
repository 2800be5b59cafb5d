/**
 * The report's orders (seed 002 §5.1.3–5.1.4, §6): delivered within the catalogue's delivery time,
 * median and p90 delivery in working days, the wait for approval shown apart, and billable orders by
 * reference, from `GET /api/reports/orders` for the report's query; the rows in their own CSV.
 */
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { OrderReportResponse } from '../../../../common/api-types';
import type { Session } from '../../App';
import { formatPercent, useT, type TextKey } from '../../i18n';
import { useReportStyles } from '../ReportView.styles';
import type { ReportParams } from './useReport';

export function OrderFigures({ session, current }: { session: Session; current: ReportParams }) {
  const styles = useReportStyles();
  const { t, locale } = useT();
  const [data, setData] = useState<OrderReportResponse | null>(null);
  const query = new URLSearchParams(Object.entries(current).filter(([, v]) => v !== '')).toString();
  useEffect(() => {
    setData(null);
    session.api
      .get<OrderReportResponse>(`/api/reports/orders?${query}`)
      .then(setData)
      .catch(() => setData(null));
  }, [session, query]);
  if (!data) return null;
  const r = data.report;
  const days = (n: number | null) =>
    n === null ? '–' : `${String(n).replace('.', locale === 'nb' ? ',' : '.')} ${t('workingDaysUnit')}`;
  const exportCsv = async () => {
    const blob = await session.api.blob(`/api/reports/orders.csv?${query}&lang=${locale}`);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `bestillinger-${current.from}-${current.to}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const kpis: Array<[string, TextKey, string]> = [
    ['kpi-orders', 'reportOrdersCount', `${r.orders}`],
    ['kpi-orders-delivered', 'reportDelivered', `${r.delivered}`],
    ['kpi-orders-on-time', 'reportOnTime', formatPercent(r.onTimeShare, locale)],
    ['kpi-orders-median', 'reportMedianDelivery', days(r.medianDeliveryWorkingDays)],
    ['kpi-orders-p90', 'reportP90Delivery', days(r.p90DeliveryWorkingDays)],
  ];
  return (
    <section className={styles.card} data-testid="report-orders">
      <Subtitle2>{t('reportOrders')}</Subtitle2>
      <div className={styles.kpis}>
        {kpis.map(([id, label, value]) => (
          <div key={id} className={styles.kpi}>
            <span className={styles.kpiValue} data-testid={id}>
              {value}
            </span>
            <span className={styles.kpiLabel}>{t(label)}</span>
          </div>
        ))}
      </div>
      <Text className={styles.small}>{`${r.convertedFromFault} ${t('reportConverted')}`}</Text>
      <Text className={styles.small} data-testid="report-approval-wait">
        {`${t('reportApprovalWait')}: ${t('reportApprovalAnswered')} ${r.approval.answered}, median ${days(r.approval.medianWaitWorkingDays)}, p90 ${days(r.approval.p90WaitWorkingDays)}; ${t('reportApprovalPending')} ${r.approval.pending}`}
      </Text>
      <Subtitle2>{t('reportBilling')}</Subtitle2>
      {r.billing.length === 0 ? (
        <Text className={styles.small}>{t('reportBillingNone')}</Text>
      ) : (
        <ul data-testid="report-billing">
          {r.billing.map((g) => (
            <li key={g.reference}>
              <Text weight="semibold">{g.reference}</Text>
              {g.kind ? ` (${t(`billing_${g.kind}` as TextKey)})` : ''}: {g.orders} – {g.refs.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button onClick={() => void exportCsv()}>{t('reportOrdersCsv')}</Button>
      </div>
    </section>
  );
}
