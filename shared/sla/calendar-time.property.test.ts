/**
 * Property tests of the business-time engine against a simple reference written here: business
 * intervals per local day from luxon (boundaries found by checking candidate instants' wall clocks),
 * then minute-by-minute stepping. Random calendars (lunch breaks, '24:00', holidays, boundaries in DST
 * gaps) in zones with 1 h, 30 min and no DST and a half-hour offset.
 */
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar, type Weekday } from './index';

const MIN = 60_000;
const DAY = 86_400_000;
/** Zones with 1 h DST, 30 min DST (Lord Howe), none at a half-hour offset, and UTC; their 2026 DST days. */
const ZONE_DAYS: Record<string, string[]> = {
  'Europe/Oslo': ['2026-03-29', '2026-10-25'],
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'],
  'Asia/Kolkata': ['2026-06-17'],
  UTC: ['2026-12-31'],
};

const hhmm = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

// ---- the reference ------------------------------------------------------------------------------

/**
 * The instant of a local wall-clock time: the earliest instant whose wall clock shows it, or (in a
 * DST gap) the time read with the offset before the gap, i.e. moved forward by the gap.
 */
function refInstant(zone: string, date: string, minutes: number): number {
  const z = IANAZone.create(zone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d) + minutes * MIN;
  const offsets = new Set<number>();
  for (let h = -48; h <= 48; h += 6) offsets.add(z.offset(local + h * 3_600_000));
  const want = DateTime.fromMillis(local, { zone: 'UTC' }).toFormat('yyyy-MM-dd HH:mm');
  const shown = [...offsets]
    .map((o) => local - o * MIN)
    .filter((t) => DateTime.fromMillis(t, { zone }).toFormat('yyyy-MM-dd HH:mm') === want)
    .sort((a, b) => a - b);
  if (shown.length > 0) return shown[0]!;
  return local - z.offset(local - 2 * DAY) * MIN;
}

/** Sorted, merged business intervals of every local day that can touch [from, to]. */
function refIntervals(cal: BusinessCalendar, from: number, to: number): Array<[number, number]> {
  const raw: Array<[number, number]> = [];
  const first = DateTime.fromMillis(from, { zone: cal.zone }).startOf('day').minus({ days: 2 });
  const last = DateTime.fromMillis(to, { zone: cal.zone }).plus({ days: 2 });
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (cal.holidays.includes(date)) continue;
    const next = day.plus({ days: 1 }).toISODate()!;
    for (const p of cal.week[day.weekday as Weekday] ?? []) {
      const [fh, fm] = p.from.split(':').map(Number) as [number, number];
      const [th, tm] = p.to.split(':').map(Number) as [number, number];
      const a = refInstant(cal.zone, date, fh * 60 + fm);
      const b = p.to === '24:00' ? refInstant(cal.zone, next, 0) : refInstant(cal.zone, date, th * 60 + tm);
      if (b > a) raw.push([a, b]);
    }
  }
  raw.sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of raw) {
    const prev = out[out.length - 1];
    if (prev && a <= prev[1]) prev[1] = Math.max(prev[1], b);
    else out.push([a, b]);
  }
  return out;
}

const isOpen = (iv: Array<[number, number]>, t: number): boolean => iv.some(([a, b]) => a <= t && t < b);

/** Business ms in [from, to), stepping minute by minute (every boundary is a whole UTC minute here). */
function refBetween(cal: BusinessCalendar, from: number, to: number): number {
  const iv = refIntervals(cal, from, to);
  let ms = 0;
  for (let t = from; t < to;) {
    const next = Math.min(Math.floor(t / MIN) * MIN + MIN, to);
    if (isOpen(iv, t)) ms += next - t;
    t = next;
  }
  return ms;
}

/** `ms` of business time after `start` by stepping; null if not reached within `horizonDays`. */
function refAdd(cal: BusinessCalendar, start: number, ms: number, horizonDays: number): number | null {
  const end = start + horizonDays * DAY;
  const iv = refIntervals(cal, start, end);
  let t = start;
  // A start in closed time (or at closing) counts from the next opening.
  while (!isOpen(iv, t)) {
    t = Math.floor(t / MIN) * MIN + MIN;
    if (t >= end) return null;
  }
  let left = ms;
  while (left > 0) {
    if (t >= end) return null;
    const next = Math.floor(t / MIN) * MIN + MIN;
    if (isOpen(iv, t)) {
      const take = Math.min(left, next - t);
      left -= take;
      t += take;
    } else t = next;
  }
  return t;
}

// ---- generators ---------------------------------------------------------------------------------

/** 0–3 non-overlapping periods on a 15-minute grid, often in the small hours where DST happens. */
const dayPeriods = fc
  .uniqueArray(
    fc.oneof(
      fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
      fc.integer({ min: 60, max: 200 }),
    ),
    { minLength: 0, maxLength: 6 },
  )
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const periods: Array<{ from: string; to: string }> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      periods.push({ from: hhmm(sorted[i]!), to: sorted[i + 1] === 1440 ? '24:00' : hhmm(sorted[i + 1]!) });
    }
    return periods;
  });

const calendarArb = (zone: string, baseDay: string): fc.Arbitrary<BusinessCalendar> =>
  fc
    .record({
      week: fc.array(fc.oneof(dayPeriods, fc.constant([{ from: '08:00', to: '16:00' }])), {
        minLength: 7,
        maxLength: 7,
      }),
      holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 10 }), { maxLength: 4 }),
    })
    .map(({ week, holidayOffsets }) => ({
      zone,
      week: Object.fromEntries(week.map((p, i) => [i + 1, p]).filter(([, p]) => (p as unknown[]).length > 0)),
      holidays: holidayOffsets.map((o) =>
        DateTime.fromISO(baseDay, { zone: 'UTC' }).plus({ days: o }).toISODate()!,
      ),
    }));

/** A calendar and an instant within ±3 days of a DST change in its zone, to the millisecond. */
const calendarAndStart = fc
  .constantFrom(
    ...Object.entries(ZONE_DAYS).flatMap(([zone, days]) => days.map((day) => [zone, day] as const)),
  )
  .chain(([zone, baseDay]) =>
    fc.record({
      cal: calendarArb(zone, baseDay),
      start: fc.integer({ min: -3 * DAY, max: 3 * DAY }).map((o) => Date.parse(`${baseDay}T12:00:00Z`) + o),
    }),
  );

/** An instant in business time: the start moved to the next opening (when the calendar has any). */
const inBusinessTime = (cal: BusinessCalendar, t: number): number =>
  addBusinessMinutes(new Date(t), 0, cal).getTime();
const hasTime = (cal: BusinessCalendar): boolean => Object.values(cal.week).some((p) => p.length > 0);

// ---- properties ---------------------------------------------------------------------------------

describe('business time against the minute-stepping reference', () => {
  it('businessMinutesBetween equals the reference over spans of up to 4 days', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 0, max: 4 * DAY }), ({ cal, start }, span) => {
        const got = businessMinutesBetween(new Date(start), new Date(start + span), cal);
        expect(got * MIN).toBeCloseTo(refBetween(cal, start, start + span), 3);
      }),
      { numRuns: 100 },
    );
  });

  it('addBusinessMinutes equals the reference (ms amounts, any start)', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 0, max: 900 * MIN }), ({ cal, start }, ms) => {
        fc.pre(hasTime(cal));
        const want = refAdd(cal, start, ms, 12);
        fc.pre(want !== null);
        expect(addBusinessMinutes(new Date(start), ms / MIN, cal).getTime()).toBe(want);
      }),
      { numRuns: 100 },
    );
  });
});

describe('algebraic properties', () => {
  it('businessMinutesBetween(s, addBusinessMinutes(s, n)) = n for starts in business time', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 0, max: 5000 * MIN }), ({ cal, start }, ms) => {
        fc.pre(hasTime(cal));
        const s = inBusinessTime(cal, start);
        const end = addBusinessMinutes(new Date(s), ms / MIN, cal);
        expect(businessMinutesBetween(new Date(s), end, cal) * MIN).toBeCloseTo(ms, 3);
      }),
      { numRuns: 150 },
    );
  });

  it('is monotonic in the amount and in the end instant', () => {
    fc.assert(
      fc.property(
        calendarAndStart,
        fc.integer({ min: 0, max: 3000 * MIN }),
        fc.integer({ min: 0, max: 3000 * MIN }),
        ({ cal, start }, x, y) => {
          fc.pre(hasTime(cal));
          const [a, b] = x <= y ? [x, y] : [y, x];
          const s = new Date(start);
          expect(addBusinessMinutes(s, a / MIN, cal).getTime()).toBeLessThanOrEqual(
            addBusinessMinutes(s, b / MIN, cal).getTime(),
          );
          expect(businessMinutesBetween(s, new Date(start + a), cal)).toBeLessThanOrEqual(
            businessMinutesBetween(s, new Date(start + b), cal),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is additive: add(add(s, a), b) = add(s, a + b) for a >= 0, b > 0', () => {
    fc.assert(
      fc.property(
        calendarAndStart,
        fc.integer({ min: 0, max: 3000 * MIN }),
        fc.integer({ min: 1, max: 3000 * MIN }),
        ({ cal, start }, a, b) => {
          fc.pre(hasTime(cal));
          const s = new Date(start);
          const twoSteps = addBusinessMinutes(addBusinessMinutes(s, a / MIN, cal), b / MIN, cal);
          expect(twoSteps.getTime()).toBe(addBusinessMinutes(s, (a + b) / MIN, cal).getTime());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('businessMinutesBetween is additive over a split point and antisymmetric', () => {
    fc.assert(
      fc.property(
        calendarAndStart,
        fc.integer({ min: -5 * DAY, max: 5 * DAY }),
        fc.integer({ min: -5 * DAY, max: 5 * DAY }),
        ({ cal, start }, x, y) => {
          const [a, b, c] = [new Date(start), new Date(start + x), new Date(start + y)];
          const ab = businessMinutesBetween(a, b, cal);
          expect(ab + businessMinutesBetween(b, c, cal)).toBeCloseTo(businessMinutesBetween(a, c, cal), 6);
          expect(businessMinutesBetween(b, a, cal) + ab).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('negative minutes undo positive ones from business time, and agree with businessMinutesBetween', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 1, max: 3000 * MIN }), ({ cal, start }, ms) => {
        fc.pre(hasTime(cal));
        const s = inBusinessTime(cal, start);
        const forward = addBusinessMinutes(new Date(s), ms / MIN, cal);
        expect(addBusinessMinutes(forward, -ms / MIN, cal).getTime()).toBe(s);
        const back = addBusinessMinutes(new Date(start), -ms / MIN, cal);
        expect(back.getTime()).toBeLessThan(start);
        expect(businessMinutesBetween(back, new Date(start), cal) * MIN).toBeCloseTo(ms, 3);
      }),
      { numRuns: 150 },
    );
  });
});
