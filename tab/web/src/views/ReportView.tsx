/**
 * SLA-rapport: the period's key figures for Porteføljerådet and desk leads — shares meeting the response
 * and resolution targets (overall and per priority), median and 90th percentile times, cases per week,
 * open backlog by age, breaches with their explanations, uptime per service against 99.8 % — with
 * charts, tables, and CSV export for Samarbeidsrådet. The period and filters live in the URL.
 * This module (with the chart library) is its own chunk, loaded when the tab is opened.
 */
import {
  Button,
  Field,
  Input,
  Select,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useState } from 'react';
import { SLA_TARGET_LABELS } from '../../../../shared/cases/labels';
import { BACKLOG_BUCKET_LABELS, type TargetFigures } from '../../../../shared/reports/figures';
import type { ReportResponse } from '../../../common/api-types';
import type { Session } from '../App';
import { formatDateTime, formatPercent, osloDate, useT } from '../i18n';
import { BacklogChart, SharesChart, WeeksChart } from './ReportCharts';
import { useReportStyles } from './ReportView.styles';

interface Props {
  session: Session;
  params: URLSearchParams;
  navigate: (next: URLSearchParams, replace?: boolean) => void;
}

const KEYS = ['from', 'to', 'desk', 'service', 'org'] as const;

function minutes(m: number | null): string {
  if (m === null) return '–';
  const total = Math.round(m);
  const h = Math.floor(total / 60);
  const rest = total - h * 60;
  if (h === 0) return `${rest} min`;
  return rest === 0 ? `${h} t` : `${h} t ${rest} min`;
}

export default function ReportView({ session, params, navigate }: Props) {
  const styles = useReportStyles();
  const { t, l, locale } = useT();
  const { me } = session;
  const today = osloDate(new Date(me.now));
  const current = Object.fromEntries(KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<
    (typeof KEYS)[number],
    string
  >;
  if (!current.from) current.from = `${today.slice(0, 8)}01`;
  if (!current.to) current.to = today;
  const [draft, setDraft] = useState(current);
  const [data, setData] = useState<ReportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of KEYS) if (current[k]) q.set(k, current[k]);
    return q;
  }, [params.toString()]);

  useEffect(() => {
    setData(null);
    setError(null);
    session.api
      .get<ReportResponse>(`/api/reports/sla?${query.toString()}`)
      .then(setData)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [session, query]);

  const apply = () => {
    const next = new URLSearchParams({ page: 'report' });
    for (const k of KEYS) if (draft[k]) next.set(k, draft[k]);
    navigate(next);
  };

  const exportCsv = async () => {
    const q = new URLSearchParams(query);
    q.set('lang', locale);
    const blob = await session.api.blob(`/api/reports/sla.csv?${q.toString()}`);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `sla-rapport-${current.from}-${current.to}.csv`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const deskOptions = me.access.reportReader
    ? me.desks
    : me.desks.filter((d) => me.access.deskIds.includes(d.id));
  const deskIds = new Set(deskOptions.map((d) => d.id));
  const serviceOptions = me.services.filter(
    (s) => deskIds.has(s.deskId) && (!draft.desk || s.deskId === draft.desk),
  );
  const orgOptions = me.organisations.filter((o) =>
    deskOptions.some((d) => (!draft.desk || d.id === draft.desk) && d.orgIds.includes(o.id)),
  );

  const select = (
    key: 'desk' | 'service' | 'org',
    label: Parameters<typeof t>[0],
    options: Array<{ id: string; name: string }>,
  ) => (
    <Field label={t(label)} className={styles.filter}>
      <Select
        value={draft[key]}
        data-testid={`report-${key}`}
        onChange={(_e, d) => setDraft({ ...draft, [key]: d.value })}
      >
        <option value="">{t('all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
    </Field>
  );

  const r = data?.report;
  const priorityName = (deskId: string, id: string) => {
    const p = me.desks.find((d) => d.id === deskId)?.policy.priorities.find((x) => x.id === id);
    return p ? l(p.label) : id;
  };
  const name = (kind: 'services' | 'orgs', id: string) => data?.names[kind][id] ?? id;
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
    <div className={styles.root} data-testid="report">
      <div className={styles.filters}>
        <Field label={t('from')} className={styles.filter}>
          <Input
            type="date"
            value={draft.from}
            data-testid="report-from"
            onChange={(_e, d) => setDraft({ ...draft, from: d.value })}
          />
        </Field>
        <Field label={t('to')} className={styles.filter}>
          <Input
            type="date"
            value={draft.to}
            data-testid="report-to"
            onChange={(_e, d) => setDraft({ ...draft, to: d.value })}
          />
        </Field>
        {select('desk', 'desk', deskOptions)}
        {select('service', 'service', serviceOptions)}
        {select('org', 'org', orgOptions)}
        <Button appearance="primary" onClick={apply} data-testid="report-apply">
          {t('show')}
        </Button>
        <Button
          icon={<ArrowDownload20Regular />}
          onClick={() => void exportCsv()}
          disabled={!r}
          data-testid="report-csv"
        >
          {t('exportCsv')}
        </Button>
      </div>
      {error && <Text>{error}</Text>}
      {!r && !error && <Spinner label={t('loading')} />}
      {r && (
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
          <section className={styles.card}>
            <Subtitle2>{t('perPriority')}</Subtitle2>
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
                {targetRow(
                  `${t('all')} – ${l(SLA_TARGET_LABELS.resolution)}`,
                  r.resolution,
                  'all-resolution',
                )}
                {r.byPriority.flatMap((p) => [
                  targetRow(
                    `${l(p.label)} – ${l(SLA_TARGET_LABELS.response)}`,
                    p.response,
                    `${p.priority}-r`,
                  ),
                  targetRow(
                    `${l(p.label)} – ${l(SLA_TARGET_LABELS.resolution)}`,
                    p.resolution,
                    `${p.priority}-s`,
                  ),
                ])}
              </TableBody>
            </Table>
            <Text className={styles.small}>{`${t('median')} / ${t('p90')}: ${t('businessMinutes')}`}</Text>
          </section>
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
          <section className={styles.card}>
            <Subtitle2>{t('breaches')}</Subtitle2>
            {data && data.breachCount > r.breaches.length && (
              <Text
                className={styles.small}
              >{`${r.breaches.length} ${t('of')} ${data.breachCount} – ${t('moreInCsv')}`}</Text>
            )}
            {r.breaches.length === 0 ? (
              <Text>{t('noBreaches')}</Text>
            ) : (
              <Table size="small" data-testid="report-breaches">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('ref')}</TableHeaderCell>
                    <TableHeaderCell>{t('title')}</TableHeaderCell>
                    <TableHeaderCell>{t('service')}</TableHeaderCell>
                    <TableHeaderCell>{t('org')}</TableHeaderCell>
                    <TableHeaderCell>{t('priority')}</TableHeaderCell>
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
                      <TableCell>{formatDateTime(b.dueAt, locale)}</TableCell>
                      <TableCell className={styles.num}>{minutes(b.lateMinutes)}</TableCell>
                      <TableCell>{b.explanation ?? '–'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </section>
          <section className={styles.card}>
            <Subtitle2>{t('uptime')}</Subtitle2>
            <Table size="small" data-testid="report-uptime">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('service')}</TableHeaderCell>
                  <TableHeaderCell>{t('uptimeCol')}</TableHeaderCell>
                  <TableHeaderCell>{t('downtime')}</TableHeaderCell>
                  <TableHeaderCell />
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
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        </>
      )}
    </div>
  );
}
