/**
 * The dashboard's charts, with Fluent UI's own chart library (@fluentui/react-charts): in this lazily
 * loaded chunk only. The report shows each chart's figures as text or a table too, so nothing is only
 * in a picture.
 */
import { GroupedVerticalBarChart, VerticalBarChart } from '@fluentui/react-charts';
import { tokens } from '@fluentui/react-components';
import type { ReportFigures } from '../../../../common/api-types';
import { BACKLOG_BUCKET_LABELS, type BacklogBucket } from '../../../../../shared/reports/figures';
import { SLA_TARGET_LABELS } from '../../../../../shared/cases/labels';
import { spansYears, weekLabel } from '../../../../../shared/reports/week-label';
import { useT } from '../../i18n';

/** The widest a chart is drawn; narrower when its card is (`width`). */
export const CHART_WIDTH = 520;
/** Short axis labels, so every bucket gets one (the full names are in the text under the chart). */
const SHORT_BUCKETS: Record<BacklogBucket, string> = {
  '0-1': '<1 d',
  '1-3': '1–3 d',
  '3-7': '3–7 d',
  '7-30': '7–30 d',
  '30+': '>30 d',
};
const HEIGHT = 240;

interface ChartProps {
  report: ReportFigures;
  width: number;
}

export function WeeksChart({ report, width }: ChartProps) {
  const { t, locale } = useT();
  const withYear = spansYears(report.perWeek.map((w) => w.week));
  return (
    <VerticalBarChart
      chartTitle={t('perWeek')}
      data={report.perWeek.map((w) => ({
        x: weekLabel(w.week, locale, withYear),
        y: w.cases,
        legend: weekLabel(w.week, locale, true),
      }))}
      width={width}
      height={HEIGHT}
      hideLegend
      useSingleColor
      colors={[tokens.colorBrandBackground]}
    />
  );
}

export function BacklogChart({ report, width }: ChartProps) {
  const { t, l } = useT();
  return (
    <VerticalBarChart
      chartTitle={t('backlogAge')}
      data={report.backlog.map((b) => ({
        x: SHORT_BUCKETS[b.bucket],
        y: b.cases,
        legend: l(BACKLOG_BUCKET_LABELS[b.bucket]),
      }))}
      width={width}
      height={HEIGHT}
      hideLegend
      useSingleColor
      colors={[tokens.colorPaletteDarkOrangeBorderActive]}
    />
  );
}

/** Shares per priority: the values are in the table above, so no labels on the bars (they collided). */
export function SharesChart({ report, width }: ChartProps) {
  const { t, l } = useT();
  return (
    <GroupedVerticalBarChart
      chartTitle={t('perPriority')}
      data={report.byPriority.map((p) => ({
        name: l(p.label),
        series: [
          {
            key: 'response',
            data: Math.round((p.response.shareMet ?? 0) * 1000) / 10,
            legend: l(SLA_TARGET_LABELS.response),
            color: tokens.colorBrandBackground,
          },
          {
            key: 'resolution',
            data: Math.round((p.resolution.shareMet ?? 0) * 1000) / 10,
            legend: l(SLA_TARGET_LABELS.resolution),
            color: tokens.colorPaletteTealBorderActive,
          },
        ],
      }))}
      width={width}
      height={HEIGHT}
      yMaxValue={100}
      hideLabels
    />
  );
}
