/**
 * SLA-rapport: the period's key figures for Porteføljerådet and desk leads — shares meeting the response
 * and resolution targets (overall and per priority), median and 90th percentile times, cases per week,
 * open backlog by age, breaches with their explanations, uptime per service against 99.8 % — with
 * charts, tables, and CSV export for Samarbeidsrådet. The period and filters live in the URL.
 * This module (with the chart library) is its own chunk, loaded when the tab is opened. The data hook
 * and the parts are in `report/`.
 */
import { Spinner, Subtitle2, Text } from '@fluentui/react-components';
import { BACKLOG_BUCKET_LABELS } from '../../../../shared/reports/figures';
import type { Session } from '../App';
import { formatDateTime, formatPercent, useT } from '../i18n';
import { ReportFilters } from './report/ReportFilters';
import { BreachesTable, PriorityTable, UptimeTable } from './report/ReportTables';
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
            <section className={styles.card}>
              <Subtitle2>{t('sharePerPriority')}</Subtitle2>
              <SharesChart report={r} />
            </section>
            <section className={styles.card}>
              <Subtitle2>{t('perWeek')}</Subtitle2>
              <WeeksChart report={r} />
              <Text className={styles.small} data-testid="report-weeks">
                {r.perWeek.map((w) => `${w.week}: ${w.cases}`).join(' · ')}
              </Text>
            </section>
            <section className={styles.card}>
              <Subtitle2>{t('backlogAge')}</Subtitle2>
              <BacklogChart report={r} />
              <Text className={styles.small} data-testid="report-backlog">
                {r.backlog.map((b) => `${l(BACKLOG_BUCKET_LABELS[b.bucket])}: ${b.cases}`).join(' · ')}
              </Text>
            </section>
          </div>
          <BreachesTable data={data} me={session.me} />
          <UptimeTable data={data} />
        </>
      )}
    </div>
  );
}
