/** A proactive note to the reporter about their case (taken, waiting on a supplier, resumed, closed). */
import type { Locale } from '../../shared/i18n-text';
import { strings } from '../i18n/strings';
import { card, execute, text, type CardJson } from './card';
import { VERBS } from './verbs';

export interface CaseUpdateData {
  locale: Locale;
  ref: string;
  message: string;
}

export function caseUpdateCard(d: CaseUpdateData): CardJson {
  const s = strings(d.locale);
  return card([text(d.message)], [execute(s.update.open, VERBS.caseShow, { ref: d.ref })]);
}
