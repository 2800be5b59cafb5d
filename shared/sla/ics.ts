/**
 * Closed and shortened days from an iCalendar file (.ics, RFC 5545), for a desk's calendar. Pure:
 * text in, data out (no I/O, no clock), so the tab can run it on a file the user picks before it is
 * sent, and the API on the body it receives. Parsing and recurrence expansion are ical.js's.
 *
 * How events become days, in the desk's zone, for the local dates `from`…`to` (inclusive):
 * - An all-day event (`DTSTART;VALUE=DATE`) closes every date from its start up to, not including,
 *   its end (`DTEND`; one day when absent): a closed day named by its SUMMARY.
 * - A timed event is closed time: it is cut out of the business periods of each local date it
 *   touches (the weekday's periods from `calendar.week`, or what earlier events left of them).
 *   What is left becomes a shortened day; nothing left, a closed day; an event wholly outside the
 *   day's hours (an evening party) changes nothing. Minutes are whole: a partial minute closes it.
 * - Times: UTC (`…Z`), a `TZID` with its VTIMEZONE in the file (Outlook's "W. Europe Standard
 *   Time"), a `TZID` that is an IANA zone (with or without a VTIMEZONE), or floating (no zone: read
 *   in the desk's zone). Any other `TZID` is skipped with a reason.
 * - Recurrences (RRULE, RDATE, EXDATE, and changed occurrences with RECURRENCE-ID) are expanded up to
 *   `to`, at most `MAX_OCCURRENCES` per event. Cancelled events (`STATUS:CANCELLED`) are skipped.
 * - A date closed by one event is closed even when another only shortens it.
 * Nothing here is added to a calendar: the caller shows the result, then merges it (`mergeDays`).
 */
import ICAL from 'ical.js';
import { ValidationError } from '../errors';
import type { LocalizedText } from '../i18n-text';
import { parseClock, parseLocalDate } from './calendar-validate';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  dayOffsets,
  daysFromCivil,
  formatDay,
  isKnownZone,
  isoWeekday,
  localToInstant,
  zoneOffsetMs,
} from './calendar-zone';
import type { BusinessCalendar, CalendarDay, ShortenedDay, Weekday } from './index';

/** Occurrences read per event at most (a daily rule over ten years is 3 653). */
export const MAX_OCCURRENCES = 5000;

export interface IcsImportOptions {
  /** The desk's calendar: its zone reads floating times, its week gives the hours timed events cut. */
  calendar: Pick<BusinessCalendar, 'zone' | 'week'>;
  /** The first and last local date to import, 'YYYY-MM-DD', inclusive. */
  from: string;
  to: string;
}

export interface IcsSkipped {
  uid?: string;
  summary?: string;
  reason: LocalizedText;
}

export interface IcsDays {
  closedDays: CalendarDay[];
  shortenedDays: ShortenedDay[];
  /** Events left out, each with the reason (shown to whoever imports). */
  skipped: IcsSkipped[];
}

type Minutes = Array<{ from: number; to: number }>;

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** `periods` less the closed minutes [a, b). */
function cut(periods: Minutes, a: number, b: number): Minutes {
  const out: Minutes = [];
  for (const p of periods) {
    if (b <= p.from || a >= p.to) out.push(p);
    else {
      if (a > p.from) out.push({ from: p.from, to: a });
      if (b < p.to) out.push({ from: b, to: p.to });
    }
  }
  return out;
}

const same = (a: Minutes, b: Minutes): boolean =>
  a.length === b.length && a.every((p, i) => p.from === b[i]!.from && p.to === b[i]!.to);

/** The wall-clock fields of an ical.js time as local ms since 1970-01-01T00:00. */
const wallMs = (t: ICAL.Time): number =>
  daysFromCivil(t.year, t.month, t.day) * MS_PER_DAY + ((t.hour * 60 + t.minute) * 60 + t.second) * 1000;

const skippedText = {
  cancelled: { nb: 'Hendelsen er avlyst.', en: 'The event is cancelled.' },
  zone: (tzid: string): LocalizedText => ({
    nb: `Ukjent tidssone «${tzid}» uten definisjon i filen.`,
    en: `Unknown time zone "${tzid}" with no definition in the file.`,
  }),
  empty: { nb: 'Hendelsen varer ikke noe.', en: 'The event has no duration.' },
  noStart: { nb: 'Hendelsen mangler starttid (DTSTART).', en: 'The event has no start (DTSTART).' },
  many: {
    nb: `Hendelsen gjentas mer enn ${MAX_OCCURRENCES} ganger; resten er utelatt.`,
    en: `The event repeats more than ${MAX_OCCURRENCES} times; the rest is left out.`,
  },
} as const;

/**
 * The closed and shortened days the events of `text` give. Throws `ValidationError` (field `ics`)
 * when the text is not an iCalendar, `ValidationError` naming `from`/`to`/`calendar.…` for bad options.
 */
export function importIcsDays(text: string, options: IcsImportOptions): IcsDays {
  const first = parseLocalDate(options.from, 'from');
  const last = parseLocalDate(options.to, 'to');
  if (last < first)
    throw new ValidationError('to', `to (${options.to}) must not be before from (${options.from})`);
  const zone = options.calendar.zone;
  if (typeof zone !== 'string' || !isKnownZone(zone))
    throw new ValidationError(
      'calendar.zone',
      `calendar.zone must be a known IANA zone, got ${JSON.stringify(zone)}`,
    );
  const week: Minutes[] = [[], [], [], [], [], [], [], []];
  for (const [key, list] of Object.entries(options.calendar.week ?? {})) {
    const field = `calendar.week.${key}`;
    week[Number(key)] = (list ?? [])
      .map((p, i) => ({
        from: parseClock(p.from, `${field}[${i}].from`, false),
        to: parseClock(p.to, `${field}[${i}].to`, true),
      }))
      .sort((a, b) => a.from - b.from);
  }

  let root: ICAL.Component;
  try {
    const parsed: unknown = ICAL.parse(text);
    root = new ICAL.Component(parsed as unknown[]);
  } catch (e) {
    throw new ValidationError('ics', `The file is not an iCalendar file: ${(e as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw new ValidationError('ics', 'The file has no VCALENDAR');

  const closed = new Map<number, string[]>();
  const shortened = new Map<number, { periods: Minutes; names: string[] }>();
  const skipped: IcsSkipped[] = [];
  const addName = (names: string[], name: string): void => {
    if (name && !names.includes(name)) names.push(name);
  };
  const close = (day: number, name: string): void => {
    if (day < first || day > last) return;
    const names = closed.get(day) ?? [];
    addName(names, name);
    closed.set(day, names);
  };
  /** Cuts the local minutes [a, b) out of local day `day`. */
  const cutDay = (day: number, a: number, b: number, name: string): void => {
    if (day < first || day > last || closed.has(day)) return;
    const had = shortened.get(day);
    const before = had?.periods ?? week[isoWeekday(day) as Weekday]!;
    const after = cut(before, a, b);
    if (same(before, after)) return;
    if (after.length === 0) {
      shortened.delete(day);
      const names = closed.get(day) ?? [];
      for (const n of had?.names ?? []) addName(names, n);
      addName(names, name);
      closed.set(day, names);
      return;
    }
    const names = had?.names ?? [];
    addName(names, name);
    shortened.set(day, { periods: after, names });
  };

  // Changed occurrences (RECURRENCE-ID) belong to their series; ical.js relates them.
  const vevents = root.getAllSubcomponents('vevent');
  const exceptions = vevents.filter((v) => v.hasProperty('recurrence-id'));
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id')) continue;
    const event = new ICAL.Event(v, {
      exceptions: exceptions.filter((x) => x.getFirstPropertyValue('uid') === v.getFirstPropertyValue('uid')),
    });
    const uid = event.uid ?? undefined;
    const summary = event.summary ?? '';
    const skip = (reason: LocalizedText): void => {
      const s: IcsSkipped = { reason };
      if (uid) s.uid = uid;
      if (summary) s.summary = summary;
      skipped.push(s);
    };
    if (String(v.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      skip(skippedText.cancelled);
      continue;
    }
    if (!v.hasProperty('dtstart')) {
      skip(skippedText.noStart);
      continue;
    }
    // The TZID as written: ical.js resolves it only when the file defines the zone.
    const startTzid = v.getFirstProperty('dtstart')?.getParameter('tzid');
    const endTzid = v.getFirstProperty('dtend')?.getParameter('tzid') ?? startTzid;
    const instant = (t: ICAL.Time, tzid: unknown): number | string => {
      const z = t.zone;
      if (z && z.tzid !== 'floating') return z.tzid === 'UTC' ? wallMs(t) : t.toUnixTime() * 1000;
      const named = typeof tzid === 'string' ? tzid : undefined;
      if (named !== undefined && !isKnownZone(named)) return named;
      const inZone = named ?? zone;
      const local = wallMs(t);
      return localToInstant(inZone, local, dayOffsets(inZone, Math.floor(local / MS_PER_DAY)));
    };

    const lastLocal = (last + 1) * MS_PER_DAY;
    const iterator = event.iterator();
    const firstLocal = (first - 1) * MS_PER_DAY;
    let count = 0;
    let steps = 0;
    let reportedZone = false;
    for (let next = iterator.next(); next; next = iterator.next()) {
      const at = wallMs(next);
      if (at >= lastLocal + MS_PER_DAY) break; // past `to` (a day's margin for zones)
      // Occurrences long before `from` are stepped over, but not forever (a daily rule from 1970).
      if (
        ++steps > 50 * MAX_OCCURRENCES ||
        (at >= firstLocal - 366 * MS_PER_DAY && ++count > MAX_OCCURRENCES)
      ) {
        skip(skippedText.many);
        break;
      }
      const { startDate, endDate, item } = event.getOccurrenceDetails(next);
      const name = item.summary ?? summary;
      if (startDate.isDate) {
        const d0 = daysFromCivil(startDate.year, startDate.month, startDate.day);
        const d1 = endDate ? daysFromCivil(endDate.year, endDate.month, endDate.day) : d0 + 1;
        for (let d = d0; d < Math.max(d1, d0 + 1); d++) close(d, name);
        continue;
      }
      const a = instant(startDate, startTzid);
      const b = endDate ? instant(endDate, endTzid) : a;
      if (typeof a === 'string' || typeof b === 'string') {
        if (!reportedZone) skip(skippedText.zone(typeof a === 'string' ? a : (b as string)));
        reportedZone = true;
        continue;
      }
      if (b <= a) {
        if (count === 1) skip(skippedText.empty);
        continue;
      }
      // Each local day of the desk's zone that [a, b) touches.
      const localA = a + zoneOffsetMs(zone, a);
      const localB = b + zoneOffsetMs(zone, b);
      for (let day = Math.floor(localA / MS_PER_DAY); day * MS_PER_DAY < localB; day++) {
        const s = Math.max(localA - day * MS_PER_DAY, 0);
        const e = Math.min(localB - day * MS_PER_DAY, MS_PER_DAY);
        cutDay(day, Math.floor(s / MS_PER_MINUTE), Math.ceil(e / MS_PER_MINUTE), name);
      }
    }
  }

  const named = (day: number, names: string[]): CalendarDay =>
    names.length > 0
      ? { date: formatDay(day), name: names.join(', ').slice(0, 200) }
      : { date: formatDay(day) };
  return {
    closedDays: [...closed.entries()].sort((x, y) => x[0] - y[0]).map(([d, n]) => named(d, n)),
    shortenedDays: [...shortened.entries()]
      .filter(([d]) => !closed.has(d))
      .sort((x, y) => x[0] - y[0])
      .map(([d, s]) => ({
        ...named(d, s.names),
        periods: s.periods.map((p) => ({ from: hhmm(p.from), to: hhmm(p.to) })),
      })),
    skipped,
  };
}

/**
 * `cal` with `days` added: imported closed days join `closedDays` (a date already closed, or a public
 * holiday, is not added twice) and take a shortened day's place; imported shortened days replace a
 * shortened day on the same date and are dropped on a holiday or closed day. Returns a new calendar.
 */
export function mergeDays(
  cal: BusinessCalendar,
  days: Pick<IcsDays, 'closedDays' | 'shortenedDays'>,
): BusinessCalendar {
  const holidays = new Set(cal.holidays);
  const closed = new Map((cal.closedDays ?? []).map((d) => [d.date, d]));
  for (const d of days.closedDays) if (!holidays.has(d.date) && !closed.has(d.date)) closed.set(d.date, d);
  const shortened = new Map((cal.shortenedDays ?? []).map((d) => [d.date, d]));
  for (const d of days.shortenedDays) shortened.set(d.date, d);
  for (const date of [...shortened.keys()])
    if (closed.has(date) || holidays.has(date)) shortened.delete(date);
  const byDate = <T extends CalendarDay>(a: T, b: T): number =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
  return {
    ...cal,
    closedDays: [...closed.values()].sort(byDate),
    shortenedDays: [...shortened.values()].sort(byDate),
  };
}
