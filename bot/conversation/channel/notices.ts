/**
 * Driftsmeldinger in channels: the form (from `@Fristvakt ny driftsmelding` or a case card) and the
 * card of a notice. The messages a notice causes are built in `bot/messages/notice-messages.ts`.
 */
import { randomUUID } from 'node:crypto';
import type { Desk } from '../../../shared/desks/model';
import type { Locale } from '../../../shared/i18n-text';
import type { Notice } from '../../../shared/notices/model';
import type { CardJson } from '../../cards/card';
import type { NoticeCardData } from '../../cards/channel/notice-card';
import { noticeForm, type NoticeFormData } from '../../cards/channel/notice-form';
import { formatDateTime, osloDateAndTime } from '../../../shared/dates';
import type { CatalogueSnapshot } from '../../../shared/app/catalogue';
import { type Turn } from '../turn';
import { channelKey } from '../../../shared/conversation-keys';

export const channelName = (desk: Desk, key: string): string => {
  const ch = [...desk.noticeChannels, ...(desk.triageChannel ? [desk.triageChannel] : [])].find(
    (c) => channelKey(c) === key,
  );
  return ch?.name ?? ch?.channelId ?? key;
};

/**
 * The empty form for `desk` (start: now, Oslo time), optionally from a case: its service and title,
 * and for a supplier's incident its text and when it began (seed 001 M.2.1.6).
 */
export function newNoticeForm(
  turn: Turn,
  desk: Desk,
  from?: { caseRef: string; serviceId: string; title: string; text?: string; startedAt?: Date },
): CardJson {
  const start = osloDateAndTime(from?.startedAt ?? turn.now);
  return noticeForm(
    noticeFormData(
      turn,
      desk,
      randomUUID(),
      {
        startDate: start.date,
        startTime: start.time,
        ...(from ? { services: from.serviceId, title: from.title } : {}),
        ...(from?.text ? { text: from.text } : {}),
      },
      from?.caseRef,
    ),
  );
}

export function noticeFormData(
  turn: Turn,
  desk: Desk,
  noticeId: string,
  values: NoticeFormData['values'],
  caseRef?: string,
  errors?: NoticeFormData['errors'],
): NoticeFormData {
  return {
    locale: turn.locale,
    deskId: desk.id,
    deskName: desk.name,
    noticeId,
    ...(caseRef ? { caseRef } : {}),
    services: turn.catalogue.servicesOf(desk.id).map((s) => [s.id, s.name] as [string, string]),
    channels: desk.noticeChannels.map((c) => [channelKey(c), c.name ?? c.channelId] as [string, string]),
    values,
    ...(errors ? { errors } : {}),
  };
}

/**
 * The version a notice card carries: what the desk edits (status, expected end, text). Linking a case
 * to the notice (a reporter's "Dette gjelder meg også") does not make the desk's cards stale.
 */
export function noticeCardVersion(n: Notice): string {
  let h = 0x811c9dc5;
  for (const ch of `${n.status}|${n.expectedEndAt ?? ''}|${n.text}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

export function noticeCardData(
  n: Notice,
  desk: Desk,
  catalogue: CatalogueSnapshot,
  locale: Locale,
  actions: boolean,
  banner?: NoticeCardData['banner'],
): NoticeCardData {
  const fmt = (iso: string): string => formatDateTime(new Date(iso), locale);
  return {
    locale,
    id: n.id,
    deskId: n.deskId,
    version: noticeCardVersion(n),
    kind: n.kind,
    status: n.status,
    title: n.title,
    text: n.text,
    deskName: desk.name,
    services: n.serviceIds.map((id) => catalogue.service(id)?.name ?? id),
    startsAt: fmt(n.startsAt),
    ...(n.expectedEndAt ? { expectedEndAt: fmt(n.expectedEndAt) } : {}),
    ...(n.resolvedAt ? { resolvedAt: fmt(n.resolvedAt) } : {}),
    ...(n.shortNoticeReason ? { shortNoticeReason: n.shortNoticeReason } : {}),
    ...(n.caseRef ? { caseRef: n.caseRef } : {}),
    linkedCount: n.linkedCaseRefs.length,
    actions,
    ...(banner ? { banner } : {}),
  };
}
