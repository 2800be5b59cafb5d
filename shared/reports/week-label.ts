/**
 * Week names people read: an ISO week `2026-W49` is "uke 49" ("week 49"); with the year when a report
 * spans more than one ("uke 1 2027"). Used by the SLA report's CSV and the tab's dashboard.
 */
import type { Locale } from '../i18n-text';

export function weekLabel(isoWeek: string, locale: Locale, withYear = false): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!m) return isoWeek;
  const word = locale === 'nb' ? 'uke' : 'week';
  return `${word} ${Number(m[2])}${withYear ? ` ${m[1]}` : ''}`;
}

/** Whether a list of ISO weeks spans more than one year (then each label names its year). */
export function spansYears(isoWeeks: readonly string[]): boolean {
  return new Set(isoWeeks.map((w) => w.slice(0, 4))).size > 1;
}
