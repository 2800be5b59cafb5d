/**
 * Zone arithmetic for the business-time engine: civil dates as day numbers, a zone's UTC offset at an
 * instant (via `Intl`, cached per zone), and local wall-clock time → instant with Temporal's
 * 'compatible' disambiguation. `Intl` is used only when a calendar's year is compiled, never per
 * query: queries read the offsets from the year's transition table (`zoneTransitions`).
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1–12). Exact for any year. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of `daysFromCivil`. */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a day number. */
export function isoWeekday(days: number): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  // 1970-01-01 was a Thursday (4).
  return (((((days + 3) % 7) + 7) % 7) + 1) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The `Intl` formatter for a zone; throws `RangeError` for an unknown zone (callers turn that into a
 * validation error naming the field).
 */
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA zone this runtime knows. */
export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset in ms at instant `ms` (local = utc + offset). Whole seconds. */
export function zoneOffsetMs(zone: string, ms: number): number {
  const parts = formatterFor(zone).formatToParts(ms);
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year':
        y = Number(p.value);
        break;
      case 'month':
        mo = Number(p.value);
        break;
      case 'day':
        d = Number(p.value);
        break;
      case 'hour':
        h = Number(p.value);
        break;
      case 'minute':
        mi = Number(p.value);
        break;
      case 'second':
        s = Number(p.value);
        break;
      case 'era':
        bc = p.value === 'BC' || p.value === 'B';
        break;
      default:
        break;
    }
  }
  if (bc) y = 1 - y;
  const local = daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + s * 1000;
  const utcSeconds = Math.floor(ms / 1000) * 1000;
  return local - utcSeconds;
}

/** The offsets bracketing one local day: equal when no transition lies near it. */
export interface DayOffsets {
  before: number;
  after: number;
}

/**
 * Offsets just before and just after the local day `days` (and its following midnight). Zones range
 * from UTC−12 to UTC+14, so instants 15 h before local midnight and 39 h after it bracket the day.
 * Assumes at most one offset transition within those 54 hours, which holds for every real zone.
 */
export function dayOffsets(zone: string, days: number): DayOffsets {
  const t0 = days * MS_PER_DAY;
  return {
    before: zoneOffsetMs(zone, t0 - 15 * MS_PER_HOUR),
    after: zoneOffsetMs(zone, t0 + 39 * MS_PER_HOUR),
  };
}

/**
 * The instant of local wall-clock time `localMs` (ms since 1970-01-01T00:00 local), given the offsets
 * around it. Temporal's 'compatible': a time in a gap moves forward by the gap; an ambiguous time takes
 * the earlier instant.
 */
export function localToInstant(zone: string, localMs: number, o: DayOffsets): number {
  if (o.before === o.after) return localMs - o.before;
  return localToInstantBy((t) => zoneOffsetMs(zone, t), localMs, o.before, o.after);
}

/** `localToInstant` with the zone's offsets from `offsetAt` (e.g. a compiled transition table). */
export function localToInstantBy(
  offsetAt: (t: number) => number,
  localMs: number,
  before: number,
  after: number,
): number {
  if (before === after) return localMs - before;
  const a = localMs - before;
  const b = localMs - after;
  const aValid = offsetAt(a) === before;
  const bValid = offsetAt(b) === after;
  if (aValid && bValid) return Math.min(a, b);
  if (aValid) return a;
  if (bValid) return b;
  // In the gap: read with the offset before the transition, i.e. forward by the gap.
  return a;
}

const SAMPLE_STEP = 3 * MS_PER_DAY;

/** A zone's offset sampled every 3 days from `origin`: what a compiled year asks `Intl` for. */
export interface ZoneSamples {
  origin: number;
  samples: number[];
}

/** The samples `dayOffsetsSampler` and `zoneTransitions` use for the days firstDay … lastDay − 1. */
export function zoneSamples(zone: string, firstDay: number, lastDay: number): ZoneSamples {
  const origin = firstDay * MS_PER_DAY - 2 * MS_PER_DAY;
  const samples: number[] = [];
  for (let t = origin; t <= lastDay * MS_PER_DAY + 3 * MS_PER_DAY + SAMPLE_STEP; t += SAMPLE_STEP) {
    samples.push(zoneOffsetMs(zone, t));
  }
  return { origin, samples };
}

/**
 * `dayOffsets` for the days of a range with few `Intl` calls: the offset is sampled every 3 days, and
 * a day whose bracketing samples agree has no transition near it (assuming a zone's transitions are
 * more than 6 days apart, true of every zone since 1900). Only days near a transition are asked exactly.
 */
export function dayOffsetsSampler(
  zone: string,
  firstDay: number,
  lastDay: number,
  { origin, samples }: ZoneSamples = zoneSamples(zone, firstDay, lastDay),
): (day: number) => DayOffsets {
  return (day: number): DayOffsets => {
    const t0 = day * MS_PER_DAY;
    const k0 = Math.floor((t0 - 15 * MS_PER_HOUR - origin) / SAMPLE_STEP);
    const k1 = Math.ceil((t0 + 39 * MS_PER_HOUR - origin) / SAMPLE_STEP);
    if (k0 >= 0 && k1 < samples.length) {
      const o = samples[k0]!;
      let same = true;
      for (let k = k0 + 1; k <= k1; k++) if (samples[k] !== o) same = false;
      if (same) return { before: o, after: o };
    }
    return dayOffsets(zone, day);
  };
}

/**
 * A zone's offset transitions over the sampled range [fromMs, toMs]: `base` is the offset at `fromMs`,
 * and `at[k]` the first instant (to the ms) with offset `offset[k]`. Found between two samples that
 * differ by a binary search (about 30 `Intl` calls per transition), so under the samples' assumption
 * (transitions more than 6 days apart). With this table, `CompiledCalendar.offsetAt` gives
 * `zoneOffsetMs` for any instant in the range without `Intl`.
 */
export interface ZoneTransitions {
  fromMs: number;
  toMs: number;
  base: number;
  at: number[];
  offset: number[];
}

export function zoneTransitions(zone: string, { origin, samples }: ZoneSamples): ZoneTransitions {
  const at: number[] = [];
  const offset: number[] = [];
  for (let k = 0; k + 1 < samples.length; k++) {
    const hi = origin + (k + 1) * SAMPLE_STEP;
    let lo = origin + k * SAMPLE_STEP;
    let oLo = samples[k]!;
    // offset(lo) === oLo, offset(hi) !== oLo: narrow to adjacent ms; again from there if the offset
    // found is not yet the one at `hi` (two transitions between samples).
    while (oLo !== samples[k + 1]!) {
      let a = lo;
      let b = hi;
      while (b - a > 1) {
        const mid = a + Math.floor((b - a) / 2);
        if (zoneOffsetMs(zone, mid) === oLo) a = mid;
        else b = mid;
      }
      oLo = b === hi ? samples[k + 1]! : zoneOffsetMs(zone, b);
      at.push(b);
      offset.push(oLo);
      lo = b;
    }
  }
  return { fromMs: origin, toMs: origin + (samples.length - 1) * SAMPLE_STEP, base: samples[0]!, at, offset };
}
