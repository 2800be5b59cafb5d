/**
 * Business time: the SLA engine's arithmetic over a desk's business calendar.
 * This module's exports are the public business-time API; other modules build on it.
 * Conventions are documented in `calendar-time.ts`; helpers beyond this API (`isBusinessTime`,
 * `nextOpening`, `nextClosing`) live there, and working days (`addWorkingDays`) in `working-days.ts`.
 */

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface BusinessCalendar {
  /** IANA zone, e.g. 'Europe/Oslo'. */
  zone: string;
  /** Local 'HH:mm' periods per weekday, half-open [from, to); '24:00' is allowed as `to`. A missing day is closed. */
  week: Partial<Record<Weekday, Array<{ from: string; to: string }>>>;
  /** Local dates 'YYYY-MM-DD' with no business time (Norwegian public holidays). */
  holidays: string[];
  /**
   * The desk's own closed days (a staff day, romjul), local dates with no business time, like
   * `holidays` but kept apart so an administrator can tell them from the public holidays. Optional:
   * a calendar without it has none.
   */
  closedDays?: CalendarDay[];
  /**
   * The desk's own hours on given dates (24 and 31 December until 12:00, romjul hours): the periods
   * replace that date's weekly periods. A date may appear once, and not also as a holiday or a
   * closed day. Optional: a calendar without it has none.
   */
  shortenedDays?: ShortenedDay[];
}

/** A local date 'YYYY-MM-DD' of a desk calendar, with a name to show (e.g. "Personaldag"). */
export interface CalendarDay {
  date: string;
  name?: string;
}

/** A date with its own business periods (local 'HH:mm', half-open, as in `BusinessCalendar.week`). */
export interface ShortenedDay extends CalendarDay {
  periods: Array<{ from: string; to: string }>;
}

export { addBusinessMinutes, businessMinutesBetween } from './calendar-time';
export { norwegianHolidays } from './holidays';
