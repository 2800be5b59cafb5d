/** Where a listed case is when an operations supplier holds it: " · <name>" and the whole of it as a tooltip. */
import type { Locale } from '../../../../../shared/i18n-text';
import type { CaseRow } from '../../../../common/api-types';
import { formatDateTime, type TextKey } from '../../text';

export function supplierNote(
  r: CaseRow,
  t: (k: TextKey) => string,
  locale: Locale,
): { short: string; full: string } | null {
  const s = r.supplier;
  if (!s) return null;
  return {
    short: ` · ${s.name}`,
    full:
      `${t('supplierHeldBy')}: ${s.name} ${t('supplierSince')} ${formatDateTime(s.since, locale)}` +
      (s.caseNumber ? `, ${t('supplierCaseNumber')} ${s.caseNumber}` : '') +
      `, ${t('supplierLastContact')} ${formatDateTime(s.lastContactAt, locale)}`,
  };
}
