/**
 * Driftsmeldinger: the pure rules. A draft is checked field by field (the card shows each problem at
 * its field); planned maintenance must be announced at least 3 days (72 hours) before it starts, "so far
 * as practically possible" (seed 004 §6.2): a shorter notice needs a reason. A notice is active until
 * resolved; an update changes its text or expected end while active; resolving closes it for good.
 */
import { FristvaktError } from '../errors';
import { isoInstant, type CaseRef, type DeskId, type NoticeId, type ServiceId } from '../ids';
import type { Actor } from '../cases/model';
import type { Notice, NoticeKind } from './model';

export const NOTICE_KINDS: readonly NoticeKind[] = ['outage', 'degraded', 'planned_maintenance'];
/** Seed 004 §6.2: planned downtime is announced at least 3 days ahead. */
export const PLANNED_NOTICE_MS = 3 * 24 * 60 * 60 * 1000;
export const NOTICE_TEXT_LIMITS = { title: 120, text: 2000, shortNoticeReason: 500 } as const;

export interface NoticeDraft {
  kind: string;
  serviceIds: string[];
  title: string;
  text: string;
  /** null when the input could not be read as a date and time. */
  startsAt: Date | null;
  /** undefined when not given; null when given but unreadable. */
  expectedEndAt?: Date | null;
  shortNoticeReason?: string;
}

export type NoticeField = 'kind' | 'services' | 'title' | 'text' | 'start' | 'end' | 'shortNoticeReason';
export type NoticeProblem =
  | { field: NoticeField; problem: 'required' | 'unknown_choice' | 'bad_date' }
  | { field: NoticeField; problem: 'too_long'; max: number }
  | { field: 'shortNoticeReason'; problem: 'short_notice' }
  | { field: 'start'; problem: 'start_in_past' }
  | { field: 'end'; problem: 'end_before_start' };

/** Whether planned maintenance starting at `startsAt` is announced less than 3 days ahead of `now`. */
export const isShortNotice = (kind: string, startsAt: Date, now: Date): boolean =>
  kind === 'planned_maintenance' && startsAt.getTime() - now.getTime() < PLANNED_NOTICE_MS;

/** Every problem of a draft, at most one per field; empty when it may be published. */
export function checkNoticeDraft(
  d: NoticeDraft,
  ctx: { now: Date; serviceIds: readonly string[] },
): NoticeProblem[] {
  const out: NoticeProblem[] = [];
  const textField = (field: NoticeField, v: string, max: number, required: boolean): void => {
    if (required && v.trim() === '') out.push({ field, problem: 'required' });
    else if (v.length > max) out.push({ field, problem: 'too_long', max });
  };
  if (!NOTICE_KINDS.includes(d.kind as NoticeKind))
    out.push({ field: 'kind', problem: d.kind ? 'unknown_choice' : 'required' });
  if (d.serviceIds.length === 0) out.push({ field: 'services', problem: 'required' });
  else if (d.serviceIds.some((id) => !ctx.serviceIds.includes(id)))
    out.push({ field: 'services', problem: 'unknown_choice' });
  textField('title', d.title, NOTICE_TEXT_LIMITS.title, true);
  textField('text', d.text, NOTICE_TEXT_LIMITS.text, true);
  const reason = d.shortNoticeReason ?? '';
  textField('shortNoticeReason', reason, NOTICE_TEXT_LIMITS.shortNoticeReason, false);
  if (d.startsAt === null) out.push({ field: 'start', problem: 'bad_date' });
  else if (d.kind === 'planned_maintenance' && d.startsAt.getTime() < ctx.now.getTime() - 60_000)
    out.push({ field: 'start', problem: 'start_in_past' });
  else if (isShortNotice(d.kind, d.startsAt, ctx.now) && reason.trim() === '')
    out.push({ field: 'shortNoticeReason', problem: 'short_notice' });
  if (d.expectedEndAt === null) out.push({ field: 'end', problem: 'bad_date' });
  else if (d.expectedEndAt && d.startsAt && d.expectedEndAt.getTime() <= d.startsAt.getTime())
    out.push({ field: 'end', problem: 'end_before_start' });
  return out;
}

export interface OpenNoticeContext {
  id: NoticeId;
  deskId: DeskId;
  now: Date;
  actor: Actor;
  caseRef?: CaseRef;
  /** The channels to publish to (conversation keys). */
  channelKeys: string[];
}

/** The active notice of a checked draft (call `checkNoticeDraft` first: this throws on a bad one). */
export function openNotice(d: NoticeDraft, ctx: OpenNoticeContext): Notice {
  const problems = checkNoticeDraft(d, { now: ctx.now, serviceIds: d.serviceIds });
  const first = problems[0];
  if (first || !d.startsAt)
    throw new FristvaktError(
      'VALIDATION',
      `notice draft: ${first?.field ?? 'start'} ${first?.problem ?? 'bad_date'}`,
      {
        field: first?.field ?? 'start',
      },
    );
  const now = isoInstant(ctx.now);
  const reason = d.shortNoticeReason?.trim();
  return {
    id: ctx.id,
    deskId: ctx.deskId,
    kind: d.kind as NoticeKind,
    status: 'active',
    serviceIds: d.serviceIds as ServiceId[],
    title: d.title.trim(),
    text: d.text.trim(),
    startsAt: isoInstant(d.startsAt),
    ...(d.expectedEndAt ? { expectedEndAt: isoInstant(d.expectedEndAt) } : {}),
    ...(reason && isShortNotice(d.kind, d.startsAt, ctx.now) ? { shortNoticeReason: reason } : {}),
    ...(ctx.caseRef ? { caseRef: ctx.caseRef } : {}),
    linkedCaseRefs: ctx.caseRef ? [ctx.caseRef] : [],
    posted: [],
    channelKeys: [...new Set(ctx.channelKeys)],
    createdAt: now,
    createdBy: ctx.actor,
    updatedAt: now,
  };
}

const mustBeActive = (n: Notice, what: string): void => {
  if (n.status !== 'active')
    throw new FristvaktError('ILLEGAL_TRANSITION', `cannot ${what} a resolved notice`, { from: n.status });
};

/** An update while active: new text (appended as the latest word) and/or a new expected end. */
export function updateNotice(n: Notice, change: { text: string; expectedEndAt?: Date }, now: Date): Notice {
  mustBeActive(n, 'update');
  const text = change.text.trim();
  if (text === '') throw new FristvaktError('VALIDATION', 'update text must not be empty', { field: 'text' });
  if (text.length > NOTICE_TEXT_LIMITS.text)
    throw new FristvaktError('VALIDATION', 'update text too long', { field: 'text' });
  if (change.expectedEndAt && change.expectedEndAt.getTime() <= Date.parse(n.startsAt))
    throw new FristvaktError('VALIDATION', 'expected end before start', { field: 'end' });
  return {
    ...n,
    text,
    ...(change.expectedEndAt ? { expectedEndAt: isoInstant(change.expectedEndAt) } : {}),
    updatedAt: isoInstant(now),
  };
}

/** "Løst": the notice is closed everywhere; an optional closing text replaces the last word. */
export function resolveNotice(n: Notice, now: Date, text?: string): Notice {
  mustBeActive(n, 'resolve');
  const closing = text?.trim();
  return {
    ...n,
    status: 'resolved',
    resolvedAt: isoInstant(now),
    ...(closing ? { text: closing.slice(0, NOTICE_TEXT_LIMITS.text) } : {}),
    updatedAt: isoInstant(now),
  };
}
