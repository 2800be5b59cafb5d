/**
 * `GET /api/notices`: active and recent driftsmeldinger of the desks that concern the caller (their own
 * desks, the desks serving their virksomhet; all desks for report readers).
 * `POST /api/notices`: a desk member publishes one for their desk, checked by the notice rules of
 * `shared/notices/rules.ts` (planned maintenance at least 3 days ahead or a reason, seed 004 §6.2), and
 * posted to each of the desk's notice channels through the outbox (`TabApiDeps.outboxForNotice`).
 * `POST /api/notices/:id/update` and `POST /api/notices/:id/resolve`: a desk member gives an active
 * notice new text and/or a new expected end, or ends it ("Løst"), as from the channel card; every posted
 * copy is edited through the outbox (`TabApiDeps.outboxForNoticeChange`). The body names the desk and
 * the version the user saw (`noticeVersion`): a notice changed meanwhile is a 409 with the current one.
 */
import { randomUUID } from 'node:crypto';
import type { Desk } from '../../../shared/desks/model';
import { isoInstant, noticeId, type DeskId } from '../../../shared/ids';
import type { Notice } from '../../../shared/notices/model';
import type { OutboxMessage } from '../../../shared/ports';
import { FristvaktError, isFristvaktError } from '../../../shared/errors';
import {
  checkNoticeDraft,
  NOTICE_KINDS,
  openNotice,
  resolveNotice,
  updateNotice,
  type NoticeDraft,
  type NoticeField,
  type NoticeProblem,
} from '../../../shared/notices/rules';
import { channelKey } from '../../../shared/conversation-keys';
import { noticeVersion, type NoticesResponse } from '../../common/api-types';
import type { Caller } from '../auth';
import { authed, type TabContext } from '../context';
import { badRequest, forbidden, jsonBody, notFound, paramOf, queryOf, sendJson } from '../http';

const RECENT_DAYS = 30;
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

/** The API's name of each field the notice rules check (the 400 names the request's own field). */
const API_FIELD: Record<NoticeField, string> = {
  kind: 'kind',
  services: 'serviceIds',
  title: 'title',
  text: 'text',
  start: 'startsAt',
  end: 'expectedEndAt',
  shortNoticeReason: 'shortNoticeReason',
};

function why(p: NoticeProblem): string {
  const name = API_FIELD[p.field];
  switch (p.problem) {
    case 'required':
      return `${name} is required`;
    case 'too_long':
      return `${name} must be at most ${p.max} characters`;
    case 'unknown_choice':
      return p.field === 'kind'
        ? `kind must be one of ${NOTICE_KINDS.join(', ')}`
        : `${name} must name services of the desk`;
    case 'bad_date':
      return `${name} must be an ISO date and time`;
    case 'short_notice':
      return 'planned maintenance must be announced at least 3 days ahead, or say why not (shortNoticeReason)';
    case 'start_in_past':
      return 'planned maintenance cannot start in the past';
    case 'end_before_start':
      return 'expectedEndAt must be after startsAt';
  }
}

/** A string field as given ('' when absent); anything but a string is a 400. */
function str(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw badRequest(name, `${name} must be a string`);
  return v;
}

/** The desk the body names (`deskId`), when the caller is one of its members: only they publish and change its notices. */
function memberDesk(
  body: Record<string, unknown>,
  caller: Caller,
  desks: readonly Desk[],
  verb: 'publish' | 'change',
): Desk {
  const id = str(body, 'deskId');
  if (id.trim() === '') throw badRequest('deskId', 'deskId is required');
  const desk = desks.find((d) => d.id === id);
  if (!desk || !caller.access.deskIds.includes(desk.id as DeskId))
    throw forbidden(`only the desk’s members ${verb} its driftsmeldinger`);
  return desk;
}

/** undefined when absent, null when not an ISO date and time (the rules report it at its field). */
function instant(body: Record<string, unknown>, name: string): Date | null | undefined {
  const raw = str(body, name).trim();
  if (raw === '') return undefined;
  const t = Date.parse(raw);
  return /^\d{4}-\d{2}-\d{2}T/.test(raw) && !Number.isNaN(t) ? new Date(t) : null;
}

/**
 * Checked by the same rules as the channel form (`shared/notices/rules.ts`), then stored with one post
 * per notice channel of the desk (the tab form has no channel choice) in the same store write.
 */
export function createNoticeHandler(ctx: TabContext) {
  return authed(ctx, async (req, res, caller, desks) => {
    const body = await jsonBody(req);
    const desk = memberDesk(body, caller, desks, 'publish');
    const services = body.serviceIds ?? [];
    if (!Array.isArray(services) || !services.every((s) => typeof s === 'string'))
      throw badRequest('serviceIds', 'serviceIds must be a list of service ids');
    const expectedEndAt = instant(body, 'expectedEndAt');
    const draft: NoticeDraft = {
      kind: str(body, 'kind'),
      serviceIds: services as string[],
      title: str(body, 'title'),
      text: str(body, 'text'),
      startsAt: instant(body, 'startsAt') ?? null,
      ...(expectedEndAt !== undefined ? { expectedEndAt } : {}),
      shortNoticeReason: str(body, 'shortNoticeReason'),
    };
    const now = ctx.deps.now();
    const catalogue = (await ctx.deps.store.desks.listServices(desk.id)).map((s) => s.id as string);
    const problem = checkNoticeDraft(draft, { now, serviceIds: catalogue })[0];
    if (problem) throw badRequest(API_FIELD[problem.field], why(problem));
    const notice = openNotice(draft, {
      id: noticeId(`n-${randomUUID()}`),
      deskId: desk.id,
      now,
      actor: { kind: 'user', id: caller.principal.id, name: caller.name },
      channelKeys: desk.noticeChannels.map(channelKey),
    });
    const saved = await ctx.deps.store.notices.create(
      notice,
      (await ctx.deps.outboxForNotice?.(notice)) ?? [],
    );
    sendJson(res, 201, saved.value);
  });
}

export type NoticeChangeKind = 'update' | 'resolve';

/**
 * Who changed which notice how, for the messages the change causes (every posted copy edited in place,
 * a reply under each, and on "Løst" the reporters of linked cases told).
 */
export interface NoticeChange {
  kind: NoticeChangeKind;
  by: { id: string; name: string };
  at: Date;
}

/** The dependency the bot wires for notice changes (absent: nothing is posted). */
export type OutboxForNoticeChange = (
  notice: Notice,
  change: NoticeChange,
) => Promise<OutboxMessage[]> | OutboxMessage[];

/** A 409 with the notice as it is now, so the tab shows it instead of the stale one. */
function sendConflict(res: Parameters<typeof sendJson>[0], current: Notice): void {
  sendJson(res, 409, {
    error: { code: 'CONFLICT', message: 'the notice changed since it was read' },
    current,
  });
}

/** `POST /api/notices/:id/update|resolve` (see the module comment). */
export function changeNoticeHandler(ctx: TabContext, kind: NoticeChangeKind) {
  return authed(ctx, async (req, res, caller, desks) => {
    const body = await jsonBody(req);
    const desk = memberDesk(body, caller, desks, 'change');
    const found = await ctx.deps.store.notices.get(noticeId(paramOf(req, 'id')), desk.id);
    if (!found) throw notFound('no such notice');
    const seen = str(body, 'version');
    if (seen === '') throw badRequest('version', 'version (noticeVersion of the notice seen) is required');
    if (seen !== noticeVersion(found.value)) return sendConflict(res, found.value);
    if (found.value.status !== 'active')
      throw new FristvaktError('ILLEGAL_TRANSITION', 'the notice is resolved');
    const now = ctx.deps.now();
    let next: Notice;
    try {
      if (kind === 'update') {
        const end = instant(body, 'expectedEndAt');
        if (end === null) throw badRequest('expectedEndAt', 'expectedEndAt must be an ISO date and time');
        next = updateNotice(
          found.value,
          { text: str(body, 'text'), ...(end ? { expectedEndAt: end } : {}) },
          now,
        );
      } else next = resolveNotice(found.value, now, str(body, 'text'));
    } catch (err) {
      // The notice rules name their own fields ('end'); the API names the request's.
      if (isFristvaktError(err, 'VALIDATION') && err.details.field === 'end')
        throw badRequest('expectedEndAt', err.message);
      throw err;
    }
    const outboxFor = ctx.deps.outboxForNoticeChange;
    const change: NoticeChange = { kind, by: { id: caller.principal.id, name: caller.name }, at: now };
    try {
      const saved = await ctx.deps.store.notices.update(
        next,
        found.version,
        (await outboxFor?.(next, change)) ?? [],
      );
      sendJson(res, 200, saved.value);
    } catch (err) {
      if (!isFristvaktError(err, 'CONFLICT')) throw err;
      const current = await ctx.deps.store.notices.get(found.value.id, desk.id);
      sendConflict(res, current?.value ?? found.value);
    }
  });
}
