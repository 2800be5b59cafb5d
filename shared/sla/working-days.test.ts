import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { isFristvaktError } from '../errors';
import { nextOpening } from './calendar-time';
import { norwegianHolidays, type BusinessCalendar } from './index';
import { addWorkingDays, isWorkingDay } from './working-days';

const holidays = [2025, 2026, 2027].flatMap((y) => norwegianHolidays(y));
const p = (from: string, to: string) => [{ from, to }];
const BYARKIVET: BusinessCalendar = {
  zone: 'Europe/Oslo',
  week: {
    1: p('09:00', '15:00'),
    2: p('09:00', '15:00'),
    3: p('09:00', '15:00'),
    4: p('09:00', '15:00'),
    5: p('09:00', '15:00'),
  },
  holidays,
};

const due = (receipt: string, days: number, cal: BusinessCalendar = BYARKIVET): string =>
  addWorkingDays(new Date(receipt), days, cal).toISOString();
const iso = (s: string): string => new Date(s).toISOString();

describe('addWorkingDays: "N virkedager after receipt"', () => {
  it('is the same clock time on the Nth working day, skipping Ascension 2026', () => {
    expect(due('2026-05-12T11:00:00+02:00', 2)).toBe(iso('2026-05-15T11:00:00+02:00'));
  });

  it('counts a receipt outside business time from the next opening (Sat 10:00 + 2 = Wed 09:00)', () => {
    expect(due('2026-05-16T10:00:00+02:00', 2)).toBe(iso('2026-05-20T09:00:00+02:00'));
    // A receipt exactly at closing is outside business time too.
    expect(due('2026-03-27T15:00:00+01:00', 2)).toBe(iso('2026-04-01T09:00:00+02:00'));
    // Before opening on a working day: that day's opening, then two days on.
    expect(due('2026-06-02T07:00:00+02:00', 2)).toBe(iso('2026-06-04T09:00:00+02:00'));
  });

  it('runs 10 working days over Easter 2026 (Byarkivet category C)', () => {
    expect(due('2026-04-01T14:00:00+02:00', 10)).toBe(iso('2026-04-20T14:00:00+02:00'));
  });

  it('keeps the local clock time, to the ms, across a DST change', () => {
    expect(due('2026-03-27T10:00:00+01:00', 1)).toBe(iso('2026-03-30T10:00:00+02:00'));
    expect(due('2026-10-23T14:59:30.250+02:00', 1)).toBe(iso('2026-10-26T14:59:30.250+01:00'));
  });

  it('skips 1. juledag and the weekend; julaften is a working day', () => {
    expect(due('2026-12-23T10:00:00+01:00', 2)).toBe(iso('2026-12-28T10:00:00+01:00'));
  });

  it("is no later than the due day's closing and no earlier than its opening", () => {
    const shortFriday: BusinessCalendar = {
      ...BYARKIVET,
      week: { ...BYARKIVET.week, 5: p('09:00', '12:00') },
    };
    expect(due('2026-06-04T14:00:00+02:00', 1, shortFriday)).toBe(iso('2026-06-05T12:00:00+02:00'));
    const lateTuesday: BusinessCalendar = {
      ...BYARKIVET,
      week: { 1: p('08:00', '16:00'), 2: p('10:00', '16:00') },
    };
    expect(due('2026-06-01T08:30:00+02:00', 1, lateTuesday)).toBe(iso('2026-06-02T10:00:00+02:00'));
  });

  it('keeps a clock time that falls in a lunch break on the due day', () => {
    const lunchWednesday: BusinessCalendar = {
      ...BYARKIVET,
      week: { ...BYARKIVET.week, 3: [...p('09:00', '11:00'), ...p('12:00', '15:00')] },
    };
    expect(due('2026-06-02T11:30:00+02:00', 1, lunchWednesday)).toBe(iso('2026-06-03T11:30:00+02:00'));
  });

  it('0 days is the (normalised) receipt', () => {
    expect(due('2026-06-02T11:30:00+02:00', 0)).toBe(iso('2026-06-02T11:30:00+02:00'));
    expect(due('2026-06-06T11:30:00+02:00', 0)).toBe(iso('2026-06-08T09:00:00+02:00'));
  });

  it('rejects a negative or fractional number of days', () => {
    expect(() => addWorkingDays(new Date('2026-06-02T10:00:00Z'), -1, BYARKIVET)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('2026-06-02T10:00:00Z'), 1.5, BYARKIVET)).toThrow(RangeError);
  });

  it('runs across a year end and far ahead', () => {
    expect(due('2026-12-30T10:00:00+01:00', 2)).toBe(iso('2027-01-04T10:00:00+01:00'));
    // 500 working days, counted here day by day over weekdays that are not in the holiday list.
    const hol = new Set(holidays);
    let day = Date.UTC(2026, 0, 2);
    for (let n = 0; n < 500;) {
      day += 86400000;
      const wd = new Date(day).getUTCDay();
      if (wd !== 0 && wd !== 6 && !hol.has(new Date(day).toISOString().slice(0, 10))) n++;
    }
    const local = DateTime.fromISO(`${new Date(day).toISOString().slice(0, 10)}T10:00`, {
      zone: 'Europe/Oslo',
    });
    expect(due('2026-01-02T10:00:00+01:00', 500)).toBe(local.toUTC().toISO());
  });

  it('throws a clear error for a calendar with no working days', () => {
    const closed: BusinessCalendar = { zone: 'Europe/Oslo', week: {}, holidays: [] };
    try {
      addWorkingDays(new Date('2026-06-02T10:00:00Z'), 1, closed);
      throw new Error('expected an error');
    } catch (e) {
      expect(isFristvaktError(e, 'VALIDATION') && e.details.field).toBe('calendar.week');
    }
  });
});

describe('isWorkingDay', () => {
  it('is false for weekends and holidays, true for ordinary weekdays', () => {
    expect(isWorkingDay('2026-05-14', BYARKIVET)).toBe(false); // Ascension
    expect(isWorkingDay('2026-05-16', BYARKIVET)).toBe(false); // Saturday
    expect(isWorkingDay('2026-05-15', BYARKIVET)).toBe(true);
    expect(isWorkingDay('2026-12-24', BYARKIVET)).toBe(true);
    expect(() => isWorkingDay('2026-13-01', BYARKIVET)).toThrow(/date/);
  });
});

describe('addWorkingDays properties', () => {
  /** Random weekly hours between 06:00 and 20:00 (away from DST hours), some days closed, a few holidays. */
  const calendarArb = fc
    .record({
      days: fc.array(
        fc.option(
          fc.record({ open: fc.integer({ min: 24, max: 50 }), len: fc.integer({ min: 1, max: 30 }) }),
          { nil: undefined },
        ),
        { minLength: 7, maxLength: 7 },
      ),
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 8 }),
      zone: fc.constantFrom('Europe/Oslo', 'America/New_York'),
    })
    .filter(({ days }) => days.some((d) => d !== undefined))
    .map(({ days, holidays: hs, zone }): BusinessCalendar => {
      const q = (n: number) =>
        `${String(Math.floor(n / 4)).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`;
      const week: BusinessCalendar['week'] = {};
      days.forEach((d, i) => {
        if (d) week[(i + 1) as 1] = [{ from: q(d.open), to: q(Math.min(d.open + d.len, 80)) }];
      });
      const base = DateTime.fromISO('2026-03-01', { zone: 'UTC' });
      return { zone, week, holidays: hs.map((o) => base.plus({ days: o }).toISODate()!) };
    });

  it('lands on the Nth working day after the (normalised) receipt, at its clock time clamped to the day', () => {
    fc.assert(
      fc.property(
        calendarArb,
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        fc.integer({ min: 1, max: 12 }),
        (cal, offset, n) => {
          const start = new Date(Date.parse('2026-03-01T00:00:00Z') + offset);
          const due = addWorkingDays(start, n, cal);
          const receipt = DateTime.fromJSDate(nextOpening(start, cal), { zone: cal.zone });
          const dueLocal = DateTime.fromJSDate(due, { zone: cal.zone });
          // Count working days (open weekday, not a holiday) after the receipt's date up to the due date.
          const working = (d: DateTime) =>
            (cal.week[d.weekday as 1]?.length ?? 0) > 0 && !cal.holidays.includes(d.toISODate()!);
          let count = 0;
          for (let d = receipt.startOf('day').plus({ days: 1 }); d <= dueLocal; d = d.plus({ days: 1 })) {
            if (working(d)) count++;
          }
          expect(count).toBe(n);
          expect(working(dueLocal)).toBe(true);
          expect(isWorkingDay(dueLocal.toISODate()!, cal)).toBe(true);
          // The clock time: the receipt's, clamped into the due day's hours.
          const p = cal.week[dueLocal.weekday as 1]![0]!;
          const at = (hhmm: string) => {
            const [h, m] = hhmm.split(':').map(Number) as [number, number];
            return dueLocal.set({ hour: h, minute: m, second: 0, millisecond: 0 }).toMillis();
          };
          const wanted = dueLocal
            .set({
              hour: receipt.hour,
              minute: receipt.minute,
              second: receipt.second,
              millisecond: receipt.millisecond,
            })
            .toMillis();
          expect(due.getTime()).toBe(Math.min(Math.max(wanted, at(p.from)), at(p.to)));
        },
      ),
      { numRuns: 100 },
    );
  });
});

// ---- against a slow reference ---------------------------------------------------------------------

const MIN = 60_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * The instant of a local wall-clock time (ms since 1970-01-01T00:00 local) from luxon's offsets: the
 * earliest instant whose wall clock shows it, or (in a DST gap) the time read with the offset from
 * before the gap, i.e. moved forward by the gap.
 */
function refInstantOfLocal(zone: string, localMs: number): number {
  const z = IANAZone.create(zone);
  const offsets = new Set<number>();
  for (let h = -48; h <= 48; h += 6) offsets.add(z.offset(localMs + h * HOUR) * MIN);
  const shown = [...offsets]
    .map((o) => localMs - o)
    .filter((t) => t + z.offset(t) * MIN === localMs)
    .sort((a, b) => a - b);
  return shown.length > 0 ? shown[0]! : localMs - z.offset(localMs - 2 * DAY) * MIN;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Opening and closing of local day `day` (days since 1970-01-01), or null when it is not a working day. */
function refDay(cal: BusinessCalendar, day: number): { open: number; close: number } | null {
  const date = new Date(day * DAY).toISOString().slice(0, 10);
  if (cal.holidays.includes(date)) return null;
  const weekday = (new Date(day * DAY).getUTCDay() || 7) as 1;
  let open = Infinity;
  let close = -Infinity;
  for (const p of cal.week[weekday] ?? []) {
    const a = refInstantOfLocal(cal.zone, day * DAY + minutesOf(p.from) * MIN);
    const b = refInstantOfLocal(cal.zone, day * DAY + minutesOf(p.to) * MIN);
    if (b <= a) continue; // wholly inside a DST gap
    open = Math.min(open, a);
    close = Math.max(close, b);
  }
  return open < close ? { open, close } : null;
}

/**
 * addWorkingDays written out plainly, day by day, with luxon's offsets: the module comment's steps
 * 1–4. Null when no due day is found within `horizon` days.
 */
function refAddWorkingDays(start: number, n: number, cal: BusinessCalendar, horizon = 800): number | null {
  const receipt = nextOpening(new Date(start), cal).getTime();
  if (n === 0) return receipt;
  const local = receipt + IANAZone.create(cal.zone).offset(receipt) * MIN;
  const receiptDay = Math.floor(local / DAY);
  const clock = local - receiptDay * DAY;
  let count = 0;
  for (let day = receiptDay + 1; day <= receiptDay + horizon; day++) {
    const hours = refDay(cal, day);
    if (hours && ++count === n) {
      const t = refInstantOfLocal(cal.zone, day * DAY + clock);
      return Math.min(Math.max(t, hours.open), hours.close);
    }
  }
  return null;
}

describe('addWorkingDays against a slow day-by-day reference', () => {
  const hhmm = (m: number): string =>
    m === 1440
      ? '24:00'
      : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  /** 0–3 periods on a 15-minute grid (often in the small hours, where DST happens), or hours with lunch. */
  const dayPeriods = fc.oneof(
    fc
      .uniqueArray(
        fc.oneof(
          fc.integer({ min: 0, max: 96 }).map((q) => q * 15),
          fc.integer({ min: 4, max: 14 }).map((q) => q * 15),
        ),
        { maxLength: 6 },
      )
      .map((points) => {
        const sorted = [...points].sort((a, b) => a - b);
        const out: Array<{ from: string; to: string }> = [];
        for (let i = 0; i + 1 < sorted.length; i += 2)
          out.push({ from: hhmm(sorted[i]!), to: hhmm(sorted[i + 1]!) });
        return out;
      }),
    fc.constant([
      { from: '08:00', to: '11:30' },
      { from: '12:00', to: '15:30' },
    ]),
    fc.constant([{ from: '09:00', to: '15:00' }]),
  );
  /** Zones with 1 h DST (both hemispheres' rules), 30 min DST, a half-hour offset, UTC; days to start near. */
  const ZONE_DAYS: Record<string, string[]> = {
    'Europe/Oslo': ['2026-03-29', '2026-10-25', '2026-12-31'],
    'America/New_York': ['2026-03-08', '2026-11-01'],
    'Australia/Lord_Howe': ['2026-04-05', '2026-10-04', '2026-12-31'],
    'Asia/Kolkata': ['2026-06-17'],
    UTC: ['2026-12-31'],
  };
  const calendarAndStart = fc
    .constantFrom(...Object.entries(ZONE_DAYS).flatMap(([zone, ds]) => ds.map((d) => [zone, d] as const)))
    .chain(([zone, baseDay]) =>
      fc.record({
        cal: fc
          .record({
            week: fc.array(dayPeriods, { minLength: 7, maxLength: 7 }),
            holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 12 }), { maxLength: 4 }),
          })
          .map(({ week, holidayOffsets }): BusinessCalendar => ({
            zone,
            week: Object.fromEntries(
              week.flatMap((ps, i) => (ps.length > 0 ? [[i + 1, [...ps]] as const] : [])),
            ),
            holidays: holidayOffsets.map((o) =>
              DateTime.fromISO(baseDay, { zone: 'UTC' }).plus({ days: o }).toISODate()!,
            ),
          }))
          .filter((cal) => Object.values(cal.week).some((ps) => ps.length > 0)),
        // Up to 6 days before the DST day (or year end) and 1 day after, to the ms: the due day is often
        // on, or after, the change.
        start: fc.integer({ min: -6 * DAY, max: DAY }).map((o) => Date.parse(`${baseDay}T12:00:00Z`) + o),
      }),
    );

  it('equals the reference for 0–8 working days around DST changes, lunch breaks and small-hour periods', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 0, max: 8 }), ({ cal, start }, n) => {
        const want = refAddWorkingDays(start, n, cal);
        fc.pre(want !== null);
        expect(addWorkingDays(new Date(start), n, cal).toISOString()).toBe(new Date(want).toISOString());
      }),
      { numRuns: 200 },
    );
  });

  it('equals the reference far ahead, over years compiled in turn (up to 300 working days)', () => {
    fc.assert(
      fc.property(calendarAndStart, fc.integer({ min: 9, max: 300 }), ({ cal, start }, n) => {
        const want = refAddWorkingDays(start, n, cal);
        fc.pre(want !== null);
        expect(addWorkingDays(new Date(start), n, cal).toISOString()).toBe(new Date(want).toISOString());
      }),
      { numRuns: 15 },
    );
  });
});
