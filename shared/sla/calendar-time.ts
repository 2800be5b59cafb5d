/**
 * Business-time arithmetic over a compiled calendar. `index.ts` re-exports `addBusinessMinutes` and
 * `businessMinutesBetween` as the public API; the helpers below (`isBusinessTime`, `nextOpening`,
 * `nextClosing`) are for other modules of the domain (SLA state, the watcher) and import from here.
 *
 * Conventions of the business-time API, each covered by `calendar-time.test.ts`:
 * - Periods are local, half-open [from, to); instants are absolute.
 * - `addBusinessMinutes(start, 0)` is `start` inside business time, otherwise the next opening
 *   (a start exactly at closing gets the next opening). A closed start counts from the next opening.
 * - A result that lands exactly on a period's end is that end (15:00), not the next opening.
 * - No rounding: ms carry through. `minutes` may be fractional; since a `Date` holds whole
 *   milliseconds, the span added is `minutes × 60 000` rounded to the nearest millisecond.
 *   `businessMinutesBetween` returns business ms / 60 000, possibly fractional.
 * - Negative `minutes` count backwards, as the mirror image: a start in closed time counts from the
 *   previous closing, and a result that lands exactly on a period's start is that start. So for a
 *   start inside business time, `addBusinessMinutes(addBusinessMinutes(s, n), -n) = s`.
 * - `businessMinutesBetween(from, to)` with `to` before `from` is minus `businessMinutesBetween(to, from)`.
 * - A calendar with no business time: adding more than zero minutes (or asking for the next opening)
 *   throws a `ValidationError` once two years have been searched without any open time.
 * - Bad arguments (an invalid Date, a non-finite number) throw `RangeError`; a bad calendar throws a
 *   `ValidationError` naming the field (see `calendar-validate.ts`).
 */
import { compileCalendar, SEARCH_LIMIT_MS, type CompiledCalendar } from './calendar';
import { MS_PER_MINUTE } from './calendar-zone';
import type { BusinessCalendar } from './index';

function instant(d: Date, name: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`${name} must be a valid Date`);
  return t;
}

/**
 * The index of the interval containing `t` or the next one after it, extending the covered range
 * forward as needed; throws when none lies within the search limit.
 */
function intervalAtOrAfter(c: CompiledCalendar, t: number): number {
  c.ensure(t);
  let i = c.firstEndAfter(t);
  while (i === c.n) {
    if (!c.hasWeeklyTime || c.coveredUntil - t > SEARCH_LIMIT_MS) throw c.noBusinessTime(t);
    c.extendForward();
    i = c.firstEndAfter(t);
  }
  return i;
}

/** Extends the covered range forward until it holds `x` business ms after its start. */
function coverForward(c: CompiledCalendar, x: number, from: number): void {
  let barren = 0;
  while (x > c.total) {
    if (c.extendForward(c.yearsFor(x - c.total)) === 0) {
      barren += 1;
      if (barren >= 2) throw c.noBusinessTime(from);
    } else barren = 0;
  }
}

function addForward(c: CompiledCalendar, s: number, ms: number): number {
  const i = intervalAtOrAfter(c, s);
  const start = c.starts[i]!;
  if (ms === 0) return start <= s ? s : start;
  const x = (start <= s ? c.cum[i]! + (s - start) : c.cum[i]!) + ms;
  if (x > c.total) coverForward(c, x, s);
  const j = c.lastCumBelow(x, i);
  return c.starts[j]! + (x - c.cum[j]!);
}

function addBackward(c: CompiledCalendar, s: number, ms: number): number {
  let barren = 0;
  for (;;) {
    c.ensure(s);
    const i = c.lastStartBefore(s);
    let deficit = ms;
    if (i >= 0) {
      const end = c.ends[i]!;
      const p = end >= s ? c.cum[i]! + (s - c.starts[i]!) : c.cum[i]! + (end - c.starts[i]!);
      const x = p - ms;
      if (x >= 0) {
        const k = c.lastCumAtMost(x);
        return c.starts[k]! + (x - c.cum[k]!);
      }
      deficit = -x;
    } else if (!c.hasWeeklyTime || s - c.coveredFrom > SEARCH_LIMIT_MS) {
      throw c.noBusinessTime(s);
    }
    // Not enough business time in the covered range before `s`: add years before it and retry.
    if (c.extendBackward(c.yearsFor(deficit)) === 0) {
      barren += 1;
      if (barren >= 2) throw c.noBusinessTime(s);
    } else barren = 0;
  }
}

/**
 * The instant `minutes` of business time after `start` (before it, when negative). See the module
 * comment for the conventions.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  const s = instant(start, 'start');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes)) {
    throw new RangeError(`minutes must be a finite number, got ${String(minutes)}`);
  }
  const c = compileCalendar(cal);
  const ms = Math.round(minutes * MS_PER_MINUTE);
  // Math.round(-0.4) is -0: treated as zero, i.e. forward.
  return new Date(ms >= 0 ? addForward(c, s, ms) : addBackward(c, s, -ms));
}

/**
 * Business minutes in [from, to): exact, possibly fractional (business ms / 60 000). Negative when
 * `to` is before `from`.
 */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = instant(from, 'from');
  const b = instant(to, 'to');
  const c = compileCalendar(cal);
  // `+ 0` turns -0 (an empty reversed range) into 0.
  return (b < a ? -businessMs(c, b, a) : businessMs(c, a, b)) / MS_PER_MINUTE + 0;
}

function businessMs(c: CompiledCalendar, a: number, b: number): number {
  c.ensureRange(a, b);
  return c.position(b) - c.position(a);
}

/** Whether `at` lies inside business time (periods are half-open: closing time is closed). */
export function isBusinessTime(at: Date, cal: BusinessCalendar): boolean {
  const t = instant(at, 'at');
  const c = compileCalendar(cal);
  c.ensure(t);
  const i = c.firstEndAfter(t);
  return i < c.n && c.starts[i]! <= t;
}

/**
 * When business time next runs from `at`: `at` itself inside business time, otherwise the next
 * opening. Equal to `addBusinessMinutes(at, 0, cal)`. Throws as `addBusinessMinutes` does for a
 * calendar with no business time.
 */
export function nextOpening(at: Date, cal: BusinessCalendar): Date {
  return new Date(nextOpeningMs(compileCalendar(cal), instant(at, 'at')));
}

/** `nextOpening` on a compiled calendar and an instant in ms (for other engine modules). */
export function nextOpeningMs(c: CompiledCalendar, t: number): number {
  return addForward(c, t, 0);
}

/**
 * When business time next stops at or after `at`: the end of the business stretch containing `at`,
 * or of the next one when `at` is in closed time. Touching periods (e.g. '24:00' then '00:00') form
 * one stretch. `null` when business time runs on without a break for two years (a 24/7 calendar).
 */
export function nextClosing(at: Date, cal: BusinessCalendar): Date | null {
  const t = instant(at, 'at');
  const c = compileCalendar(cal);
  let i = intervalAtOrAfter(c, t);
  // A stretch that reaches the end of the covered range may go on in the next year.
  while (i === c.n - 1 && c.ends[i]! >= c.coveredUntil) {
    if (c.coveredUntil - t > SEARCH_LIMIT_MS) return null;
    c.extendForward();
    i = c.firstEndAfter(t);
  }
  return new Date(c.ends[i]!);
}
