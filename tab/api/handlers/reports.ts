/**
 * `GET /api/reports/sla` and `GET /api/reports/sla.csv`: the period's SLA figures for report readers
 * (Porteføljerådet, Samarbeidsrådet: all desks) and desk members (their desks).
 *
 * Parameters: `from` and `to` as dates `YYYY-MM-DD` in Oslo, both included (default: this month so far);
 * `desk`, `service`, `org` narrow it; `lang` (`nb`/`en`) for the CSV's words.
 */
import { DateTime } from 'luxon';
import type { Request } from 'restify';
import { SLA_STATE_LABELS, STATUS_LABELS } from '../../../shared/cases/labels';
import type { CaseStatus } from '../../../shared/cases/model';
import type { SlaState } from '../../../shared/sla/state';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
import type { DeskId, ServiceId } from '../../../shared/ids';
import { isoInstant } from '../../../shared/ids';
import type { Notice } from '../../../shared/notices/model';
import { slaReportCsv } from '../../../shared/reports/csv';
import { slaReportBuilder, type SlaReport } from '../../../shared/reports/figures';
import { feedReport } from '../../../shared/store/report-feed';
import { MAX_REPORT_BREACHES, type ReportResponse } from '../../common/api-types';
import type { Caller } from '../auth';
import { authed, type TabContext } from '../context';
import { badRequest, forbidden, queryOf, sendJson } from '../http';

const ZONE = 'Europe/Oslo';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const KNOWN = new Set(['from', 'to', 'desk', 'service', 'org', 'lang']);
/** How far back open cases are looked for (the backlog), and outages that began before the period. */
const BACKLOG_LOOKBACK_DAYS = 365;
const NOTICE_LOOKBACK_DAYS = 90;
const MAX_DAYS = 366;

export interface ReportQuery {
  from: Date;
  to: Date;
  fromDate: string;
  toDate: string;
  desk?: string;
  service?: string;
  org?: string;
  lang: Locale;
}

function day(params: URLSearchParams, name: string, fallback: DateTime): DateTime {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  const d = DATE.test(raw) ? DateTime.fromISO(raw, { zone: ZONE }) : null;
  if (!d?.isValid) throw badRequest(name, `${name} must be a date YYYY-MM-DD, got '${raw}'`);
  return d;
}

function id(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!ID.test(raw)) throw badRequest(name, `${name}: '${raw}' is not a valid id`);
  return raw;
}

export function parseReportQuery(params: URLSearchParams, now: Date): ReportQuery {
  for (const key of params.keys()) if (!KNOWN.has(key)) throw badRequest(key, `unknown parameter '${key}'`);
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const fromDay = day(params, 'from', today.startOf('month'));
  const toDay = day(params, 'to', today);
  if (toDay < fromDay) throw badRequest('to', 'to must not be before from');
  if (toDay.diff(fromDay, 'days').days + 1 > MAX_DAYS)
    throw badRequest('to', `the period may be at most ${MAX_DAYS} days`);
  const lang = params.get('lang') ?? 'nb';
  if (lang !== 'nb' && lang !== 'en') throw badRequest('lang', `lang must be nb or en, got '${lang}'`);
  const q: ReportQuery = {
    from: fromDay.toJSDate(),
    to: toDay.plus({ days: 1 }).toJSDate(),
    fromDate: fromDay.toISODate()!,
    toDate: toDay.toISODate()!,
    lang,
  };
  const desk = id(params, 'desk');
  const service = id(params, 'service');
  const org = id(params, 'org');
  if (desk) q.desk = desk;
  if (service) q.service = service;
  if (org) q.org = org;
  return q;
}

/** The desks the caller may report on: all for report readers, else the desks they are members of. */
export function reportDesks(caller: Caller, desks: readonly Desk[]): Desk[] {
  if (caller.access.reportReader) return [...desks];
  return desks.filter((d) => caller.access.deskIds.includes(d.id));
}

export async function buildReport(
  ctx: TabContext,
  caller: Caller,
  desks: readonly Desk[],
  q: ReportQuery,
  withRows = true,
): Promise<{ report: SlaReport; names: ReportResponse['names'] }> {
  const allowed = reportDesks(caller, desks);
  if (allowed.length === 0) throw forbidden('SLA reports are for report readers and desk members');
  let chosen = allowed;
  if (q.desk) {
    chosen = allowed.filter((d) => d.id === q.desk);
    if (chosen.length === 0) throw forbidden(`no report access to desk '${q.desk}'`);
  }
  const { store } = ctx.deps;
  const now = ctx.deps.now();
  const deskIds = chosen.map((d) => d.id as DeskId);
  const lookFrom = new Date(q.from.getTime() - BACKLOG_LOOKBACK_DAYS * 86_400_000);
  const noticeFrom = new Date(q.from.getTime() - NOTICE_LOOKBACK_DAYS * 86_400_000);
  const notices: Notice[] = [];
  for (const d of deskIds)
    notices.push(...(await store.notices.listPeriod(d, isoInstant(noticeFrom), isoInstant(q.to))));
  const services = (await store.desks.listServices()).filter((s) => deskIds.includes(s.deskId));
  const wanted = q.service ? services.filter((s) => s.id === q.service) : services;
  const policies: Record<string, Desk> = {};
  for (const d of chosen) policies[d.id] = d;
  // Each case goes into the report as it is read, so the 200 000 cases of a year are never held at once:
  // from the summary the store keeps with each case, or (when the report cannot use it) from the case.
  const builder = slaReportBuilder({
    period: { from: q.from, to: q.to },
    now,
    notices: q.service ? notices.filter((n) => n.serviceIds.includes(q.service as ServiceId)) : notices,
    policies,
    services: wanted.map((s) => s.id),
    withRows,
    // The JSON shows the earliest breaches and counts them all (the CSV lists every one): then the store
    // aggregates the period's summaries instead of handing over each of them.
    ...(withRows ? {} : { maxBreaches: MAX_REPORT_BREACHES }),
  });
  await feedReport(store.cases, builder, deskIds, isoInstant(lookFrom), isoInstant(q.to), {
    ...(q.service ? { serviceId: q.service } : {}),
    ...(q.org ? { orgId: q.org } : {}),
  });
  const report = builder.finish();
  const orgs = await store.desks.listOrganisations();
  return {
    report,
    names: {
      services: Object.fromEntries(services.map((s) => [s.id, s.name])),
      orgs: Object.fromEntries(orgs.map((o) => [o.id, o.name])),
      desks: Object.fromEntries(desks.map((d) => [d.id, d.name])),
    },
  };
}

const queryFor = (ctx: TabContext, req: Request): ReportQuery =>
  parseReportQuery(queryOf(req), ctx.deps.now());

export function reportHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    // The JSON has no per-case rows (the CSV has them), so none are built.
    const { report, names } = await buildReport(ctx, caller, desks, queryFor(ctx, req), false);
    const { rows: _rows, breaches, ...figures } = report;
    const body: ReportResponse = {
      report: { ...figures, breaches: breaches.slice(0, MAX_REPORT_BREACHES) },
      breachCount: report.breachCount,
      names,
    };
    sendJson(res, 200, body);
  });
}

export function reportCsvHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const q = queryFor(ctx, req);
    const { report, names } = await buildReport(ctx, caller, desks, q);
    const csv = slaReportCsv(report, q.lang, {
      service: (s) => names.services[s] ?? s,
      org: (o) => names.orgs[o] ?? o,
      status: (s) => STATUS_LABELS[s as CaseStatus]?.[q.lang] ?? s,
      state: (s) => SLA_STATE_LABELS[s as SlaState]?.[q.lang] ?? s,
    });
    const bytes = Buffer.from(csv, 'utf8');
    const file = `sla-rapport-${q.fromDate}-${q.toDate}.csv`;
    res.writeHead(200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Length': bytes.length,
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    });
    res.end(bytes);
  });
}
