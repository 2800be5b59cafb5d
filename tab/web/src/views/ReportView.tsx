/**
 * SLA-rapport: the period's key figures for Porteføljerådet and desk leads — shares meeting the response
 * and resolution targets (overall and per priority), median and 90th percentile times, cases per week,
 * open backlog by age, breaches with their explanations, uptime per service against 99.8 % — with
 * charts, tables, and CSV export for Samarbeidsrådet. The period and filters live in the URL.
 * This module (with the chart library) is its own chunk, loaded when the tab is opened. The data hook
 * and the parts are in `report/`.
 */
import { Spinner, Text } from '@fluentui/react-components';
import { BACKLOG_BUCKET_LABELS } from '../../../../shared/reports/figures';
import { spansYears, weekLabel } from '../../../../shared/reports/week-label';
import type { Session } from '../App';
import { formatDateTime, formatPercent, useT } from '../i18n';
import { ChartCard } from './report/ChartCard';
import { ReportFilters } from './report/ReportFilters';
import { BreachesTable, PriorityTable, UptimeTable } from './report/ReportTables';
import { OrderFigures } from './report/OrderFigures';
import { useReport } from './report/useReport';
import { BacklogChart, SharesChart, WeeksChart } from './report/ReportCharts';
import { useReportStyles } from './ReportView.styles';

interface Props {
  session: Session;
  params: URLSearchParams;
  navigate: (next: URLSearchParams, replace?: boolean) => void;
}

export default function ReportView({ session, params, navigate }: Props) {
  const styles = useReportStyles();
  const { t, l, locale } = useT();
  const state = useReport(session, params, navigate);
  const { data, error } = state;
  const r = data?.report;
  const withYear = r ? spansYears(r.perWeek.map((w) => w.week)) : false;

  return (
    <div className={styles.root} data-testid="report">
      <ReportFilters me={session.me} state={state} />
      {error && <Text>{error}</Text>}
      {!r && !error && <Spinner label={t('loading')} />}
      {data && r && (
        <>
          <Text className={styles.small}>
            {`${t('period')}: ${formatDateTime(r.period.from, locale)} – ${formatDateTime(r.period.to, locale)}`}
          </Text>
          <div className={styles.kpis}>
            {(
              [
                ['kpi-cases', t('casesInPeriod'), String(r.cases)],
                ['kpi-response', t('shareResponse'), formatPercent(r.response.shareMet, locale)],
                ['kpi-resolution', t('shareResolution'), formatPercent(r.resolution.shareMet, locale)],
                ['kpi-open', t('openBacklog'), String(r.openCases)],
              ] as const
            ).map(([id, label, value]) => (
              <div key={id} className={styles.kpi}>
                <span className={styles.kpiValue} data-testid={id}>
                  {value}
                </span>
                <span className={styles.kpiLabel}>{label}</span>
              </div>
            ))}
          </div>
          <PriorityTable r={r} />
          <div className={styles.charts} data-testid="report-charts">
            <ChartCard title={t('sharePerPriority')}>{(w) => <SharesChart report={r} width={w} />}</ChartCard>
            <ChartCard
              title={t('perWeek')}
              caption={
                <Text className={styles.small} data-testid="report-weeks">
                  {r.perWeek.map((x) => `${weekLabel(x.week, locale, withYear)}: ${x.cases}`).join(' · ')}
                </Text>
              }
            >
              {(w) => <WeeksChart report={r} width={w} />}
            </ChartCard>
            <ChartCard
              title={t('backlogAge')}
              caption={
                <Text className={styles.small} data-testid="report-backlog">
                  {r.backlog.map((b) => `${l(BACKLOG_BUCKET_LABELS[b.bucket])}: ${b.cases}`).join(' · ')}
                </Text>
              }
            >
              {(w) => <BacklogChart report={r} width={w} />}
            </ChartCard>
          </div>
          <OrderFigures session={session} current={state.current} />
          <BreachesTable data={data} me={session.me} />
          <UptimeTable data={data} />
        </>
      )}
    </div>
  );
}
