/**
 * Validation of a `BusinessCalendar`: each bad value is a `ValidationError` whose `field` names it,
 * e.g. `calendar.week.3[1].to`, `calendar.holidays[4]` or `calendar.shortenedDays[0].periods[1].to`.
 * Besides the public holidays a calendar may list the desk's own closed days (`closedDays`) and days
 * with their own hours (`shortenedDays`, replacing the weekday's periods; a date at most once, and
 * not a holiday or a closed day). This is the one calendar validation: the
 * engine runs it when it compiles a calendar, and policy validation (`validate.ts`) runs it with
 * `strict` on load, reporting its field as `POLICY_INVALID`.
 */
import { ValidationError } from '../errors';
import { daysFromCivil, isKnownZone } from './calendar-zone';
import type { BusinessCalendar, Weekday } from './index';

/** One weekday's periods as minutes after local midnight, half-open [from, to), sorted. */
export type DayPeriods = ReadonlyArray<{ readonly from: number; readonly to: number }>;

export interface ValidCalendar {
  zone: string;
  /** Index 1–7 (ISO weekday); index 0 unused. */
  week: DayPeriods[];
  /** Day numbers (days since 1970-01-01) with no business time: public holidays and closed days. */
  holidays: ReadonlySet<number>;
  /** Day numbers with their own periods (shortened days), replacing the weekday's. */
  special: ReadonlyMap<number, DayPeriods>;
}

const HHMM = /^(\d{2}):(\d{2})$/;
const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a local clock time 'HH:mm' into minutes after midnight, or throws naming `field`. */
export function parseClock(value: unknown, field: string, allow24: boolean): number {
  const m = typeof value === 'string' ? HHMM.exec(value) : null;
  if (m) {
    const h = Number(m[1]);
    const mi = Number(m[2]);
    if ((h < 24 && mi < 60) || (allow24 && h === 24 && mi === 0)) return h * 60 + mi;
  }
  throw new ValidationError(
    field,
    `${field} must be a local time 'HH:mm' (00:00–23:59${allow24 ? ", or '24:00'" : ''}), got ${JSON.stringify(value)}`,
  );
}

/** Parses a local date 'YYYY-MM-DD' into a day number, or throws naming `field`. */
export function parseLocalDate(value: unknown, field: string): number {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const days = daysFromCivil(y, mo, d);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && daysFromCivil(y, mo, 1) + d - 1 === days) {
      const next = mo === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, mo + 1, 1);
      if (days < next) return days;
    }
  }
  throw new ValidationError(field, `${field} must be a date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
}

export interface CalendarValidationOptions {
  /**
   * Also refuse what the engine could ignore, as data loaded from storage or a form should be:
   * unknown fields (in the calendar and in periods, likely typos) and a week with no period at all
   * (which the engine otherwise reports only when a deadline is asked of it).
   */
  strict?: boolean;
}

function noUnknownKeys(o: object, field: string, keys: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!keys.includes(k)) throw new ValidationError(`${field}.${k}`, `${field}.${k} is not a known field`);
  }
}

/** Parses one day's periods (sorted, not overlapping) at `field`. */
function parsePeriods(list: unknown, field: string, strict: boolean): DayPeriods {
  if (!Array.isArray(list)) throw new ValidationError(field, `${field} must be an array of { from, to }`);
  const periods = list.map((p: unknown, i) => {
    const pf = `${field}[${i}]`;
    if (typeof p !== 'object' || p === null) throw new ValidationError(pf, `${pf} must be { from, to }`);
    if (strict) noUnknownKeys(p, pf, ['from', 'to']);
    const { from, to } = p as { from?: unknown; to?: unknown };
    const f = parseClock(from, `${pf}.from`, false);
    const t = parseClock(to, `${pf}.to`, true);
    if (f >= t) {
      throw new ValidationError(
        `${pf}.to`,
        `${pf}.to (${String(to)}) must be after ${pf}.from (${String(from)})`,
      );
    }
    return { from: f, to: t, index: i };
  });
  periods.sort((a, b) => a.from - b.from);
  for (let i = 1; i < periods.length; i++) {
    const prev = periods[i - 1]!;
    const cur = periods[i]!;
    if (cur.from < prev.to) {
      throw new ValidationError(
        `${field}[${cur.index}].from`,
        `${field}[${cur.index}].from (${hhmm(cur.from)}) is before the end of ${field}[${prev.index}] (${hhmm(prev.to)}); periods of a day must not overlap`,
      );
    }
  }
  return periods.map(({ from, to }) => ({ from, to }));
}

/** The entries of an optional list of days (absent = none), or throws naming `field`. */
function dayList<T>(list: T[] | undefined, field: string): Array<[number, T]> {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new ValidationError(field, `${field} must be an array of { date, … }`);
  return list.map((d, i) => [i, d]);
}

/** A closed or shortened day's date as a day number; checks its name and (strict) its keys. */
function calendarDay(d: unknown, field: string, strict: boolean, extra: readonly string[]): number {
  if (typeof d !== 'object' || d === null || Array.isArray(d))
    throw new ValidationError(
      field,
      `${field} must be an object { date, name?${extra.map((k) => `, ${k}`).join('')} }`,
    );
  if (strict) noUnknownKeys(d, field, ['date', 'name', ...extra]);
  const { date, name } = d as { date?: unknown; name?: unknown };
  if (name !== undefined && (typeof name !== 'string' || name.length > 200)) {
    throw new ValidationError(`${field}.name`, `${field}.name must be a text of at most 200 characters`);
  }
  return parseLocalDate(date, `${field}.date`);
}

/** Checks every field of a calendar and returns it in numeric form. */
export function validateCalendar(
  cal: BusinessCalendar,
  options: CalendarValidationOptions = {},
): ValidCalendar {
  const strict = options.strict === true;
  if (typeof cal !== 'object' || cal === null || Array.isArray(cal))
    throw new ValidationError('calendar', 'calendar must be an object');
  if (strict) noUnknownKeys(cal, 'calendar', ['zone', 'week', 'holidays', 'closedDays', 'shortenedDays']);
  if (typeof cal.zone !== 'string' || !isKnownZone(cal.zone)) {
    throw new ValidationError(
      'calendar.zone',
      `calendar.zone must be a known IANA zone, got ${JSON.stringify(cal.zone)}`,
    );
  }
  if (typeof cal.week !== 'object' || cal.week === null || Array.isArray(cal.week)) {
    throw new ValidationError('calendar.week', 'calendar.week must be an object keyed by ISO weekday 1–7');
  }
  const week: DayPeriods[] = [[], [], [], [], [], [], [], []];
  for (const key of Object.keys(cal.week)) {
    const field = `calendar.week.${key}`;
    if (!/^[1-7]$/.test(key))
      throw new ValidationError(field, `${field}: weekday keys are 1 (Monday) … 7 (Sunday)`);
    const list: unknown = cal.week[Number(key) as Weekday];
    if (list === undefined) continue;
    week[Number(key)] = parsePeriods(list, field, strict);
  }
  if (!Array.isArray(cal.holidays)) {
    throw new ValidationError(
      'calendar.holidays',
      "calendar.holidays must be an array of 'YYYY-MM-DD' dates",
    );
  }
  const holidays = new Set<number>();
  cal.holidays.forEach((h, i) => holidays.add(parseLocalDate(h, `calendar.holidays[${i}]`)));
  const publicHolidays = new Set(holidays);
  const closed = new Set<number>();
  for (const [i, d] of dayList(cal.closedDays, 'calendar.closedDays')) {
    const field = `calendar.closedDays[${i}]`;
    const day = calendarDay(d, field, strict, []);
    closed.add(day);
    holidays.add(day);
  }
  const special = new Map<number, DayPeriods>();
  for (const [i, d] of dayList(cal.shortenedDays, 'calendar.shortenedDays')) {
    const field = `calendar.shortenedDays[${i}]`;
    const day = calendarDay(d, field, strict, ['periods']);
    const what = special.has(day)
      ? 'is listed twice in calendar.shortenedDays'
      : publicHolidays.has(day)
        ? 'is a public holiday (calendar.holidays)'
        : closed.has(day)
          ? 'is a closed day (calendar.closedDays)'
          : undefined;
    if (what !== undefined) {
      throw new ValidationError(`${field}.date`, `${field}.date (${String(d.date)}) ${what}`);
    }
    special.set(day, parsePeriods(d.periods, `${field}.periods`, strict));
  }
  // Last, as the engine reports it only when asked for a deadline, after every other check.
  if (strict && week.every((d) => d.length === 0)) {
    throw new ValidationError('calendar.week', 'calendar.week must have at least one business period');
  }
  return { zone: cal.zone, week, holidays, special };
}
