/**
 * `GET /api/notices`: active and recent driftsmeldinger of the desks that concern the caller (their own
 * desks, the desks serving their virksomhet; all desks for report readers).
 * `POST /api/notices`: a desk member publishes one for their desk. Planned maintenance must be announced
 * at least 3 days ahead, or say why not (seed 004 §6.2).
 */
import { randomUUID } from 'node:crypto';
import type { Desk } from '../../../shared/desks/model';
import { isoInstant, noticeId, serviceId, type DeskId } from '../../../shared/ids';
import type { Notice, NoticeKind } from '../../../shared/notices/model';
import type { NoticesResponse } from '../../common/api-types';
import type { Caller } from '../auth';
import { authed, type TabContext } from '../context';
import { badRequest, forbidden, jsonBody, queryOf, sendJson } from '../http';

const KINDS: readonly NoticeKind[] = ['outage', 'degraded', 'planned_maintenance'];
const RECENT_DAYS = 30;
const PLANNED_NOTICE_DAYS = 3;
const DAY = 86_400_000;

export function noticeDesks(caller: Caller, desks: readonly Desk[]): Desk[] {
  const { access } = caller;
  if (access.reportReader) return [...desks];
  const orgs = new Set<string>([...access.orgIds, ...(access.homeOrgId ? [access.homeOrgId] : [])]);
  return desks.filter((d) => access.deskIds.includes(d.id) || d.orgIds.some((o) => orgs.has(o)));
}

export function listNoticesHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const params = queryOf(req);
    for (const key of params.keys()) if (key !== 'desk') throw badRequest(key, `unknown parameter '${key}'`);
    let chosen = noticeDesks(caller, desks);
    const desk = params.get('desk');
    if (desk) {
      chosen = chosen.filter((d) => d.id === desk);
      if (chosen.length === 0) throw forbidden(`no access to desk '${desk}'`);
    }
    const now = ctx.deps.now().getTime();
    const active: Notice[] = [];
    const recent: Notice[] = [];
    for (const d of chosen) {
      active.push(...(await ctx.deps.store.notices.listActive(d.id)));
      const period = await ctx.deps.store.notices.listPeriod(
        d.id,
        isoInstant(new Date(now - RECENT_DAYS * DAY)),
        isoInstant(new Date(now + 365 * DAY)),
      );
      recent.push(...period.filter((n) => n.status === 'resolved'));
    }
    const body: NoticesResponse = {
      active: active.sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
      recent: recent.sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
      publishDesks: caller.access.deskIds,
    };
    sendJson(res, 200, body);
  });
}

function text(body: Record<string, unknown>, name: string, max: number, required = true): string | undefined {
  const v = body[name];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) throw badRequest(name, `${name} is required`);
    return undefined;
  }
  if (typeof v !== 'string') throw badRequest(name, `${name} must be a string`);
  if (v.length > max) throw badRequest(name, `${name} must be at most ${max} characters`);
  return v.trim();
}

function instant(body: Record<string, unknown>, name: string, required = true): Date | undefined {
  const raw = text(body, name, 40, required);
  if (raw === undefined) return undefined;
  const t = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(t))
    throw badRequest(name, `${name} must be an ISO date and time, got '${raw}'`);
  return new Date(t);
}

export function createNoticeHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const body = await jsonBody(req);
    const deskIdRaw = text(body, 'deskId', 100)!;
    const desk = desks.find((d) => d.id === deskIdRaw);
    if (!desk || !caller.access.deskIds.includes(desk.id as DeskId))
      throw forbidden('only the desk’s members publish its driftsmeldinger');
    const kind = text(body, 'kind', 40)! as NoticeKind;
    if (!KINDS.includes(kind)) throw badRequest('kind', `kind must be one of ${KINDS.join(', ')}`);
    const title = text(body, 'title', 200)!;
    const noticeText = text(body, 'text', 4000)!;
    const services = body.serviceIds;
    if (!Array.isArray(services) || services.length === 0 || !services.every((s) => typeof s === 'string'))
      throw badRequest('serviceIds', 'serviceIds must name at least one service');
    const catalogue = new Set((await ctx.deps.store.desks.listServices(desk.id)).map((s) => s.id as string));
    for (const s of services as string[])
      if (!catalogue.has(s)) throw badRequest('serviceIds', `'${s}' is not a service of ${desk.name}`);
    const startsAt = instant(body, 'startsAt')!;
    const expectedEndAt = instant(body, 'expectedEndAt', false);
    if (expectedEndAt && expectedEndAt <= startsAt)
      throw badRequest('expectedEndAt', 'expectedEndAt must be after startsAt');
    const now = ctx.deps.now();
    const shortNoticeReason = text(body, 'shortNoticeReason', 1000, false);
    if (
      kind === 'planned_maintenance' &&
      startsAt.getTime() - now.getTime() < PLANNED_NOTICE_DAYS * DAY &&
      !shortNoticeReason
    )
      throw badRequest(
        'shortNoticeReason',
        'planned maintenance must be announced at least 3 days ahead, or say why not (shortNoticeReason)',
      );
    const notice: Notice = {
      id: noticeId(`n-${randomUUID()}`),
      deskId: desk.id,
      kind,
      status: 'active',
      serviceIds: (services as string[]).map(serviceId),
      title,
      text: noticeText,
      startsAt: isoInstant(startsAt),
      ...(expectedEndAt ? { expectedEndAt: isoInstant(expectedEndAt) } : {}),
      ...(shortNoticeReason ? { shortNoticeReason } : {}),
      linkedCaseRefs: [],
      posted: [],
      createdAt: isoInstant(now),
      createdBy: { kind: 'user', id: caller.principal.id, name: caller.name },
      updatedAt: isoInstant(now),
    };
    const saved = await ctx.deps.store.notices.create(notice, ctx.deps.outboxForNotice?.(notice) ?? []);
    sendJson(res, 201, saved.value);
  });
}
