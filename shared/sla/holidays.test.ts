import { easterSunday, norwegianHolidays, norwegianHolidaysBetween } from './holidays';

describe('norwegianHolidays', () => {
  it('lists the 12 statutory days of 2026 in order, with Easter on 5 April', () => {
    expect(norwegianHolidays(2026)).toEqual([
      '2026-01-01', // nyttårsdag
      '2026-04-02', // skjærtorsdag
      '2026-04-03', // langfredag
      '2026-04-05', // 1. påskedag
      '2026-04-06', // 2. påskedag
      '2026-05-01',
      '2026-05-14', // Kristi himmelfartsdag
      '2026-05-17', // a Sunday, still listed
      '2026-05-24', // 1. pinsedag
      '2026-05-25', // 2. pinsedag
      '2026-12-25',
      '2026-12-26',
    ]);
  });

  it('lists a date once when two holidays coincide (2. pinsedag is 17 May in 2027)', () => {
    const y2027 = norwegianHolidays(2027);
    expect(y2027).toHaveLength(11);
    expect(y2027.filter((d) => d === '2027-05-17')).toHaveLength(1);
  });

  it('computes Easter Sunday by the Gregorian computus, including its extremes', () => {
    const cases: Array<[number, number, number]> = [
      [1818, 3, 22], // earliest possible
      [1943, 4, 25], // latest possible
      [2000, 4, 23],
      [2008, 3, 23],
      [2019, 4, 21],
      [2024, 3, 31],
      [2038, 4, 25],
      [2285, 3, 22],
    ];
    for (const [y, month, day] of cases) expect(easterSunday(y)).toEqual({ month, day });
  });

  it('is sorted and distinct for every year, with Easter-linked days in place', () => {
    for (let y = 1900; y <= 2200; y++) {
      const days = norwegianHolidays(y);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      expect(days.length === 12 || days.length === 11).toBe(true);
      const { month, day } = easterSunday(y);
      const easter = Date.UTC(y, month - 1, day);
      const plus = (n: number) => new Date(easter + n * 86400000).toISOString().slice(0, 10);
      for (const n of [-3, -2, 0, 1, 39, 49, 50]) expect(days).toContain(plus(n));
      expect(new Date(easter).getUTCDay()).toBe(0);
    }
  });

  it('joins several years and rejects years outside the Gregorian era in Norway', () => {
    expect(norwegianHolidaysBetween(2025, 2027)).toHaveLength(35);
    expect(() => norwegianHolidays(1600)).toThrow(RangeError);
    expect(() => norwegianHolidays(2026.5)).toThrow(RangeError);
  });
});
