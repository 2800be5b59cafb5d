/**
 * Dates and times in Oslo time, for every surface (the bot's cards and messages, the tab): formatting in
 * a locale, and reading a wall-clock date and time back. Pure: Intl only, no clock; always in the
 * Europe/Oslo zone.
 */
import type { Locale } from './i18n-text';

const ZONE = 'Europe/Oslo';

/**
 * The formatters, each made on its first use: making the first one loads ICU's date and zone data
 * (tens of milliseconds in a browser), which a module that only imports this one must not pay for on
 * load (the tab's boot script runs before the page is parsed).
 */
function madeOnUse(make: () => Intl.DateTimeFormat): () => Intl.DateTimeFormat {
  let made: Intl.DateTimeFormat | undefined;
  return () => (made ??= make());
}

/** A formatter of `options` in Oslo time for each locale (nb-NO, en-GB), each made on its first use. */
function inBothLocales(options: Intl.DateTimeFormatOptions): Record<Locale, () => Intl.DateTimeFormat> {
  const made = (tag: string) => madeOnUse(() => new Intl.DateTimeFormat(tag, { timeZone: ZONE, ...options }));
  return { nb: made('nb-NO'), en: made('en-GB') };
}

const DATE_TIME = inBothLocales({ dateStyle: 'short', timeStyle: 'short' });
const WEEKDAY_DATE_TIME = inBothLocales({
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});
const PARTS = madeOnUse(
  () =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);

/** From here on every zone's offset is whole minutes. */
const WHOLE_MINUTE_ZONES = Date.UTC(1973, 0, 1);

/**
 * `format` remembered by the minute, for a format that shows no seconds: every instant of a minute reads
 * the same (every zone's offset has been whole minutes since Monrovia's changed in January 1972; earlier
 * instants are formatted each time). Formatting is slow and every report's cards format the same few
 * deadlines and times again.
 */
export function rememberByMinute(format: (d: Date) => string): (d: Date) => string {
  const seen = new Map<number, string>();
  return (d) => {
    const t = d.getTime();
    if (!(t >= WHOLE_MINUTE_ZONES)) return format(d);
    const minute = Math.floor(t / 60_000);
    let text = seen.get(minute);
    if (text === undefined) {
      text = format(d);
      if (seen.size >= MINUTES_MAX) seen.clear();
      seen.set(minute, text);
    }
    return text;
  };
}

function byMinute(formats: Record<Locale, () => Intl.DateTimeFormat>): (d: Date, locale: Locale) => string {
  const nb = rememberByMinute((d) => formats.nb().format(d));
  const en = rememberByMinute((d) => formats.en().format(d));
  return (d, locale) => (locale === 'nb' ? nb(d) : en(d));
}

/** `12.03.2026, 14:05` (nb) in Oslo time. */
export const formatDateTime: (d: Date, locale: Locale) => string = byMinute(DATE_TIME);
/** `torsdag 12. mars kl. 14:05` (nb) in Oslo time: deadlines, where the weekday matters. */
export const formatDeadline: (d: Date, locale: Locale) => string = byMinute(WEEKDAY_DATE_TIME);

/** Recent minutes already formatted: `formatToParts` is slow and every report asks for a few. */
const MINUTES = new Map<number, { date: string; time: string }>();
const MINUTES_MAX = 4096;

/** The Oslo wall-clock date `YYYY-MM-DD` and time `HH:mm` of an instant (card defaults). */
export function osloDateAndTime(d: Date): { date: string; time: string } {
  const minute = Math.floor(d.getTime() / 60_000);
  const hit = MINUTES.get(minute);
  if (hit) return hit;
  const p = Object.fromEntries(
    PARTS()
      .formatToParts(new Date(minute * 60_000))
      .map((x) => [x.type, x.value]),
  );
  const value = { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
  if (MINUTES.size >= MINUTES_MAX) MINUTES.clear();
  MINUTES.set(minute, value);
  return value;
}

/** The instant of an Oslo wall-clock date and time; null when not a valid date/time. */
export function fromOslo(date: string, time: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time);
  if (!m || !t) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], t[1], t[2]].map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Oslo is UTC+1 or UTC+2: try both offsets, keep the one that formats back to the same wall clock.
  for (const offsetH of [1, 2]) {
    const candidate = new Date(guess - offsetH * 3_600_000);
    const back = osloDateAndTime(candidate);
    if (back.date === date && back.time === `${t[1]}:${t[2]}`) return candidate;
  }
  return null;
}
