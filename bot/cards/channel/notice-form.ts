/**
 * The driftsmelding form: kind, affected services, headline, start, expected end, the message, a
 * reason for short notice (planned maintenance under 3 days ahead), and the desk's notice channels to
 * publish to. The server checks it and re-renders it with the answers kept and a message at each bad
 * field. `noticeId` is made when the form is first shown, so a replayed publish creates nothing twice.
 */
import { plainTextForCard } from '../../../shared/text';
import type { Locale } from '../../../shared/i18n-text';
import type { NoticeField } from '../../../shared/notices/rules';
import { card, container, execute, heading, text, type CardElement, type CardJson, type Json } from '../card';
import { VERBS } from '../verbs';
import { strings } from '../../i18n/strings';

/** The ids and limits of the driftsmelding form's inputs, read back by the notice handlers. */
export const NOTICE_INPUTS = {
  kind: 'noticeKind',
  services: 'noticeServices',
  title: 'noticeTitle',
  startDate: 'noticeStartDate',
  startTime: 'noticeStartTime',
  endDate: 'noticeEndDate',
  endTime: 'noticeEndTime',
  text: 'noticeText',
  shortNoticeReason: 'noticeShortReason',
  channels: 'noticeChannels',
  updateText: 'noticeUpdateText',
  updateEndDate: 'noticeUpdateEndDate',
  updateEndTime: 'noticeUpdateEndTime',
  resolveText: 'noticeResolveText',
} as const;
export type NoticeInputId = (typeof NOTICE_INPUTS)[keyof typeof NOTICE_INPUTS];

export const NOTICE_LIMITS = { title: 120, text: 2000, shortNoticeReason: 500 } as const;

export interface NoticeFormValues {
  kind?: string;
  services?: string;
  title?: string;
  startDate?: string;
  startTime?: string;
  endDate?: string;
  endTime?: string;
  text?: string;
  shortNoticeReason?: string;
  channels?: string;
}

export interface NoticeFormData {
  locale: Locale;
  deskId: string;
  deskName: string;
  noticeId: string;
  /** The case the notice is made from (its hovedsak). */
  caseRef?: string;
  services: Array<[string, string]>;
  /** The desk's notice channels as [conversation key, name]. */
  channels: Array<[string, string]>;
  values: NoticeFormValues;
  /** A message per bad field. */
  errors?: Partial<Record<NoticeField | 'channels', string>>;
}

export function noticeForm(d: NoticeFormData): CardJson {
  const s = strings(d.locale).channel.notice;
  const v = d.values;
  const err = (field: NoticeField | 'channels'): CardElement[] =>
    d.errors?.[field]
      ? [
          text(plainTextForCard(d.errors[field] ?? ''), {
            color: 'attention',
            size: 'small',
            spacing: 'none',
            id: `${field}Error`,
          }),
        ]
      : [];
  const val = (x: string | undefined): Record<string, Json> => (x !== undefined ? { value: x } : {});
  const choiceSet = (
    id: string,
    label: string,
    options: Array<[string, string]>,
    extra: Record<string, Json>,
  ) => ({
    type: 'Input.ChoiceSet',
    id,
    label,
    choices: options.map(([value, title]) => ({ title: plainTextForCard(title), value })),
    ...extra,
  });
  const kinds: Array<[string, string]> = (['outage', 'degraded', 'planned_maintenance'] as const).map((k) => [
    k,
    s.kinds[k],
  ]);
  const body: CardElement[] = [
    heading(`${s.formTitle} · ${plainTextForCard(d.deskName)}`),
    text(s.formIntro, { isSubtle: true, spacing: 'none' }),
    ...(d.errors && Object.keys(d.errors).length > 0
      ? [container([text(s.fixErrors, { color: 'attention', weight: 'bolder' })], { style: 'attention' })]
      : []),
    choiceSet(NOTICE_INPUTS.kind, s.kind, kinds, {
      style: 'expanded',
      isRequired: true,
      errorMessage: s.field.required,
      ...val(v.kind ?? 'outage'),
    }),
    ...err('kind'),
    choiceSet(NOTICE_INPUTS.services, s.services, d.services, {
      isMultiSelect: true,
      style: 'filtered',
      isRequired: true,
      errorMessage: s.field.required,
      ...val(v.services),
    }),
    ...err('services'),
    {
      type: 'Input.Text',
      id: NOTICE_INPUTS.title,
      label: s.title,
      placeholder: s.titlePlaceholder,
      maxLength: NOTICE_LIMITS.title,
      isRequired: true,
      errorMessage: s.field.required,
      ...val(v.title),
    },
    ...err('title'),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.Date',
              id: NOTICE_INPUTS.startDate,
              label: s.startDate,
              isRequired: true,
              errorMessage: s.field.required,
              ...val(v.startDate),
            },
          ],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'Input.Time',
              id: NOTICE_INPUTS.startTime,
              label: s.startTime,
              isRequired: true,
              errorMessage: s.field.required,
              ...val(v.startTime),
            },
          ],
        },
      ],
    },
    ...err('start'),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [{ type: 'Input.Date', id: NOTICE_INPUTS.endDate, label: s.endDate, ...val(v.endDate) }],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [{ type: 'Input.Time', id: NOTICE_INPUTS.endTime, label: s.endTime, ...val(v.endTime) }],
        },
      ],
    },
    ...err('end'),
    {
      type: 'Input.Text',
      id: NOTICE_INPUTS.text,
      label: s.text,
      placeholder: s.textPlaceholder,
      isMultiline: true,
      maxLength: NOTICE_LIMITS.text,
      isRequired: true,
      errorMessage: s.field.required,
      ...val(v.text),
    },
    ...err('text'),
    {
      type: 'Input.Text',
      id: NOTICE_INPUTS.shortNoticeReason,
      label: s.shortNoticeReason,
      maxLength: NOTICE_LIMITS.shortNoticeReason,
      ...val(v.shortNoticeReason),
    },
    text(s.shortNoticeHint, { isSubtle: true, size: 'small', spacing: 'none' }),
    ...err('shortNoticeReason'),
    ...(d.channels.length > 0
      ? [
          choiceSet(NOTICE_INPUTS.channels, s.channels, d.channels, {
            isMultiSelect: true,
            style: 'expanded',
            isRequired: true,
            errorMessage: s.field.required,
            value: v.channels ?? d.channels.map(([key]) => key).join(','),
          }),
        ]
      : [text(s.noChannels, { color: 'warning' })]),
    ...err('channels'),
  ];
  const data: Record<string, Json> = {
    deskId: d.deskId,
    noticeId: d.noticeId,
    ...(d.caseRef ? { caseRef: d.caseRef } : {}),
  };
  return card(
    body,
    d.channels.length > 0 ? [execute(s.publish, VERBS.noticePublish, data, { style: 'positive' })] : [],
  );
}
