/**
 * Working days (virkedager): deadlines such as Byarkivet's "2 virkedager after 1st line received it".
 *
 * A working day is a local date in the calendar's zone that has business time (a period on its
 * weekday, not wholly lost in a DST gap) and is not one of `cal.holidays`.
 *
 * "N virkedager after receipt" (`addWorkingDays`):
 * 1. A receipt outside business time counts as received at the next opening (Saturday 10:00 → Monday
 *    09:00); a receipt inside business time counts as it is. This is `nextOpening`.
 * 2. The due day is the Nth working day after that receipt's local date.
 * 3. The due instant is the receipt's local clock time (to the millisecond) on the due day, but no
 *    later than that day's closing (its last period's end) and no earlier than its opening (its first
 *    period's start), so the deadline falls within the due day's business hours even when days have
 *    different hours. A clock time inside a lunch break stays as it is.
 * 4. A clock time that does not exist on the due day (a DST gap) moves forward by the gap; an
 *    ambiguous one takes the earlier instant.
 * So with Mon–Fri 09:00–15:00: Tue 14:00 + 2 = Thu 14:00; Fri 15:00 (closing) + 2 = Wed 09:00;
 * Sat 10:00 + 2 = Wed 09:00; `days` = 0 gives the (normalised) receipt itself.
 */
import { compileCalendar, type CompiledCalendar } from './calendar';
import { nextOpeningMs } from './calendar-time';
import { parseLocalDate } from './calendar-validate';
import { MS_PER_DAY } from './calendar-zone';
import type { BusinessCalendar } from './index';

/**
 * Index (into the compiled working days) of the `count`th working day after local day `day`,
 * extending the compiled range forward as needed; two years in a row without a working day is an error.
 */
export function workingDayIndexAfter(c: CompiledCalendar, day: number, count: number, from: number): number {
  let barren = 0;
  for (;;) {
    const idx = c.firstWorkingDayAfter(day) + count - 1;
    if (idx < c.wdCount) return idx;
    const before = c.wdCount;
    c.extendForward();
    barren = c.wdCount === before ? barren + 1 : 0;
    if (barren >= 2) throw c.noBusinessTime(from);
  }
}

/**
 * The due instant `days` working days after `start` (a non-negative integer). See the module comment.
 */
export function addWorkingDays(start: Date, days: number, cal: BusinessCalendar): Date {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${String(days)}`);
  }
  const s = start instanceof Date ? start.getTime() : NaN;
  if (Number.isNaN(s)) throw new RangeError('at must be a valid Date');
  const c = compileCalendar(cal);
  // The receipt: `nextOpening(start)`, which also covers it in the compiled range.
  const r = nextOpeningMs(c, s);
  if (days === 0) return new Date(r);
  // Offsets come from the compiled years' transition table: no `Intl` per call.
  const local = c.localMs(r);
  const receiptDay = Math.floor(local / MS_PER_DAY);
  const clock = local - receiptDay * MS_PER_DAY;
  const i = workingDayIndexAfter(c, receiptDay, days, r);
  const due = c.wdDay[i]!;
  const t = c.instantOfLocal(due * MS_PER_DAY + clock);
  return new Date(Math.min(Math.max(t, c.wdOpen[i]!), c.wdClose[i]!));
}

/** Whether the local date 'YYYY-MM-DD' is a working day of `cal`. */
export function isWorkingDay(date: string, cal: BusinessCalendar): boolean {
  const day = parseLocalDate(date, 'date');
  const c = compileCalendar(cal);
  const t = c.instantOfLocal(day * MS_PER_DAY + MS_PER_DAY / 2);
  c.ensure(t);
  const i = c.firstWorkingDayAfter(day - 1);
  return i < c.wdCount && c.wdDay[i] === day;
}
