/**
 * CSV for Excel in Norway: UTF-8 with a byte order mark (so Excel reads æøå), `;` between fields
 * (Excel's list separator under nb-NO, where `,` is the decimal sign), CRLF line ends, decimal commas,
 * and fields quoted when they hold a separator, a quote or a line break. A field that starts with
 * `=`, `+`, `-` or `@` is prefixed with `'` so Excel does not run case text as a formula.
 */
import { osloDateAndTime } from '../dates';
import type { LocalizedText, Locale } from '../i18n-text';
import { BACKLOG_BUCKET_LABELS, type SlaReport, type TargetFigures } from './figures';
import { spansYears, weekLabel } from './week-label';

export const BOM = '\uFEFF';

export type CsvCell = string | number | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? formatNumber(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A number with a decimal comma and at most two decimals, no thousands separator. */
export function formatNumber(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r).replace('.', ',');
}

/** The whole file, BOM first. */
export function buildCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}

/** Names the CSV shows for ids (services, virksomheter, statuses, SLA states), by locale. */
export interface CsvNames {
  service?: (id: string) => string;
  org?: (id: string) => string;
  status?: (status: string) => string;
  state?: (state: string) => string;
}

const T = {
  title: { nb: 'SLA-rapport', en: 'SLA report' },
  period: { nb: 'Periode', en: 'Period' },
  asOf: { nb: 'Beregnet per', en: 'As of' },
  cases: { nb: 'Saker', en: 'Cases' },
  open: { nb: 'Åpne saker', en: 'Open cases' },
  figure: { nb: 'Nøkkeltall', en: 'Key figure' },
  priority: { nb: 'Prioritet', en: 'Priority' },
  target: { nb: 'Mål', en: 'Target' },
  met: { nb: 'Innenfor frist', en: 'Met' },
  breached: { nb: 'Brutt', en: 'Breached' },
  share: { nb: 'Andel innenfor frist (%)', en: 'Share met (%)' },
  median: { nb: 'Median (min)', en: 'Median (min)' },
  p90: { nb: '90-persentil (min)', en: '90th percentile (min)' },
  response: { nb: 'Responstid', en: 'Response' },
  resolution: { nb: 'Løsningstid', en: 'Resolution' },
  all: { nb: 'Alle', en: 'All' },
  week: { nb: 'Uke', en: 'Week' },
  backlog: { nb: 'Åpne saker etter alder', en: 'Open backlog by age' },
  age: { nb: 'Alder', en: 'Age' },
  uptime: { nb: 'Oppetid (%)', en: 'Uptime (%)' },
  goal: { nb: 'Mål 99,8 % nådd', en: 'Goal 99.8 % met' },
  down: { nb: 'Nedetid (min)', en: 'Downtime (min)' },
  service: { nb: 'Tjeneste', en: 'Service' },
  yes: { nb: 'Ja', en: 'Yes' },
  no: { nb: 'Nei', en: 'No' },
  breaches: { nb: 'Brudd', en: 'Breaches' },
  ref: { nb: 'Saksnummer', en: 'Reference' },
  caseTitle: { nb: 'Tittel', en: 'Title' },
  org: { nb: 'Virksomhet', en: 'Organisation' },
  due: { nb: 'Frist', en: 'Due' },
  metAt: { nb: 'Oppfylt', en: 'Met at' },
  late: { nb: 'Minutter over', en: 'Minutes late' },
  explanation: { nb: 'Forklaring', en: 'Explanation' },
  rows: { nb: 'Saker i perioden', en: 'Cases in the period' },
  status: { nb: 'Status', en: 'Status' },
  received: { nb: 'Mottatt', en: 'Received' },
  responseMin: { nb: 'Responstid (min)', en: 'Response (min)' },
  resolutionMin: { nb: 'Løsningstid (min)', en: 'Resolution (min)' },
  policyVersion: { nb: 'SLA-versjon', en: 'SLA version' },
} satisfies Record<string, LocalizedText>;

/** An instant as Oslo local time `yyyy-MM-dd HH:mm`, which Excel reads as a date (shared/dates.ts). */
export function osloTime(iso: string): string {
  const { date, time } = osloDateAndTime(new Date(iso));
  return `${date} ${time}`;
}

const pct = (share: number | null): number | null => (share === null ? null : share * 100);

/** The period's key figures, then its breaches, then one row per case received in it. */
export function slaReportCsv(report: SlaReport, locale: Locale, names: CsvNames = {}): string {
  const t = (k: keyof typeof T): string => T[k][locale];
  const id = (f: ((s: string) => string) | undefined, s: string): string => (f ? f(s) : s);
  // People read priorities and weeks by name, not by id ("Høy", "uke 49"; never "hoy", "2026-W49").
  const priorityNames = new Map(report.byPriority.map((p) => [p.priority as string, p.label[locale]]));
  const priority = (p: string): string => priorityNames.get(p) ?? p;
  const withYear = spansYears(report.perWeek.map((w) => w.week));
  const target = (label: string, p: string, f: TargetFigures): CsvCell[] => [
    p,
    label,
    f.met,
    f.breached,
    pct(f.shareMet),
    f.medianMinutes,
    f.p90Minutes,
  ];
  const rows: CsvCell[][] = [
    [t('title')],
    [t('period'), osloTime(report.period.from), osloTime(report.period.to)],
    [t('asOf'), osloTime(report.asOf)],
    [t('cases'), report.cases],
    [t('open'), report.openCases],
    [],
    [t('priority'), t('target'), t('met'), t('breached'), t('share'), t('median'), t('p90')],
    target(t('response'), t('all'), report.response),
    target(t('resolution'), t('all'), report.resolution),
  ];
  for (const p of report.byPriority) {
    rows.push(target(t('response'), p.label[locale], p.response));
    rows.push(target(t('resolution'), p.label[locale], p.resolution));
  }
  rows.push(
    [],
    [t('week'), t('cases')],
    ...report.perWeek.map((w) => [weekLabel(w.week, locale, withYear), w.cases]),
  );
  rows.push([], [t('backlog'), t('cases')]);
  for (const b of report.backlog) rows.push([BACKLOG_BUCKET_LABELS[b.bucket][locale], b.cases]);
  rows.push([], [t('service'), t('uptime'), t('down'), t('goal')]);
  for (const u of report.uptime)
    rows.push([
      id(names.service, u.serviceId),
      u.uptime * 100,
      u.downMinutes,
      u.meetsGoal ? t('yes') : t('no'),
    ]);
  rows.push(
    [],
    [t('breaches')],
    [
      t('ref'),
      t('caseTitle'),
      t('service'),
      t('org'),
      t('priority'),
      t('target'),
      t('due'),
      t('metAt'),
      t('late'),
      t('explanation'),
    ],
  );
  for (const b of report.breaches)
    rows.push([
      b.ref,
      b.title,
      id(names.service, b.serviceId),
      id(names.org, b.orgId),
      priority(b.priority),
      t(b.target),
      osloTime(b.dueAt),
      b.metAt ? osloTime(b.metAt) : '',
      b.lateMinutes,
      b.explanation,
    ]);
  rows.push(
    [],
    [t('rows')],
    [
      t('ref'),
      t('caseTitle'),
      t('service'),
      t('org'),
      t('priority'),
      t('status'),
      t('received'),
      t('response'),
      t('responseMin'),
      t('resolution'),
      t('resolutionMin'),
      t('policyVersion'),
    ],
  );
  for (const r of report.rows)
    rows.push([
      r.ref,
      r.title,
      id(names.service, r.serviceId),
      id(names.org, r.orgId),
      priority(r.priority),
      id(names.status, r.status),
      osloTime(r.receivedAt),
      id(names.state, r.response),
      r.responseMinutes,
      id(names.state, r.resolution),
      r.resolutionMinutes,
      r.policyVersions.join(' → '),
    ]);
  return buildCsv(rows);
}
