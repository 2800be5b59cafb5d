/**
 * A published driftsmelding as posted in each chosen channel: kind, headline, status, affected services,
 * start, expected end (or when it was resolved), the latest word, and the hovedsak. While active, desk
 * members may update it (new text, new expected end: every copy is edited in place) or mark it "Løst".
 */
import { plainTextForCard } from '../../../shared/text';
import type { Locale } from '../../../shared/i18n-text';
import type { NoticeKind, NoticeStatus } from '../../../shared/notices/model';
import { card, container, execute, facts, text, type CardElement, type CardJson, type Json } from '../card';
import { VERBS } from '../verbs';
import { NOTICE_INPUTS, NOTICE_LIMITS } from './notice-form';
import { strings } from '../../i18n/strings';

export interface NoticeCardData {
  locale: Locale;
  id: string;
  deskId: string;
  /** What the desk last saw (status, end, text): actions carry it, so a stale card does not overwrite a newer update. */
  version: string;
  kind: NoticeKind;
  status: NoticeStatus;
  title: string;
  text: string;
  deskName: string;
  services: string[];
  startsAt: string;
  expectedEndAt?: string;
  resolvedAt?: string;
  shortNoticeReason?: string;
  caseRef?: string;
  linkedCount: number;
  banner?: { text: string; tone: 'good' | 'warning' | 'attention' };
  /** Show the desk's buttons (active notices only). */
  actions: boolean;
}

export function noticeCard(d: NoticeCardData): CardJson {
  const s = strings(d.locale).channel.notice;
  const resolved = d.status === 'resolved';
  // As Adaptive Cards mean the styles: an outage needs attention, degraded service a warning, planned
  // maintenance is information; text keeps the default colour so it reads on every Teams theme.
  const style = resolved
    ? 'good'
    : d.kind === 'outage'
      ? 'attention'
      : d.kind === 'degraded'
        ? 'warning'
        : 'accent';
  const pairs: Array<[string, string]> = [
    [s.affected, plainTextForCard(d.services.join(', '))],
    [s.start, d.startsAt],
    resolved ? [s.resolvedAt, d.resolvedAt ?? ''] : [s.expectedEnd, d.expectedEndAt ?? s.unknownEnd],
  ];
  if (d.caseRef) pairs.push([s.hovedsak, plainTextForCard(d.caseRef)]);
  const body: CardElement[] = [
    ...(d.banner
      ? [container([text(plainTextForCard(d.banner.text))], { style: d.banner.tone, id: 'banner' })]
      : []),
    container(
      [
        text(`${s.kinds[d.kind]} · ${s.status[d.status]} · ${plainTextForCard(d.deskName)}`, {
          weight: 'bolder',
          id: 'noticeState',
        }),
        text(plainTextForCard(d.title), { size: 'medium', weight: 'bolder', spacing: 'none' }),
      ],
      { style, bleed: true },
    ),
    facts(pairs),
    text(plainTextForCard(d.text), { id: 'noticeText' }),
    ...(d.shortNoticeReason
      ? [
          text(`${s.shortNoticeReason}: ${plainTextForCard(d.shortNoticeReason)}`, {
            isSubtle: true,
            size: 'small',
          }),
        ]
      : []),
    ...(d.linkedCount > 0 ? [text(s.linkedCases(d.linkedCount), { isSubtle: true, size: 'small' })] : []),
  ];
  const data: Record<string, Json> = { id: d.id, deskId: d.deskId, version: d.version };
  const actions: CardElement[] =
    d.actions && !resolved
      ? [
          {
            type: 'Action.ShowCard',
            title: s.update,
            card: {
              type: 'AdaptiveCard',
              body: [
                {
                  type: 'Input.Text',
                  id: NOTICE_INPUTS.updateText,
                  label: s.updateText,
                  isMultiline: true,
                  isRequired: true,
                  errorMessage: s.field.required,
                  maxLength: NOTICE_LIMITS.text,
                  value: d.text,
                },
                { type: 'Input.Date', id: NOTICE_INPUTS.updateEndDate, label: s.endDate },
                { type: 'Input.Time', id: NOTICE_INPUTS.updateEndTime, label: s.endTime },
              ],
              actions: [execute(s.update, VERBS.noticeUpdate, data)],
            },
          },
          {
            type: 'Action.ShowCard',
            title: s.resolve,
            card: {
              type: 'AdaptiveCard',
              body: [
                {
                  type: 'Input.Text',
                  id: NOTICE_INPUTS.resolveText,
                  label: s.resolveText,
                  isMultiline: true,
                  maxLength: NOTICE_LIMITS.text,
                },
              ],
              actions: [execute(s.resolve, VERBS.noticeResolve, data, { style: 'positive' })],
            },
          },
        ]
      : [];
  return card(body, actions);
}
