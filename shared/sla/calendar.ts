/**
 * A `BusinessCalendar` compiled for fast queries.
 *
 * Compiling turns the calendar's local periods into absolute business intervals [startMs, endMs),
 * one local year at a time, lazily, in whichever direction queries need. Intervals are the union of
 * every period's instants (touching ones merged), kept sorted with prefix sums of business ms, so a
 * query is a binary search plus arithmetic: no zone work, no allocation but the result.
 *
 * Zone rules: periods are local wall-clock times in `cal.zone`, half-open [from, to);
 * a boundary in a DST gap moves forward by the gap, an ambiguous one takes the earlier instant
 * (Temporal's 'compatible'); '24:00' as `to` is the next local midnight.
 *
 * A holiday or one of the desk's closed days has no intervals; a shortened day takes its own periods
 * instead of its weekday's. Both are looked up once per day while a year compiles, so queries cost
 * the same whatever the calendar lists.
 *
 * Compiled calendars are cached: by the calendar object (a WeakMap) and by its content (a small map),
 * so building the same calendar again per request costs one JSON key. A calendar object must not be
 * mutated after it has been used; pass a new object instead.
 */
import { ValidationError } from '../errors';
import { validateCalendar, type DayPeriods } from './calendar-validate';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  civilFromDays,
  dayOffsets,
  dayOffsetsSampler,
  daysFromCivil,
  formatDay,
  isoWeekday,
  localToInstant,
  localToInstantBy,
  zoneOffsetMs,
  zoneSamples,
  zoneTransitions,
  type ZoneTransitions,
} from './calendar-zone';
import type { BusinessCalendar } from './index';

/** Searches for open time give up after this long without any (a calendar with no business time). */
export const SEARCH_LIMIT_MS = 2 * 366 * MS_PER_DAY;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const MS_PER_HOUR = 3_600_000;

interface YearChunk {
  /** Interleaved [start, end, start, end, …] instants, in local-day order. */
  intervals: number[];
  /** Working days: interleaved [dayNumber, openMs, closeMs, …]. */
  workingDays: number[];
  /** The zone's offset transitions from 2 days before the year to 6 days after it. */
  transitions: ZoneTransitions;
}

/** Grows a Float64Array to hold at least `n` values, keeping its contents. */
function grow(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2, 16));
  b.set(a);
  return b;
}

export class CompiledCalendar {
  readonly zone: string;
  private readonly week: DayPeriods[];
  private readonly holidays: ReadonlySet<number>;
  /** Shortened days: their own periods, replacing the weekday's. */
  private readonly special: ReadonlyMap<number, DayPeriods>;
  /** Whether any weekday has a period at all. */
  readonly hasWeeklyTime: boolean;

  private readonly years = new Map<number, YearChunk>();
  private yLo = 0;
  private yHi = -1;
  /** Covered instants: [covStart, covEnd), local midnights starting yLo and following yHi. */
  private covStart = 0;
  private covEnd = 0;

  /** Number of intervals. */
  n = 0;
  starts: Float64Array = new Float64Array(0);
  ends: Float64Array = new Float64Array(0);
  /** Business ms before interval i, counted from the first interval of the covered range. */
  cum: Float64Array = new Float64Array(0);
  /** Business ms in the covered range. */
  total = 0;

  /** Working days of the covered range, sorted: day number, first opening, last closing. */
  wdCount = 0;
  wdDay: Float64Array = new Float64Array(0);
  wdOpen: Float64Array = new Float64Array(0);
  wdClose: Float64Array = new Float64Array(0);

  /**
   * The zone's offsets over [offFrom, offTo] (the covered years and a few days either side), so that
   * local time ↔ instant needs no `Intl` per query: `offBase` before the first transition, then
   * `offOffset[k]` from instant `offAt[k]` on.
   */
  private offFrom = 0;
  private offTo = -1;
  private offBase = 0;
  private offCount = 0;
  private offAt: number[] = [];
  private offOffset: number[] = [];
  private readonly offsetAtFn = (t: number): number => this.offsetAt(t);

  constructor(cal: BusinessCalendar) {
    const v = validateCalendar(cal);
    this.zone = v.zone;
    this.week = v.week;
    this.holidays = v.holidays;
    this.special = v.special;
    this.hasWeeklyTime =
      v.week.some((d) => d.length > 0) || [...v.special.values()].some((d) => d.length > 0);
  }

  // ---- coverage -------------------------------------------------------------------------------

  /** Makes sure instant `t` lies in the covered range. */
  ensure(t: number): void {
    if (t < this.covStart || t >= this.covEnd) this.cover(t, t);
  }

  /** Makes sure instants `a` <= `b` both lie in the covered range (which is contiguous). */
  ensureRange(a: number, b: number): void {
    if (a < this.covStart || b >= this.covEnd) this.cover(a, b);
  }

  private cover(a: number, b: number): void {
    const ya = civilFromDays(Math.floor(a / MS_PER_DAY)).y;
    const yb = civilFromDays(Math.floor(b / MS_PER_DAY)).y;
    // Start afresh around the range when the covered years are empty or far from it, rather than
    // compiling every year in between (compiled years stay cached).
    if (this.yHi < this.yLo || ya > this.yHi + 2 || yb < this.yLo - 2) {
      this.checkYear(ya);
      this.checkYear(yb);
      this.yLo = ya;
      this.yHi = yb;
      this.rebuild();
    }
    while (a < this.covStart) this.extendBackward();
    while (b >= this.covEnd) this.extendForward();
  }

  private checkYear(y: number): void {
    if (y < MIN_YEAR || y > MAX_YEAR) {
      throw new RangeError(`Business time is computed for the years ${MIN_YEAR}–${MAX_YEAR} only (got ${y})`);
    }
  }

  /** Adds the next `years` local years (default 1); returns the business ms they added. */
  extendForward(years = 1): number {
    const wanted = this.yHi + Math.max(1, Math.floor(years));
    // An estimate far past the last year is out of range: say so before compiling thousands of years.
    if (wanted > MAX_YEAR + 10) this.checkYear(wanted);
    const y = Math.min(wanted, MAX_YEAR);
    this.checkYear(Math.max(y, this.yHi + 1));
    const before = this.total;
    this.yHi = y;
    this.rebuild();
    return this.total - before;
  }

  /** Adds the previous `years` local years (default 1); returns the business ms they added. Renumbers `cum`. */
  extendBackward(years = 1): number {
    const wanted = this.yLo - Math.max(1, Math.floor(years));
    if (wanted < MIN_YEAR - 10) this.checkYear(wanted);
    const y = Math.max(wanted, MIN_YEAR);
    this.checkYear(Math.min(y, this.yLo - 1));
    const before = this.total;
    this.yLo = y;
    this.rebuild();
    return this.total - before;
  }

  /**
   * How many years to add to hold `deficit` more business ms, from the covered years' average (so a
   * huge amount compiles its years in one go instead of one rebuild per year).
   */
  yearsFor(deficit: number): number {
    const perYear = this.total / (this.yHi - this.yLo + 1);
    return perYear > 0 ? Math.min(Math.ceil(deficit / perYear), MAX_YEAR) : 1;
  }

  get coveredFrom(): number {
    return this.covStart;
  }

  get coveredUntil(): number {
    return this.covEnd;
  }

  private localMidnight(day: number): number {
    return localToInstant(this.zone, day * MS_PER_DAY, dayOffsets(this.zone, day));
  }

  private year(y: number): YearChunk {
    let chunk = this.years.get(y);
    if (!chunk) {
      chunk = this.compileYear(y);
      this.years.set(y, chunk);
    }
    return chunk;
  }

  private compileYear(y: number): YearChunk {
    const intervals: number[] = [];
    const workingDays: number[] = [];
    const first = daysFromCivil(y, 1, 1);
    const last = daysFromCivil(y + 1, 1, 1);
    const samples = zoneSamples(this.zone, first, last);
    const offsetsOf = dayOffsetsSampler(this.zone, first, last, samples);
    for (let day = first; day < last; day++) {
      if (this.holidays.has(day)) continue;
      const periods = this.special.get(day) ?? this.week[isoWeekday(day)]!;
      if (periods.length === 0) continue;
      const offsets = offsetsOf(day);
      const base = day * MS_PER_DAY;
      let open = Infinity;
      let close = -Infinity;
      for (const p of periods) {
        const a = localToInstant(this.zone, base + p.from * MS_PER_MINUTE, offsets);
        const b = localToInstant(this.zone, base + p.to * MS_PER_MINUTE, offsets);
        if (b <= a) continue; // wholly inside a DST gap
        intervals.push(a, b);
        if (a < open) open = a;
        if (b > close) close = b;
      }
      if (open < close) workingDays.push(day, open, close);
    }
    return { intervals, workingDays, transitions: zoneTransitions(this.zone, samples) };
  }

  /** Flattens the covered years into the sorted, merged interval arrays and their prefix sums. */
  private rebuild(): void {
    const raw: number[] = [];
    const wd: number[] = [];
    const offAt: number[] = [];
    const offOffset: number[] = [];
    for (let y = this.yLo; y <= this.yHi; y++) {
      const c = this.year(y);
      for (const x of c.intervals) raw.push(x);
      for (const x of c.workingDays) wd.push(x);
      // Neighbouring years' transition ranges overlap by a few days: keep each transition once.
      const tr = c.transitions;
      for (let k = 0; k < tr.at.length; k++) {
        if (offAt.length === 0 || tr.at[k]! > offAt[offAt.length - 1]!) {
          offAt.push(tr.at[k]!);
          offOffset.push(tr.offset[k]!);
        }
      }
    }
    this.offFrom = this.year(this.yLo).transitions.fromMs;
    this.offTo = this.year(this.yHi).transitions.toMs;
    this.offBase = this.year(this.yLo).transitions.base;
    this.offAt = offAt;
    this.offOffset = offOffset;
    this.offCount = offAt.length;
    // Insertion sort by start: the list is sorted but for DST-gap oddities, so this is linear.
    const m = raw.length / 2;
    for (let i = 1; i < m; i++) {
      const s = raw[2 * i]!;
      const e = raw[2 * i + 1]!;
      let j = i - 1;
      while (j >= 0 && raw[2 * j]! > s) {
        raw[2 * j + 2] = raw[2 * j]!;
        raw[2 * j + 3] = raw[2 * j + 1]!;
        j--;
      }
      raw[2 * j + 2] = s;
      raw[2 * j + 3] = e;
    }
    this.starts = grow(this.starts, m);
    this.ends = grow(this.ends, m);
    this.cum = grow(this.cum, m);
    let n = 0;
    let total = 0;
    for (let i = 0; i < m; i++) {
      const s = raw[2 * i]!;
      const e = raw[2 * i + 1]!;
      if (n > 0 && s <= this.ends[n - 1]!) {
        // Touching or overlapping the previous interval: one stretch of business time.
        const prevEnd = this.ends[n - 1]!;
        if (e > prevEnd) {
          total += e - prevEnd;
          this.ends[n - 1] = e;
        }
        continue;
      }
      this.starts[n] = s;
      this.ends[n] = e;
      this.cum[n] = total;
      total += e - s;
      n++;
    }
    this.n = n;
    this.total = total;
    const w = wd.length / 3;
    this.wdDay = grow(this.wdDay, w);
    this.wdOpen = grow(this.wdOpen, w);
    this.wdClose = grow(this.wdClose, w);
    for (let i = 0; i < w; i++) {
      this.wdDay[i] = wd[3 * i]!;
      this.wdOpen[i] = wd[3 * i + 1]!;
      this.wdClose[i] = wd[3 * i + 2]!;
    }
    this.wdCount = w;
    this.covStart = this.localMidnight(daysFromCivil(this.yLo, 1, 1));
    this.covEnd = this.localMidnight(daysFromCivil(this.yHi + 1, 1, 1));
  }

  // ---- searches (on the covered range) ---------------------------------------------------------

  /** Index of the first interval whose end is after `t`; `n` when none. */
  firstEndAfter(t: number): number {
    const ends = this.ends;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid]! > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Index of the last interval whose start is before `t`; -1 when none. */
  lastStartBefore(t: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /**
   * Index of the last interval with cum < x (x > 0, x <= total), searching from interval `from`
   * (whose cum is below x): a few steps forward first, as most spans end within a few weeks.
   */
  lastCumBelow(x: number, from = 0): number {
    const cum = this.cum;
    const n = this.n;
    const stop = Math.min(from + 16, n);
    for (let j = from + 1; j < stop; j++) if (cum[j]! >= x) return j - 1;
    let lo = stop;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Index of the last interval with cum <= x (0 <= x < total). */
  lastCumAtMost(x: number): number {
    const cum = this.cum;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Business ms from the covered range's start to `t` (t covered). */
  position(t: number): number {
    const i = this.firstEndAfter(t);
    if (i === this.n) return this.total;
    const s = this.starts[i]!;
    return s <= t ? this.cum[i]! + (t - s) : this.cum[i]!;
  }

  /** Index of the first working day with day number > `day`; `wdCount` when none. */
  firstWorkingDayAfter(day: number): number {
    const d = this.wdDay;
    let lo = 0;
    let hi = this.wdCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (d[mid]! > day) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  // ---- zone offsets (from the transition table; `Intl` only outside the compiled years) -----------

  /** The zone's UTC offset at instant `t`: `zoneOffsetMs`, from the table when `t` is in its range. */
  offsetAt(t: number): number {
    if (!(t >= this.offFrom && t <= this.offTo)) return zoneOffsetMs(this.zone, t);
    const at = this.offAt;
    // The last transition at or before `t` (a handful per year: a linear scan from the end would do,
    // but the covered range may span many years).
    let lo = 0;
    let hi = this.offCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? this.offBase : this.offOffset[lo - 1]!;
  }

  /** The local day number of instant `t` in this calendar's zone. */
  localDay(t: number): number {
    return Math.floor((t + this.offsetAt(t)) / MS_PER_DAY);
  }

  /** Local wall-clock ms since 1970-01-01T00:00 local of instant `t`. */
  localMs(t: number): number {
    return t + this.offsetAt(t);
  }

  /**
   * The instant of a local wall-clock time ('compatible' disambiguation): `localToInstant` with
   * `dayOffsets`, reading offsets from the table.
   */
  instantOfLocal(localMs: number): number {
    const t0 = Math.floor(localMs / MS_PER_DAY) * MS_PER_DAY;
    const before = this.offsetAt(t0 - 15 * MS_PER_HOUR);
    const after = this.offsetAt(t0 + 39 * MS_PER_HOUR);
    return before === after ? localMs - before : localToInstantBy(this.offsetAtFn, localMs, before, after);
  }

  /** The error for a calendar with no business time near `t`. */
  noBusinessTime(t: number): ValidationError {
    const when = Number.isFinite(t) ? ` within 2 years of ${formatDay(Math.floor(t / MS_PER_DAY))}` : '';
    return this.hasWeeklyTime
      ? new ValidationError(
          'calendar.holidays',
          `The calendar has no business time${when}: every working day is a holiday`,
        )
      : new ValidationError('calendar.week', 'The calendar has no business time: no weekday has a period');
  }
}

const byObject = new WeakMap<BusinessCalendar, CompiledCalendar>();
const byContent = new Map<string, CompiledCalendar>();
const CONTENT_CACHE_SIZE = 32;

/** The compiled form of `cal`, from the cache when it has been compiled before. Validates on first use. */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const hit = byObject.get(cal);
  if (hit) return hit;
  let key: string | undefined;
  try {
    key = JSON.stringify([cal.zone, cal.week, cal.holidays, cal.closedDays, cal.shortenedDays]);
  } catch {
    key = undefined;
  }
  let compiled = key === undefined ? undefined : byContent.get(key);
  if (!compiled) {
    compiled = new CompiledCalendar(cal);
    if (key !== undefined) {
      if (byContent.size >= CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value!);
      byContent.set(key, compiled);
    }
  }
  if (typeof cal === 'object' && cal !== null) byObject.set(cal, compiled);
  return compiled;
}
