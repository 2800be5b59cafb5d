/** `driftsmeldinger`: the active service notices of every desk. */
import type { Locale } from '../../shared/i18n-text';
import type { NoticeKind } from '../../shared/notices/model';
import { formatDateTime } from '../../shared/dates';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, container, heading, text, type CardJson } from './card';

export interface NoticesListData {
  locale: Locale;
  notices: Array<{
    kind: NoticeKind;
    title: string;
    text: string;
    deskName: string;
    serviceNames: string[];
    startsAt: Date;
    expectedEndAt?: Date;
  }>;
}

export function noticesListCard(d: NoticesListData): CardJson {
  const s = strings(d.locale);
  if (d.notices.length === 0) return card([heading(s.notices.title), text(s.notices.none)]);
  return card([
    heading(s.notices.title),
    ...d.notices.map((n) =>
      container(
        [
          text(`${s.notices.kind[n.kind]}: ${plainTextForCard(n.title)}`, {
            weight: 'bolder',
            color: n.kind === 'planned_maintenance' ? 'default' : 'warning',
          }),
          text(plainTextForCard(`${n.deskName} · ${n.serviceNames.join(', ')}`), {
            isSubtle: true,
            size: 'small',
            spacing: 'none',
          }),
          text(plainTextForCard(n.text), { spacing: 'small' }),
          text(
            `${formatDateTime(n.startsAt, d.locale)}${n.expectedEndAt ? ` – ${formatDateTime(n.expectedEndAt, d.locale)}` : ''}`,
            { isSubtle: true, size: 'small' },
          ),
        ],
        { separator: true },
      ),
    ),
  ]);
}
