/**
 * Business time: the SLA engine's arithmetic over a desk's business calendar.
 * This module's exports are the public business-time API (issue 2); other modules build on it.
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
  /** Local dates 'YYYY-MM-DD' with no business time. */
  holidays: string[];
}

export { addBusinessMinutes, businessMinutesBetween } from './calendar-time';
export { norwegianHolidays } from './holidays';
