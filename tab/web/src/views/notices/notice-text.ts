/** The words of a driftsmelding's kind, and an Oslo date and time from the Norwegian date and time fields. */
import type { LocalizedText } from '../../../../../shared/i18n-text';
import type { NoticeKind } from '../../../../../shared/notices/model';
import { osloLocalToIso } from '../../text';

export const KIND_TEXT: Record<NoticeKind, LocalizedText> = {
  outage: { nb: 'Driftsavbrudd', en: 'Outage' },
  degraded: { nb: 'Redusert drift', en: 'Degraded service' },
  planned_maintenance: { nb: 'Planlagt vedlikehold', en: 'Planned maintenance' },
};
export const KINDS = Object.keys(KIND_TEXT) as NoticeKind[];

/** `yyyy-mm-dd` + `HH:mm` read as Oslo time → an ISO instant; '' when either is missing. */
export const osloIso = (date: string, time: string): string =>
  date && time ? osloLocalToIso(`${date}T${time}`) : '';
