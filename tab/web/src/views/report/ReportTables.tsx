/** The report's tables: targets per priority, breaches with their explanations, uptime per service. */
import {
  mergeClasses,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { SLA_TARGET_LABELS } from '../../../../../shared/cases/labels';
import type { BreachRow, TargetFigures } from '../../../../../shared/reports/figures';
import { clockDuration } from '../../../../../shared/sla/clock-text';
import { targetClock } from '../../../../../shared/sla/policy';
import type { MeResponse, ReportFigures, ReportResponse } from '../../../../common/api-types';
import { formatDateTime, formatPercent, useT } from '../../i18n';
import { useReportStyles } from '../ReportView.styles';
import { reportMinutes as minutes } from './report-text';

export function PriorityTable({ r }: { r: ReportFigures }) {
  const styles = useReportStyles();
  const { t, l, locale } = useT();
  const targetRow = (label: string, f: TargetFigures, key: string) => (
    <TableRow key={key}>
      <TableCell>{label}</TableCell>
      <TableCell className={styles.num}>{f.met}</TableCell>
      <TableCell className={styles.num}>{f.breached}</TableCell>
      <TableCell className={styles.num}>{formatPercent(f.shareMet, locale)}</TableCell>
      <TableCell className={styles.num}>{minutes(f.medianMinutes)}</TableCell>
      <TableCell className={styles.num}>{minutes(f.p90Minutes)}</TableCell>
    </TableRow>
  );
  return (
    <section className={styles.card}>
      <Subtitle2>{t('perPriority')}</Subtitle2>
      <div className={styles.tableBox}>
        <Table size="small" data-testid="report-priorities">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('priority')}</TableHeaderCell>
              <TableHeaderCell>{t('met')}</TableHeaderCell>
              <TableHeaderCell>{t('breached')}</TableHeaderCell>
              <TableHeaderCell>%</TableHeaderCell>
              <TableHeaderCell>{t('median')}</TableHeaderCell>
              <TableHeaderCell>{t('p90')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {targetRow(`${t('all')} – ${l(SLA_TARGET_LABELS.response)}`, r.response, 'all-response')}
            {targetRow(`${t('all')} – ${l(SLA_TARGET_LABELS.resolution)}`, r.resolution, 'all-resolution')}
            {r.byPriority.flatMap((p) => [
              targetRow(`${l(p.label)} – ${l(SLA_TARGET_LABELS.response)}`, p.response, `${p.priority}-r`),
              targetRow(
                `${l(p.label)} – ${l(SLA_TARGET_LABELS.resolution)}`,
                p.resolution,
                `${p.priority}-s`,
              ),
            ])}
          </TableBody>
        </Table>
      </div>
      <Text className={styles.small}>{`${t('median')} / ${t('p90')}: ${t('businessMinutes')}`}</Text>
    </section>
  );
}

export function BreachesTable({ data, me }: { data: ReportResponse; me: MeResponse }) {
  const styles = useReportStyles();
  const { t, l, locale } = useT();
  const r = data.report;
  const name = (kind: 'services' | 'orgs', id: string) => data.names[kind][id] ?? id;
  const priorityName = (deskId: string, id: string) => {
    const p = me.desks.find((d) => d.id === deskId)?.policy.priorities.find((x) => x.id === id);
    return p ? l(p.label) : id;
  };
  // Late by: written as the case list writes it ("2 d 5 t arbeidstid"), in the target's own clock.
  const late = (b: BreachRow): string => {
    const policy = me.desks.find((d) => d.id === b.deskId)?.policy;
    const priority = policy?.priorities.find((x) => x.id === b.priority);
    if (!policy || !priority) return minutes(b.lateMinutes);
    const clock = targetClock(policy, priority, priority[b.target]);
    return clockDuration(
      b.lateMinutes,
      clock === 'calendar' ? 'calendar' : 'business',
      policy.calendar,
      locale,
    );
  };
  return (
    <section className={styles.card}>
      <Subtitle2>{t('breaches')}</Subtitle2>
      {data.breachCount > r.breaches.length && (
        <Text
          className={styles.small}
        >{`${r.breaches.length} ${t('of')} ${data.breachCount} – ${t('moreInCsv')}`}</Text>
      )}
      {r.breaches.length === 0 ? (
        <Text>{t('noBreaches')}</Text>
      ) : (
        <div className={styles.tableBox}>
          <Table size="small" data-testid="report-breaches">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('ref')}</TableHeaderCell>
                <TableHeaderCell>{t('title')}</TableHeaderCell>
                <TableHeaderCell>{t('service')}</TableHeaderCell>
                <TableHeaderCell>{t('org')}</TableHeaderCell>
                <TableHeaderCell>{t('priority')}</TableHeaderCell>
                <TableHeaderCell>{t('slaVersion')}</TableHeaderCell>
                <TableHeaderCell>{t('dueCol')}</TableHeaderCell>
                <TableHeaderCell>{t('lateBy')}</TableHeaderCell>
                <TableHeaderCell>{t('explanation')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.breaches.map((b) => (
                <TableRow key={`${b.ref}-${b.target}`}>
                  <TableCell>{b.ref}</TableCell>
                  <TableCell>{b.title}</TableCell>
                  <TableCell>{name('services', b.serviceId)}</TableCell>
                  <TableCell>{name('orgs', b.orgId)}</TableCell>
                  <TableCell>{`${priorityName(b.deskId, b.priority)} · ${l(SLA_TARGET_LABELS[b.target])}`}</TableCell>
                  {/* The versions of the desk's policy the case ran under ("1 → 2": moved to 2), as in the CSV. */}
                  <TableCell data-testid="breach-sla-version">{b.policyVersions.join(' → ')}</TableCell>
                  <TableCell>{formatDateTime(b.dueAt, locale)}</TableCell>
                  <TableCell className={styles.num}>{late(b)}</TableCell>
                  <TableCell>{b.explanation ?? '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}

export function UptimeTable({ data }: { data: ReportResponse }) {
  const styles = useReportStyles();
  const { t, locale } = useT();
  const r = data.report;
  const name = (kind: 'services' | 'orgs', id: string) => data.names[kind][id] ?? id;
  return (
    <section className={styles.card}>
      <Subtitle2>{t('uptime')}</Subtitle2>
      {/* It may scroll sideways in a narrow pane: reachable by keyboard. */}
      <div className={styles.tableBox} tabIndex={0} role="region" aria-label={t('uptime')}>
        <Table size="small" data-testid="report-uptime">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('service')}</TableHeaderCell>
              <TableHeaderCell>{t('uptimeCol')}</TableHeaderCell>
              <TableHeaderCell>{t('downtime')}</TableHeaderCell>
              <TableHeaderCell />
              <TableHeaderCell className={styles.sourcesCol}>{t('outagesCol')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {r.uptime.map((u) => (
              <TableRow key={u.serviceId} data-service={u.serviceId}>
                <TableCell>{name('services', u.serviceId)}</TableCell>
                <TableCell className={styles.num}>{formatPercent(u.uptime, locale, 2)}</TableCell>
                <TableCell className={styles.num}>{minutes(u.downMinutes)}</TableCell>
                <TableCell className={mergeClasses(u.meetsGoal ? styles.good : styles.bad)}>
                  {u.meetsGoal ? `✓ ${t('goalMet')}` : `✗ ${t('goalMissed')}`}
                </TableCell>
                <TableCell>
                  {u.sources.length === 0 ? (
                    '–'
                  ) : (
                    <ul className={styles.sources} data-testid="uptime-sources">
                      {u.sources.map((o) => (
                        <li key={o.kind === 'notice' ? `n:${o.id}` : `c:${o.ref}`} data-source={o.kind}>
                          <span className={styles.sourceKind}>
                            {o.kind === 'notice' ? t('sourceNotice') : `${t('sourceCase')} ${o.ref}`}
                          </span>
                          {`: ${o.title} (${formatDateTime(o.from, locale)} – ${o.to ? formatDateTime(o.to, locale) : t('ongoing')})`}
                        </li>
                      ))}
                    </ul>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200} className={styles.note}>
        {t('uptimeRule')}
      </Text>
    </section>
  );
}
