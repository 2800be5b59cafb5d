/**
 * Hand-computed business-time cases: each convention of the business-time API, the three preset desks' hours
 * (ROR-IKT, Byarkivet, UKE) around Easter, DST, 17 May and Ascension 2026, and the decisions this
 * engine documents (negative minutes, reversed ranges, invalid calendars, calendars with no time).
 */
import { isFristvaktError } from '../errors';
import { isBusinessTime, nextClosing, nextOpening } from './calendar-time';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  norwegianHolidays,
  type BusinessCalendar,
} from './index';

const holidays = [2025, 2026, 2027].flatMap((y) => norwegianHolidays(y));
const weekdays = (from: string, to: string, zone = 'Europe/Oslo'): BusinessCalendar => {
  const p = [{ from, to }];
  return { zone, week: { 1: p, 2: p, 3: p, 4: p, 5: p }, holidays };
};
const ROR_IKT = weekdays('08:00', '15:30');
const BYARKIVET = weekdays('09:00', '15:00');
const UKE = weekdays('08:00', '20:00');
const ALL_DAY = [{ from: '00:00', to: '24:00' }];
const ALWAYS: BusinessCalendar = {
  zone: 'Europe/Oslo',
  week: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
  holidays: [],
};

const add = (start: string, minutes: number, cal: BusinessCalendar): string =>
  addBusinessMinutes(new Date(start), minutes, cal).toISOString();
const between = (from: string, to: string, cal: BusinessCalendar): number =>
  businessMinutesBetween(new Date(from), new Date(to), cal);
const iso = (s: string): string => new Date(s).toISOString();

/** Runs `f` and returns the field of the ValidationError it throws. */
function fieldOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isFristvaktError(e, 'VALIDATION')) return String(e.details.field);
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('ROR-IKT, Mon–Fri 08:00–15:30', () => {
  it('skips Easter 2026 (skjærtorsdag 2/4 to 2. påskedag 6/4)', () => {
    expect(add('2026-04-01T15:00:00+02:00', 120, ROR_IKT)).toBe(iso('2026-04-07T09:30:00+02:00'));
    expect(between('2026-04-01T08:00:00+02:00', '2026-04-08T08:00:00+02:00', ROR_IKT)).toBe(900);
  });

  it('crosses the DST change of 29 March 2026: 30 min CET Friday + 30 min CEST Monday', () => {
    expect(add('2026-03-27T15:00:00+01:00', 60, ROR_IKT)).toBe('2026-03-30T06:30:00.000Z');
  });

  it('crosses the DST change of 25 October 2026: 15 min CEST + 225 min CET', () => {
    expect(add('2026-10-23T15:15:00+02:00', 240, ROR_IKT)).toBe('2026-10-26T10:45:00.000Z');
  });

  it('17 May 2026 is a Sunday: Monday 18 May is an ordinary day', () => {
    expect(add('2026-05-15T14:30:00+02:00', 180, ROR_IKT)).toBe(iso('2026-05-18T10:00:00+02:00'));
  });

  it('skips Ascension, Thursday 14 May 2026', () => {
    expect(add('2026-05-13T12:00:00+02:00', 450, ROR_IKT)).toBe(iso('2026-05-15T12:00:00+02:00'));
  });

  it('a start exactly at closing with 0 minutes gets the next opening (over Ascension)', () => {
    expect(add('2026-05-13T15:30:00+02:00', 0, ROR_IKT)).toBe(iso('2026-05-15T08:00:00+02:00'));
  });

  it('a result landing exactly on closing is the closing, not the next opening', () => {
    expect(add('2026-05-15T08:00:00+02:00', 450, ROR_IKT)).toBe(iso('2026-05-15T15:30:00+02:00'));
  });
});

describe('Byarkivet, Mon–Fri 09:00–15:00', () => {
  it('a start on skjærtorsdag counts from Tuesday after Easter', () => {
    expect(add('2026-04-02T10:00:00+02:00', 60, BYARKIVET)).toBe(iso('2026-04-07T10:00:00+02:00'));
  });

  it('has two full days across the spring DST weekend', () => {
    expect(between('2026-03-27T09:00:00+01:00', '2026-03-30T15:00:00+02:00', BYARKIVET)).toBe(720);
  });

  it('counts nothing over the autumn DST weekend and 1 h each side of it', () => {
    expect(between('2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00', BYARKIVET)).toBe(0);
    expect(add('2026-10-23T14:00:00+02:00', 120, BYARKIVET)).toBe(iso('2026-10-26T10:00:00+01:00'));
  });

  it('has four days in the week of Ascension 2026 (17 May is a Sunday)', () => {
    expect(between('2026-05-11T09:00:00+02:00', '2026-05-18T09:00:00+02:00', BYARKIVET)).toBe(1440);
  });
});

describe('UKE Servicesenter, Mon–Fri 08:00–20:00', () => {
  it('skips Easter 2026', () => {
    expect(add('2026-04-01T19:00:00+02:00', 120, UKE)).toBe(iso('2026-04-07T09:00:00+02:00'));
  });

  it('crosses the DST change of 29 March 2026', () => {
    expect(add('2026-03-27T19:30:00+01:00', 60, UKE)).toBe(iso('2026-03-30T08:30:00+02:00'));
  });

  it('has 12 h each day around the DST change of 25 October 2026', () => {
    expect(between('2026-10-23T08:00:00+02:00', '2026-10-26T20:00:00+01:00', UKE)).toBe(1440);
  });

  it('counts only Friday between Wednesday evening and Monday morning in the week of Ascension', () => {
    expect(between('2026-05-13T20:00:00+02:00', '2026-05-18T08:00:00+02:00', UKE)).toBe(720);
  });

  it('periods are half-open: 08:00 is open, 20:00 is closed', () => {
    expect(isBusinessTime(new Date('2026-06-01T08:00:00+02:00'), UKE)).toBe(true);
    expect(isBusinessTime(new Date('2026-06-01T19:59:59.999+02:00'), UKE)).toBe(true);
    expect(isBusinessTime(new Date('2026-06-01T20:00:00+02:00'), UKE)).toBe(false);
    expect(isBusinessTime(new Date('2026-06-01T07:59:59.999+02:00'), UKE)).toBe(false);
  });
});

describe('conventions', () => {
  const LUNCH: BusinessCalendar = {
    zone: 'Europe/Oslo',
    week: {
      1: [
        { from: '12:00', to: '15:30' },
        { from: '08:00', to: '11:30' },
      ],
    },
    holidays: [],
  };

  it('0 minutes inside business time returns start, ms and all', () => {
    expect(add('2026-06-01T10:15:30.123+02:00', 0, ROR_IKT)).toBe(iso('2026-06-01T10:15:30.123+02:00'));
  });

  it('a start in a lunch break counts from the end of the break; periods may be listed in any order', () => {
    expect(add('2026-06-01T11:40:00+02:00', 0, LUNCH)).toBe(iso('2026-06-01T12:00:00+02:00'));
    expect(add('2026-06-01T11:00:00+02:00', 60, LUNCH)).toBe(iso('2026-06-01T12:30:00+02:00'));
    expect(add('2026-06-01T11:00:00+02:00', 30, LUNCH)).toBe(iso('2026-06-01T11:30:00+02:00'));
    expect(between('2026-06-01T00:00:00+02:00', '2026-06-02T00:00:00+02:00', LUNCH)).toBe(420);
  });

  it('a start after closing, at a weekend or on a holiday counts from the next opening', () => {
    expect(add('2026-06-01T18:00:00+02:00', 30, ROR_IKT)).toBe(iso('2026-06-02T08:30:00+02:00'));
    expect(add('2026-06-06T12:00:00+02:00', 30, ROR_IKT)).toBe(iso('2026-06-08T08:30:00+02:00'));
    expect(add('2026-05-14T10:00:00+02:00', 30, ROR_IKT)).toBe(iso('2026-05-15T08:30:00+02:00'));
  });

  it('does not round: seconds and ms carry through, and fractional minutes count exactly', () => {
    expect(add('2026-06-01T09:00:00.123+02:00', 1.5, ROR_IKT)).toBe(iso('2026-06-01T09:01:30.123+02:00'));
    // 1 ms before closing + 1 ms lands exactly on the closing.
    expect(add('2026-06-01T15:29:59.999+02:00', 1 / 60000, ROR_IKT)).toBe(iso('2026-06-01T15:30:00+02:00'));
    expect(add('2026-06-01T15:29:59.999+02:00', 2 / 60000, ROR_IKT)).toBe(
      iso('2026-06-02T08:00:00.001+02:00'),
    );
    expect(between('2026-06-01T09:00:00+02:00', '2026-06-01T09:00:30+02:00', ROR_IKT)).toBe(0.5);
    expect(between('2026-06-01T15:29:00+02:00', '2026-06-02T08:00:00.006+02:00', ROR_IKT)).toBeCloseTo(
      1.0001,
      10,
    );
  });

  it("'24:00' ends a period at the next local midnight, and touching periods run on", () => {
    const night: BusinessCalendar = {
      zone: 'Europe/Oslo',
      week: { 1: [{ from: '22:00', to: '24:00' }], 2: [{ from: '00:00', to: '02:00' }] },
      holidays: [],
    };
    expect(add('2026-06-01T23:00:00+02:00', 120, night)).toBe(iso('2026-06-02T01:00:00+02:00'));
    expect(between('2026-06-01T22:00:00+02:00', '2026-06-02T02:00:00+02:00', night)).toBe(240);
    expect(nextClosing(new Date('2026-06-01T23:00:00+02:00'), night)!.toISOString()).toBe(
      iso('2026-06-02T02:00:00+02:00'),
    );
  });

  it('24/7 counts real elapsed time on DST days (23 h in spring, 25 h in autumn)', () => {
    expect(between('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', ALWAYS)).toBe(1380);
    expect(between('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', ALWAYS)).toBe(1500);
    expect(add('2026-10-24T12:00:00+02:00', 1500 + 1440, ALWAYS)).toBe(iso('2026-10-26T12:00:00+01:00'));
  });

  it('an 08:00–16:00 day keeps 8 hours on both DST change days', () => {
    const daily = {
      ...ALWAYS,
      week: Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [d, [{ from: '08:00', to: '16:00' }]])),
    };
    expect(between('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', daily)).toBe(480);
    expect(between('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', daily)).toBe(480);
  });

  it('a boundary in the spring DST gap moves forward by the gap (02:30 → 03:30 CEST)', () => {
    const sunday: BusinessCalendar = {
      zone: 'Europe/Oslo',
      week: { 7: [{ from: '02:30', to: '05:00' }] },
      holidays: [],
    };
    expect(between('2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', sunday)).toBe(90);
    expect(add('2026-03-29T00:00:00+01:00', 0, sunday)).toBe(iso('2026-03-29T03:30:00+02:00'));
    // Both ends in the gap: both move forward (03:10–03:50 CEST).
    const inGap: BusinessCalendar = { ...sunday, week: { 7: [{ from: '02:10', to: '02:50' }] } };
    expect(between('2026-03-28T00:00:00+01:00', '2026-03-30T00:00:00+02:00', inGap)).toBe(40);
    expect(add('2026-03-29T00:00:00+01:00', 0, inGap)).toBe(iso('2026-03-29T03:10:00+02:00'));
    // 02:30 moves to 03:30, past the real 03:15: that day the period has no time.
    const empty: BusinessCalendar = { ...sunday, week: { 7: [{ from: '02:30', to: '03:15' }] } };
    expect(between('2026-03-28T00:00:00+01:00', '2026-03-30T00:00:00+02:00', empty)).toBe(0);
    // A neighbouring Sunday has the full 150 minutes.
    expect(between('2026-03-22T00:00:00+01:00', '2026-03-23T00:00:00+01:00', sunday)).toBe(150);
  });

  it('an ambiguous boundary in the autumn takes the earlier instant (02:30 CEST)', () => {
    const sunday: BusinessCalendar = {
      zone: 'Europe/Oslo',
      week: { 7: [{ from: '02:30', to: '04:00' }] },
      holidays: [],
    };
    expect(add('2026-10-25T00:00:00+02:00', 0, sunday)).toBe('2026-10-25T00:30:00.000Z');
    expect(between('2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', sunday)).toBe(150);
  });

  it('holidays come from the calendar: the same day is open without them', () => {
    const noHolidays = { ...BYARKIVET, holidays: [] };
    expect(add('2026-04-02T10:00:00+02:00', 60, noHolidays)).toBe(iso('2026-04-02T11:00:00+02:00'));
    expect(add('2026-06-03T10:00:00+02:00', 360, { ...BYARKIVET, holidays: ['2026-06-04'] })).toBe(
      iso('2026-06-05T10:00:00+02:00'),
    );
  });

  it('works in other zones and far from today', () => {
    const ny = weekdays('09:00', '17:00', 'America/New_York');
    expect(add('2026-03-06T16:00:00-05:00', 120, ny)).toBe(iso('2026-03-09T10:00:00-04:00'));
    expect(add('2100-12-31T14:00:00+01:00', 120, BYARKIVET)).toBe(iso('2101-01-03T10:00:00+01:00'));
    expect(between('1999-12-31T09:00:00+01:00', '2000-01-03T10:00:00+01:00', BYARKIVET)).toBe(420);
  });

  it('handles amounts of many decades in either direction, and stops at the year 9999', () => {
    const cal = weekdays('09:00', '15:00');
    const s = new Date('2026-06-01T10:00:00+02:00');
    for (const n of [1e7, -1e7]) {
      const t = addBusinessMinutes(s, n, cal);
      expect(Math.abs(t.getTime() - s.getTime())).toBeGreaterThan(50 * 365 * 86_400_000);
      expect(businessMinutesBetween(s, t, cal)).toBe(n);
    }
    expect(() => addBusinessMinutes(s, 1e10, cal)).toThrow(RangeError);
  });

  it('gives the same answers when a query reaches back before the compiled years', () => {
    const cal = weekdays('08:00', '15:30');
    const fresh = weekdays('08:00', '15:30');
    fresh.holidays = [...holidays]; // another object with the same content
    expect(add('2030-06-03T10:00:00+02:00', 60, cal)).toBe(iso('2030-06-03T11:00:00+02:00'));
    expect(between('2024-01-01T00:00:00+01:00', '2030-01-01T00:00:00+01:00', cal)).toBe(
      between('2024-01-01T00:00:00+01:00', '2030-01-01T00:00:00+01:00', fresh),
    );
    expect(add('2027-01-04T09:00:00+01:00', -120, cal)).toBe(iso('2026-12-31T14:30:00+01:00'));
  });
});

describe('decisions', () => {
  it('negative minutes count backwards, mirroring the forward conventions', () => {
    // Over Easter: 1 h on Tuesday 7 April, then 1 h before Wednesday 1 April's closing.
    expect(add('2026-04-07T10:00:00+02:00', -120, BYARKIVET)).toBe(iso('2026-04-01T14:00:00+02:00'));
    // A start in closed time counts from the previous closing.
    expect(add('2026-04-11T12:00:00+02:00', -60, BYARKIVET)).toBe(iso('2026-04-10T14:00:00+02:00'));
    // Landing exactly on an opening is that opening, not the previous closing.
    expect(add('2026-04-07T10:00:00+02:00', -60, BYARKIVET)).toBe(iso('2026-04-07T09:00:00+02:00'));
    // Undoes a forward add from inside business time.
    const fwd = addBusinessMinutes(new Date('2026-05-13T11:17:05.5Z'), 1234.5, BYARKIVET);
    expect(addBusinessMinutes(fwd, -1234.5, BYARKIVET).toISOString()).toBe('2026-05-13T11:17:05.500Z');
  });

  it('businessMinutesBetween with to before from is minus the reverse', () => {
    expect(between('2026-04-07T10:00:00+02:00', '2026-04-01T14:00:00+02:00', BYARKIVET)).toBe(-120);
    expect(between('2026-04-07T10:00:00+02:00', '2026-04-07T10:00:00+02:00', BYARKIVET)).toBe(0);
  });

  it('rejects an invalid calendar with an error naming the field', () => {
    const p = (from: string, to: string) => [{ from, to }];
    const at = new Date('2026-06-01T10:00:00Z');
    const check = (cal: unknown) => fieldOf(() => addBusinessMinutes(at, 1, cal as BusinessCalendar));
    expect(check({ ...BYARKIVET, week: { 1: p('8:00', '15:00') } })).toBe('calendar.week.1[0].from');
    expect(check({ ...BYARKIVET, week: { 2: p('08:00', '15:60') } })).toBe('calendar.week.2[0].to');
    expect(check({ ...BYARKIVET, week: { 3: p('24:00', '24:00') } })).toBe('calendar.week.3[0].from');
    expect(check({ ...BYARKIVET, week: { 4: p('15:00', '09:00') } })).toBe('calendar.week.4[0].to');
    expect(check({ ...BYARKIVET, week: { 5: p('09:00', '09:00') } })).toBe('calendar.week.5[0].to');
    expect(
      check({
        ...BYARKIVET,
        week: {
          1: [
            { from: '09:00', to: '12:00' },
            { from: '11:00', to: '15:00' },
          ],
        },
      }),
    ).toBe('calendar.week.1[1].from');
    expect(check({ ...BYARKIVET, week: { 8: p('09:00', '15:00') } })).toBe('calendar.week.8');
    expect(check({ ...BYARKIVET, week: [p('09:00', '15:00')] })).toBe('calendar.week');
    expect(check({ ...BYARKIVET, zone: 'Europe/Olso' })).toBe('calendar.zone');
    expect(check({ ...BYARKIVET, holidays: ['2026-02-30'] })).toBe('calendar.holidays[0]');
    expect(check({ ...BYARKIVET, holidays: ['2026-01-01', '1/5/2026'] })).toBe('calendar.holidays[1]');
  });

  it('throws a clear error instead of searching forever when a calendar has no business time', () => {
    const at = new Date('2026-06-01T10:00:00Z');
    const closed: BusinessCalendar = { zone: 'Europe/Oslo', week: {}, holidays: [] };
    expect(fieldOf(() => addBusinessMinutes(at, 1, closed))).toBe('calendar.week');
    expect(fieldOf(() => addBusinessMinutes(at, -1, closed))).toBe('calendar.week');
    expect(businessMinutesBetween(at, new Date('2027-06-01T10:00:00Z'), closed)).toBe(0);
    // Only Mondays, and every Monday of 2026–2030 a holiday.
    const mondays: string[] = [];
    for (let t = Date.UTC(2026, 0, 5); t < Date.UTC(2031, 0, 1); t += 7 * 86400000) {
      mondays.push(new Date(t).toISOString().slice(0, 10));
    }
    const allHolidays: BusinessCalendar = { zone: 'Europe/Oslo', week: { 1: ALL_DAY }, holidays: mondays };
    expect(fieldOf(() => addBusinessMinutes(at, 1, allHolidays))).toBe('calendar.holidays');
    expect(fieldOf(() => addBusinessMinutes(at, 0, allHolidays))).toBe('calendar.holidays');
    // Open again in 2031: found when it is within reach, from late 2029 on.
    expect(addBusinessMinutes(new Date('2030-06-01T00:00:00Z'), 60, allHolidays).toISOString()).toBe(
      '2031-01-06T00:00:00.000Z',
    );
  });

  it('rejects an invalid Date or a non-finite number of minutes with RangeError', () => {
    expect(() => addBusinessMinutes(new Date('nope'), 1, BYARKIVET)).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date('2026-06-01T10:00:00Z'), NaN, BYARKIVET)).toThrow(RangeError);
    expect(() => addBusinessMinutes(new Date('2026-06-01T10:00:00Z'), Infinity, BYARKIVET)).toThrow(
      RangeError,
    );
    expect(() =>
      businessMinutesBetween(new Date('2026-06-01T10:00:00Z'), new Date('nope'), BYARKIVET),
    ).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('nextOpening is the start itself inside business time, otherwise the next opening', () => {
    expect(nextOpening(new Date('2026-06-01T10:00:00+02:00'), BYARKIVET).toISOString()).toBe(
      iso('2026-06-01T10:00:00+02:00'),
    );
    expect(nextOpening(new Date('2026-06-05T15:00:00+02:00'), BYARKIVET).toISOString()).toBe(
      iso('2026-06-08T09:00:00+02:00'),
    );
  });

  it('nextClosing is the end of the current or next stretch; null when it never closes', () => {
    expect(nextClosing(new Date('2026-06-01T10:00:00+02:00'), BYARKIVET)!.toISOString()).toBe(
      iso('2026-06-01T15:00:00+02:00'),
    );
    expect(nextClosing(new Date('2026-06-06T10:00:00+02:00'), BYARKIVET)!.toISOString()).toBe(
      iso('2026-06-08T15:00:00+02:00'),
    );
    expect(nextClosing(new Date('2026-06-06T10:00:00+02:00'), ALWAYS)).toBeNull();
  });
});
