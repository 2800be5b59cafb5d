/**
 * Shown before a case is created when the chosen service has active driftsmeldinger: "Dette gjelder meg
 * også" links the report to the notice (and its hovedsak), "Meld ny feil" creates a separate case.
 * The form's answers ride along in the actions' data (this card has no inputs of its own).
 */
import type { Locale } from '../../shared/i18n-text';
import type { NoticeKind } from '../../shared/notices/model';
import { formatDateTime } from '../../shared/dates';
import { plainTextForCard } from '../../shared/text';
import { strings } from '../i18n/strings';
import { card, container, execute, heading, text, type CardJson, type Json } from './card';
import type { FaultFormValues } from './fault-form';
import { VERBS } from './verbs';

export interface NoticeChoiceData {
  locale: Locale;
  clientKey: string;
  serviceName: string;
  notices: Array<{ id: string; kind: NoticeKind; title: string; text: string; expectedEndAt?: Date }>;
  values: FaultFormValues;
}

export function noticeChoiceCard(d: NoticeChoiceData): CardJson {
  const s = strings(d.locale);
  const form = d.values as Record<string, Json>;
  return card(
    [
      heading(s.notice.title),
      text(s.notice.intro(plainTextForCard(d.serviceName))),
      ...d.notices.map((n) =>
        container(
          [
            text(`${s.notices.kind[n.kind]}: ${plainTextForCard(n.title)}`, { weight: 'bolder' }),
            text(plainTextForCard(n.text), { spacing: 'small' }),
            ...(n.expectedEndAt
              ? [
                  text(s.notice.expectedEnd(formatDateTime(n.expectedEndAt, d.locale)), {
                    isSubtle: true,
                    size: 'small',
                  }),
                ]
              : []),
            {
              type: 'ActionSet',
              actions: [
                execute(
                  s.notice.joinButton,
                  VERBS.faultJoinNotice,
                  { clientKey: d.clientKey, noticeId: n.id, form },
                  { style: 'positive' },
                ),
              ],
            },
          ],
          { style: 'emphasis', separator: true },
        ),
      ),
    ],
    [execute(s.notice.newButton, VERBS.faultSubmitNew, { clientKey: d.clientKey, form })],
  );
}
