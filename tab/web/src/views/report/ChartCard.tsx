/**
 * A chart's card: measures its own width so the chart fits it on every screen (at most `CHART_WIDTH`).
 * The chart's box has a fixed height: the chart library sizes itself to its parent's height, so a box
 * that grows with its content would grow the chart without end.
 */
import { Subtitle2 } from '@fluentui/react-components';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useReportStyles } from '../ReportView.styles';
import { CHART_WIDTH } from './ReportCharts';

interface Props {
  title: string;
  /** The chart's figures as text, under it (nothing is only in a picture). */
  caption?: ReactNode;
  children: (width: number) => ReactNode;
}

export function ChartCard({ title, caption, children }: Props) {
  const styles = useReportStyles();
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(CHART_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(240, Math.min(CHART_WIDTH, el.clientWidth))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <section className={styles.card}>
      <Subtitle2>{title}</Subtitle2>
      <div ref={ref} className={styles.chartBox}>
        {children(width)}
      </div>
      {caption}
    </section>
  );
}
