/**
 * Norwegian statutory public holidays (helligdager, and 1. and 17. mai by the holiday act).
 */
import { daysFromCivil, formatDay } from './calendar-zone';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): { month: number; day: number } {
  if (!Number.isInteger(year)) throw new RangeError(`year must be an integer, got ${String(year)}`);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

/**
 * The statutory public holidays of `year` as sorted, distinct local dates 'YYYY-MM-DD': nyttårsdag,
 * skjærtorsdag, langfredag, 1. and 2. påskedag, 1. mai, 17. mai, Kristi himmelfartsdag, 1. and
 * 2. pinsedag, 1. and 2. juledag. Sundays among them are listed too. Dates that coincide (2. pinsedag
 * is 17 May in 2027) are listed once. Julaften and nyttårsaften are not public holidays.
 * For years 1700–9999 (the Gregorian calendar in Norway); others throw `RangeError`.
 */
export function norwegianHolidays(year: number): string[] {
  if (!Number.isInteger(year) || year < 1700 || year > 9999) {
    throw new RangeError(`year must be an integer from 1700 to 9999, got ${String(year)}`);
  }
  const { month, day } = easterSunday(year);
  const easter = daysFromCivil(year, month, day);
  const days = new Set<number>([
    daysFromCivil(year, 1, 1), // nyttårsdag
    easter - 3, // skjærtorsdag
    easter - 2, // langfredag
    easter, // 1. påskedag
    easter + 1, // 2. påskedag
    daysFromCivil(year, 5, 1), // 1. mai
    daysFromCivil(year, 5, 17), // grunnlovsdag
    easter + 39, // Kristi himmelfartsdag
    easter + 49, // 1. pinsedag
    easter + 50, // 2. pinsedag
    daysFromCivil(year, 12, 25), // 1. juledag
    daysFromCivil(year, 12, 26), // 2. juledag
  ]);
  return [...days].sort((a, b) => a - b).map(formatDay);
}

/** `norwegianHolidays` for every year from `fromYear` to `toYear`, inclusive, as one sorted list. */
export function norwegianHolidaysBetween(fromYear: number, toYear: number): string[] {
  const out: string[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(...norwegianHolidays(y));
  return out;
}
